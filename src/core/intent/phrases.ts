// Keyword phrases matched word by word, so "due" never fires inside "overdue" and "chậm" never matches "chấm".
import { marksConsistent, tokenizePhrase, type Token } from './normalize.ts';

export interface Phrase {
  text: string;
  tokens: Token[];
}

/** Longest first, so "sắp đến hạn" is tried before "đến hạn". */
export function compilePhrases(texts: readonly string[]): Phrase[] {
  return texts
    .map((text) => ({ text, tokens: tokenizePhrase(text) }))
    .filter((p) => p.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);
}

/** A written word matches a phrase word when the folded forms agree and no diacritic contradicts. */
export function wordMatches(written: Token, word: Token): boolean {
  return written.folded === word.folded && marksConsistent(written.sig, word.sig);
}

export function phraseAt(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  if (at < 0 || at + phrase.tokens.length > tokens.length) return false;
  for (let k = 0; k < phrase.tokens.length; k++) {
    const written = tokens[at + k];
    const word = phrase.tokens[k];
    if (written === undefined || word === undefined || !wordMatches(written, word)) return false;
  }
  return true;
}

/** Each table's phrases by their first folded word, in the table's order (longest first). */
const byFirstWord = new WeakMap<readonly Phrase[], ReadonlyMap<string, readonly Phrase[]>>();

function indexOf(phrases: readonly Phrase[]): ReadonlyMap<string, readonly Phrase[]> {
  let index = byFirstWord.get(phrases);
  if (index === undefined) {
    const built = new Map<string, Phrase[]>();
    for (const p of phrases) {
      const key = p.tokens[0]!.folded;
      built.set(key, [...(built.get(key) ?? []), p]);
    }
    index = built;
    byFirstWord.set(phrases, index);
  }
  return index;
}

/** The longest phrase of `candidates` (one first word's) starting exactly at token `at`. */
function longestAt(
  tokens: readonly Token[],
  at: number,
  candidates: readonly Phrase[] | undefined,
): Phrase | null {
  if (candidates === undefined) return null;
  for (const phrase of candidates) if (phraseAt(tokens, at, phrase)) return phrase;
  return null;
}

/** The longest phrase starting exactly at token `at`. */
export function matchAt(tokens: readonly Token[], at: number, phrases: readonly Phrase[]): Phrase | null {
  const first = tokens[at];
  if (first === undefined) return null;
  // Only the phrases whose first word is this one: a table is scanned once per word, not once per phrase.
  return longestAt(tokens, at, indexOf(phrases).get(first.folded));
}

/** The longest phrase ending exactly before token `end`. */
export function matchEndingAt(
  tokens: readonly Token[],
  end: number,
  phrases: readonly Phrase[],
): Phrase | null {
  for (const phrase of phrases) if (phraseAt(tokens, end - phrase.tokens.length, phrase)) return phrase;
  return null;
}

export interface PhraseHit {
  start: number;
  end: number;
  phrase: Phrase;
}

/** The first (then longest) phrase occurrence among tokens[from, to). */
export function findPhrase(
  tokens: readonly Token[],
  phrases: readonly Phrase[],
  from = 0,
  to = tokens.length,
): PhraseHit | null {
  // Called a few dozen times per message: the table's index is looked up once, not once per word.
  const index = indexOf(phrases);
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t === undefined) break;
    const phrase = longestAt(tokens, i, index.get(t.folded));
    if (phrase !== null && i + phrase.tokens.length <= to) {
      return { start: i, end: i + phrase.tokens.length, phrase };
    }
  }
  return null;
}

export function hasPhrase(
  tokens: readonly Token[],
  phrases: readonly Phrase[],
  from = 0,
  to = tokens.length,
): boolean {
  return findPhrase(tokens, phrases, from, to) !== null;
}
