// "giải trình: …", "giải trình NQ57-12: …", "explanation: …" — an answer to an explanation request, read
// with the rest of the message (and the parser's one code grammar), so the conversation never reads the text again.
import type { ItemCode, Lexicon } from '../types.ts';
import { findItemCodes } from './codes.ts';
import { programOfCode } from './lexicon-match.ts';
import { fold, toNfc } from './normalize.ts';

/** The colon tells an answer from a request; what stands between the word and the colon may name the item. */
const ANSWER =
  /^\s*(?:giải\s+trình|giai\s+trinh|explanation|explain)(?<about>[^:：\n]{0,40})[:：]\s*(?<text>[\s\S]*)$/iu;

export interface ExplanationAnswer {
  item: ItemCode | null;
  text: string;
}

/** The explanation a message gives in the written form ("nq57-5" is NQ57-05), or null. */
export function readExplanation(text: string, lexicon: Lexicon): ExplanationAnswer | null {
  const match = ANSWER.exec(toNfc(text));
  if (!match?.groups) return null;
  const about = fold(match.groups['about'] ?? '');
  const [code] = findItemCodes(about, (letters, digits) => programOfCode(lexicon, letters, digits));
  return { item: code?.code ?? null, text: (match.groups['text'] ?? '').trim() };
}
