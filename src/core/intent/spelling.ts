// Words typed wrong, read as the vocabulary word they were meant to be: telex left-overs ("tieens ddooj" →
// "tiến độ") and one letter dropped, doubled, swapped or mistyped ("qua hnan", "overdeu"). Only words
// outside the vocabulary are touched, only towards one unambiguous vocabulary word; names in capitals
// and numbers are left alone.
import { handwritten } from './corpus/handwritten.ts';
import { TRAINING_LEXICON } from './corpus/lexicon.ts';
import { telexWord } from './corpus/noise.ts';
import * as templates from './corpus/templates.ts';
import * as keywords from './keywords.ts';
import { markSig, type Folded } from './normalize.ts';

const foldWord = (word: string): string =>
  word.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').toLowerCase();

interface Sink {
  words: Set<string>;
  marked: Map<string, Set<string>>;
  pairs: Map<string, number>;
}

function wordsOf(value: unknown, into: Sink): void {
  if (typeof value === 'string') {
    let prev: string | null = null;
    // Words side by side only: punctuation between two words breaks the pair.
    for (const piece of value.split(/(?<=\p{L})(?=[^\p{L}])|(?<=[^\p{L}])(?=\p{L})/u)) {
      if (!/^\p{L}/u.test(piece)) {
        if (!/^\s+$/u.test(piece)) prev = null;
        continue;
      }
      const f = foldWord(piece);
      into.words.add(f);
      const forms = into.marked.get(f) ?? new Set<string>();
      forms.add(piece.toLowerCase().normalize('NFC'));
      into.marked.set(f, forms);
      if (prev !== null) into.pairs.set(`${prev} ${f}`, (into.pairs.get(`${prev} ${f}`) ?? 0) + 1);
      prev = f;
    }
  } else if (Array.isArray(value)) {
    for (const v of value) wordsOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) wordsOf(v, into);
  }
}

function addDeletions(into: Map<string, Set<string>>, word: string): void {
  for (const d of deletionsOf(word)) {
    const from = into.get(d) ?? new Set<string>();
    from.add(word);
    into.set(d, from);
  }
}

interface Vocabulary {
  words: Set<string>;
  /** The forms each word is written in, with their diacritics. */
  marked: Map<string, Set<string>>;
  /** Each word of four letters or more with one letter deleted → the words it came from. */
  deletions: Map<string, Set<string>>;
  /** The same for every word, short syllables too: only read beside a word they are known to follow or precede. */
  shortDeletions: Map<string, Set<string>>;
  /** "tam dung", "trien khai": two folded words seen side by side in the vocabulary's sources, how often. */
  pairs: Map<string, number>;
}

let vocab: Vocabulary | null = null;

/** The stand-in for an item's code ("nq57-12", "da06 03.2") as the word before another. */
const CODE_WORD = '#';
/** What lies between a code's letters and the next word: its numbers ("nq57" then "-12.3 "). */
const CODE_TAIL = /^[-./\s]*\d+(?:[-./]\d+)*\s+$/u;

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Words officials type in either language that no table of the parser needs, read as written rather
 * than "corrected" into a word of the tables one letter away: "hi" is no "nhi", "chat bot" no "chào
 * bot", "Thưa anh" no "chưa anh" (a question), "writing" no "waiting" (blocked), "issued" no "missed"
 * (late), "sites" no "items". Found by reading careful development lines back through the normaliser.
 */
const EVERYDAY_WORDS = [
  'hi hello chat chatbot app zalo email mail file link online laptop wifi ok okay',
  'thưa nhờ chuẩn doanh huấn quang liên thuận đêm đủ phản đầu tiên',
  'would because writing written issued renew within staff weekly monthly quarterly whole donor',
  'inform income weekend without anyone slippage missing place sites person meet our apply store',
  'opening understand belong border whose sorted halfway season behalf vice delivery issue line',
  'sorry talks market expert expect they history formal happy kickoff among correctly contest',
  'set round commerce formally projector noise batch gateway',
  'thuật lần dữ bổ mặt khảo thiếu trương ông dồn dấu',
].join(' ');

