// Turns one chat message into the Intent of docs/intents.md, plus the note, language and control around it.
import { commandMeaning } from '../commands.ts';
import type {
  AgencyCode,
  AssignControl,
  Control,
  Intent,
  IntentName,
  ItemCode,
  ItemStatus,
  Lang,
  Lexicon,
  LocalDate,
  ParsedMessage,
  Percent,
  PercentProblem,
} from '../types.ts';
import {
  analyse,
  isBarrier,
  origOffset,
  periodText,
  textBetween,
  tokenIndexFrom,
  type Analysis,
} from './analysis.ts';
import type { ProgramResolver, Span } from './codes.ts';
import {
  ABOUT_COMMAND,
  ASSIGN,
  ASSIGN_TO,
  CLARIFY,
  DEMAND_PLAIN,
  EN_WORDS,
  EXPLAIN,
  EXPLAIN_ITEM,
  MEANING_ASKED,
  NEWS_ASKED,
  NEXT_PAGE,
  NO,
  REGISTER,
  RANKING,
  REPORT_LEADS,
  SWITCH_OFF,
  SWITCH_ON,
  UPDATE_PREFIX,
  VI_WORDS,
  WORK_NOUNS,
  YES,
} from './keywords.ts';
import { decideIntent } from './decide.ts';
import { asksWhyLate, demandsClarity, demandsExplanation } from './explain-request.ts';
import { readExplanation } from './explanation.ts';
import { chartControl, reportControl } from './file-commands.ts';
import { levelOfFolded } from './level.ts';
import { matchScope, programOfCode } from './lexicon-match.ts';
import type { Token } from './normalize.ts';
import { resolvePeriod } from './period.ts';
import { hasPhrase, matchAt, type Phrase } from './phrases.ts';
import {
  coreWords,
  looksLikeQuestion,
  readUpdate,
  reportedUpFront,
  reportBefore,
  statusLaterInSentence,
  reportsWork,
  sentenceEnd,
  type UpdateReading,
} from './update.ts';

export function emptyIntent(name: IntentName = 'unknown'): Intent {
  return {
    intent: name,
    program: null,
    agency: null,
    target: null,
    percent: null,
    status: null,
    period: null,
  };
}

/** Intents whose answer is a list or a count, and so can be narrowed to a period. */
const PERIOD_INTENTS: ReadonlySet<IntentName> = new Set([
  'overdue',
  'due_soon',
  'list',
  'summary',
  'my_tasks',
]);

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/u;

function detectLang(tokens: readonly Token[]): Lang | null {
  let vi = 0;
  let en = 0;
  for (const t of tokens) {
    if (isBarrier(t)) continue;
    if (VIETNAMESE_LETTER.test(t.orig.toLowerCase())) return 'vi';
    if (VI_WORDS.has(t.folded)) vi += 1;
    else if (EN_WORDS.has(t.folded)) en += 1;
  }
  if (vi === 0 && en === 0) return null;
  return vi >= en ? 'vi' : 'en';
}

function resolverFor(lexicon: Lexicon | null): ProgramResolver {
  return (letters, digits) => (lexicon === null ? null : programOfCode(lexicon, letters, digits));
}

/** A percent people can record: a whole number from 0 to 100. */
const isRecordable = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 100;

/** The spec's rules on a reading: 100% or a done word is done+100; a bare percent below 100 is in progress. */
function updateFields(r: UpdateReading): { percent: Percent | null; status: ItemStatus | null } {
  if (r.percent !== null) {
    // Not recordable: report neither, so the core refuses it (percentProblem tells it why).
    if (!isRecordable(r.percent)) return { percent: null, status: null };
    const percent = r.percent;
    if (percent === 100) return { percent: 100 as Percent, status: 'done' };
    const status: ItemStatus = r.status === 'blocked' ? 'blocked' : 'in_progress';
    return { percent: percent as Percent, status };
  }
  if (r.status === 'done') return { percent: 100 as Percent, status: 'done' };
  return { percent: null, status: r.status };
}

