// What the intent classifier sees of a message: its words, their character n-grams, word pairs, and the
// slots the rules found (a lateness word, a status, a period, a programme …). Slots are exact; words generalise.
import type { ItemStatus } from '../types.ts';
import { isBarrier } from './analysis.ts';
import {
  AGENCY_KINDS,
  COUNT,
  DEADLINE_WORD,
  DUE_SOON,
  EXPLAIN,
  HELP_HOW,
  HELP_STRONG,
  HELP_WEAK,
  LIST_WORDS,
  LIST_STATUS_OF,
  LIST_STATUS_PHRASES,
  MINE,
  MY_TASKS,
  OVERDUE,
  RANKING,
  SUMMARY,
  WORK_NOUNS,
} from './keywords.ts';
import { hasMarks, tokenizePhrase, type Token } from './normalize.ts';
import { compilePhrases, findPhrase, hasPhrase, matchAt, wordMatches, type Phrase } from './phrases.ts';
import { inVocabulary } from './spelling.ts';

/** The rule-read facts of a message without an item code. */
export interface Slots {
  status: ItemStatus | null;
  late: boolean;
  due: boolean;
  deadline: boolean;
  rank: boolean;
  summary: boolean;
  mine: boolean;
  /** "my tasks", "do I have", "em đứng tên": the sender's own work, no work noun needed. */
  mineStrong: boolean;
  /** The sender, then a verb of their own work ("em phải nộp", "tôi để trễ"): a feature only. */
  selfWork: boolean;
  /** Any word the sender uses for themself ("tôi", "em", "anh", "my", "I"): `my_tasks` needs one. */
  self: boolean;
  /** A count, a share or a per-agency breakdown ("đếm", "tỷ lệ", "number of", "từng sở"). */
  count: boolean;
  help: boolean;
  /** About using the bot itself: help whatever else the message names. */
  helpHow: boolean;
  helpWeak: boolean;
  /** "danh sách", "liệt kê", "list of". */
  listWord: boolean;
  /** A word for agencies as a kind ("đơn vị", "sở", "departments"). */
  agencyKind: boolean;
  explain: boolean;
  work: boolean;
  question: boolean;
  period: boolean;
  /** The period named ended before today ("tuần trước", "tháng 6" in July): not a deadline to come. */
  pastPeriod: boolean;
  program: boolean;
  agency: boolean;
}

/** The status a message names ("đang vướng", "đã hoàn thành", "chưa bắt đầu"), the first one written. */
export function listStatus(tokens: readonly Token[]): ItemStatus | null {
  for (let from = 0; from < tokens.length;) {
    const hit = findPhrase(tokens, LIST_STATUS_PHRASES, from);
    if (hit === null) return null;
    if (!isGive(tokens, hit.start, hit.phrase)) return LIST_STATUS_OF.get(hit.phrase) ?? null;
    from = hit.end;
  }
  return null;
}

const WAIT = tokenizePhrase('chờ')[0]!;
/** Words "cho" (give, let) is followed by in a request: "cho em xin", "cho xem", "cho anh biết". */
const GIVE_TO = new Set([
  'em',
  'xem',
  'xin',
  'toi',
  'anh',
  'chi',
  'minh',
  'tui',
  'biet',
  'hoi',
  'a',
  'e',
  'bot',
]);

/**
 * Bare "chờ" (waiting: blocked) typed without its mark is most often "cho" ("cho em xin danh sách việc
 * đã xong"): so when the writer marks other words, or a person or "xem" follows.
 */
function isGive(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const t = tokens[at];
  if (phrase.tokens.length !== 1 || t === undefined || !wordMatches(t, WAIT) || hasMarks(t.sig)) return false;
  return tokens.some((o) => hasMarks(o.sig)) || GIVE_TO.has(tokens[at + 1]?.folded ?? '');
}