/** Every word the intent tables and the training frames are written with (the classifier's vocabulary). */
function vocabulary(): Vocabulary {
  if (vocab !== null) return vocab;
  const sink: Sink = { words: new Set(), marked: new Map(), pairs: new Map() };
  wordsOf(Object.values(templates), sink);
  wordsOf(TRAINING_LEXICON, sink);
  wordsOf(
    handwritten().map((p) => p.text),
    sink,
  );
  wordsOf(EVERYDAY_WORDS, sink);
  for (const table of Object.values(keywords)) {
    if (Array.isArray(table)) for (const p of table) wordsOf((p as { text?: unknown }).text, sink);
  }
  // A word right after an item's code is mostly its status or a question on it ("NQ57-12 vướn", "xonh",
  // "đến đau"): those words are seen after the code's stand-in, so a slip there reads by its place.
  for (const p of [...keywords.STATUS_PHRASES, ...keywords.HOW_IS, ...keywords.PROGRESS_AFTER]) {
    const first = foldWord(p.text.split(' ')[0] ?? '');
    sink.pairs.set(`${CODE_WORD} ${first}`, (sink.pairs.get(`${CODE_WORD} ${first}`) ?? 0) + 1);
  }
  const deletions = new Map<string, Set<string>>();
  const shortDeletions = new Map<string, Set<string>>();
  for (const w of sink.words) {
    if (w.length >= 4) addDeletions(deletions, w);
    if (w.length >= 2) addDeletions(shortDeletions, w);
  }
  vocab = { ...sink, deletions, shortDeletions };
  return vocab;
}

export function inVocabulary(word: string): boolean {
  return vocabulary().words.has(word);
}

/**
 * A word of the vocabulary written as the vocabulary writes it: "qùa" and "trể" are "qua" and "tre" in
 * the vocabulary, but with marks it never gives them, so nothing read them as "quá" or "trễ".
 */
export function readAsWritten(folded: string, written: string): boolean {
  if (!inVocabulary(folded)) return false;
  // A word the normaliser put in (shorthand, a correction, a split) is read as it put it.
  const lower = written.toLowerCase();
  return foldWord(lower) !== folded || !unknownMarks(folded, lower);
}

const TONES: Readonly<Record<string, string>> = {
  s: '\u0301',
  f: '\u0300',
  r: '\u0309',
  x: '\u0303',
  j: '\u0323',
};
const TELEX_SIGN =
  /dd|aa|aw|ee|oo|ow|uw|[aeiouy][a-z]*[sfrxj]$|[aeiouyw][sfrxj](?:ng|nh|ch|[mnctp]|[aeiouy])$/u;
/** The tone key typed before the final letter ("lafm" for "làm", "vieejc", "nafo"): moved to the end. */
const TONE_BEFORE_FINAL = /(?<=[aeiouyw])([sfrxj])(ng|nh|ch|[mnctp]|[aeiouy])$/u;

const VNI_TONE: Readonly<Record<string, string>> = { '1': 's', '2': 'f', '3': 'r', '4': 'x', '5': 'j' };

/**
 * VNI left-overs, the other input method ("qua1 ha5n", "vie65c", "d9ang"), rewritten as telex: 1–5 the
 * tones, 6 a circumflex (the vowel again), 7 and 8 a horn or breve (w), 9 the stroke of đ (d again).
 */
export function vniAsTelex(word: string): string | null {
  if (!/^[a-z]+[1-9][a-z1-9]*$/u.test(word) || !/[aeiouy]/u.test(word)) return null;
  let out = '';
  let tone = '';
  for (const c of word) {
    const prev = out.at(-1) ?? '';
    // The tone key goes last, where telex reads it, wherever it was typed ("na2o" → "naof").
    if (c in VNI_TONE) tone = VNI_TONE[c] ?? '';
    else if (c === '6' && /[aeo]/u.test(prev)) out += prev;
    else if (c === '7' || c === '8') out += 'w';
    else if (c === '9' && prev === 'd') out += 'd';
    else if (/[a-z]/u.test(c)) out += c;
    else return null;
  }
  return out + tone;
}

/**
 * A word typed with its vowel marks but its tone as a telex key after it ("nhâts", "đôj"), as the
 * keys that would type it ("nhaats", "ddooj"); null when it has a tone already or no such key.
 */
function markedTelex(word: string): string | null {
  if (!/[sfrxj]$/u.test(word) || !/[ăâêôơưđ]/u.test(word) || toneOf(word) !== '') return null;
  return telexWord(word);
}

