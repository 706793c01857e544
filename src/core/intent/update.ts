// Reads a progress report around an item code: its percent, its status words and where the free-text note lies.
import type { ItemStatus } from '../types.ts';
import { clauseStarts, isBarrier, tokenIndexFrom, type Analysis } from './analysis.ts';
import type { PercentSpan, Span } from './codes.ts';
import {
  ASKED_INSIDE,
  ASSIGN,
  CLOSINGS,
  COURTESY,
  FILLERS,
  GIVE_TO,
  HEDGES,
  LEADS,
  NOT_ENDINGS,
  OVERDUE,
  PROGRESS_AFTER,
  PROGRESS_BEFORE,
  PROGRESS_OF,
  REACHED,
  QUESTION_ENDINGS,
  QUESTION_PHRASES,
  QUESTION_STARTS,
  RECORD_ASKED,
  REPORT_LEADS,
  REPORT_WORDS,
  RISE_TO,
  STATUS_OF,
  STATUS_PHRASES,
  UPDATE_PREFIX,
  WAITING_OBJECTS,
  WAIT_WORD,
  WISHED,
  WORK_NOUNS,
  type StatusPhrase,
} from './keywords.ts';
import { hasMarks, tokenizePhrase, type Token } from './normalize.ts';
import { findPhrase, hasPhrase, matchAt, matchEndingAt, wordMatches, type Phrase } from './phrases.ts';

export interface UpdateReading {
  /** The number as written, possibly outside 0–100 or fractional; null when none was given. */
  percent: number | null;
  /** Where that number is written (folded offsets). */
  percentAt: Span | null;
  status: ItemStatus | null;
  /** Folded offset where the note starts. */
  noteFrom: number;
  /** Folded offset where the note ends; null: at the end of the whole message. */
  noteTo: number | null;
  /** The note ended at a trailing percent, so the separator before it is not part of the note. */
  noteCut: boolean;
  /** "từ 20% lên 35%": where the percent it rose from is written (not a second progress). */
  risenFrom: Span | null;
}

interface PercentAt {
  span: PercentSpan;
  endToken: number;
}

const SEPARATOR = /[:;,.()[\]!?\n\r-]/;

function percentsByToken(a: Analysis): Map<number, PercentAt> {
  const map = new Map<number, PercentAt>();
  for (const span of a.percents) {
    map.set(tokenIndexFrom(a, span.start), { span, endToken: tokenIndexFrom(a, span.end) });
  }
  return map;
}

/** Only fillers, thanks and punctuation from token `i` to the end of the message. */
function onlyFillersFrom(a: Analysis, i: number): boolean {
  if (a.truncated) return false;
  let j = i;
  while (j < a.tokens.length) {
    const f = matchAt(a.tokens, j, FILLERS) ?? matchAt(a.tokens, j, CLOSINGS);
    if (f === null) return false;
    j += f.tokens.length;
  }
  return true;
}

function separatedBefore(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  const prev = a.tokens[i - 1];
  if (t === undefined || prev === undefined) return true;
  return SEPARATOR.test(a.masked.slice(prev.end, t.start));
}

/**
 * A status phrase at token `i`, with the guard that keeps "cho tôi xem" from reading as "chờ" (waiting).
 * `afterCode`: right after an item code, where "cho" is "chờ" ("nq57-40.3 cho doi tac ban giao").
 */
function statusAt(a: Analysis, i: number, afterCode = false): { status: StatusPhrase; end: number } | null {
  const phrase = matchAt(a.tokens, i, STATUS_PHRASES);
  if (phrase === null) return null;
  const end = i + phrase.tokens.length;
  const wait = WAIT_WORD[0]?.tokens[0];
  const waitToken = phrase.tokens.findIndex((w) => wait !== undefined && wordMatches(w, wait));
  const written = a.tokens[i + waitToken];
  // "đang cho", "còn cho": after such a word it is "chờ" whatever follows; alone it may be "cho" (give).
  if (waitToken === 0 && written !== undefined && !hasMarks(written.sig)) {
    const next = a.tokens[end];
    const clearlyWaiting =
      next === undefined ||
      (afterCode && !GIVE_TO.has(next.folded) && !namesSomeone(next)) ||
      isBarrier(next) ||
      separatedBefore(a, end) ||
      matchAt(a.tokens, end, WAITING_OBJECTS) !== null;
    if (!clearlyWaiting) return null;
  }
  const status = STATUS_OF.get(phrase);
  return status === undefined ? null : { status, end };
}

