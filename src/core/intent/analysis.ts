// One message prepared for matching: composed, capped, folded, item codes masked, words and percents located.
import {
  findDamagedCodes,
  findItemCodes,
  findPercents,
  findUnreadableCodes,
  mask,
  type CodeSpan,
  type PercentSpan,
  type ProgramResolver,
  type Span,
} from './codes.ts';
import { expandShorthand } from './shorthand.ts';
import { correctSpelling } from './spelling.ts';
import { foldWithMap, hornPairs, tokenize, toNfc, type Folded, type Token } from './normalize.ts';

/** Intent words sit at the start of a message; looking further only lets a pasted document cost time. */
export const MAX_ANALYSED_CHARS = 1000;

export interface Analysis {
  /** The whole message in NFC (a code glued to the word before it set apart), the source notes are cut from. */
  full: string;
  /** Fold of the analysed prefix of `full`. */
  folded: Folded;
  /** `folded.text` with item codes (readable or not) overwritten by `#`. */
  masked: string;
  tokens: Token[];
  codes: CodeSpan[];
  /** Things written like a code that no code grammar reads ("NQ57-12.3x", "XX-1.1"). */
  unreadable: Span[];
  percents: PercentSpan[];
  /** Whether `full` was longer than what was analysed. */
  truncated: boolean;
}

/**
 * A code in capitals typed onto the word before it ("yêu cầu giải trìnhDA06-06.2"): the space the thumb
 * missed, put back. Only before capitals in a code's shape, after two lower-case letters ("cDS25" is a code).
 */
const GLUED_CODE = /(?<=\p{Ll}{2})(?=\p{Lu}{2,6}[ -]?\d{1,4}[-./ ]?\d)/gu;

export function analyse(text: string, programOf: ProgramResolver): Analysis {
  const full = toNfc(text).replace(GLUED_CODE, ' ');
  let cut = Math.min(full.length, MAX_ANALYSED_CHARS);
  // Never split a surrogate pair: half an emoji would fold to garbage.
  if (cut < full.length && /[\uD800-\uDBFF]/.test(full.charAt(cut - 1))) cut -= 1;
  // Read with "ươ" whole; notes are still cut from `full`, as written.
  const head = hornPairs(full.slice(0, cut));
  const folded = correctSpelling(expandShorthand(foldWithMap(head), head), head);
  const damaged = findDamagedCodes(folded.text, programOf);
  const undamaged = mask(folded.text, damaged);
  const codes = findItemCodes(undamaged, programOf, (from, to) =>
    head.slice(folded.toOrig[from] ?? 0, folded.toOrig[to] ?? head.length),
  );
  const readable = mask(undamaged, codes);
  const unreadable = [...damaged, ...findUnreadableCodes(readable, programOf)].sort(
    (x, y) => x.start - y.start,
  );
  const masked = mask(readable, unreadable);
  return {
    full,
    folded,
    masked,
    tokens: tokenize(masked, folded, head),
    codes,
    unreadable,
    percents: findPercents(masked),
    truncated: cut < full.length,
  };
}

export { isBarrier } from './normalize.ts';

/**
 * Words a period is read from whose folded form belongs to other words too, and those other words as
 * typed with their marks: "tôi" is no "tới" ("tuần tôi …"), "nằm" no "năm". A form that may be a slip for
 * the period word ("cuối nắm", "tuần tớii") is left to read as one.
 */
const NOT_PERIOD_FORMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['nam', ['nằm', 'nấm']],
  ['toi', ['tôi']],
]);

/** `masked` with those words blanked where they were typed as the other words: what periods read. */
export function periodText(a: Analysis): string {
  let text = a.masked;
  for (const t of a.tokens) {
    const typed = t.orig.toLowerCase().normalize('NFC');
    if (NOT_PERIOD_FORMS.get(t.folded)?.includes(typed) !== true) continue;
    text = text.slice(0, t.start) + '_'.repeat(t.end - t.start) + text.slice(t.end);
  }
  return text;
}

/** Index of the first token starting at or after a folded offset (tokens.length when none). */
export function tokenIndexFrom(a: Analysis, offset: number): number {
  const i = a.tokens.findIndex((t) => t.start >= offset);
  return i === -1 ? a.tokens.length : i;
}

/** Offset in `full` of a folded offset. */
export function origOffset(a: Analysis, offset: number): number {
  return a.folded.toOrig[offset] ?? a.full.length;
}

/**
 * The original text between two folded offsets (to the end of the whole message when `to` is null),
 * without the punctuation that separated it from the code or status before it; null when nothing is left.
 */
export function textBetween(
  a: Analysis,
  from: number,
  to: number | null,
  trimTrailingSeparators: boolean,
): string | null {
  const end = to === null ? a.full.length : origOffset(a, to);
  let text = a.full.slice(origOffset(a, from), end).replace(/^[\s:;,.!?\-–—]+/u, '');
  text = trimTrailingSeparators ? text.replace(/[\s,;:\-–—]+$/u, '') : text.trimEnd();
  return /[^\p{P}\s]/u.test(text) ? text : null;
}

/** The indexes of the tokens a punctuation mark comes before: where the message's clauses start. */
export function clauseStarts(a: Analysis): number[] {
  return a.tokens.flatMap((t, i) =>
    i > 0 && /[.,;:!?\n]/u.test(a.masked.slice(a.tokens[i - 1]!.end, t.start)) ? [i] : [],
  );
}