/** "tieens" → "tiến", "ddooj" → "độ"; null when the word shows no telex. */
export function decodeTelex(word: string): string | null {
  if (!TELEX_SIGN.test(word)) return null;
  let w = word.replace(TONE_BEFORE_FINAL, '$2$1');
  let tone = '';
  const last = w.at(-1) ?? '';
  if (last in TONES && /[aeiouy]/u.test(w.slice(0, -1))) {
    tone = TONES[last] ?? '';
    w = w.slice(0, -1);
  }
  // A "w" left alone is "ư", as telex types it ("hwowngs" → "hướng", "nhwng" → "nhưng").
  w = w
    .replace(/uwow|uow|wow/gu, 'ươ')
    .replace(/dd/gu, 'đ')
    .replace(/aa/gu, 'â')
    .replace(/aw/gu, 'ă')
    .replace(/ee/gu, 'ê')
    .replace(/oo/gu, 'ô')
    .replace(/ow/gu, 'ơ')
    .replace(/uw/gu, 'ư')
    .replace(/w/gu, 'ư');
  if (tone !== '') {
    // "qu" and "gi" before a vowel are consonants: "quá", "giờ".
    const vowels = [...w.matchAll(/[aăâeêioôơuưy]/gu)].filter(
      (v) => !(v.index === 1 && /^(qu|gi)[aăâeêioôơuưy]/u.test(w)),
    );
    // The tone sits on the marked vowel (the second of "ươ": "được"), else the last vowel but one of a
    // pair ("hoà"), else the vowel.
    const marked = vowels.findLast((v) => /[ăâêôơư]/u.test(v[0]));
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
  for (const s of swapsOf(word)) if (v.words.has(s)) found.add(s);
  // One letter mistyped, in a long word only (short Vietnamese syllables differ by one letter all the time).
  if (word.length >= 5) {
    for (const d of deletionsOf(word)) {
      for (const w of v.deletions.get(d) ?? []) if (w.length === word.length) found.add(w);
    }
  }
  if (found.size === 1) return [...found][0] ?? null;
  // Slips fall inside a word: of two readings, the one that keeps both its ends is meant ("blockd" is
  // "blocked", not "block"; "compleed" "completed", not "complete").
  const ends = word.length < 6 ? [] : [...found].filter((w) => w[0] === word[0] && w.at(-1) === word.at(-1));
  return ends.length === 1 ? (ends[0] ?? null) : null;
}

/** A correction: the folded vocabulary word, and its marked form when the marks can be told. */
export interface Correction {
  folded: string;
  marked: string | null;
}

/** "xongg", "làmm", "đầuu": one letter typed twice; the word without the repeat is a vocabulary word. */
function undoubled(word: string): string | null {
  const found = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    if (word.charAt(i) !== word.charAt(i + 1)) continue;
    const d = word.slice(0, i) + word.slice(i + 1);
    if (d.length >= 2 && vocabulary().words.has(d)) found.add(d);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/** `near` as written with the marks of `written`: the one vocabulary form with the same tone, else null. */
function withMarks(near: string, written: string, ascii: boolean): Correction | null {
  if (ascii) return { folded: near, marked: null };
  // Typed with marks: the vocabulary's form with the same tone and vowel marks, so "chấmm" never becomes
  // "chậm" and "dừg" is "dừng", not "dùng"; the same marks exactly first ("đangg" is "đang", not "đăng").
  // A word typed with a tone no form of `near` has is a real word of its own, not a slip for it: "vợ" is
  // no "rõ", "lần cuối" no "hạn cuối".
  const tone = toneOf(written);
  const quals = qualitiesOf(written);
  const toned = [...(vocabulary().marked.get(near) ?? [])].filter((f) => toneOf(f) === tone);
  if (tone !== '' && toned.length === 0) return null;
  const exact = toned.filter((f) => sameSet(qualitiesOf(f), quals));
  const more = toned.filter((f) => [...quals].every((q) => qualitiesOf(f).has(q)));
  const forms = exact.length > 0 ? exact : more;
  // Typed with a vowel mark no form of `near` has, whatever its tone ("bị chăn" is no "bị chậm"; "đươc"
  // is "được", its tone dropped): another word, not a slip.
  const all = [...(vocabulary().marked.get(near) ?? [])];
  if (forms.length === 0 && !all.some((f) => [...quals].every((q) => qualitiesOf(f).has(q)))) return null;
  return forms.length === 1 ? { folded: near, marked: forms[0] ?? null } : { folded: near, marked: null };
}

const sameSet = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean =>
  x.size === y.size && [...x].every((v) => y.has(v));

/** Whether a word is one to correct at all: lower-case letters outside the vocabulary. */
function correctable(folded: string, written: string): boolean {
  // Capitals are a name or an abbreviation ("KHCN", "Tân Phú"), not a typo.
  return /^[a-z]+$/u.test(folded) && !inVocabulary(folded) && written === written.toLowerCase();
}

/** A word typed with marks the vocabulary never writes it with ("hoàn thàng", "đến hạ"): a typo too. */
function unknownMarks(folded: string, written: string): boolean {
  if (/^[a-z]+$/u.test(written) || written !== written.toLowerCase()) return false;
  const forms = vocabulary().marked.get(folded);
  if (forms === undefined) return false;
  // Where the tone sits is the typist's habit, not a slip: "hoá" is "hóa", "uỷ" is "ủy".
  const key = markKey(written.normalize('NFC'));
  return ![...forms].some((f) => markKey(f) === key);
}

const markKeys = new Map<string, string>();

/** A word's vowel marks letter by letter and its tone, wherever the tone was placed. */
function markKey(word: string): string {
  let key = markKeys.get(word);
  if (key === undefined) {
    const sig = markSig(word);
    key = `${sig.quals.join(',')}/${sig.tone}`;
    if (markKeys.size < 8192) markKeys.set(word, key);
  }
  return key;
}

/** The vocabulary word a written word stands for, with the marks it was typed with (telex), or null. */
export function correction(folded: string, written: string): Correction | null {
  // VNI ("vie65c") is telex in other keys; a code ("nq57", "cds25") has no vowel before its digits.
  if (/\d/u.test(folded)) {
    const telex = vniAsTelex(folded.toLowerCase());
    const decoded = telex === null ? null : decodeTelex(telex);
    return decoded !== null && vocabulary().marked.get(foldWord(decoded))?.has(decoded) === true
      ? { folded: foldWord(decoded), marked: decoded }
      : null;
  }
  // Telex is read in a capitalised word too ("Sowr Tuw phaps"): only a decoding the vocabulary writes
  // is taken, which no name is.
  const capitalised = /^[A-Z][a-z]+$/u.test(written);
  if (folded.length < 3 || !(correctable(folded, written) || (capitalised && !inVocabulary(folded))))
    return null;
  const ascii = /^[a-z]+$/u.test(written.toLowerCase());
  if (ascii) {
    // Only a decoding the vocabulary writes so ("hooan" is a doubled letter, not "hôan"); then once more
    // with a doubled vowel taken as a slip ("roox" for "rox", rõ).
    for (const typed of new Set([folded, folded.replace(/([aeo])\1/u, '$1')])) {
      const telex = decodeTelex(typed);
      if (telex !== null && vocabulary().marked.get(foldWord(telex))?.has(telex) === true) {
        return { folded: foldWord(telex), marked: telex };
      }
    }
  }
  if (capitalised) return null;
  const half = markedTelex(written.toLowerCase().normalize('NFC'));
  const telex = half === null ? null : decodeTelex(half);
  if (telex !== null && vocabulary().marked.get(foldWord(telex))?.has(telex) === true) {
    return { folded: foldWord(telex), marked: telex };
  }
  const doubled = undoubled(folded);
  if (doubled !== null) return withMarks(doubled, written, ascii);
  // Four-letter syllables are one letter from another real syllable too often ("khoa"/"khoan"); two
  // letters swapped in a bare word ("hlep", "hepl") still read as the one word they spell.
  if (folded.length === 4 && ascii) {
    const swapped = swapsOf(folded).filter((w) => vocabulary().words.has(w));
    if (swapped.length === 1) return { folded: swapped[0]!, marked: null };
  }
  if (folded.length < 5) return null;
  const near = oneEditAway(folded);
  return near === null ? unglued(folded, written) : withMarks(near, written, ascii);
}

/**
 * Two words typed without the space between them ("quáhạn", "tiendo"): the split the vocabulary writes
 * side by side, when one split is clearly the likeliest (seen twice as often as the next, and twice);
 * failing that, the one split into two vocabulary words there is ("hoàn thànhrồi": "thành rồi").
 */
function unglued(word: string, written: string): Correction | null {
  const { words, pairs } = vocabulary();
  const splits: { text: string; n: number }[] = [];
  for (let i = 2; i + 2 <= word.length; i++) {
    const [left, right] = [word.slice(0, i), word.slice(i)];
    if (words.has(left) && words.has(right))
      splits.push({ text: `${left} ${right}`, n: pairs.get(`${left} ${right}`) ?? 0 });
  }
  splits.sort((x, y) => y.n - x.n);
  const [best, next] = splits;
  if (best === undefined) return null;
  const clear = best.n >= 2 ? next === undefined || best.n >= 2 * next.n : next === undefined;
  if (!clear) return null;
  // Each part keeps the marks it was typed with ("hoànthành" → "hoàn thành"), letter for letter.
  const typed = written.toLowerCase().normalize('NFC');
  const at = best.text.indexOf(' ');
  const marked =
    typed.length === word.length && /[^\x00-\x7f]/u.test(typed)
      ? `${typed.slice(0, at)} ${typed.slice(at)}`
      : null;
  return { folded: best.text, marked };
}

function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    out.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  return out;
}

/** Vocabulary words one edit from `word`, of any length (short syllables included). */
function anyEditAway(word: string): Set<string> {
  const v = vocabulary();
  const found = new Set<string>(v.shortDeletions.get(word) ?? []);
  for (const d of deletionsOf(word)) {
    if (v.words.has(d) && d.length >= 2) found.add(d);
    for (const w of v.shortDeletions.get(d) ?? []) if (w.length === word.length) found.add(w);
  }
  for (const s of swapsOf(word)) if (v.words.has(s)) found.add(s);
  return found;
}

/**
 * A short word read by its neighbours: "bắt đầu" from "bắt đâu", "tạm dừng" from "tạm dừg", "triển khai"
 * from "triển khia", "hoàn thành" from "hoàn thánh" — of the vocabulary words one edit away (or the
 * word itself, typed with a tone the vocabulary never gives it), the one the vocabulary writes most
 * often next to the word before or after, when clearly the most often (twice the next). Alone, such
 * syllables are too close to each other to correct. A tone the vocabulary does give the word is never
 * changed: "chấm" (to grade) stays itself beside "việc".
 */
export function contextCorrection(
  folded: string,
  written: string,
  before: string | null,
  after: string | null,
): Correction | null {
  const unknownWord = correctable(folded, written);
  const misToned = unknownMarks(folded, written);
  if (folded.length < 2 || !(unknownWord || misToned)) return null;
  // After a code a known word typed with another tone is a note's own ("đối soát", "dạt 60%"), not a
  // status, unless it ends the report ("NQ57-35.2 xông"): only then is the code its context.
  const endsAfterCode = before === CODE_WORD && after === null;
  const left = before === CODE_WORD && !unknownWord && !endsAfterCode ? null : before;
  const { pairs } = vocabulary();
  // A vocabulary word typed with a tone it never has ("hoàn thánh", "vường mắc") may be that word.
  const near = endsAfterCode && !unknownWord ? new Set<string>() : anyEditAway(folded);
  if (misToned) near.add(folded);
  const beforeNext = (w: string): number => (after === null ? 0 : (pairs.get(`${w} ${after}`) ?? 0));
  // The code is the weaker neighbour: the word after, when it knows any candidate, decides alone
  // ("nq57 21 đag chờ": "đang chờ", not the "đã" a code is often followed by).
  const leftCounts = left !== CODE_WORD || ![...near].some((w) => beforeNext(w) > 0);
  const seen = (w: string): number =>
    (left === null || !leftCounts ? 0 : (pairs.get(`${left} ${w}`) ?? 0)) + beforeNext(w);
  // A slip keeps the word's first letter ("bài phát biểu" is no "bài hát"), but for a letter the word
  // before took ("đangt hực"), two swapped ("htành") or one the regions say alike ("sem" for "xem").
  const ascii = /^[a-z]+$/u.test(written);
  const ranked = [...near]
    .filter((w) => sameStart(w, folded, left))
    .map((w) => ({ w, n: seen(w) }))
    .filter((c) => c.n > 0)
    .sort((x, y) => y.n - x.n);
  const [best, next] = ranked;
  if (best === undefined || (next !== undefined && best.n < 2 * next.n)) return null;
  // The word itself: its wrong tone is dropped, so it reads as typed without marks.
  if (best.w === folded) return { folded, marked: folded };
  return withMarks(best.w, written, ascii);
}

/**
 * Two words typed with the space one letter off, or where none belongs ("b ịkẹt", "củ atôi", "đ ãxong"):
 * read as the vocabulary words they make once it is moved or dropped, each with the marks it was typed
 * with. Only lower-case words, one of them unknown, and only when one reading is clearly the one.
 */
function respaced(a: WordAt, b: WordAt): Correction | null {
  const usable = (w: WordAt): boolean =>
    w.fix === null &&
    w.shorthand === undefined &&
    !w.named &&
    /^[a-z]+$/u.test(w.folded) &&
    w.written === w.written.toLowerCase();
  if (!usable(a) || !usable(b) || (inVocabulary(a.folded) && inVocabulary(b.folded))) return null;
  const typed = `${a.written}${b.written}`.normalize('NFC');
  const folded = `${a.folded}${b.folded}`;
  if (typed.length !== folded.length) return null;
  const { pairs } = vocabulary();
  const cut = a.folded.length;
  const readings: { parts: string[]; n: number }[] = [];
  for (const at of [cut - 1, cut + 1, folded.length]) {
    if (at < 1 || at > folded.length) continue;
    const parts = at === folded.length ? [folded] : [folded.slice(0, at), folded.slice(at)];
    const marks = at === folded.length ? [typed] : [typed.slice(0, at), typed.slice(at)];
    if (!parts.every((part, k) => knownAs(part, marks[k] ?? ''))) continue;
    readings.push({ parts, n: parts.length === 2 ? (pairs.get(parts.join(' ')) ?? 0) : 0 });
  }
  readings.sort((x, y) => y.n - x.n);
  const [best, next] = readings;
  if (best === undefined || (next !== undefined && best.n < 2 * next.n + 1)) return null;
  const marked = /[^\x00-\x7f]/u.test(typed)
    ? best.parts.length === 2
      ? `${typed.slice(0, best.parts[0]!.length)} ${typed.slice(best.parts[0]!.length)}`
      : typed
    : null;
  return { folded: best.parts.join(' '), marked };
}

/** A vocabulary word, typed either without marks or with the marks the vocabulary writes it with. */
function knownAs(folded: string, typed: string): boolean {
  if (folded.length < 2 || !inVocabulary(folded)) return false;
  if (/^[a-z]+$/u.test(typed)) return true;
  return vocabulary().marked.get(folded)?.has(typed) === true;
}

/** Whether the vocabulary writes `word` right after `left` or right before `right`. */
function seenBeside(word: string, left: string | null, right: string | null): boolean {
  const { pairs } = vocabulary();
  return (
    (left !== null && (pairs.get(`${left} ${word}`) ?? 0) > 0) ||
    (right !== null && (pairs.get(`${word} ${right}`) ?? 0) > 0)
  );
}

/** Letters one region's speech makes one sound, so typists mix them up: s/x, d/r/gi, ch/tr, l/n. */
const SOUND_ALIKE = ['sx', 'drg', 'ct', 'ln'];

function sameStart(candidate: string, written: string, before: string | null): boolean {
  const [c, w] = [candidate[0] ?? '', written[0] ?? ''];
  if (c === w || SOUND_ALIKE.some((group) => group.includes(c) && group.includes(w))) return true;
  if (candidate === `${written[1] ?? ''}${w}${written.slice(2)}`) return true;
  // The first letter typed onto the word before ("đangt hực"): that word is read without it already.
  return before !== null && candidate.slice(1) === written;
}

/** The letters with a vowel mark or the stroke (ă â ê ô ơ ư đ), without their tone. */
function qualitiesOf(word: string): Set<string> {
  const base = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '')
    .normalize('NFC');
  return new Set([...base].filter((c) => /[ăâêôơưđ]/u.test(c)));
}