/**
 * The statuses named among tokens [from, to), each phrase read once and "cho" only where it is "chờ"
 * (statusAt): "cho 90% hộ" names none.
 */
function statusesIn(a: Analysis, from: number, to: number): Set<ItemStatus> {
  const found = new Set<ItemStatus>();
  for (let i = from; i < to;) {
    const hit = isBarrier(a.tokens[i]) ? null : statusAt(a, i);
    if (hit !== null) found.add(hit.status.status);
    i = hit?.end ?? i + 1;
  }
  return found;
}

/** Whether the word at token `i` ends its clause: the message, a clause's end, or only fillers after it. */
function closesClause(a: Analysis, i: number): boolean {
  if (i + 1 >= a.tokens.length || clauseStarts(a).includes(i + 1)) return true;
  return matchAt(a.tokens, i + 1, FILLERS) !== null || matchAt(a.tokens, i + 1, CLOSINGS) !== null;
}

/** A person's code or name ("P09", "Nguyễn Văn A"): capitals or digits, as "giao NQ57-12.3 cho P09" ends. */
const namesSomeone = (t: Token): boolean => /[\p{Lu}\p{N}]/u.test(t.orig);

function bareNumberAt(a: Analysis, i: number): number | null {
  const t = a.tokens[i];
  if (t === undefined || !/^\d{1,4}$/.test(t.folded)) return null;
  // "12/20 trạm" and "4.5" are not a percent.
  if (/^[/.,:]\d/.test(a.masked.slice(t.end, t.end + 2))) return null;
  const negative = a.masked.charAt(t.start - 1) === '-' && /^\s?$/.test(a.masked.charAt(t.start - 2));
  return negative ? -Number(t.folded) : Number(t.folded);
}

/**
 * Reads the report that follows the item code at token `codeIndex`: "80%", "xong", "blocked:", fillers
 * ("đã", "to") in any order, percent and status once each. The rest is the note. A status phrase that
 * flows into a sentence ("chờ kinh phí") stays in the note. A percent may also end the message
 * ("… đạt 60%") or come right before the code; a status may come right before it ("đã xong NQ57-12").
 * `allowBareNumber`: after "/update" or "cập nhật", "45" alone is a percent.
 */
