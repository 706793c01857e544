// The rule-read facts of a message without an item code: a lateness word, a status, a count, the
// sender … Exact where the classifier generalises; the rules of decide.ts and the features read them.
import type { ItemStatus } from '../types.ts';
import {
  ABOUT_TO_BE_LATE,
  ACCOUNTS,
  AGENCY_KINDS,
  COMPOSE,
  CONGRATULATE,
  SENDER_LATE,
  COUNT,
  DEADLINE_WORD,
  DOCUMENTS,
  DUE_SOON,
  EXPLAIN,
  EXPLAIN_OWN,
  GIVE_TO,
  HAS,
  HELP_HOW,
  HELP_STRONG,
  HELP_WEAK,
  HOW_IS,
  HOW_MANY,
  HOW_TO,
  INTRO,
  INTRO_ROLES,
  KIN,
  LIST_STATUS_OF,
  LIST_STATUS_PHRASES,
  LIST_WORDS,
  MINE,
  MUST,
  MY_TASKS,
  NOT_COUNTED,
  NOT_WORK,
  OCCASION,
  OVERDUE,
  PERSONS,
  PLACE,
  PLEASE,
  PROMISE,
  PROMISE_ENDS,
  PURPOSE,
  RANKING,
  SELF_WORK,
  SUMMARY,
  THE_GROUP,
  WANTS_TO_KNOW,
  WORK_NOUNS,
} from './keywords.ts';
import { hasMarks, tokenizePhrase, type Token } from './normalize.ts';
import { findPhrase, hasPhrase, matchAt, matchEndingAt, wordMatches, type Phrase } from './phrases.ts';

/** The rule-read facts of a message without an item code. */
export interface Slots {
  status: ItemStatus | null;
  late: boolean;
  due: boolean;
  deadline: boolean;
  /** Work that must be done ("cần xong", "must finish"): a deadline, whatever the period. */
  must: boolean;
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
  /** A how-to question of any kind ("how to check …", "làm sao để xem …"). */
  howTo: boolean;
  helpWeak: boolean;
  /** "danh sách", "liệt kê", "list of". */
  listWord: boolean;
  /** "thế nào", "ra sao", "situation": how a named scope stands (read beside a scope only). */
  howIs: boolean;
  /** A word for agencies as a kind ("đơn vị", "sở", "departments"). */
  agencyKind: boolean;
  explain: boolean;
  /** A word of explaining only the plan's work is explained with ("giải trình"), not "explain". */
  explainOwn: boolean;
  /** Three kinds of work or more named side by side (done, in progress, overdue): a breakdown. */
  breakdown: boolean;
  /** A request for words of the bot's own making: a translation, a poem, a joke. */
  compose: boolean;
  /** An official paper named ("công văn số 125/UBND-VX", "tờ trình", "dispatch No. 412"): its own business. */
  document: boolean;
  /**
   * Said to someone else ("anh Tùng ơi báo cáo quý III gửi chưa", "mn ơi …") or said, not asked ("Chúc
   * mừng Sở Y tế đã về đích sớm!", "I'm running late").
   */
  notForBot: boolean;
  work: boolean;
  question: boolean;
  period: boolean;
  /**
   * The period named ended before today ("tuần trước", "tháng 6" in July) or looks back to it ("10 ngày
   * qua"): not a deadline to come.
   */
  pastPeriod: boolean;
  program: boolean;
  agency: boolean;
  /** The agency is named as a place ("ở cổng Sở Y tế", "at DOST"), not as the unit asked about. */
  agencyPlace: boolean;
  /** The period is "before a day" ("trước 31/12", "by 30/9"): work due by then. */
  dueBy: boolean;
  /**
   * When a count, ranking, summary or how to use the bot is asked only in a later clause ("liệt kê nhiệm
   * vụ trễ hạn, sau đó cho biết đơn vị nào chậm nhất", "cho em ds việc quá hạn. Nhân tiện cho em hỏi xuất
   * excel được không"), the facts of the clauses before it: what is asked first.
   */
  head: Slots | null;
}

