// What Zalo adds to a reply: it has no buttons, so their labels follow as words to type instead.
import { bilingual } from './bilingual.ts';

export const ZALO = bilingual({ typeInstead: 'Trả lời bằng chữ: ' }, { typeInstead: 'Reply in words: ' });