function problemOf(a: Analysis, value: number, at: Span | null): PercentProblem | null {
  if (isRecordable(value)) return null;
  const written =
    at === null ? String(value) : a.full.slice(origOffset(a, at.start), origOffset(a, at.end)).trim();
  if (value < 0 || value > 100) return { kind: 'out_of_range', value, written };
  return { kind: 'fraction', value, written };
}

/**
 * What is wrong with the percent of an update: the reading's own number, else (for an update, or a message
 * not understood) any unrecordable percent in it, else two different percents ("20% 90%").
 */
function percentProblem(a: Analysis, d: Draft): PercentProblem | null {
  const r = d.reading;
  if (r?.percent != null) {
    const own = problemOf(a, r.percent, r.percentAt);
    if (own !== null) return own;
  } else if (d.intent === 'unknown' || (d.intent === 'update' && d.target == null)) {
    for (const p of a.percents) {
      const any = problemOf(a, p.value, p);
      if (any !== null) return any;
    }
  }
  if (d.intent !== 'update') return null;
  const from = r?.risenFrom?.start;
  const values = [...new Set(a.percents.filter((p) => p.start !== from).map((p) => p.value))];
  return values.length < 2 ? null : { kind: 'several', values };
}

interface Draft {
  intent: IntentName;
  target?: ItemCode | null;
  reading?: UpdateReading;
  note?: string | null;
  control?: Control | null;
  /** Words that may name the scope (programme, agency): [from, to) token indexes. */
  scope?: [number, number];
  /** Where to look for a period (folded offsets). */
  periodFrom?: number;
  /** The work status a `list` asks for. */
  listStatus?: ItemStatus | null;
  /** Two intents the classifier could not choose between: the bot asks. */
  choices?: [IntentName, IntentName] | null;
}

function finish(a: Analysis, d: Draft, lexicon: Lexicon, today: LocalDate, langFrom: number): ParsedMessage {
  const intent = emptyIntent(d.intent);
  const lang = detectLang(a.tokens.slice(langFrom));
  let agencyChoices: AgencyCode[] = [];
  // A question the bot asks about ("quá hạn hay sắp đến hạn?") keeps its slots for the answer.
  if ((d.intent !== 'unknown' || d.choices) && d.intent !== 'help') {
    const [from, to] = d.scope ?? [langFrom, a.tokens.length];
    const scope = matchScope(a.tokens.slice(from, to), lexicon);
    intent.program = scope.program;
    intent.agency = scope.agency;
    agencyChoices = scope.agencyChoices;
    intent.target = d.target ?? null;
    if (d.reading !== undefined) Object.assign(intent, updateFields(d.reading));
    if (d.listStatus != null) intent.status = d.listStatus;
    if (PERIOD_INTENTS.has(d.intent) || d.choices)
      intent.period = resolvePeriod(periodText(a).slice(d.periodFrom ?? 0), today);
  }
  const problem = d.intent === 'unknown' || d.intent === 'update' ? percentProblem(a, d) : null;
  // Two percents: neither is the update's until the person says which.
  if (problem?.kind === 'several') Object.assign(intent, { percent: null, status: null });
  const unreadable = intent.target === null ? a.unreadable[0] : undefined;
  const unreadableCode =
    unreadable === undefined
      ? null
      : a.full.slice(origOffset(a, unreadable.start), origOffset(a, unreadable.end)).trim();
  return {
    intent,
    note: d.note ?? null,
    lang,
    control: d.control ?? null,
    agencyChoices,
    ranking: d.intent === 'summary' && hasPhrase(a.tokens, RANKING),
    unreadableCode,
    percentProblem: problem,
    ...(d.choices ? { choices: d.choices } : {}),
    level: levelOfFolded(a.masked, intent.agency !== null),
    statement: !looksLikeQuestion(a) && !hasPhrase(a.tokens, WORK_NOUNS),
  };
}