/** The status a message names ("đang vướng", "đã hoàn thành", "chưa bắt đầu"), the first one written. */
export function listStatus(tokens: readonly Token[]): ItemStatus | null {
  return statusesNamed(tokens)[0] ?? null;
}

/** Every status a question names, in order ("done, in progress, overdue?" names two). */
function statusesNamed(tokens: readonly Token[]): ItemStatus[] {
  const found: ItemStatus[] = [];
  for (let from = 0; from < tokens.length;) {
    const hit = findPhrase(tokens, LIST_STATUS_PHRASES, from);
    if (hit === null) break;
    const status = LIST_STATUS_OF.get(hit.phrase);
    if (
      status !== undefined &&
      !isGive(tokens, hit.start, hit.phrase) &&
      !isFollow(tokens, hit.start, hit.phrase) &&
      !waitsForSomeone(tokens, hit.start, hit.phrase)
    )
      found.push(status);
    from = hit.end;
  }
  return found;
}

const WAIT = tokenizePhrase('chờ')[0]!;
/**
 * Bare "chờ" (waiting: blocked) typed without its mark is most often "cho" ("cho em xin danh sách việc
 * đã xong"): so when the writer marks other words, or a person or "xem" follows.
 */
function isGive(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const t = tokens[at];
  if (phrase.tokens.length !== 1 || t === undefined || !wordMatches(t, WAIT) || hasMarks(t.sig)) return false;
  return tokens.some((o) => hasMarks(o.sig)) || GIVE_TO.has(tokens[at + 1]?.folded ?? '');
}

const FOLLOW = tokenizePhrase('theo')[0]!;
/** "theo doi" typed without marks is "theo dõi" (to follow up), not "theo" and "đợi" (waiting). */
function isFollow(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const t = tokens[at];
  const before = tokens[at - 1];
  return (
    phrase.tokens.length === 1 &&
    t !== undefined &&
    t.folded === 'doi' &&
    !hasMarks(t.sig) &&
    before !== undefined &&
    wordMatches(before, FOLLOW)
  );
}

const WAITING = ['chờ', 'đợi', 'waiting'].map((w) => tokenizePhrase(w)[0]!);
/**
 * "em chờ anh ở cổng sở", "đợi em chút", "waiting for you": waiting for a person, no work held up. Not an
 * unmarked "chi", which may be "chỉ" ("chờ chỉ đạo": waiting for instructions).
 */
function waitsForSomeone(tokens: readonly Token[], at: number, phrase: Phrase): boolean {
  const t = tokens[at];
  if (phrase.tokens.length !== 1 || t === undefined || !WAITING.some((w) => wordMatches(t, w))) return false;
  const next = tokens[at + 1];
  if (next === undefined || (next.folded === 'chi' && !hasMarks(next.sig))) return false;
  return matchAt(tokens, at + 1, PERSONS) !== null;
}

type Known = Pick<
  Slots,
  'question' | 'period' | 'pastPeriod' | 'program' | 'agency' | 'agencyPlace' | 'dueBy'
>;

/**
 * The slots of `tokens`, and of the clauses before the first one that counts, ranks or sums up (`head`).
 * `clauseStarts`: the indexes of the tokens a punctuation mark comes before.
 */
export function readSlots(
  tokens: readonly Token[],
  known: Known,
  clauseStarts: readonly number[] = [],
): Slots {
  const slots = slotsOfWords(tokens, known);
  if (!(slots.summary || slots.count || slots.rank || slots.helpHow)) return slots;
  const asks = [RANKING, COUNT, SUMMARY, HOW_MANY, HELP_HOW]
    .map((words) => findPhrase(tokens, words)?.start ?? Infinity)
    .reduce((x, y) => Math.min(x, y));
  const cut = clauseStarts.filter((k) => k <= asks).at(-1);
  return cut === undefined || cut === 0
    ? slots
    : { ...slots, head: slotsOfWords(tokens.slice(0, cut), known) };
}