/** The tones a word was typed with, each once: a doubled vowel carries its tone twice ("trợợ", "mìình"). */
function toneOf(word: string): string {
  const tones = [...word.normalize('NFD')].filter((c) => /[\u0300\u0301\u0303\u0309\u0323]/u.test(c));
  return [...new Set(tones)].join('');
}

/** A word, VNI digits included ("vie65c", "qua1"); a code ("nq57") matches too and is left alone. */
const WORD = /\p{L}+(?:[1-9]\p{L}*)*/gu;

interface WordAt {
  start: number;
  end: number;
  /** The folded word as typed, before any correction. */
  raw: string;
  /** The folded word, as corrected. */
  folded: string;
  written: string;
  fix: Correction | null;
  /** Put in for shorthand: keeps its marks and is never corrected. */
  shorthand: string | undefined;
  /**
   * After "/", "@" or "_": a command or a mention ("/mytasks", "@dondoc_bot"); or beside "&": part of an
   * agency's initials ("NN&MT", "KH&CN"). A name, never a typo.
   */
  named: boolean;
  /** Read into the word before it, whose space was misplaced ("b ịkẹt"): nothing of its own. */
  taken?: true;
}

/** Rewrites the misspelt words of `folded` (the fold of `source`), keeping every offset map exact. */
export function correctSpelling(folded: Folded, source: string): Folded {
  const text = folded.text;
  const before = folded.marked ?? new Map<number, string>();
  const words: WordAt[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    const shorthand = before.get(start);
    const written = source.slice(folded.toOrig[start] ?? 0, folded.toOrig[end] ?? source.length);
    const named = /[/@_&]/u.test(text.charAt(start - 1)) || text.charAt(end) === '&';
    const fix = shorthand === undefined && !named ? correction(m[0], written) : null;
    words.push({ start, end, raw: m[0], folded: fix?.folded ?? m[0], written, fix, shorthand, named });
  }
  // Two words, one of them unread, with their space misplaced: "đ ãxong", "củ atôi", "b ịkẹt".
  words.forEach((w, i) => {
    const next = words[i + 1];
    if (next === undefined || w.taken || !/^ $/u.test(text.slice(w.end, next.start))) return;
    const fix = respaced(w, next);
    if (fix === null) return;
    Object.assign(w, { fix, folded: fix.folded, end: next.end });
    next.taken = true;
  });
  // Then the words still unread, by the (corrected) words beside them; only across a space. A word read
  // alone ("tirnh" as telex for "tỉnh") that is never seen beside its neighbours is read again by them
  // ("giai tirnh" is "giải trình").
  words.forEach((w, i) => {
    if (w.shorthand !== undefined || w.named || w.taken) return;
    const prev = words[i - 1];
    const next = words[i + 1];
    const gap = prev === undefined ? '' : text.slice(prev.end, w.start);
    const left =
      prev === undefined
        ? null
        : /^\s+$/u.test(gap)
          ? prev.folded
          : /\d$/u.test(prev.folded) && CODE_TAIL.test(gap)
            ? CODE_WORD
            : null;
    const right = next !== undefined && /^\s+$/u.test(text.slice(w.end, next.start)) ? next.folded : null;
    if (w.fix !== null) {
      if (w.fix.folded.includes(' ') || seenBeside(w.fix.folded, left, right)) return;
      const again = contextCorrection(w.raw, w.written, left, right);
      if (again !== null && again.folded !== w.fix.folded)
        Object.assign(w, { fix: again, folded: again.folded });
      return;
    }
    w.fix = contextCorrection(w.folded, w.written, left, right);
    if (w.fix !== null) w.folded = w.fix.folded;
  });
  if (words.every((w) => w.fix === null)) return folded;
  let out = '';
  const toOrig: number[] = [];
  const marked = new Map<number, string>();
  let at = 0;
  for (const w of words) {
    if (w.shorthand !== undefined) {
      // A word put in for shorthand keeps its marks, at its new offset.
      marked.set(out.length + (w.start - at), w.shorthand);
      continue;
    }
    if (w.fix === null || w.taken) continue;
    out += text.slice(at, w.start);
    for (let k = at; k < w.start; k++) toOrig.push(folded.toOrig[k] ?? 0);
    // A split word ("hoàn thành") marks each of its parts where it starts.
    if (w.fix.marked !== null) {
      let from = out.length;
      for (const part of w.fix.marked.split(' ')) {
        marked.set(from, part);
        from += part.length + 1;
      }
    }
    const origStart = folded.toOrig[w.start] ?? 0;
    out += w.fix.folded;
    for (let c = 0; c < w.fix.folded.length; c++) toOrig.push(origStart);
    at = w.end;
  }
  out += text.slice(at);
  for (let k = at; k <= text.length; k++) toOrig.push(folded.toOrig[k] ?? source.length);
  return { text: out, toOrig, marked };
}