export function readUpdate(a: Analysis, codeIndex: number, allowBareNumber: boolean): UpdateReading {
  const tokens = a.tokens;
  const percents = percentsByToken(a);
  let percent: number | null = null;
  let percentAt: Span | null = null;
  let status: ItemStatus | null = null;
  let risenFrom: Span | null = null;
  let consumedEnd = tokens[codeIndex]?.end ?? 0;
  let fillersFrom = -1;
  // "giao NQ57-12.4 cho tran van dat": "cho" gives the task to someone.
  const assigning = matchAt(tokens, 0, ASSIGN) !== null;

  let j = codeIndex + 1;
  while (j < tokens.length && !isBarrier(tokens[j])) {
    const p = percents.get(j);
    if (p !== undefined && percent === null) {
      // "từ 20% lên 35%": the percent it rose to.
      const rise = matchAt(tokens, p.endToken, RISE_TO);
      const to = rise === null ? undefined : percents.get(p.endToken + rise.tokens.length);
      const at = to ?? p;
      if (to !== undefined) risenFrom = p.span;
      percent = at.span.value;
      percentAt = at.span;
      consumedEnd = at.span.end;
      j = at.endToken;
      fillersFrom = -1;
      continue;
    }
    // "nq57-22 đạt 75 r ạ", "da06-10.1 dc 30 r": after a word of reaching, a number closing its clause is
    // the progress, announced or not ("đạt 12 xã" counts communes).
    const reached = matchEndingAt(tokens, j, REACHED) !== null && closesClause(a, j);
    const bare: number | null =
      (allowBareNumber || reached) && percent === null && status === null ? bareNumberAt(a, j) : null;
    if (bare !== null) {
      percent = bare;
      percentAt = { start: tokens[j]?.start ?? 0, end: tokens[j]?.end ?? 0 };
      consumedEnd = tokens[j]?.end ?? consumedEnd;
      j += 1;
      fillersFrom = -1;
      continue;
    }
    const s: ReturnType<typeof statusAt> =
      status === null ? statusAt(a, j, codeIndex >= 0 && j === codeIndex + 1 && !assigning) : null;
    if (s !== null) {
      status = s.status.status;
      const label = s.status.label || separatedBefore(a, s.end) || onlyFillersFrom(a, s.end);
      if (!label) break;
      consumedEnd = tokens[s.end - 1]?.end ?? consumedEnd;
      j = s.end;
      fillersFrom = -1;
      continue;
    }
    const filler = matchAt(tokens, j, FILLERS) ?? matchAt(tokens, j, CLOSINGS);
    if (filler === null) break;
    if (fillersFrom < 0) fillersFrom = j;
    j += filler.tokens.length;
  }
  // Fillers that run to the end ("xong rồi nhé") belong to nothing, not to a note.
  if (fillersFrom >= 0 && j >= tokens.length && !a.truncated) consumedEnd = tokens[j - 1]?.end ?? consumedEnd;

  let noteTo: number | null = null;
  if (percent === null) {
    const trailing = trailingPercent(a, percents, consumedEnd);
    if (trailing !== null) {
      percent = trailing.value;
      percentAt = trailing.at;
      noteTo = trailing.noteTo;
    }
  }
  // After a code only: alone, "…, xong" may close any sentence.
  if (status === null && noteTo === null && codeIndex >= 0) {
    const trailing = trailingStatus(a, consumedEnd);
    if (trailing !== null) {
      status = trailing.status;
      noteTo = trailing.noteTo;
    }
  }
  // Right before the code, fillers between: "đã xong NQ57-12", "xong r nhé, cds25-13.1 …", "Khoảng 80%
  // rồi, NQ57-30.1 …", "About 80% on NQ57-30.1".
  const lead = wordsEndingAt(a, codeIndex, [FILLERS, LEADS, WORK_NOUNS]);
  // Not inside the item's progress named as one asks after it ("tiến độ triển khai CDS25-03.1").
  if (status === null && matchEndingAt(tokens, lead, PROGRESS_OF) === null) {
    const before = matchEndingAt(tokens, lead, STATUS_PHRASES);
    if (before !== null) status = STATUS_OF.get(before)?.status ?? null;
  }
  if (percent === null) {
    for (const p of percents.values()) {
      if (p.endToken !== codeIndex && p.endToken !== lead) continue;
      percent = p.span.value;
      percentAt = p.span;
    }
  }
  if (percent === null && codeIndex >= 0) {
    const said = progressPercent(a, percents);
    if (said !== null) {
      percent = said.value;
      percentAt = said;
    }
  }
  return { percent, percentAt, status, noteFrom: consumedEnd, noteTo, noteCut: noteTo !== null, risenFrom };
}

/**
 * Where the run of `words` that ends right before token `end` starts, not reaching before the folded
 * offset `after` ("xong r nhé, |NQ57-12": fillers and leads; "đã lắp 12/20 trạm, |đạt 60%": fillers).
 */
function wordsEndingAt(a: Analysis, end: number, words: readonly Phrase[][], after = 0): number {
  let k = end;
  for (;;) {
    const found = words.map((w) => matchEndingAt(a.tokens, k, w)).find((m) => m !== null) ?? null;
    if (found === null || (a.tokens[k - found.tokens.length]?.start ?? -1) < after) return k;
    k -= found.tokens.length;
  }
}

/**
 * The one percent a report gives as its progress anywhere in its sentence ("NQ57-14.3 long thành đạt
 * 72% rồi", "DA06-05.2: kết nối is 80% complete"): after a word of progress (a hedge between) or
 * before "complete". "Cho 90% hộ gia đình" says whom, not how far; two such percents say nothing.
 */
function progressPercent(a: Analysis, percents: Map<number, PercentAt>): PercentSpan | null {
  const said: PercentSpan[] = [];
  for (const [start, p] of percents) {
    let k = start;
    const hedge = matchEndingAt(a.tokens, k, HEDGES);
    if (hedge !== null) k -= hedge.tokens.length;
    const progress =
      matchEndingAt(a.tokens, k, PROGRESS_BEFORE) !== null ||
      matchAt(a.tokens, p.endToken, PROGRESS_AFTER) !== null;
    if (progress) said.push(p.span);
  }
  return new Set(said.map((s) => s.value)).size === 1 ? (said[0] ?? null) : null;
}

/**
 * A status that closes the message after a separator ("đã phê duyệt dự án, xong"), and where the note
 * before it ends; flowing on from the words before ("đã lắp xong") it is part of the note.
 */
