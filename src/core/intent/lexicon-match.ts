// Which programme and agency a message names, by any alias, exactly or with a close spelling.
import type { AgencyCode, Lexicon, ProgramCode } from '../types.ts';
import { entryNames } from '../lexicon.ts';
import { informalAgencies } from './informal-agency.ts';
import {
  hasMarks,
  isBarrier,
  marksConsistent,
  tokenizePhrase,
  type MarkSig,
  type Token,
} from './normalize.ts';

type Kind = 'program' | 'agency';

interface Variant {
  kind: Kind;
  code: string;
  /** The name's place in the lexicon: codes found equally close are listed in this order. */
  order: number;
  words: Token[];
  /** Folded words joined by spaces: variants with the same key are the same name spelled differently. */
  key: string;
  marked: boolean;
  /** Another spelling of this name carries diacritics, so this bare one adds nothing and must not override it. */
  shadowed: boolean;
  /** Short aliases that are also everyday words ("CA" ~ "cả", "TU" ~ "từ"): only as written in the data. */
  exactCase: boolean;
  /** Letters-and-digits form ("nq57", "57nqtw") for names that are codes, so "NQ 57" and "cds-25" match. */
  compact: string | null;
  /** Edits a close spelling may have (0: exact only). */
  budget: number;
}

interface LexiconIndex {
  byFirstWord: Map<string, Variant[]>;
  byCompact: Map<string, Variant[]>;
  /** Names a close spelling may match, by kind, grouped by first word. */
  fuzzy: Record<Kind, FuzzyGroup[]>;
  programByCompact: Map<string, ProgramCode>;
}

const VOWEL = /[aeiou]/;
const MAX_FUZZY_WORDS = 8;
const MAX_COMPACT_WORDS = 4;

/** Digits compare by value, so "DA 6" is "DA06". */
function canonicalCompact(words: readonly string[]): string {
  return words
    .filter((w) => w !== '&')
    .join('')
    .replace(/\d+/g, (digits) => String(Number(digits)));
}

function isCodeLike(compact: string): boolean {
  return /[a-z]/.test(compact) && /\d/.test(compact);
}