function slotsOfWords(tokens: readonly Token[], known: Known): Slots {
  // "việc nhà", "việc riêng": housework and private matters are not the plan's work, nor the sender's.
  const notWork = hasPhrase(tokens, NOT_WORK);
  // "tôi chủ trì cuộc họp": the occasion of the question, not the sender's own work; "thưa anh Quang,
  // theo yêu cầu của anh …": the person written to, not the sender.
  const own = notAddressee(outside(tokens, OCCASION));
  const statuses = statusesNamed(tokens);
  const howToUse = asksHowToUse(tokens);
  return {
    ...known,
    status: statuses[0] ?? null,
    // "the headline numbers — done, in progress, overdue": three kinds of work side by side.
    breakdown: new Set<string>([...statuses, ...(hasPhrase(tokens, OVERDUE) ? ['late'] : [])]).size >= 3,
    // "sắp quá hạn", "about to be late": a deadline coming, not lateness.
    late: hasPhrase(tokens, OVERDUE) && !hasPhrase(tokens, ABOUT_TO_BE_LATE),
    due: hasPhrase(tokens, DUE_SOON),
    deadline: hasPhrase(tokens, DEADLINE_WORD),
    must: hasPhrase(tokens, MUST),
    rank: hasPhrase(tokens, RANKING) || whichMost(tokens),
    // "số điện thoại Sở Nội vụ là bao nhiêu" asks for a number, not how the work stands; "… để báo cáo"
    // says what the answer is for.
    summary: hasPhrase(outside(tokens, PURPOSE), SUMMARY) && !hasPhrase(tokens, NOT_COUNTED),
    mine: (hasPhrase(own, MINE) || hasPhrase(own, MY_TASKS)) && !notWork,
    mineStrong: (hasPhrase(own, MY_TASKS) || selfHas(own) || workOfSelf(own)) && !notWork,
    count: (hasPhrase(tokens, COUNT) || howManyOfWork(tokens)) && !hasPhrase(tokens, NOT_COUNTED),
    self: tokens.some((t) => FIRST_PERSON.has(t.folded)),
    selfWork: senderThen(tokens, SELF_WORK),
    help: hasPhrase(tokens, HELP_STRONG) || howToUse,
    helpHow: howToUse,
    howTo: hasPhrase(tokens, HOW_TO),
    agencyKind: hasPhrase(tokens, AGENCY_KINDS),
    howIs: hasPhrase(tokens, HOW_IS),
    listWord: hasPhrase(tokens, LIST_WORDS),
    helpWeak: hasPhrase(tokens, HELP_WEAK),
    // "giải trình khoản chi tiếp khách", "giải trình thuế": accounts explained, not the plan's work.
    explain: hasPhrase(tokens, EXPLAIN) && !hasPhrase(tokens, ACCOUNTS),
    explainOwn: hasPhrase(tokens, EXPLAIN_OWN) && !hasPhrase(tokens, ACCOUNTS),
    compose: hasPhrase(tokens, COMPOSE),
    document: hasPhrase(tokens, DOCUMENTS),
    notForBot:
      toSomeoneElse(tokens) ||
      (hasPhrase(tokens, CONGRATULATE) && !known.question) ||
      hasPhrase(tokens, SENDER_LATE) ||
      ((hasPhrase(tokens, PROMISE, 0, PROMISE_WITHIN) || hasPhrase(tokens, PROMISE_ENDS)) &&
        !known.question &&
        !hasPhrase(tokens, PLEASE)),
    work: hasPhrase(tokens, WORK_NOUNS) && !notWork,
    head: null,
  };
}

/** "sở nào để trễ nhiều nhiệm vụ nhất", "xã nào làm tốt nhất": which unit, and a superlative after it. */
function whichMost(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const kind = matchAt(tokens, i, AGENCY_KINDS);
    if (kind === null || tokens[i + kind.tokens.length]?.folded !== 'nao') continue;
    if (tokens.slice(i + kind.tokens.length + 1).some((t) => t.folded === 'nhat')) return true;
  }
  return false;
}

