// Words typed wrong, read as the vocabulary word they were meant to be: telex left-overs ("tieens ddooj" →
// "tiến độ") and one letter dropped, doubled, swapped or mistyped ("qua hnan", "overdeu"). Only words
// outside the vocabulary are touched, only towards one unambiguous vocabulary word; names in capitals
// and numbers are left alone.
import { handwritten } from './corpus/handwritten.ts';
import { TRAINING_LEXICON } from './corpus/lexicon.ts';
import * as templates from './corpus/templates.ts';
import * as keywords from './keywords.ts';
import type { Folded } from './normalize.ts';

const foldWord = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').toLowerCase();

function wordsOf(value: unknown, into: Set<string>, marked?: Map<string, Set<string>>): void {
  if (typeof value === 'string') {
    for (const w of value.split(/[^\p{L}]+/u)) {
      if (w === '') continue;
      const f = foldWord(w);
      into.add(f);
      const forms = marked?.get(f) ?? new Set<string>();
      forms.add(w.toLowerCase().normalize('NFC'));
      marked?.set(f, forms);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) wordsOf(v, into, marked);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) wordsOf(v, into, marked);
  }
}

interface Vocabulary {
  words: Set<string>;
  /** The forms each word is written in, with their diacritics. */
  marked: Map<string, Set<string>>;
  /** Each word with one letter deleted → the words it came from. */
  deletions: Map<string, Set<string>>;
}