function isExactly(words: readonly Token[], phrases: readonly Phrase[]): boolean {
  const p = matchAt(words, 0, phrases);
  return p !== null && p.tokens.length === words.length;
}

/** A one-word answer that moves the conversation instead of asking something. */
function controlOf(a: Analysis): Control | null {
  if (a.codes.length > 0) return null;
  const words = coreWords(a.tokens);
  if (words.length === 0 || words.length > 4) return null;
  if (isExactly(words, NEXT_PAGE)) return { kind: 'next_page' };
  if (isExactly(words, YES)) return { kind: 'confirm', yes: true };
  if (isExactly(words, NO)) return { kind: 'confirm', yes: false };
  return null;
}

/** A registration code as the person typed it (case kept: it may be a one-time token). */
function registrationCode(raw: string): string | null {
  const code = raw.trim();
  return /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/.test(code) ? code : null;
}

/** The words as written from the folded offset on. */
function wordsAfter(a: Analysis, foldedOffset: number): string[] {
  return a.full
    .slice(origOffset(a, foldedOffset))
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
}

/** A person named in chat is a code or a full name; anything longer is not a name. */
const MAX_ASSIGNEE_CHARS = 120;

/** An assignment read from a message, and the token its person starts at (names do not tell the language). */
interface AssignReading {
  control: AssignControl;
  nameAt: number;
}

/**
 * The person written from token `from` on ("P09", "Nguyễn Văn A") up to the folded offset `until`,
 * without a leading "cho"/"to" and trailing punctuation, as written; null when nothing is left.
 */
function assigneeFrom(
  a: Analysis,
  from: number,
  until: number | null = null,
): { text: string; at: number } | null {
  const joiner = matchAt(a.tokens, from, ASSIGN_TO);
  const at = from + (joiner?.tokens.length ?? 0);
  const start = a.tokens[at];
  if (start === undefined || (until !== null && start.start >= until)) return null;
  const end = until === null ? a.full.length : origOffset(a, until);
  const text = a.full
    .slice(origOffset(a, start.start), end)
    .replace(/[\s.,;:!?…]+$/u, '')
    .trim();
  if (text === '') return null;
  return { text: text.length > MAX_ASSIGNEE_CHARS ? text.slice(0, MAX_ASSIGNEE_CHARS) : text, at };
}

/** "/giao NQ57-12.3 P09", "/assign NQ57-12.3 to Nguyễn Văn A", or the person first: "/giao P09 NQ57-12.3". */
function assignCommand(a: Analysis, argsAt: number): AssignReading {
  const code = a.codes.find((c) => c.start >= argsAt);
  if (code === undefined) {
    return { control: { kind: 'assign', item: null, assignee: null }, nameAt: a.tokens.length };
  }
  const after = assigneeFrom(a, tokenIndexFrom(a, code.end));
  const person = after ?? assigneeFrom(a, tokenIndexFrom(a, argsAt), code.start);
  return {
    control: { kind: 'assign', item: code.code, assignee: person?.text ?? null },
    nameAt: person?.at ?? a.tokens.length,
  };
}

/**
 * "giao NQ57-12.3 cho P09", "giao nhiệm vụ NQ57-12.3 cho Nguyễn Văn A", "assign NQ57-12.3 to P09": the
 * words must open the message, with the task right after the verb and "cho"/"to" right after the task.
 */
function assignMessage(a: Analysis): AssignReading | null {
  const code = a.codes[0];
  const verb = matchAt(a.tokens, 0, ASSIGN);
  if (code === undefined || verb === null) return null;
  const codeIndex = tokenIndexFrom(a, code.start);
  if (codeIndex !== verb.tokens.length || matchAt(a.tokens, codeIndex + 1, ASSIGN_TO) === null) return null;
  const person = assigneeFrom(a, codeIndex + 1);
  return {
    control: { kind: 'assign', item: code.code, assignee: person?.text ?? null },
    nameAt: person?.at ?? a.tokens.length,
  };
}