export function readSlots(
  tokens: readonly Token[],
  known: Pick<Slots, 'question' | 'period' | 'pastPeriod' | 'program' | 'agency'>,
): Slots {
  // "việc nhà", "việc riêng": housework and private matters are not the plan's work, nor the sender's.
  const notWork = hasPhrase(tokens, NOT_WORK);
  return {
    ...known,
    status: listStatus(tokens),
    late: hasPhrase(tokens, OVERDUE),
    due: hasPhrase(tokens, DUE_SOON),
    deadline: hasPhrase(tokens, DEADLINE_WORD),
    rank: hasPhrase(tokens, RANKING),
    summary: hasPhrase(tokens, SUMMARY),
    mine: (hasPhrase(tokens, MINE) || hasPhrase(tokens, MY_TASKS)) && !notWork,
    mineStrong: (hasPhrase(tokens, MY_TASKS) || selfHas(tokens) || workOfSelf(tokens)) && !notWork,
    count: hasPhrase(tokens, COUNT),
    self: tokens.some((t) => FIRST_PERSON.has(t.folded)),
    selfWork: senderThen(tokens, SELF_WORK),
    help: hasPhrase(tokens, HELP_STRONG) || hasPhrase(tokens, HELP_HOW),
    helpHow: hasPhrase(tokens, HELP_HOW),
    agencyKind: hasPhrase(tokens, AGENCY_KINDS),
    listWord: hasPhrase(tokens, LIST_WORDS),
    helpWeak: hasPhrase(tokens, HELP_WEAK),
    explain: hasPhrase(tokens, EXPLAIN),
    work: hasPhrase(tokens, WORK_NOUNS) && !notWork,
  };
}

/** "em còn việc gì", "tôi có nhiệm vụ nào": the sender, then "có"/"còn" (not "có thể"). */
function selfHas(tokens: readonly Token[]): boolean {
  return (
    senderThen(tokens, HAS) && !tokens.some((t, i) => t.folded === 'co' && tokens[i + 1]?.folded === 'the')
  );
}

/**
 * Whether the sender is followed by one of `verbs` ("em phải nộp", "tôi để trễ"). "tới" folds to "toi"
 * too: "10 ngày tới có …", "tuần toi co …" are about time, not the sender.
 */
function senderThen(tokens: readonly Token[], verbs: readonly Phrase[]): boolean {
  return tokens.some((t, i) => {
    if (!SELF_VI.some((w) => wordMatches(t, w)) || matchAt(tokens, i + 1, verbs) === null) return false;
    const prev = tokens[i - 1]?.folded;
    return !(t.folded === 'toi' && prev !== undefined && TIME.has(prev));
  });
}
const HAS = compilePhrases(['có', 'còn']);
/** What a person says of their own work ("em phải nộp gì", "tôi để trễ những gì"): a hint, not a rule. */
const SELF_WORK = compilePhrases([
  'phải nộp',
  'phải làm',
  'phải xong',
  'phải hoàn thành',
  'cần xong',
  'cần làm',
  'cần nộp',
  'cần hoàn thành',
  'đang vướng',
  'để trễ',
  'để chậm',
  'đã làm xong',
  'còn nợ',
  'đang phụ trách',
  'đang chủ trì',
]);

/** "việc tôi đang làm", "những nhiệm vụ em phụ trách": a work noun, then the sender (not "việc tới hạn"). */
function workOfSelf(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const work = matchAt(tokens, i, WORK_NOUNS);
    if (work === null) continue;
    const next = tokens[i + work.tokens.length];
    if (next === undefined || !SELF_VI.some((w) => wordMatches(next, w))) continue;
    const after = tokens[i + work.tokens.length + 1]?.folded;
    if (!(next.folded === 'toi' && (after === 'han' || after === 'day'))) return true;
  }
  return false;
}

const NOT_WORK = compilePhrases([
  'việc nhà',
  'việc riêng',
  'việc cá nhân',
  'việc gia đình',
  'housework',
  'chores',
]);

