// How officials really type, as transformations of a careful sentence: no diacritics, Zalo shorthand,
// a dropped or doubled letter, telex left-overs, politeness formulas. Used to grow the training corpus
// and (with other sentences) the evaluation set.

export type Random = () => number;

export const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/** "Tiến độ" → "Tien do". */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

/** Whole words (with their diacritics) and the shorthand people write for them. */
const WORDS: readonly [string, readonly string[]][] = [
  ['không', ['k', 'ko', 'hok', 'kg', 'khg']],
  ['được', ['dc', 'đc']],
  ['việc', ['vc']],
  ['nhiệm vụ', ['nv']],
  ['gì', ['j']],
  ['rồi', ['r']],
  ['bao nhiêu', ['bn']],
  ['như thế nào', ['ntn']],
  ['em', ['e']],
  ['anh chị', ['a/c']],
  ['hôm nay', ['hnay']],
  ['trước', ['trc']],
  ['với', ['vs']],
  ['mình', ['mk']],
  ['hướng dẫn sử dụng', ['hdsd']],
  ['làm', ['lm']],
  ['công việc', ['cv']],
  ['danh sách', ['ds']],
  ['báo cáo', ['bc']],
  ['hướng dẫn', ['hd']],
  ['kiểm tra', ['ktra']],
  ['chưa', ['chx', 'chưa']],
  ['tháng', ['thg', 'tháng']],
];
const SHORTHAND: readonly [RegExp, readonly string[]][] = [
  ...WORDS.map(([w, forms]): [RegExp, readonly string[]] => [
    new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu'),
    forms,
  ]),
  [/ ạ$/gu, [' a']],
];

/** Replaces each known word by a shorthand with probability `rate`. */
export function shorthand(text: string, random: Random, rate = 0.8): string {
  let out = text;
  for (const [re, forms] of SHORTHAND) {
    out = out.replace(re, (word) => (random() < rate ? pick(random, forms) : word));
  }
  return out;
}

const TONE_KEY: Readonly<Record<string, string>> = {
  '\u0301': 's',
  '\u0300': 'f',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0323': 'j',
};
const QUALITY_KEY: Readonly<Record<string, string>> = { '\u0302': '', '\u0306': 'w', '\u031B': 'w' };

/** "tiến" → "tieens", "độ" → "ddooj": a word typed with telex while the keyboard's input method was off. */
export function telexWord(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word.normalize('NFD')) {
    if (ch in TONE_KEY) tone = TONE_KEY[ch] ?? '';
    else if (ch === '\u0302') out += out.at(-1) ?? '';
    else if (ch in QUALITY_KEY) out += QUALITY_KEY[ch];
    else if (ch === 'đ') out += 'dd';
    else if (ch === 'Đ') out += 'DD';
    else out += ch;
  }
  return out + tone;
}

/** Telex on `count` words that carry diacritics, the rest left as typed (often without marks). */
export function telex(text: string, random: Random, count = 2): string {
  const words = text.split(' ');
  const marked = words.map((w, i) => [w, i] as const).filter(([w]) => /[^\x00-\x7f]/u.test(w));
  for (let n = 0; n < count && marked.length > 0; n++) {
    const at = Math.floor(random() * marked.length);
    const [w, i] = marked.splice(at, 1)[0]!;
    words[i] = telexWord(w);
  }
  return stripMarks(words.join(' '));
}

/** One letter dropped, doubled or swapped in one word of four letters or more. */
export function typo(text: string, random: Random): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[\p{L}]{4,}$/u.test(w));
  if (long.length === 0) return text;
  const [w, i] = pick(random, long);
  const letters = [...w];
  const at = 1 + Math.floor(random() * (letters.length - 2));
  const kind = random();
  if (kind < 0.4) letters.splice(at, 1);
  else if (kind < 0.8) letters.splice(at, 0, letters[at] ?? '');
  else [letters[at], letters[at + 1]] = [letters[at + 1] ?? '', letters[at] ?? ''];
  words[i] = letters.join('');
  return words.join(' ');
}

export const POLITE_PREFIX = [
  'cho em hỏi ',
  'anh ơi ',
  'chị ơi ',
  'báo cáo anh, ',
  'báo cáo chị ',
  'bot ơi ',
  'xin hỏi ',
  'dạ cho em hỏi ',
  'em muốn hỏi ',
  'nhờ bot xem giúp ',
  'cho tôi biết ',
  'kiểm tra giúp em ',
  'alo ',
  'dạ ',
];
export const POLITE_SUFFIX = [
  ' ạ',
  ' nhé',
  ' nha',
  ' với ạ',
  ' giúp em',
  ' vậy',
  ' thế',
  ' đi',
  ' ạ?',
  ' nhỉ',
];

export function polite(text: string, random: Random): string {
  const head = random() < 0.7 ? pick(random, POLITE_PREFIX) : '';
  const tail = random() < 0.6 ? pick(random, POLITE_SUFFIX) : '';
  return `${head}${text}${tail}`;
}

/** The styles every intent is generated and measured in. */
export const STYLES = ['careful', 'no_marks', 'shorthand', 'typo', 'telex', 'polite'] as const;
export type Style = (typeof STYLES)[number] | 'english' | 'ood';

export function inStyle(text: string, style: Style, random: Random): string {
  switch (style) {
    case 'no_marks':
      return stripMarks(text).toLowerCase();
    case 'shorthand':
      return (random() < 0.6 ? stripMarks : (s: string) => s)(shorthand(text.toLowerCase(), random));
    case 'typo':
      return typo(random() < 0.5 ? stripMarks(text) : text, random);
    case 'telex':
      return telex(text.toLowerCase(), random, 1 + Math.floor(random() * 2));
    case 'polite':
      return polite(random() < 0.3 ? stripMarks(text) : text, random);
    default:
      return text;
  }
}
