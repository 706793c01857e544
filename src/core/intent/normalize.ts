// Text forms the parser compares on: NFC, lower case, and a diacritic-free fold that keeps offsets into the original.
import { asciiLookalike } from './confusables.ts';

const COMBINING = /\p{M}/gu;
/** Marks that change the vowel itself (â, ă, ơ, ư …): "ca" and "câ" are different letters. */
const QUALITY_MARKS = new Set(['\u0302', '\u0306', '\u031B']);
/** The five Vietnamese tones; one per syllable. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** A message longer than this is cut before anything reads it (the core refuses long ones anyway). */
export const MAX_MESSAGE_CHARS = 20_000;

/** Unpaired UTF-16 surrogates: not text, and Postgres rejects them in jsonb. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
/** Control characters other than tab and newline, and the invisible ones that only hide what is written. */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/**
 * What every channel's text goes through before the core sees it: at most MAX_MESSAGE_CHARS, line ends as
 * "\n", unpaired surrogates as U+FFFD, control and invisible formatting characters removed. The result is
 * valid Unicode that any database column and JSON encoder accepts.
 */
export function sanitizeText(text: string): string {
  const capped = text.length > MAX_MESSAGE_CHARS ? text.slice(0, MAX_MESSAGE_CHARS) : text;
  return capped.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/gu, '\n').replace(INVISIBLE, '');
}

/** Messages from phones often arrive decomposed (NFD); everything downstream expects composed text. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * "ươ" typed half-marked, as hurried phones and some keyboards leave it ("vuớng", "đuợc", "huớng dẫn",
 * "đưoc"): both letters take the horn. Letter for letter, so offsets into the text hold.
 */
export function hornPairs(text: string): string {
  return text
    .replace(/[uU](?=[ơờớởỡợƠỜỚỞỠỢ])/gu, (u) => (u === 'u' ? 'ư' : 'Ư'))
    .replace(/(?<=[ưừứửữựƯỪỨỬỮỰ])[oO](?=\p{L})/gu, (o) => (o === 'o' ? 'ơ' : 'Ơ'));
}

/** NFC, lower case, runs of whitespace collapsed to one space, trimmed. */
export function normalize(text: string): string {
  return toNfc(text).toLowerCase().replace(/\s+/gu, ' ').trim();
}

const foldCache = new Map<string, string>();

function foldCodePoint(cp: string): string {
  const hit = foldCache.get(cp);
  if (hit !== undefined) return hit;
  // Look-alikes first ("Ν" Greek, "５" full-width, "١" Arabic-Indic, "–"), so codes and numbers read as ASCII.
  const out = asciiLookalike(cp).toLowerCase().normalize('NFD').replace(COMBINING, '').replace(/đ/gu, 'd');
  // Bounded so a flood of exotic characters cannot grow the cache without limit.
  if (foldCache.size < 4096) foldCache.set(cp, out);
  return out;
}

/** A folded string plus, for each of its UTF-16 units, the offset of the source unit it came from. */
export interface Folded {
  text: string;
  /** `toOrig[i]` is the source offset of `text[i]`; `toOrig[text.length]` is the source length. */
  toOrig: number[];
  /** Words put in for shorthand, by folded start offset: their diacritics, which the source lacks. */
  marked?: ReadonlyMap<number, string>;
}

/**
 * Lower-cases and strips every diacritic (đ→d) character by character, remembering where each folded
 * character came from so notes can be cut out of the original text verbatim. Whitespace is kept as is.
 */
export function foldWithMap(source: string): Folded {
  const parts: string[] = [];
  const toOrig: number[] = [];
  let offset = 0;
  for (const cp of source) {
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) toOrig.push(offset);
    parts.push(folded);
    offset += cp.length;
  }
  toOrig.push(source.length);
  return { text: parts.join(''), toOrig };
}