/** Folded: "tới" and "tôi" alike, so this is permissive; it only stops "my tasks" with no one in it. */
const FIRST_PERSON = new Set([
  'toi',
  'em',
  'minh',
  'tui',
  'to',
  'anh',
  'chi',
  'a',
  'i',
  'my',
  'me',
  'mine',
  'myself',
]);
const SELF_VI = ['tôi', 'em', 'mình', 'tui', 'anh', 'chị', 'a', 'c'].map((w) => tokenizePhrase(w)[0]!);
const TIME = new Set(['ngay', 'tuan', 'thang', 'quy', 'nam', 'sap', 'gio', 'toi']);

/** A message opening with the sender ("em còn việc gì", "mình đang có …") is often about their own work. */
const SELF = new Set(['toi', 'em', 'minh', 'tui', 'i', 'my']);

const HAS_MARKS = /[^\x00-\x7f]/u;

/** Feature strings of a message; the classifier hashes them. */
export function featuresOf(tokens: readonly Token[], slots: Slots): string[] {
  const out: string[] = ['bias'];
  let prev = '^';
  let words = 0;
  let unknown = 0;
  for (const t of tokens) {
    const w = isBarrier(t) ? '#code' : /^\d+$/u.test(t.folded) ? '#num' : t.folded;
    words += 1;
    if (!w.startsWith('#') && !inVocabulary(w)) unknown += 1;
    out.push(`w:${w}`, `b:${prev}_${w}`);
    // The marked form keeps "chấm" apart from "chậm" when the person typed the marks.
    const lower = t.orig.toLowerCase();
    if (HAS_MARKS.test(lower) && lower.length <= 12) out.push(`m:${lower}`);
    if (w.length >= 3 && !w.startsWith('#')) {
      const padded = `<${w}>`;
      for (let i = 0; i + 3 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 3)}`);
    }
    prev = w;
  }
  // Character 5-grams across a word boundary ("n han", "ua ha"): a pair of words read through a typo
  // or a split word that the word pairs above miss.
  const line = ` ${tokens.map((t) => (isBarrier(t) ? '#' : t.folded)).join(' ')} `;
  for (let i = 0; i + 5 <= line.length; i++) {
    const g = line.slice(i, i + 5);
    if (g.indexOf(' ', 1) > 0 && g.indexOf(' ', 1) < 4) out.push(`x:${g}`);
  }
  out.push(`b:${prev}_$`, `len:${Math.min(words, 8)}`, `oov:${Math.min(unknown, 3)}`);
  // Words the bot's vocabulary does not know: a message about something else, or gibberish.
  if (words > 0) out.push(`oovshare:${Math.round((unknown / words) * 4)}`);
  if (slots.status !== null) out.push(`s:status`, `s:status:${slots.status}`);
  for (const key of [
    'late',
    'due',
    'deadline',
    'rank',
    'summary',
    'mine',
    'mineStrong',
    'selfWork',
    'count',
    'help',
    'helpWeak',
    'explain',
    'work',
    'question',
    'period',
    'pastPeriod',
    'program',
    'agency',
  ] as const) {
    if (slots[key]) out.push(`s:${key}`);
  }
  if (slots.period && slots.deadline) out.push('s:period+deadline');
  if (slots.status !== null && slots.late) out.push('s:status+late');
  if (slots.program || slots.agency) out.push('s:scope');
  // A deadline word about no work and no scope ("chứng chỉ tiếng Anh quá hạn") is about something else.
  const anchored = slots.work || slots.program || slots.agency;
  for (const key of ['late', 'due', 'summary', 'status'] as const) {
    const on = key === 'status' ? slots.status !== null : slots[key];
    if (on) out.push(`s:${key}:${anchored ? 'anchored' : 'bare'}`);
  }
  const first = tokens[0]?.folded;
  if (first !== undefined && SELF.has(first)) out.push('s:self-first');
  return out;
}