function trailingStatus(a: Analysis, after: number): { status: ItemStatus; noteTo: number } | null {
  for (let i = a.tokens.length - 1; i >= 0; i--) {
    const t = a.tokens[i];
    if (t === undefined || t.start < after) return null;
    const s = statusAt(a, i);
    if (s === null) continue;
    if (!onlyFillersFrom(a, s.end) || !separatedBefore(a, i)) return null;
    return { status: s.status.status, noteTo: a.tokens[i - 1]?.end ?? t.start };
  }
  return null;
}

/** A percent that closes the message ("đã lắp 12/20 trạm, đạt 60%"), and where the note before it ends. */
function trailingPercent(
  a: Analysis,
  percents: Map<number, PercentAt>,
  after: number,
): { value: number; at: Span; noteTo: number } | null {
  let last: [number, PercentAt] | null = null;
  for (const entry of percents) if (entry[1].span.start >= after) last = entry;
  if (last === null) return null;
  const [startToken, p] = last;
  if (!onlyFillersFrom(a, p.endToken)) return null;
  const k = wordsEndingAt(a, startToken, [FILLERS], after);
  return {
    value: p.span.value,
    at: p.span,
    noteTo: Math.min(a.tokens[k]?.start ?? p.span.start, p.span.start),
  };
}

export interface ReportBefore {
  status: ItemStatus | null;
  /** Folded offset where the report before the code ends (the words leading to the code left out). */
  noteTo: number;
}

/**
 * A report written before its code ("Hoàn thành 100% chỉ tiêu CDS25-09", "Em xin báo cáo, Xã Đông Sơn đã
 * bắt đầu khảo sát … DA06-07.4 từ thứ Hai", "Trained 45/60 officials on digital signatures, task
 * NQ57-19.2"): the only code of the message, after words that report (a status, a percent, "đã", a lead
 * like "em xin báo cáo") with no word of lateness or demand. The caller has checked the message asks
 * nothing.
 */
export function reportBefore(a: Analysis, codeIndex: number): ReportBefore | null {
  if (codeIndex <= 0 || a.codes.length !== 1) return null;
  const before = a.tokens.slice(0, codeIndex);
  const statuses = statusesIn(a, 0, codeIndex);
  const percentBefore = a.percents.some((p) => p.end <= (a.tokens[codeIndex]?.start ?? 0));
  const reports =
    percentBefore || statuses.size > 0 || hasPhrase(before, REPORT_WORDS) || hasPhrase(before, REPORT_LEADS);
  if (!reports || hasPhrase(before, OVERDUE) || hasPhrase(before, WISHED)) return null;
  // "tiến độ triển khai CDS25-03.1": the item's progress named, as one asks after it — nothing reported.
  if (hasPhrase(before, PROGRESS_OF) && !percentBefore && !hasPhrase(before, REPORT_WORDS)) return null;
  const end = wordsEndingAt(a, codeIndex, [FILLERS, LEADS, WORK_NOUNS, UPDATE_PREFIX]);
  const noteTo = a.tokens[end - 1]?.end ?? a.tokens[codeIndex]?.start ?? 0;
  // Its status only when it names one ("… đã bắt đầu khảo sát …"); two ("đã xong khảo sát, đang chờ
  // kinh phí") leave it to the note.
  return { status: statuses.size === 1 ? ([...statuses][0] ?? null) : null, noteTo };
}

/** Whether `reading` found a percent or a status right after the code at `codeIndex` ("NQ57-12 80%, …"). */
export function reportedUpFront(a: Analysis, reading: UpdateReading, codeIndex: number): boolean {
  const consumed = codeIndex >= 0 && reading.noteFrom > (a.tokens[codeIndex]?.end ?? Infinity);
  return consumed && (reading.percent !== null || reading.status !== null);
}

/**
 * A statement after the item code at `codeIndex` that reports work ("đã bàn giao xong mặt bằng",
 * "reached 150/200 lectures"), with no lateness in it ("NQ57-12 đã quá hạn" tells, it reports nothing).
 */