/** "/overdue", "/mytasks@dondoc_bot", and in a group "@dondoc_bot /mytasks" (the bot named first). */
const SLASH = /^\s*(?:@[a-z0-9_.]{1,64}\s+)?\/([a-z_]{1,32})(?:@[a-z0-9_.]{1,64})?(?![a-z0-9_])/u;

function parseCommand(a: Analysis, lexicon: Lexicon, today: LocalDate): ParsedMessage | null {
  const m = SLASH.exec(a.masked);
  if (m === null) return null;
  const argsAt = m[0].length;
  const first = tokenIndexFrom(a, argsAt);
  const done = (d: Draft): ParsedMessage => finish(a, { periodFrom: argsAt, ...d }, lexicon, today, first);
  const command = commandMeaning(m[1] ?? '') ?? undefined;
  const code = a.codes.find((c) => c.start >= argsAt);
  const codeIndex = code === undefined ? -1 : tokenIndexFrom(a, code.start);
  // "/update dùng ntn z", "/overdue là gì": the command itself asked about.
  if (command !== undefined && code === undefined && hasPhrase(a.tokens, ABOUT_COMMAND, first))
    return done({ intent: 'help' });
  switch (command) {
    case undefined:
      return done({ intent: 'unknown' });
    case 'help':
    case 'register': {
      const registration =
        command === 'help' && m[1] !== 'start' ? null : registrationCode(wordsAfter(a, argsAt)[0] ?? '');
      return done({
        intent: 'help',
        control: registration === null ? null : { kind: 'register', code: registration },
      });
    }
    case 'more':
      return done({ intent: 'unknown', control: { kind: 'next_page' } });
    case 'chart':
      return done({ intent: 'unknown', control: chartControl(wordsAfter(a, argsAt)) });
    // Where no file can be made (`dondoc ask`), the report's words still ask for a summary.
    case 'report':
      return done({ intent: 'summary', control: reportControl(wordsAfter(a, argsAt)) });
    case 'digest_vi':
    case 'digest_en': {
      const on = matchAt(a.tokens, first, SWITCH_ON)
        ? true
        : matchAt(a.tokens, first, SWITCH_OFF)
          ? false
          : null;
      const lang: Lang = command === 'digest_en' ? 'en' : 'vi';
      return done({ intent: 'unknown', control: { kind: 'group_digest', on, lang } });
    }
    case 'assign': {
      const { control, nameAt } = assignCommand(a, argsAt);
      // The language is told by the words around the name, never by the name ("Trịnh Thu Trang").
      return { ...done({ intent: 'unknown', control }), lang: detectLang(a.tokens.slice(first, nameAt)) };
    }
    case 'approve':
    case 'send_back': {
      const reason = code === undefined ? null : textBetween(a, code.end, null, false);
      const control = {
        kind: 'verdict' as const,
        ok: command === 'approve',
        item: code?.code ?? null,
        reason,
      };
      // The command's own language, as /bantin and /digest: the reason may quote either.
      const lang: Lang = m[1] === 'approve' || m[1] === 'return' ? 'en' : 'vi';
      return { ...done({ intent: 'unknown', control }), lang };
    }
    case 'yes':
    case 'no':
      return done({ intent: 'unknown', control: { kind: 'confirm', yes: command === 'yes' } });
    case 'status':
      return code === undefined ? done({ intent: 'summary' }) : done({ intent: 'status', target: code.code });
    case 'update': {
      if (code === undefined) return done({ intent: 'update' });
      const reading = readUpdate(a, codeIndex, true);
      const note = textBetween(a, reading.noteFrom, reading.noteTo, reading.noteCut);
      return done({ intent: 'update', target: code.code, reading, note, scope: [first, codeIndex] });
    }
    case 'request_explanation':
      return done({
        intent: 'request_explanation',
        target: code?.code ?? null,
        note: code === undefined ? null : textBetween(a, code.end, null, false),
        scope: [first, codeIndex < 0 ? a.tokens.length : codeIndex],
      });
    default:
      return done({ intent: command });
  }
}