/** A word of how to use the bot, with no wish to know something else after it (WANTS_TO_KNOW). */
function asksHowToUse(tokens: readonly Token[]): boolean {
  const how = findPhrase(tokens, HELP_HOW);
  return how !== null && !hasPhrase(tokens, WANTS_TO_KNOW, how.end);
}

/**
 * Whether the name at token `at` is said as a place: a place word right before it, or before the unit
 * word that opens it ("ở cổng Sở Y tế", "o xa Tan Phu").
 */
export function namedAsPlace(tokens: readonly Token[], at: number): boolean {
  if (matchEndingAt(tokens, at, PLACE) !== null) return true;
  return UNIT.has(tokens[at - 1]?.folded ?? '') && matchEndingAt(tokens, at - 1, PLACE) !== null;
}

/**
 * The tokens of the sender's introduction of themself, to the end of its clause ("Tôi là Phan Thị Mai.",
 * "I am Nguyen Huu Phuoc, …"): `text` is what the tokens were cut from, its punctuation ends a clause.
 */
export function introduction(tokens: readonly Token[], text: string): Set<number> {
  const inside = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const intro = matchAt(tokens, i, INTRO);
    const next = tokens[i + (intro?.tokens.length ?? 0)];
    if (intro === null || next === undefined) continue;
    if (!/^\p{Lu}/u.test(next.orig) && matchAt(tokens, i + intro.tokens.length, INTRO_ROLES) === null)
      continue;
    let j = i;
    do inside.add(j++);
    while (j < tokens.length && !/[.,;:!?\n]/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)));
    i = j - 1;
  }
  return inside;
}

const CALL = tokenizePhrase('ơi')[0]!;
/**
 * A message that opens by calling someone else: a kin word and a name, or the group, then "ơi" ("anh
 * Tùng ơi", "chị Hà ơi", "mn ơi"). "bot ơi", "anh ơi" call the bot (or anyone): no name, no group.
 */
function toSomeoneElse(tokens: readonly Token[]): boolean {
  const call = tokens.findIndex((t, i) => i <= 4 && wordMatches(t, CALL));
  // "mn ơi bot ơi, …", "ae ơi hnay mưa quá, tiện hỏi bot: …": the bot is called too.
  if (call <= 0 || tokens.some((t) => BOT_NAMES.has(t.folded))) return false;
  if (matchAt(tokens, 0, THE_GROUP)?.tokens.length === call) return true;
  const start = KIN.has(tokens[0]?.folded ?? '') ? 1 : 0;
  const name = tokens.slice(start, call);
  return (
    start === 1 && name.length > 0 && name.every((t) => /^\p{Lu}/u.test(t.orig) && !BOT_NAMES.has(t.folded))
  );
}
const BOT_NAMES = new Set(['bot', 'dondoc', 'don', 'doc']);
/** A promise opens the message, after an acknowledgement at most ("Được,", "Xin phép anh,"). */
const PROMISE_WITHIN = 5;

/** The words outside every phrase of `phrases`. */
function outside(tokens: readonly Token[], phrases: readonly Phrase[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = matchAt(tokens, i, phrases);
    if (hit !== null) {
      i += hit.tokens.length;
      continue;
    }
    const t = tokens[i];
    if (t !== undefined) out.push(t);
    i += 1;
  }
  return out;
}

/**
 * "có mấy việc chưa bắt đầu", "bao nhiêu chỉ tiêu đã đạt", "bn xong, bn trễ": how many, of a work noun,
 * a status or lateness right after.
 */