export function reportsWork(a: Analysis, codeIndex: number): boolean {
  if (codeIndex < 0 || looksLikeQuestion(a, sentenceEnd(a, codeIndex))) return false;
  const after = a.tokens.slice(codeIndex + 1).filter((t) => !isBarrier(t));
  if (hasPhrase(after, OVERDUE)) return false;
  // The code's own sentence reports, or the next when the code stands alone ("NQ57-12. Đã lắp xong"): a
  // later sentence may ask ("… về chỉ tiêu NQ57-33. Bot cho tôi biết tiến độ và hạn hoàn thành").
  const end = sentenceEnd(a, codeIndex);
  const codeStart = a.tokens[codeIndex]?.start ?? 0;
  const opened = Math.max(...[...'.!?;\n'].map((c) => a.masked.lastIndexOf(c, codeStart)));
  const own = after.filter((t) => t.start < end);
  const alone = own.length <= 1 && !a.tokens.some((t, i) => i < codeIndex && t.start > opened);
  const said = alone ? after : own;
  const text = a.masked.slice(a.tokens[codeIndex]?.end ?? 0, alone ? undefined : end);
  return hasPhrase(said, REPORT_WORDS) || countsDone(text);
}

/**
 * "Dạ báo cáo chị Oanh, CDS25-11.1 cài phần mềm quản lý tại trạm y tế xã đang vướng vì 9 trạm chưa có
 * đường truyền": a code opening its clause, the item's title, then its state later in the same sentence —
 * a report, unless the sentence asks. Only a state short of done, and one kind of it: "xong giai đoạn 1"
 * inside a sentence may be part of the work, never the whole item done; lateness tells, it reports not.
 */
export function statusLaterInSentence(a: Analysis, codeIndex: number): ItemStatus | null {
  if (codeIndex < 0 || !(codeIndex === 0 || clauseStarts(a).includes(codeIndex))) return null;
  const end = sentenceEnd(a, codeIndex);
  if (looksLikeQuestion(a, end)) return null;
  const own = a.tokens.slice(codeIndex + 1).filter((t) => t.start < end && !isBarrier(t));
  if ([OVERDUE, WISHED, QUESTION_PHRASES, ASKED_INSIDE].some((words) => hasPhrase(own, words))) return null;
  const statuses = statusesIn(a, codeIndex + 1, tokenIndexFrom(a, end));
  const [status] = statuses;
  // "đang làm", "đang triển khai" are said of work asked after too ("ai đang làm"): only a state
  // that holds the item up, or keeps it from starting, is read this far from the code.
  return statuses.size === 1 && (status === 'blocked' || status === 'not_started') ? status : null;
}

/**
 * "16/20", "14/16 hospitals", "tổng 12/15 điểm": so many of so many done. Not a date ("hạn 30/9", "3/5"
 * alone): the first number is at most the second, and the second is no month or a unit word follows.
 */
function countsDone(text: string): boolean {
  for (const m of text.matchAll(/(?<![\d/.,])(\d{1,5})\/(\d{1,5})(?![\d/])(\s+\p{L})?/gu)) {
    const [done, of] = [Number(m[1]), Number(m[2])];
    if (done <= of && of > 0 && (of > 12 || m[3] !== undefined)) return true;
  }
  return false;
}

/**
 * Where the sentence that holds the code at `codeIndex` ends (folded offset of its full stop, question
 * or exclamation mark; the message's end when none): a question after it is a sentence of its own.
 */
export function sentenceEnd(a: Analysis, codeIndex: number): number {
  const from = a.tokens[codeIndex]?.end ?? 0;
  const stop = /[.!?;\n]/u.exec(a.masked.slice(from));
  return stop === null ? Infinity : from + stop.index;
}

/** The message's words cut at its punctuation, masked codes left out. */
function clausesOf(a: Analysis): Token[][] {
  const starts = [0, ...clauseStarts(a), a.tokens.length];
  return starts.slice(1).map((end, k) => a.tokens.slice(starts[k], end).filter((t) => !isBarrier(t)));
}

/**
 * A clause that asks in the frame "đã … chưa" or "có … không", closed a few words after its opening word
 * ("DA06-06.2 đã hoàn thành chưa anh, em cần số liệu gấp"): a question mid-message, where nothing ends
 * the message with one. Not "đã lắp trạm 1 nhưng trạm 2 chưa": a contrast between them tells.
 */