function parseItemMessage(a: Analysis): Draft {
  const code = a.codes[0];
  if (code === undefined) throw new Error('parseItemMessage needs an item code');
  const codeIndex = tokenIndexFrom(a, code.start);
  // A word of explanation in the note of a report ("DA06-04.2 progress 65%, … accounts for …") is the
  // report's; before the code, or after it with no report, it asks for one.
  // "giải thích giúp em NQ57-12 là gì": what the item is, asked; only "giải trình" and its kin then ask.
  const meaningAsked = hasPhrase(a.tokens, MEANING_ASKED) && !hasPhrase(a.tokens, DEMAND_PLAIN);
  const explain = meaningAsked ? EXPLAIN : EXPLAIN_ITEM;
  if (
    hasPhrase(a.tokens, explain, 0, codeIndex) ||
    // "phường Long Thành làm rõ DA06-12.2 sao chậm": asked to clarify the item named after it.
    hasPhrase(a.tokens, CLARIFY, 0, codeIndex) ||
    (hasPhrase(a.tokens, explain) && (!reportsProgress(a, codeIndex) || demandsExplanation(a, codeIndex))) ||
    asksWhyLate(a) ||
    (demandsClarity(a) && !reportsProgress(a, codeIndex))
  ) {
    return {
      intent: 'request_explanation',
      target: code.code,
      note: textBetween(a, code.end, null, false),
      scope: [0, codeIndex],
    };
  }
  const announced =
    (hasPhrase(a.tokens, UPDATE_PREFIX, 0, codeIndex) && !hasPhrase(a.tokens, NEWS_ASKED, 0, codeIndex)) ||
    taskThenNumber(a, code.code, codeIndex);
  return itemReport(a, code.code, codeIndex, announced);
}

/**
 * "NQ57-24.1 50": a task's code and a number of two or three digits, nothing else — its percent (one over
 * 100 is refused as any percent is). After a target's code the number may be a task's, its dot left out
 * ("NQ57-12 3"): that stays a question.
 */
function taskThenNumber(a: Analysis, code: ItemCode, codeIndex: number): boolean {
  const words = coreWords(a.tokens);
  return (
    code.includes('.') && codeIndex === 0 && words.length === 2 && /^\d{2,3}$/u.test(words[1]?.folded ?? '')
  );
}

/**
 * Whether the code at `codeIndex` is followed right away by a percent or a status: a report
 * ("DA06-04.2 progress 65%, …"), not a request that mentions one later ("NQ57-07.2 giải trình vì sao
 * mới đạt 30%").
 */
function reportsProgress(a: Analysis, codeIndex: number): boolean {
  return reportedUpFront(a, readUpdate(a, codeIndex, false), codeIndex);
}

/**
 * What a message says of `target`, written at token `codeIndex` (-1: not written, the item talked
 * about): an update when it reports a percent or a status (and is no question), or, with neither, a
 * note when it is announced ("Cập nhật DA06-02.2: …") or reports work done ("NQ57-11.3 đã bàn giao
 * xong mặt bằng"); else its status asked.
 */