function buildVariant(kind: Kind, code: string, name: string, order: number): Variant | null {
  const words = tokenizePhrase(name);
  if (words.length === 0) return null;
  const folded = words.map((w) => w.folded);
  const compact = canonicalCompact(folded);
  const letters = folded.join('').replace(/[^a-z]/g, '');
  const budget = compact.length >= 16 ? 2 : compact.length >= 8 ? 1 : 0;
  return {
    kind,
    code,
    order,
    words,
    key: folded.join(' '),
    marked: words.some((w) => hasMarks(w.sig)),
    shadowed: false,
    exactCase: compact.length <= 3 && VOWEL.test(letters),
    compact: isCodeLike(compact) && words.length <= MAX_COMPACT_WORDS ? compact : null,
    budget: words.length <= MAX_FUZZY_WORDS ? budget : 0,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * "Sở YT", "Sở GDĐT", "Sở NNMT": a department named by "Sở" and the initials of the rest of its name
 * ("Sở Y tế", "Sở Giáo dục và Đào tạo"), as officials write it whether or not the data lists it. Only
 * initials no other department's name also gives, and of two letters or more.
 */
function departmentInitials(lexicon: Lexicon): Map<string, string> {
  const byInitials = new Map<string, string[]>();
  for (const e of lexicon.agencies) {
    const words = e.vi.normalize('NFC').trim().split(/\s+/u);
    if (words[0] !== 'Sở' || words.length < 3) continue;
    const letters = words
      .slice(1)
      .filter((w) => !['và', '&'].includes(w.toLowerCase()))
      .map((w) => w.charAt(0).toUpperCase())
      .join('');
    byInitials.set(letters, [...(byInitials.get(letters) ?? []), e.code]);
  }
  const out = new Map<string, string>();
  for (const [letters, [code, ...others]] of byInitials) {
    if (code !== undefined && others.length === 0 && letters.length >= 2) out.set(code, `Sở ${letters}`);
  }
  return out;
}

function buildIndex(lexicon: Lexicon): LexiconIndex {
  const variants: Variant[] = [];
  const add = (kind: Kind, code: string, names: readonly string[]): void => {
    const seen = new Set<string>();
    for (const name of names) {
      const trimmed = name.trim();
      if (trimmed === '' || seen.has(trimmed)) continue;
      seen.add(trimmed);
      const v = buildVariant(kind, code, trimmed, variants.length);
      if (v !== null) variants.push(v);
    }
  };
  for (const e of lexicon.programs) add('program', e.code, entryNames(e));
  const initials = departmentInitials(lexicon);
  for (const e of lexicon.agencies) add('agency', e.code, [...entryNames(e), initials.get(e.code) ?? '']);

  const markedKeys = new Set(variants.filter((v) => v.marked).map((v) => `${v.kind}|${v.code}|${v.key}`));
  const index: LexiconIndex = {
    byFirstWord: new Map(),
    byCompact: new Map(),
    fuzzy: { program: [], agency: [] },
    programByCompact: new Map(),
  };
  const fuzzy: Variant[] = [];
  for (const v of variants) {
    v.shadowed = !v.marked && markedKeys.has(`${v.kind}|${v.code}|${v.key}`);
    push(index.byFirstWord, v.words[0]?.folded ?? '', v);
    if (v.compact !== null) push(index.byCompact, v.compact, v);
    if (v.budget > 0 && !v.exactCase && !v.shadowed) fuzzy.push(v);
  }
  for (const kind of ['program', 'agency'] as const)
    index.fuzzy[kind] = groupByFirstWord(fuzzy.filter((v) => v.kind === kind));
  for (const e of lexicon.programs) {
    index.programByCompact.set(canonicalCompact(tokenizePhrase(e.code).map((w) => w.folded)), e.code);
  }
  return index;
}

const cache = new WeakMap<Lexicon, LexiconIndex>();

function indexOf(lexicon: Lexicon): LexiconIndex {
  let index = cache.get(lexicon);
  if (index === undefined) {
    index = buildIndex(lexicon);
    cache.set(lexicon, index);
  }
  return index;
}

/** The programme an item code starts with ("da", "6" → DA06), or null when the lexicon has none such. */
export function programOfCode(lexicon: Lexicon, letters: string, digits: string): ProgramCode | null {
  const byCompact = indexOf(lexicon).programByCompact;
  // "DDA 06-07": "Đ" typed in telex with the input method off.
  const telex = letters.startsWith('dd')
    ? byCompact.get(canonicalCompact([letters.slice(1), digits]))
    : undefined;
  // "CDS 2025 chỉ tiêu 15", "KH CĐS 2025 nhiệm vụ 14.1": a year-numbered plan written with its full year.
  const year = /^20\d\d$/u.test(digits)
    ? byCompact.get(canonicalCompact([letters, digits.slice(2)]))
    : undefined;
  return byCompact.get(canonicalCompact([letters, digits])) ?? telex ?? year ?? null;
}

function acceptsExact(v: Variant, window: readonly Token[]): boolean {
  if (v.exactCase) return window.every((t, k) => t.orig === v.words[k]?.orig);
  if (v.marked) return window.every((t, k) => marksConsistent(t.sig, v.words[k]?.sig ?? t.sig));
  return !v.shadowed;
}

/** Several words glued into a code ("NQ 57") count only when the letters are capitals, so "đã 6" is not ĐA 06. */
function acceptsCompact(window: readonly Token[]): boolean {
  if (window.length === 1) return isCodeLike(window[0]?.folded ?? '');
  return window.every((t) => !/^[a-z]{1,3}$/.test(t.folded) || t.orig === t.orig.toUpperCase());
}

interface Hit {
  kind: Kind;
  codes: string[];
  start: number;
  end: number;
  chars: number;
}

function exactHits(tokens: readonly Token[], index: LexiconIndex): Hit[] {
  const bySpan = new Map<string, Hit>();
  const record = (v: Variant, start: number, end: number): void => {
    const key = `${v.kind}|${start}|${end}`;
    const hit = bySpan.get(key);
    if (hit === undefined)
      bySpan.set(key, { kind: v.kind, codes: [v.code], start, end, chars: v.key.length });
    else if (!hit.codes.includes(v.code)) hit.codes.push(v.code);
  };
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (first === undefined || isBarrier(first)) continue;
    for (const v of index.byFirstWord.get(first.folded) ?? []) {
      const end = i + v.words.length;
      if (end > tokens.length || !v.words.every((w, k) => tokens[i + k]?.folded === w.folded)) continue;
      if (acceptsExact(v, tokens.slice(i, end))) record(v, i, end);
    }
    const glued: string[] = [];
    let digits = false;
    for (let n = 1; n <= MAX_COMPACT_WORDS && i + n <= tokens.length; n++) {
      const last = tokens[i + n - 1];
      if (last === undefined || isBarrier(last)) break;
      glued.push(last.folded);
      // Every name read glued ("NQ 57", "cds-25") has a digit: words without one are none of them.
      digits ||= /\d/u.test(last.folded);
      if (!digits) continue;
      const window = tokens.slice(i, i + n);
      for (const v of index.byCompact.get(canonicalCompact(glued)) ?? []) {
        if (acceptsCompact(window)) record(v, i, i + n);
      }
    }
  }
  return [...bySpan.values()];
}

/** Longest names first; a word belongs to one name only. */
function selectHits(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.chars - a.chars || a.start - b.start,
  );
  const taken: Hit[] = [];
  for (const h of sorted) {
    if (taken.every((t) => h.end <= t.start || h.start >= t.end)) taken.push(h);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const LOWER_UNIT = tokenizePhrase('xã phường huyện thôn commune communes ward wards');
const CLASS_WORDS = tokenizePhrase('các cấp');

function isWord(t: Token | undefined, words: readonly Token[]): boolean {
  return t !== undefined && words.some((w) => w.folded === t.folded && marksConsistent(t.sig, w.sig));
}

/** "UBND xã" or "Công an phường" is a commune's body, not the province's: naming it picks no agency. */
function namesLowerUnit(tokens: readonly Token[], end: number): boolean {
  const next = tokens[end];
  if (isWord(next, LOWER_UNIT)) return true;
  return isWord(next, CLASS_WORDS) && isWord(tokens[end + 1], LOWER_UNIT);
}

/** Optimal string alignment distance, giving up (returning limit+1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? limit + 1;
}

/**
 * Edits between a written word and a name's word; short words must be right, a wrong diacritic costs one.
 * A word further from its name's word than that word allows (one edit, two from 8 letters) is a different
 * word: Infinity, not its distance, or "science" (2 edits from "finance", over its 1) would fit the whole
 * name's budget of 2 and "Department of Science" would read as Finance, Health and Justice.
 */
function wordCost(t: Token, w: Token, sig: MarkSig | null, limit: number): number {
  if (t.folded === w.folded) return sig !== null && !marksConsistent(t.sig, sig) ? 1 : 0;
  if (t.folded.length <= 3 || w.folded.length <= 3) return Infinity;
  const cap = Math.min(limit, w.folded.length >= 8 ? 2 : 1);
  const edits = editDistance(t.folded, w.folded, cap);
  return edits > cap ? Infinity : edits;
}

/**
 * The names a close spelling is tried for, grouped by their first word: a message word is compared with
 * each distinct first word once (a hundred or so), and a name's other words only when its first is close.
 */
interface FuzzyGroup {
  first: Token;
  /** Whether the first word's diacritics count (some name of the group is written with them). */
  marked: boolean;
  budget: number;
  variants: Variant[];
}

function groupByFirstWord(variants: readonly Variant[]): FuzzyGroup[] {
  const groups = new Map<string, FuzzyGroup>();
  for (const v of variants) {
    const first = v.words[0];
    if (first === undefined) continue;
    // Marked and bare names cost a wrong diacritic differently: they are different groups.
    const key = `${first.folded}|${v.marked ? first.orig.toLowerCase() : ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first, marked: v.marked, budget: v.budget, variants: [v] });
    else {
      group.variants.push(v);
      group.budget = Math.max(group.budget, v.budget);
    }
  }
  return [...groups.values()];
}

function fuzzyCodes(
  tokens: readonly Token[],
  used: readonly boolean[],
  groups: readonly FuzzyGroup[],
): string[] {
  let best = Infinity;
  let found: Variant[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || used[i] === true || isBarrier(t)) continue;
    for (const g of groups) {
      const firstCost = wordCost(t, g.first, g.marked ? g.first.sig : null, g.budget);
      if (firstCost > g.budget || firstCost > best) continue;
      for (const v of g.variants) {
        const n = v.words.length;
        if (i + n > tokens.length || firstCost > v.budget) continue;
        let cost = firstCost;
        for (let k = 1; k < n && cost <= v.budget; k++) {
          const tk = tokens[i + k];
          const w = v.words[k];
          if (tk === undefined || w === undefined || used[i + k] === true || isBarrier(tk)) cost = Infinity;
          else cost += wordCost(tk, w, v.marked ? w.sig : null, v.budget - cost);
        }
        if (cost === 0 || cost > v.budget || cost > best) continue;
        if (cost < best) {
          best = cost;
          found = [];
        }
        found.push(v);
      }
    }
  }
  return [...new Set(found.sort((a, b) => a.order - b.order).map((v) => v.code))];
}

export interface ScopeMatch {
  program: ProgramCode | null;
  agency: AgencyCode | null;
  /** Agencies named equally well (or several named at once): the bot asks which one. */
  agencyChoices: AgencyCode[];
  /** The token an agency is first named at, when named by a name or alias (not a close spelling). */
  agencyAt: number | null;
}

/**
 * The programme and agency among `tokens` (item codes already masked). Exact names and aliases win,
 * longest first, beside parts of agency names after "sở", "bên", "department of" (informal-agency.ts);
 * only when a kind has none of these is a close spelling of a long name tried.
 * Two different programmes cancel out (null); two agencies become `agencyChoices`.
 */
/** The tokens [start, end) a programme is named by in full or by an alias ("chuyển đổi số", "NQ57"). */
export function programWords(tokens: readonly Token[], lexicon: Lexicon): Array<[number, number]> {
  return namedIn(tokens, lexicon)
    .filter((h) => h.kind === 'program')
    .map((h): [number, number] => [h.start, h.end]);
}

export function matchScope(tokens: readonly Token[], lexicon: Lexicon): ScopeMatch {
  // The classifier's slots and the final Intent read the same words: match them once.
  const seen = lastMatch(tokens, lexicon);
  seen.scope ??= matchScopeOnce(tokens, lexicon);
  return seen.scope;
}

/** The names written in full or by an alias, longest first, a word in one name only. */
function namedIn(tokens: readonly Token[], lexicon: Lexicon): Hit[] {
  const seen = lastMatch(tokens, lexicon);
  seen.hits ??= selectHits(exactHits(tokens, indexOf(lexicon)));
  return seen.hits;
}

interface Matched {
  lexicon: Lexicon;
  key: string;
  hits?: Hit[];
  scope?: ScopeMatch;
}
let last: Matched | null = null;

/** What was matched in the last words seen: a message's words are matched by slots, rules and the Intent. */
function lastMatch(tokens: readonly Token[], lexicon: Lexicon): Matched {
  const key = tokens.map((t) => `${t.orig}\u0001${t.folded}`).join('\u0002');
  if (last === null || last.lexicon !== lexicon || last.key !== key) last = { lexicon, key };
  return last;
}

function matchScopeOnce(tokens: readonly Token[], lexicon: Lexicon): ScopeMatch {
  const index = indexOf(lexicon);
  const hits = namedIn(tokens, lexicon).filter((h) => h.kind === 'program' || !namesLowerUnit(tokens, h.end));
  const used = tokens.map((_, i) => hits.some((h) => i >= h.start && i < h.end));
  let programs = [...new Set(hits.filter((h) => h.kind === 'program').flatMap((h) => h.codes))];
  if (programs.length === 0) {
    programs = fuzzyCodes(tokens, used, index.fuzzy.program);
  }
  // Part of a name after "sở", "bên", "department of" ("sở khoa học"), beside the names written in full.
  const informal = informalAgencies(
    tokens,
    used.map((u) => !u),
    lexicon,
  ).filter((h) => !namesLowerUnit(tokens, h.end));
  const named = [...hits.filter((h) => h.kind === 'agency'), ...informal].sort((a, b) => a.start - b.start);
  let agencies: string[] = [...new Set(named.flatMap((h) => h.codes))];
  if (agencies.length === 0) {
    agencies = fuzzyCodes(tokens, used, index.fuzzy.agency);
  }
  const program = programs.length === 1 ? (programs[0] as ProgramCode) : null;
  const agencyAt = named[0]?.start ?? null;
  if (agencies.length === 1)
    return { program, agency: agencies[0] as AgencyCode, agencyChoices: [], agencyAt };
  return { program, agency: null, agencyChoices: agencies as AgencyCode[], agencyAt };
}