function asksInFrame(clause: readonly Token[]): boolean {
  const core = coreWords(clause);
  const last = core.length - 1;
  const closing = core[last];
  if (closing === undefined) return false;
  const opener = wordMatches(closing, FRAME_CHUA)
    ? FRAME_DA
    : FRAME_KHONG.some((w) => wordMatches(closing, w))
      ? FRAME_CO
      : null;
  if (opener === null) return false;
  for (let k = last - 1; k >= Math.max(0, last - 4); k--) {
    const t = core[k]!;
    if (CONTRAST.some((w) => wordMatches(t, w))) return false;
    if (wordMatches(t, opener)) return k < last - 1;
  }
  return false;
}
const [FRAME_CHUA, FRAME_DA, FRAME_CO] = ['chưa', 'đã', 'có'].map((w) => tokenizePhrase(w)[0]!) as [
  Token,
  Token,
  Token,
];
const FRAME_KHONG = ['không', 'ko', 'k'].map((w) => tokenizePhrase(w)[0]!);
/** With their marks: "mà" (but) is a contrast, "mã" (a code) is not. */
const CONTRAST = ['nhưng', 'còn', 'mà', 'but'].map((w) => tokenizePhrase(w)[0]!);

/** The words of the message after any courtesy words at its end ("có ạ", "ok nhé"). */
export function coreWords(tokens: readonly Token[]): Token[] {
  let end = tokens.length;
  for (;;) {
    const courtesy = matchEndingAt(tokens, end, COURTESY);
    if (courtesy === null || end - courtesy.tokens.length <= 0) break;
    end -= courtesy.tokens.length;
  }
  return tokens.slice(0, end);
}

/**
 * True when the message reads as a question about the item rather than a report on it. `noteFrom`: where
 * the note of a report given right after its code starts — a question word inside that note is the
 * note's ("NQ57-16 xong, kết nối được mấy CSDL": a report).
 */
export function looksLikeQuestion(a: Analysis, noteFrom = Infinity): boolean {
  // Asked of one message several times (the slots, a report's reading, the answer): read once per place.
  let memo = questions.get(a);
  if (memo === undefined) questions.set(a, (memo = new Map()));
  let asked = memo.get(noteFrom);
  if (asked === undefined) memo.set(noteFrom, (asked = readsAsQuestion(a, noteFrom)));
  return asked;
}

const questions = new WeakMap<Analysis, Map<number, boolean>>();

function readsAsQuestion(a: Analysis, noteFrom: number): boolean {
  // A question mark closes a sentence; one that began after a report is a sentence of its own ("CDS25-01
  // đạt 100%, đã vận hành. Anh có cần em gửi báo cáo bằng văn bản không?"), and only the words below
  // tell whether it asks about the item.
  for (const m of a.masked.matchAll(/\?/gu)) {
    if (a.truncated && m.index >= a.masked.trimEnd().length - 1) break;
    const start = Math.max(...[...'.!?;,\n'].map((c) => a.masked.lastIndexOf(c, m.index - 1)));
    if (start < noteFrom) return true;
  }
  const words = a.tokens.filter((t) => !isBarrier(t));
  // A question's words before the note, or running into it right behind the status ("NQ57-36 done yet or
  // still in progress", "NQ57-02 is done or not").
  const firstNoted = words.findIndex((t) => t.start >= noteFrom);
  const opensNote =
    firstNoted >= 0 && !/[.,;:!?\n]/u.test(a.masked.slice(noteFrom, words[firstNoted]!.start));
  for (let from = 0; from < words.length;) {
    const hit = findPhrase(words, QUESTION_PHRASES, from);
    if (hit === null) break;
    if (words[hit.start]!.start < noteFrom || (opensNote && hit.start === firstNoted)) return true;
    from = hit.start + 1;
  }
  // "… đã bắt đầu chưa ạ": the question's last word comes before any courtesy. After a report it asks
  // only close behind it ("NQ57-12 xong chưa", "xong rồi phải không"), not at the end of a note ("…
  // đầu tư máy chủ": no "chứ").
  const core = coreWords(words);
  if (hasPhrase(core, RECORD_ASKED)) return false;
  const ending =
    matchEndingAt(core, core.length, NOT_ENDINGS) === null
      ? matchEndingAt(core, core.length, QUESTION_ENDINGS)
      : null;
  const noteWords = core.filter((t) => t.start >= noteFrom).length - (ending?.tokens.length ?? 0);
  if (ending !== null && noteWords <= 2) return true;
  if (clausesOf(a).some((c) => (c[0]?.start ?? Infinity) < noteFrom && asksInFrame(c))) return true;
  // A question opens the message ("is NQ57-12 done"); after a code "is" reports ("NQ57-12 is now 50%").
  return matchAt(a.tokens, 0, QUESTION_STARTS) !== null;
}
