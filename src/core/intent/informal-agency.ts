// An agency named by part of its name after a word that introduces one: "sở khoa học", "bên tư pháp",
// "department of science", "science department". People rarely write a department's full name.
import type { AgencyCode, Lexicon } from '../types.ts';
import { entryNames } from '../lexicon.ts';
import { hasMarks, tokenizePhrase, type Token } from './normalize.ts';
import { compilePhrases, matchAt, wordMatches, type Phrase } from './phrases.ts';

/**
 * Words after which the next words may be part of an agency's name. Only these: "ban" (ban hành, to
 * issue), "đơn vị" and "cơ quan" (đơn vị hành chính) introduce everyday phrases just as often.
 */
const BEFORE = compilePhrases([
  'sở',
  'bên',
  'phía',
  'ngành',
  'department of',
  'dept of',
  'department of the',
]);
const CUE_WORDS = new Set(BEFORE.filter((p) => p.tokens.length === 1).map((p) => p.tokens[0]!.folded));
/** Words before which the previous words may be part of an agency's name ("science department"). */
const AFTER = compilePhrases(['department', 'dept']);

/** Words every kind of name has; a few letters of them alone ("bên tỉnh") name no agency. */
const COMMON = new Set(['tinh', 'va', 'and', 'of', 'the', '&', 'provincial', 'province']);
/**
 * Letters (of other words) a part needs: "bên an" names nobody, and "sở tài nguyên" (a department of
 * old) is not Sở Tài chính because "tài" starts that name.
 */
const MIN_LETTERS = 4;

interface Name {
  code: AgencyCode;
  words: Token[];
}

const cache = new WeakMap<Lexicon, Name[]>();

function namesOf(lexicon: Lexicon): Name[] {
  let names = cache.get(lexicon);
  if (names === undefined) {
    names = [];
    for (const e of lexicon.agencies) {
      for (const name of entryNames(e)) {
        const words = tokenizePhrase(name);
        // A short alias ("CA", "TU") is a code, not words of a name: the exact reading handles it.
        if (words.length > 1 || (words[0]?.folded.length ?? 0) > 3) names.push({ code: e.code, words });
      }
    }
    cache.set(lexicon, names);
  }
  return names;
}

/**
 * A written word is a word of the name when the folded forms agree; a word written with diacritics only
 * matches a name word written with the same ones, so "số" (number) is not "sở" and bare aliases
 * ("so nong nghiep") do not let marked words slip through.
 */
function inName(t: Token, name: Name): boolean {
  return name.words.some((w) =>
    hasMarks(t.sig) ? hasMarks(w.sig) && wordMatches(t, w) : t.folded === w.folded,
  );
}

function letters(run: readonly Token[]): number {
  return run.filter((t) => !COMMON.has(t.folded)).reduce((n, t) => n + t.folded.length, 0);
}

/** The introducing words and the run are the start of this name ("Sở Công" of "Sở Công Thương"). */
function startsName(name: Name, written: readonly Token[]): boolean {
  return (
    written.length <= name.words.length &&
    written.every((t, k) => {
      const w = name.words[k];
      return w !== undefined && (hasMarks(t.sig) ? wordMatches(t, w) : t.folded === w.folded);
    })
  );
}

export interface InformalHit {
  start: number;
  end: number;
  codes: AgencyCode[];
}

/**
 * The run of words next to an introducing word, as long as some agency's name holds every one of them,
 * and the agencies whose names hold them all: those whose name starts with what was written when there
 * are some, else all of them (the bot then asks which). `free[i]` is false for words already read as
 * something (an exact name, a code).
 */
export function informalAgencies(
  tokens: readonly Token[],
  free: readonly boolean[],
  lexicon: Lexicon,
): InformalHit[] {
  const names = namesOf(lexicon);
  const hits: InformalHit[] = [];
  const usable = (i: number): boolean => free[i] === true && !(tokens[i]?.folded.startsWith('#') ?? true);

  const read = (cue: Phrase, cueAt: number, step: 1 | -1): void => {
    let at = step === 1 ? cueAt + cue.tokens.length : cueAt - 1;
    let holders = names;
    const run: Token[] = [];
    for (; usable(at); at += step) {
      const t = tokens[at] as Token;
      const next = holders.filter((n) => inName(t, n));
      if (next.length === 0) break;
      holders = next;
      if (step === 1) run.push(t);
      else run.unshift(t);
    }
    if (run.length === 0) return;
    if (letters(run) < MIN_LETTERS) return;
    // "các sở ngành", "sở, ngành": agencies as a kind; "ngành" opens the name "Ngành Y tế" but is no part
    // of a name by itself.
    if (run.every((t) => CUE_WORDS.has(t.folded))) return;
    const written = [...tokens.slice(cueAt, cueAt + cue.tokens.length), ...run];
    const starting = step === 1 ? holders.filter((n) => startsName(n, written)) : [];
    const chosen = starting.length > 0 ? starting : holders;
    const [start, end] = step === 1 ? [cueAt + cue.tokens.length, at] : [at + 1, cueAt];
    hits.push({ start, end, codes: [...new Set(chosen.map((n) => n.code))] });
  };

  for (let i = 0; i < tokens.length; i++) {
    if (free[i] !== true) continue;
    const before = matchAt(tokens, i, BEFORE);
    if (before !== null) read(before, i, 1);
    const after = matchAt(tokens, i, AFTER);
    if (after !== null) read(after, i, -1);
  }
  return hits;
}