function itemReport(a: Analysis, target: ItemCode, codeIndex: number, announced: boolean): Draft {
  const reading = readUpdate(a, codeIndex, announced);
  const reported = reading.percent !== null || reading.status !== null;
  const note = textBetween(a, reading.noteFrom, reading.noteTo, reading.noteCut);
  // A question in a sentence after the code's is the report's ("… đã nghiệm thu. Anh có cần gì thêm không?").
  const ends = sentenceEnd(a, codeIndex);
  // A report that came first, the code closing it: its words are the note (and the rest after the code).
  const before =
    !reported && codeIndex > 0 && !looksLikeQuestion(a, ends) ? reportBefore(a, codeIndex) : null;
  if (before !== null) {
    const said = textBetween(a, 0, before.noteTo, true);
    const whole = [said, note].filter((t) => t !== null).join(' ');
    return {
      intent: 'update',
      target,
      reading: { ...reading, status: before.status },
      note: whole === '' ? null : whole,
      scope: [0, 0],
    };
  }
  const later = reported ? null : statusLaterInSentence(a, codeIndex);
  if (later !== null) {
    return {
      intent: 'update',
      target,
      reading: { ...reading, status: later },
      note,
      scope: [0, tokenIndexFrom(a, reading.noteFrom)],
    };
  }
  const opened = hasPhrase(a.tokens, REPORT_LEADS, 0, Math.max(codeIndex, 0));
  const noted =
    note !== null && !looksLikeQuestion(a, ends) && (announced || opened || reportsWork(a, codeIndex));
  // A percent or status read right after the code leaves the rest a note; one read before it, the rest
  // of its sentence.
  const noteFrom = reportedUpFront(a, reading, codeIndex) ? reading.noteFrom : reported ? ends : Infinity;
  if ((reported && (announced || !looksLikeQuestion(a, noteFrom))) || noted) {
    const noteStart = tokenIndexFrom(a, reading.noteFrom);
    return { intent: 'update', target, reading, note, scope: [0, noteStart] };
  }
  return { intent: 'status', target };
}

/**
 * A report with no item code ("xong rồi", "80%", "vướng: chờ kinh phí"): the reply to a reminder, whose
 * item the channel layer fills in. It must open the message, or (when nothing else is asked) close it
 * with a percent ("đã lắp 12/20 trạm, đạt 60%").
 */
function codeFreeReport(a: Analysis, opening: boolean): Draft | null {
  if (looksLikeQuestion(a)) return null;
  const reading = readUpdate(a, -1, false);
  if (reading.percent === null && reading.status === null) return null;
  const note = textBetween(a, reading.noteFrom, reading.noteTo, reading.noteCut);
  const draft: Draft = { intent: 'update', reading, note, scope: [0, tokenIndexFrom(a, reading.noteFrom)] };
  if (!opening) return reading.noteTo !== null ? draft : null;
  if (reading.noteFrom === 0 || reading.noteTo !== null) return null;
  const headPercent = reading.percent !== null;
  const separated = /^\s*(?:[:;,.!-]|$)/u.test(a.masked.slice(reading.noteFrom));
  return headPercent || separated ? draft : null;
}

/**
 * The item a message without a code may continue: the one the bot's message it replies to was about
 * (`replied`), or — on Zalo, which has no reply threading — the chat's last item.
 */
export interface ItemContext {
  item: ItemCode;
  replied: boolean;
}

/**
 * What one message means. Pure: the same text, lexicon, day and context always give the same answer.
 * `today` is the local day (Asia/Ho_Chi_Minh) periods are resolved against.
 */
export function parseMessage(
  text: string,
  lexicon: Lexicon,
  today: LocalDate,
  context: ItemContext | null = null,
): ParsedMessage {
  const a = analyse(text, resolverFor(lexicon));
  const parsed = parseAnalysed(a, lexicon, today);
  const explanation = readExplanation(text, lexicon);
  const about = context === null ? null : continuation(a, parsed, context, lexicon, today);
  return {
    ...parsed,
    ...(explanation === null ? {} : { explanation }),
    ...(about === null ? {} : { about }),
  };
}

/**
 * The message read as being about the item of `context` ("xong", "80% còn 2 trạm", or — in a reply —
 * "tiến độ thế nào?"), as if its code stood in front; null when the message, read alone, names an
 * item or moves the conversation, or does not then report on (or, in a reply, ask after) the item.
 */