/** The diacritic-free comparison form: "Sở KH&CN" and "so  kh&cn" both give "so kh&cn". */
export function fold(text: string): string {
  // Not through normalize(): look-alike capitals fold by their shape, before lower case (Greek "Ν" → n, not ν → v).
  return foldWithMap(toNfc(text).replace(/\s+/gu, ' ').trim()).text;
}

/** Which diacritics a lower-case word carries: a vowel-quality mark per letter and the syllable's tone. */
export interface MarkSig {
  quals: string[];
  tone: string;
}

export function markSig(lowerWord: string): MarkSig {
  const quals: string[] = [];
  let tone = '';
  for (const cp of lowerWord) {
    if (cp === 'đ') {
      quals.push('đ');
      continue;
    }
    const parts = cp.normalize('NFD');
    let qual = '';
    let isMarkOnly = true;
    for (const unit of parts) {
      if (TONE_MARKS.has(unit)) tone = tone || unit;
      else if (QUALITY_MARKS.has(unit) || /\p{M}/u.test(unit)) qual += unit;
      else isMarkOnly = false;
    }
    if (isMarkOnly && quals.length > 0) quals[quals.length - 1] += qual;
    else quals.push(qual);
  }
  return { quals, tone };
}

export function hasMarks(sig: MarkSig): boolean {
  return sig.tone !== '' || sig.quals.some((q) => q !== '');
}

/**
 * True when a word as written could be the reference word: it may leave diacritics out (people type
 * without them), but a mark it does carry must be the reference's, so "cả" is not "CA" and "chấm" is not "chậm".
 * Tone placement ("uỷ"/"ủy") does not matter: the tone belongs to the syllable.
 */
export function marksConsistent(written: MarkSig, reference: MarkSig): boolean {
  if (written.tone !== '' && written.tone !== reference.tone) return false;
  if (written.quals.length !== reference.quals.length) return !hasMarks(written);
  // A word typed with its tone was typed on a Vietnamese keyboard, its vowel marks with it: "tác" (công
  // tác) is not "tắc" (blocked). Without a tone, a missing vowel mark may be a slip.
  // Except the stroke of "đ", which telex types as a second "d" people often leave out ("dạt 50%").
  for (let i = 0; i < written.quals.length; i++) {
    const w = written.quals[i] ?? '';
    const ref = reference.quals[i];
    if ((w !== '' || written.tone !== '') && w !== ref && !(w === '' && ref === 'đ')) return false;
  }
  return true;
}

/** A word of a message (or of a name), with where it sits in the folded text. */
export interface Token {
  /** Folded form: lower case, no diacritics. `#…` for a masked item code, which nothing matches. */
  folded: string;
  /** As written (NFC, original case). */
  orig: string;
  sig: MarkSig;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

/** A masked item code: no word or name may match across it. */
export const isBarrier = (t: Token | undefined): boolean => t !== undefined && t.folded.startsWith('#');

const TOKEN = /[\p{L}\p{N}]+|&|#+/gu;

/**
 * Splits folded text into words, numbers, "&" and masked-code barriers. `maskedText` is the folded text
 * (possibly with item codes overwritten by `#`), `folded` maps it back to `source`.
 */
export function tokenize(maskedText: string, folded: Folded, source: string): Token[] {
  const tokens: Token[] = [];
  for (const m of maskedText.matchAll(TOKEN)) {
    const start = m.index;
    const end = start + m[0].length;
    const orig = source.slice(folded.toOrig[start] ?? 0, folded.toOrig[end] ?? source.length);
    const sigOf = folded.marked?.get(start) ?? orig;
    tokens.push({ folded: m[0], orig, sig: markSig(sigOf.toLowerCase()), start, end });
  }
  return tokens;
}

/** Tokens of a stand-alone phrase or name. */
export function tokenizePhrase(phrase: string): Token[] {
  const source = toNfc(phrase).trim();
  const folded = foldWithMap(source);
  return tokenize(folded.text, folded, source);
}