function howManyOfWork(tokens: readonly Token[]): boolean {
  return tokens.some((_, i) => {
    const ask = matchAt(tokens, i, HOW_MANY);
    if (ask === null) return false;
    const next = i + ask.tokens.length;
    return [WORK_NOUNS, LIST_STATUS_PHRASES, OVERDUE].some((words) => matchAt(tokens, next, words) !== null);
  });
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
    if (!isSender(t) || matchAt(tokens, i + 1, verbs) === null) return false;
    const prev = tokens[i - 1]?.folded;
    if (prev !== undefined && UNIT.has(prev)) return false;
    if (unitNamedBefore(tokens, i)) return false;
    return !(t.folded === 'toi' && prev !== undefined && TIME.has(prev));
  });
}

/** "việc tôi đang làm", "những nhiệm vụ em phụ trách": a work noun, then the sender (not "việc tới hạn"). */
function workOfSelf(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const work = matchAt(tokens, i, WORK_NOUNS);
    if (work === null) continue;
    const next = tokens[i + work.tokens.length];
    if (next === undefined || !isSender(next)) continue;
    const after = tokens[i + work.tokens.length + 1]?.folded;
    if (!(next.folded === 'toi' && (after === 'han' || after === 'day'))) return true;
  }
  return false;
}

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
  'c',
  'i',
  'my',
  'me',
  'mine',
  'myself',
]);
/**
 * "Sở KHCN mình có …", "xã Mỹ Lộc mình có …", "Phường Long Thành mình còn …": a unit's name (initials,
 * or two capitalised words, or a unit word and a name) right before "mình"/"em" makes it the sender's
 * unit. Only words written side by side: "Anh Quang, em có …" is the sender after a greeting.
 */
function unitNamedBefore(tokens: readonly Token[], i: number): boolean {
  const [before, name, self] = [tokens[i - 2], tokens[i - 1], tokens[i]];
  if (name === undefined || self === undefined || self.start - name.end > 1) return false;
  if (/^\p{Lu}{2,}$/u.test(name.orig)) return true;
  if (!/^\p{Lu}/u.test(name.orig) || before === undefined || name.start - before.end > 1) return false;
  return /^\p{Lu}/u.test(before.orig) || UNIT.has(before.folded);
}

/** Kin words a message may be written to, which are also the words a leader says "I" with. */
const ADDRESS_KIN = new Set(['anh', 'chi']);
/** Words before a kin word that make it the person written to ("thưa anh", "kính gửi chị", "báo cáo anh"). */
const ADDRESSING = new Set(['thua', 'gui', 'cao']);

/**
 * The tokens with "anh"/"chị" left out where they name the person written to: after "thưa", "kính gửi",
 * "báo cáo", or before a name ("anh Quang", "chị Hà"). Then "của anh" and "anh có dặn em" are not the
 * sender's; the sender is the "em" or "tôi" of the message.
 */
function notAddressee(tokens: readonly Token[]): Token[] {
  const addressed = tokens.some(
    (t, i) =>
      ADDRESS_KIN.has(t.folded) &&
      (ADDRESSING.has(tokens[i - 1]?.folded ?? '') || /^\p{Lu}\p{Ll}+$/u.test(tokens[i + 1]?.orig ?? '')),
  );
  return addressed ? tokens.filter((t) => !ADDRESS_KIN.has(t.folded)) : [...tokens];
}

const isSender = (t: Token): boolean => SELF_FOLDED.has(t.folded) && SELF_VI.some((w) => wordMatches(t, w));
const SELF_VI = ['tôi', 'em', 'mình', 'tui', 'anh', 'chị', 'a', 'c'].map((w) => tokenizePhrase(w)[0]!);
/** "bên mình có việc nào …": the sender's unit, not the sender ("phía em", "đơn vị mình", "sở em"). */
const UNIT = new Set(['ben', 'phia', 'vi', 'so', 'xa', 'phuong', 'p', 'nganh', 'phong']);
const SELF_FOLDED = new Set(SELF_VI.map((w) => w.folded));
const TIME = new Set(['ngay', 'tuan', 'thang', 'quy', 'nam', 'sap', 'gio', 'toi']);