function continuation(
  a: Analysis,
  alone: ParsedMessage,
  context: ItemContext,
  lexicon: Lexicon,
  today: LocalDate,
): ParsedMessage | null {
  if (alone.intent.target !== null || alone.control !== null) return null;
  const kind = alone.intent.intent;
  if (kind !== 'update' && kind !== 'unknown' && !(context.replied && kind === 'status')) return null;
  if (hasPhrase(a.tokens, EXPLAIN)) return null;
  const draft = itemReport(a, context.item, -1, false);
  if (draft.intent !== 'update' && !(context.replied && draft.intent === 'status')) return null;
  return finish(a, draft, lexicon, today, 0);
}

function parseAnalysed(a: Analysis, lexicon: Lexicon, today: LocalDate): ParsedMessage {
  const command = parseCommand(a, lexicon, today);
  if (command !== null) return command;

  // "đăng ký P09" registers; "đăng ký" alone asks how to; "đăng ký xe công đi Đông Sơn" is about
  // something else, read as any message.
  const registerAt = matchAt(a.tokens, 0, REGISTER);
  if (registerAt !== null) {
    const after = a.tokens[registerAt.tokens.length - 1]?.end ?? 0;
    const code = registrationCode(a.full.slice(origOffset(a, after)));
    const alone = coreWords(a.tokens).length === registerAt.tokens.length;
    if (code !== null || alone) {
      const control = code === null ? null : ({ kind: 'register', code } as const);
      return finish(a, { intent: 'help', control }, lexicon, today, 0);
    }
  }
  const control = controlOf(a);
  if (control !== null) return finish(a, { intent: 'unknown', control }, lexicon, today, 0);
  if (a.codes.length > 0) {
    const item = finish(a, parseItemMessage(a), lexicon, today, 0);
    // "giao NQ57-12.3 cho P09" still means what it meant (the task's status); the control rides beside it.
    const assign = item.intent.intent === 'status' ? assignMessage(a) : null;
    if (assign === null) return item;
    return { ...item, control: assign.control, lang: detectLang(a.tokens.slice(0, assign.nameAt)) };
  }
  // A report with no code opening the message is one ("xong, đã nghiệm thu", "80% đã lắp 12/20 trạm").
  const opening = codeFreeReport(a, true);
  if (opening !== null) return finish(a, opening, lexicon, today, 0);
  // "What does /due do?", "em gõ /overdue mà không thấy gì": a command named inside a message asks how
  // it works (one opening the message was run above).
  if (namesCommand(a)) return finish(a, { intent: 'help' }, lexicon, today, 0);
  const decision = decideIntent(a, lexicon, today);
  const intent = decision.intent;
  // One closing on a percent is a report too, unless the classifier is sure the message is about
  // something else ("tiến độ luận văn của em được 80% rồi", "I finished my English course, 100%").
  const closing =
    intent === 'unknown' && decision.choices === null && decision.confidence < SURELY_OFF_TOPIC
      ? codeFreeReport(a, false)
      : null;
  const draft: Draft = { intent, listStatus: decision.status, choices: decision.choices };
  return finish(a, closing ?? draft, lexicon, today, 0);
}

const COMMAND_INSIDE = /(?<=\s)\/([a-z_]{2,32})(?![a-z0-9_/])/gu;

function namesCommand(a: Analysis): boolean {
  return [...a.masked.matchAll(COMMAND_INSIDE)].some((m) => commandMeaning(m[1] ?? '') !== null);
}

/** The classifier's "unknown" at or above this is sure: its message's closing percent is no report. */
const SURELY_OFF_TOPIC = 0.8;

const NO_LEXICON: Lexicon = { programs: [], agencies: [] };

/**
 * The out-of-range progress an update was written with ("150%", "-5%", "/update X 150"), or null: the
 * number of parseMessage's `percentProblem`, for callers that need only that.
 */
export function findBadPercent(text: string, lexicon: Lexicon | null = null): number | null {
  const problem = parseMessage(text, lexicon ?? NO_LEXICON, '2000-01-01' as LocalDate).percentProblem;
  return problem?.kind === 'out_of_range' ? problem.value : null;
}