let vocab: Vocabulary | null = null;

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Every word the intent tables and the training frames are written with (the classifier's vocabulary). */
function vocabulary(): Vocabulary {
  if (vocab !== null) return vocab;
  const words = new Set<string>();
  const marked = new Map<string, Set<string>>();
  wordsOf(Object.values(templates), words, marked);
  wordsOf(TRAINING_LEXICON, words, marked);
  wordsOf(
    handwritten().map((p) => p.text),
    words,
    marked,
  );
  for (const table of Object.values(keywords)) {
    if (Array.isArray(table)) for (const p of table) wordsOf((p as { text?: unknown }).text, words, marked);
  }
  const deletions = new Map<string, Set<string>>();
  for (const w of words) {
    if (w.length < 4) continue;
    for (const d of deletionsOf(w)) {
      const from = deletions.get(d) ?? new Set<string>();
      from.add(w);
      deletions.set(d, from);
    }
  }
  vocab = { words, marked, deletions };
  return vocab;
}

export function inVocabulary(word: string): boolean {
  return vocabulary().words.has(word);
}

const TONES: Readonly<Record<string, string>> = {
  s: '\u0301',
  f: '\u0300',
  r: '\u0309',
  x: '\u0303',
  j: '\u0323',
};
const TELEX_SIGN = /dd|aa|aw|ee|oo|ow|uw|[aeiouy][a-z]*[sfrxj]$/u;

/** "tieens" → "tiến", "ddooj" → "độ"; null when the word shows no telex. */
export function decodeTelex(word: string): string | null {
  if (!TELEX_SIGN.test(word)) return null;
  let w = word;
  let tone = '';
  const last = w.at(-1) ?? '';
  if (last in TONES && /[aeiouy]/u.test(w.slice(0, -1))) {
    tone = TONES[last] ?? '';
    w = w.slice(0, -1);
  }
  w = w
    .replace(/uow/gu, 'ươ')
    .replace(/dd/gu, 'đ')
    .replace(/aa/gu, 'â')
    .replace(/aw/gu, 'ă')
    .replace(/ee/gu, 'ê')
    .replace(/oo/gu, 'ô')
    .replace(/ow/gu, 'ơ')
    .replace(/uw/gu, 'ư');
  if (tone !== '') {
    const vowels = [...w.matchAll(/[aăâeêioôơuưy]/gu)];
    // The tone sits on the marked vowel, else the last vowel but one of a pair ("hoà"), else the vowel.
    const marked = vowels.find((v) => /[ăâêôơư]/u.test(v[0]));
    const at =
      marked ?? vowels[vowels.length > 1 && !/[^aeiouy]$/u.test(w) ? vowels.length - 2 : vowels.length - 1];
    if (at === undefined) return null;
    w = w.slice(0, at.index + 1) + tone + w.slice(at.index + 1);
  }
  const out = w.normalize('NFC');
  return out === word ? null : out;
}

function oneEditAway(word: string): string | null {
  const v = vocabulary();
  const found = new Set<string>();
  // A letter dropped: the word is a deletion of a vocabulary word.
  for (const w of v.deletions.get(word) ?? []) found.add(w);
  // A letter doubled or added: a deletion of the word is a vocabulary word.
  for (const d of deletionsOf(word)) if (v.words.has(d) && d.length >= 4) found.add(d);
  // Two letters swapped.
  for (let i = 0; i + 1 < word.length; i++) {
    const s = word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    if (v.words.has(s)) found.add(s);
  }
  // One letter mistyped, in a long word only (short Vietnamese syllables differ by one letter all the time).
  if (word.length >= 5) {
    for (const d of deletionsOf(word)) {
      for (const w of v.deletions.get(d) ?? []) if (w.length === word.length) found.add(w);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** The vocabulary word a written word stands for, with the marks it was typed with (telex), or null. */
export function correction(
  folded: string,
  written: string,
): { folded: string; marked: string | null } | null {
  if (folded.length < 3 || !/^[a-z]+$/u.test(folded) || inVocabulary(folded)) return null;
  // Capitals are a name or an abbreviation ("KHCN", "Tân Phú"), not a typo.
  if (written !== written.toLowerCase()) return null;
  const ascii = /^[a-z]+$/u.test(written);
  if (ascii) {
    const telex = decodeTelex(folded);
    // Only a decoding the vocabulary writes so ("hooan" is a doubled letter, not "hôan").
    if (telex !== null && vocabulary().marked.get(foldWord(telex))?.has(telex) === true) {
      return { folded: foldWord(telex), marked: telex };
    }
  }
  // Four-letter syllables are one letter from another real syllable too often ("khoa"/"khoan").
  if (folded.length < 5) return null;
  const near = oneEditAway(folded);
  if (near === null) return null;
  if (ascii) return { folded: near, marked: null };
  // Typed with marks: the vocabulary's form with the same tone, so "chấmm" never becomes "chậm".
  const tone = toneOf(written);
  const forms = [...(vocabulary().marked.get(near) ?? [])].filter((f) => toneOf(f) === tone);
  return forms.length === 1 ? { folded: near, marked: forms[0] ?? null } : { folded: near, marked: null };
}

function toneOf(word: string): string {
  return [...word.normalize('NFD')].filter((c) => /[\u0300\u0301\u0303\u0309\u0323]/u.test(c)).join('');
}

const WORD = /[\p{L}]+/gu;

/** Rewrites the misspelt words of `folded` (the fold of `source`), keeping every offset map exact. */
export function correctSpelling(folded: Folded, source: string): Folded {
  const text = folded.text;
  let out = '';
  const toOrig: number[] = [];
  const before = folded.marked ?? new Map<number, string>();
  const marked = new Map<number, string>();
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const shorthand = before.get(start);
    if (shorthand !== undefined) {
      // A word put in for shorthand keeps its marks, at its new offset.
      marked.set(out.length + (start - at), shorthand);
      continue;
    }
    const written = source.slice(folded.toOrig[start] ?? 0, folded.toOrig[end] ?? source.length);
    const fix = correction(m[0], written);
    if (fix === null) continue;
    out += text.slice(at, start);
    for (let k = at; k < start; k++) toOrig.push(folded.toOrig[k] ?? 0);
    if (fix.marked !== null) marked.set(out.length, fix.marked);
    const origStart = folded.toOrig[start] ?? 0;
    out += fix.folded;
    for (let c = 0; c < fix.folded.length; c++) toOrig.push(origStart);
    at = end;
  }
  if (at === 0) return folded;
  out += text.slice(at);
  for (let k = at; k <= text.length; k++) toOrig.push(folded.toOrig[k] ?? source.length);
  return { text: out, toOrig, marked };
}
