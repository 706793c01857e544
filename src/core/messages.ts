// The message catalogue: every sentence the bot says, in Vietnamese and English, as functions of their parameters.
import type { Level } from './ports.ts';
import type { ConfirmationFailure, FileFailure, InvalidUpdateReason } from './errors.ts';
import type { Counts, GridCell } from './grid.ts';

const STATUS_ORDER = ['not_started', 'in_progress', 'blocked', 'done'] as const;
const STATUS_FIELD = {
  not_started: 'notStarted',
  in_progress: 'inProgress',
  blocked: 'blocked',
  done: 'done',
} as const;
const GRID_ORDER = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue', 'ongoing'] as const;
const GRID_FIELD = {
  done_on_time: 'doneOnTime',
  done_late: 'doneLate',
  open_in_time: 'openInTime',
  open_overdue: 'overdue',
  ongoing: 'ongoing',
} as const;
const statusParts = (c: Counts, names: Record<ItemStatus, string>) =>
  STATUS_ORDER.map((s) => `${c[STATUS_FIELD[s]]} ${names[s]}`).join(' · ');
const gridParts = (c: Counts, names: Record<GridCell, string>) =>
  GRID_ORDER.filter((g) => g !== 'ongoing' || c.ongoing > 0)
    .map((g) => `${names[g]} ${c[GRID_FIELD[g]]}`)
    .join(' · ');
import type { IntentName, ItemStatus, Lang } from './types.ts';

/** Numbers arrive already formatted for the language (see format.ts), so this file holds words only. */
export interface Messages {
  // Registration
  registerHowTo: string[];
  welcome(name: string, agency: string): string;
  welcomeHint: string;
  inviteUnknown: string;
  inviteUsed: string;
  inviteExpired: string;
  alreadySignedIn(name: string): string;
  registerPrivately: string;

  // Anything
  tooLong(limit: string): string;
  notUnderstood: string;
  examplesIntro: string;
  unknownExamples: [string, string];
  seeHelp: string;
  help: string[];
  privateOnly: string;
  whichAgency: string;
  askAgain: string;
  errorTryAgain: string;

  // Words
  status(s: ItemStatus): string;
  /** A cell of the status grid, as the province's reports name it. */
  gridCell(c: GridCell): string;
  /** "Tình trạng công việc: …": the four work statuses of a count, labelled as such. */
  workStatusLine(c: Counts): string;
  /** "Thời hạn: …": the status grid of a count, labelled as such (ongoing only when there are any). */
  gridLine(c: Counts): string;
  /** "3 chờ xác nhận": reported done, waiting for a checker (not done: also in an open cell). */
  awaiting(n: number): string;
  /** An item whose reported "done" waits for a checker, as its status answer says. */
  awaitingWord: string;
  /** A history row of kind claim: a "done" reported under confirmation (it changed nothing by itself). */
  claimWord: string;
  level(level: Level, n: number): string;
  province: string;
  overdueDays(n: number): string;
  dueToday: string;
  daysLeft(n: number, due: string | null): string;
  dueOn(day: string): string;
  doneWord: string;
  /** An item with no deadline ("Thường xuyên"): never overdue. */
  ongoingWord: string;

  // Lists
  overdueHeader(n: number, level: Level, scope: string): string;
  overdueNone(level: Level, scope: string): string;
  next7Days(from: string, to: string): string;
  between(from: string, to: string): string;
  dueSoonHeader(n: number, level: Level, period: string, scope: string): string;
  dueSoonNone(level: Level, period: string, scope: string): string;
  myTasksHeader(n: number): string;
  myTasksNone: string;
  /** "việc nào đang vướng": the items of one work status; `period` (already worded) only for done ones. */
  listHeader(n: number, level: Level, status: ItemStatus, period: string | null, scope: string): string;
  listNone(level: Level, status: ItemStatus, period: string | null, scope: string): string;

  // Status of one item
  kind(kind: 'target' | 'task'): string;
  partOf(code: string, title: string): string;
  ownerLabel: string;
  leadAgencyLabel: string;
  coAgenciesLabel: string;
  deliverableLabel: string;
  indicatorLabel: string;
  progressLabel: string;
  expected(pct: string): string;
  dueLabel: string;
  tasksHeader(n: number): string;
  historyHeader: string;
  noHistory: string;
  explanationRequested: string;
  explanationGiven: string;
  noteLabel: string;

  // Summary
  summaryTitle(scope: string, day: string): string;
  summaryPeriod(period: string): string;
  programLine(s: {
    done: number;
    total: number;
    pct: string;
    overdue: number;
    inProgress: number;
    blocked: number;
  }): string;
  tasksLine(s: { done: number; total: number; pct: string; overdue: number }): string;
  agencyTargetsLine(s: { done: number; total: number; pct: string; overdue: number }): string;
  worstAgencies: string;
  agencyLine(s: { overdue: number; pct: string }): string;
  summaryNone(scope: string): string;
  /** The agencies' ranking that leads a summary asking who is most behind (on-time rate, tracking model). */
  rankingHeader(period: string): string;
  rankingLine(s: { rate: string; onTime: number; due: number; overdue: number }): string;
  rankingNothingDue: string;

  // Updates
  updateNeedsCode: string;
  badPercent(given: string): string;
  fractionPercent(given: string): string;
  severalPercents(list: string): string;
  severalPercentsHint: string;
  unknownCode(code: string): string;
  /** A code written so that it cannot be read ("NQ57-12.3x"): nothing happens to any item. */
  unreadableCode(code: string): string;
  nearestCodes(codes: string[]): string;
  codeHint: string;
  invalid(reason: InvalidUpdateReason): string;
  updated(from: string, to: string, status: string): string;
  noteOnly: string;
  /** A "done" under confirmation: recorded as a claim, the item unchanged until a checker confirms it. */
  claimed(pct: string, status: string): string;

  // Confirmation by the tracking office (core/verdicts.ts)
  checkerAsk(reporter: string, code: string, title: string): string;
  evidenceCount(n: number): string;
  checkerHint(code: string): string;
  confirmButton: string;
  returnButton: string;
  checkersTold(n: number): string;
  checkersNone: string;
  verdictConfirmed(code: string, reportedAt: string): string;
  toldConfirmed(by: string, code: string, title: string): string;
  returnAsk(code: string): string;
  returnDropped(code: string): string;
  verdictReturned(code: string, status: string, pct: string, reason: string): string;
  toldReturned(by: string, code: string, title: string, reason: string): string;
  toldReturnedHint(code: string): string;
  verdictRefused(reason: ConfirmationFailure, code: string): string;
  verdictUsage: string;
  awaitingNudge(n: number, days: number): string;

  // Evidence (core/evidence.ts)
  fileRefused(reason: FileFailure, maxMb: string): string;
  fileWhichItem: string;
  fileAttached(name: string, code: string): string;
  evidenceKept(names: string): string;
  fileNotKept: string;
  targetNow(code: string, pct: string, status: string): string;
  duplicate: string;
  confirmLower(code: string, from: string, to: string): string;
  confirmReopen(code: string, status: string, from: string, to: string): string;
  openTasksAre(codes: string): string;
  confirmHint: string;
  yes: string;
  no: string;
  dropped: string;
  nothingPending: string;
  pendingExpired: string;
  pendingNotYours: string;

  // Permissions
  notYourTask(code: string, agency: string): string;
  notYourTarget(code: string, agency: string): string;
  /** A commune's or ward's leader asked about another agency's work. */
  onlyOwnAgency(own: string): string;
  notYourAgencyItem(code: string, own: string): string;
  leadersOnly: string;
  /** The one-time console sign-in code sent by chat. */
  consoleCode(code: string, minutes: number): string;

  // Explanations
  explainNeedsCode: string;
  explainRequested(name: string, agency: string, code: string): string;
  explainNotOverdue(code: string, due: string): string;
  explainNobody(code: string, agency: string): string;
  explainAsk(leader: string, code: string, title: string, late: string, pct: string): string;
  explainAskHint: string;
  explainReceived(name: string, code: string, text: string): string;
  explainRecorded(code: string): string;
  explainNone: string;
  explainEmpty: string;

  // Re-assigning a task (administrators)
  assignAdminsOnly: string;
  assignUsage: string;
  assignUnknownTask(code: string): string;
  assignNotATask(code: string): string;
  assignUnknownPerson(written: string): string;
  assignAmbiguous(written: string, n: number): string;
  assignExample(item: string, person: string): string;
  assignPartial(written: string, n: number): string;

  // What became of a notification to someone else (never "sent" for what was not)
  deliveryQueued(name: string, messengers: string): string;
  deliveryNone(name: string, person: string): string;
  assignSame(code: string, name: string): string;
  reassigned(code: string, title: string, from: string, to: string): string;
  nobody: string;
  agencyMoved(from: string, to: string, name: string): string;
  assignedToYou(by: string | null, code: string, title: string, due: string, pct: string): string;
  unassignedFromYou(by: string | null, code: string, title: string, to: string): string;
  assignedHint: string;

  // The daily digest of a group chat
  digestGroupsOnly: string;
  digestLeadersOnly: string;
  digestOn: string;
  digestAlreadyOn: string;
  digestOff: string;
  digestAlreadyOff: string;
  digestUsage(on: boolean): string;
  groupDigestTitle(day: string): string;
  groupDigestHint: string;

  // Charts and reports (core/files.ts): `codes` are the programmes there are
  chartUsage(codes: string[]): string;
  chartUnknown(code: string, codes: string[]): string;
  chartCaption(code: string): string;
  /** /baocao with words it does not read. */
  reportUsage(codes: string[]): string;

  // Snooze, paging
  snoozed(code: string, day: string): string;
  pageFooter(page: number, pages: number): string;
  lastPage(page: number, pages: number): string;
  nextPage: string;
  noMorePages: string;
  noList: string;
  /** "Anh/chị muốn xem việc quá hạn hay sắp đến hạn?": two intents the message could mean. */
  whichIntent(a: string, b: string): string;
  /** The button label of each intent the bot may ask about. */
  intentChoice: Record<IntentName, string>;
  /** A choice button pressed after the question it answered was replaced. */
  choiceGone: string;
  /** A page button whose list is no longer kept (or from before lists carried an id). */
  listGone: string;
  /** A page button naming a page the list does not have (forged, or the list has shrunk since). */
  noSuchPage(page: number, pages: number): string;
}

const STATUS_VI: Record<ItemStatus, string> = {
  not_started: 'chưa bắt đầu',
  in_progress: 'đang thực hiện',
  done: 'hoàn thành',
  blocked: 'vướng mắc',
};
/** A status as it reads after "3 tasks …" in a list's header. */
const LIST_STATUS_EN: Record<ItemStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  done: 'done',
  blocked: 'blocked',
};
const GRID_VI: Record<GridCell, string> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  open_in_time: 'Chưa hoàn thành, còn trong hạn',
  open_overdue: 'Quá hạn chưa hoàn thành',
  ongoing: 'Nhiệm vụ thường xuyên',
};
const GRID_EN: Record<GridCell, string> = {
  done_on_time: 'Done on time',
  done_late: 'Done late',
  open_in_time: 'Not done, within deadline',
  open_overdue: 'Overdue',
  ongoing: 'Ongoing',
};
const STATUS_EN: Record<ItemStatus, string> = {
  not_started: 'not started',
  in_progress: 'in progress',
  done: 'done',
  blocked: 'blocked',
};

const INVALID_VI: Record<InvalidUpdateReason, string> = {
  percent_out_of_range: 'tiến độ phải từ 0 đến 100%',
  time_in_future: 'thời điểm cập nhật nằm ở tương lai',
  note_too_long: 'ghi chú quá dài (tối đa 2.000 ký tự)',
  nothing_to_record: 'tin nhắn không có tiến độ, trạng thái hay ghi chú nào',
  target_has_tasks: 'chỉ tiêu này có nhiệm vụ, hãy cập nhật từng nhiệm vụ',
  superseded: 'mục này đã có cập nhật gửi sau tin nhắn này',
};
const INVALID_EN: Record<InvalidUpdateReason, string> = {
  percent_out_of_range: 'progress must be from 0 to 100%',
  time_in_future: 'the update is dated in the future',
  note_too_long: 'the note is too long (2,000 characters at most)',
  nothing_to_record: 'the message has no progress, status or note',
  target_has_tasks: 'this target has tasks; update each task instead',
  superseded: 'this item already has an update sent after this message',
};

const levelVi = (level: Level): string => (level === 'target' ? 'chỉ tiêu' : 'nhiệm vụ');
const levelEn = (level: Level, n: number): string => `${level}${n === 1 ? '' : 's'}`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const vi: Messages = {
  registerHowTo: [
    'Bạn chưa đăng ký sử dụng dondoc. Hãy gửi “/start MÃ_MỜI” với mã mời do quản trị viên cấp.',
    'You are not registered yet. Send “/start CODE” with the invite code your administrator gave you.',
  ],
  welcome: (name, agency) => `Chào mừng ${name} (${agency})! Bạn đã đăng ký thành công.`,
  welcomeHint: 'Gõ “/help” để xem tôi giúp được gì.',
  inviteUnknown: 'Mã mời không đúng. Hãy kiểm tra lại hoặc xin mã mới từ quản trị viên.',
  inviteUsed: 'Mã mời này đã được sử dụng. Hãy xin mã mới từ quản trị viên.',
  inviteExpired: 'Mã mời đã hết hạn. Hãy xin mã mới từ quản trị viên.',
  registerPrivately: 'Hãy gửi mã mời trong tin nhắn riêng với tôi, không gửi trong nhóm.',
  alreadySignedIn: (name) => `Bạn đang đăng nhập với tên ${name}, không cần mã mời.`,

  tooLong: (limit) => `Tin nhắn quá dài (hơn ${limit} ký tự), tôi không xử lý. Hãy gửi ngắn gọn hơn.`,
  notUnderstood: 'Xin lỗi, tôi chưa hiểu ý bạn.',
  examplesIntro: 'Bạn có thể hỏi, ví dụ:',
  unknownExamples: ['mục tiêu NQ57 nào quá hạn?', 'tiến độ NQ57-12'],
  seeHelp: 'Gõ “/help” để xem hướng dẫn đầy đủ.',
  help: [
    '🤖 Tôi là dondoc, trợ lý đôn đốc tiến độ các chương trình, đề án của tỉnh. Bạn có thể:',
    '• Hỏi việc quá hạn: “mục tiêu NQ57 nào quá hạn?”, “nhiệm vụ nào chậm tiến độ”',
    '• Hỏi việc sắp đến hạn: “việc gì sắp đến hạn tuần này”, “trước 30/9”',
    '• Xem một mục: “tiến độ NQ57-12”, “NQ57-12.3 đến đâu rồi?”',
    '• Tổng hợp: “tổng hợp tiến độ NQ57”, “Sở KH&CN đạt bao nhiêu chỉ tiêu”',
    '• Việc của bạn: “việc của tôi”',
    '• Cập nhật: “NQ57-12.3 80% đã lắp xong trạm 5G”, “DA06-03.1 xong”, “CDS25-04.2 vướng: chờ kinh phí”',
    '• Lãnh đạo: “yêu cầu giải trình NQ57-12”',
    'Trả lời thẳng vào tin nhắc việc (“xong”, “80%”, “vướng: …”) để cập nhật việc đó.',
  ],
  privateOnly: 'Danh sách việc cá nhân chỉ xem trong tin nhắn riêng. Hãy nhắn riêng cho tôi “việc của tôi”.',
  whichAgency: 'Bạn muốn hỏi đơn vị nào?',
  askAgain: 'Hãy hỏi lại và ghi rõ tên đơn vị.',
  errorTryAgain: 'Xin lỗi, đã có lỗi khi xử lý tin nhắn. Vui lòng thử lại sau ít phút.',

  status: (s) => STATUS_VI[s],
  gridCell: (c) => GRID_VI[c],
  workStatusLine: (c) =>
    `Tình trạng công việc: ${statusParts(c, STATUS_VI)}${c.awaiting > 0 ? ` · ${c.awaiting} chờ xác nhận` : ''}`,
  awaiting: (n) => `${n} chờ xác nhận`,
  awaitingWord: '⏳ chờ xác nhận',
  claimWord: 'báo hoàn thành',
  gridLine: (c) => `Thời hạn: ${gridParts(c, GRID_VI)}`,
  level: (level) => levelVi(level),
  province: 'toàn tỉnh',
  overdueDays: (n) => `quá hạn ${n} ngày`,
  dueToday: 'đến hạn hôm nay',
  daysLeft: (n, due) => `còn ${n} ngày${due ? ` (${due})` : ''}`,
  dueOn: (day) => `hạn ${day}`,
  doneWord: 'đã hoàn thành',
  ongoingWord: 'nhiệm vụ thường xuyên',

  overdueHeader: (n, level, scope) => `🔴 ${n} ${levelVi(level)} quá hạn — ${scope}:`,
  overdueNone: (level, scope) => `Không có ${levelVi(level)} nào quá hạn (${scope}) 🎉`,
  next7Days: (from, to) => `trong 7 ngày tới (${from}–${to})`,
  between: (from, to) => `từ ${from} đến ${to}`,
  dueSoonHeader: (n, level, period, scope) => `🗓 ${n} ${levelVi(level)} đến hạn ${period} — ${scope}:`,
  dueSoonNone: (level, period, scope) => `Không có ${levelVi(level)} nào đến hạn ${period} (${scope}) 👍`,
  myTasksHeader: (n) => `📋 Bạn có ${n} nhiệm vụ đang mở (việc cần chú ý lên trước):`,
  myTasksNone: 'Bạn không có nhiệm vụ nào đang mở 👍',
  listHeader: (n, level, status, period, scope) =>
    `📋 ${n} ${levelVi(level)} ${STATUS_VI[status]}${period ? ` ${period}` : ''} — ${scope}:`,
  listNone: (level, status, period, scope) =>
    `Không có ${levelVi(level)} nào ${STATUS_VI[status]}${period ? ` ${period}` : ''} (${scope}).`,

  kind: (kind) => (kind === 'target' ? 'Chỉ tiêu' : 'Nhiệm vụ'),
  partOf: (code, title) => `Thuộc chỉ tiêu ${code} ${title}`,
  ownerLabel: 'Phụ trách: ',
  leadAgencyLabel: 'Đơn vị chủ trì: ',
  coAgenciesLabel: 'Phối hợp: ',
  deliverableLabel: 'Sản phẩm: ',
  indicatorLabel: 'Chỉ tiêu: ',
  progressLabel: 'Tiến độ: ',
  expected: (pct) => `theo kế hoạch cần đạt khoảng ${pct}`,
  dueLabel: 'Hạn: ',
  tasksHeader: (n) => `Nhiệm vụ (${n}):`,
  historyHeader: 'Cập nhật gần đây:',
  noHistory: 'Chưa có cập nhật nào.',
  explanationRequested: 'đề nghị giải trình',
  explanationGiven: 'giải trình',
  noteLabel: 'Ghi chú: ',

  summaryTitle: (scope, day) => `📊 Tổng hợp tiến độ — ${scope} — ngày ${day}`,
  summaryPeriod: (period) => `Các mục có hạn ${period}.`,
  programLine: (s) =>
    `: ${s.done}/${s.total} chỉ tiêu hoàn thành (${s.pct}) · ${s.overdue} quá hạn · ${s.inProgress} đang thực hiện · ${s.blocked} vướng mắc`,
  tasksLine: (s) => `   Nhiệm vụ: ${s.done}/${s.total} hoàn thành (${s.pct}) · ${s.overdue} quá hạn`,
  agencyTargetsLine: (s) =>
    `Chỉ tiêu chủ trì: ${s.done}/${s.total} hoàn thành (${s.pct}) · ${s.overdue} quá hạn`,
  worstAgencies: 'Đơn vị cần chú ý nhất:',
  agencyLine: (s) => `: ${s.overdue} nhiệm vụ quá hạn · ${s.pct} nhiệm vụ hoàn thành`,
  summaryNone: (scope) => `Không có chỉ tiêu nào trong phạm vi này (${scope}).`,
  rankingHeader: (period) => `Xếp hạng đơn vị theo tỷ lệ hoàn thành đúng hạn (${period}), thấp nhất trước:`,
  rankingLine: (s) => `: ${s.rate} đúng hạn (${s.onTime}/${s.due}) · ${s.overdue} quá hạn`,
  rankingNothingDue: 'Không đơn vị nào có nhiệm vụ đến hạn trong kỳ này.',

  updateNeedsCode: 'Bạn muốn cập nhật mục nào? Ví dụ: “NQ57-12.3 80% đã lắp xong trạm 5G”.',
  badPercent: (given) => `${given} không hợp lệ: tiến độ từ 0 đến 100%. Không có gì được ghi nhận.`,
  fractionPercent: (given) =>
    `${given} không hợp lệ: tiến độ là số nguyên từ 0 đến 100 (ví dụ 80%), tôi không tự làm tròn. Không có gì được ghi nhận.`,
  severalPercents: (list) =>
    `Tin nhắn có nhiều mức tiến độ (${list}), chưa có gì được ghi nhận. Mức nào đúng?`,
  severalPercentsHint: 'Bấm một mức, hoặc gửi lại tin chỉ với một mức, ví dụ “NQ57-12.3 80%”.',
  unknownCode: (code) => `Không tìm thấy mã ${code}.`,
  unreadableCode: (code) => `Tôi không biết mã ${code}, nên không ghi nhận gì.`,
  nearestCodes: (codes) => `Mã gần giống: ${codes.join(', ')}.`,
  codeHint: 'Hãy kiểm tra lại mã, ví dụ NQ57-12 (chỉ tiêu) hoặc NQ57-12.3 (nhiệm vụ).',
  invalid: (reason) => `Không ghi nhận được: ${INVALID_VI[reason]}.`,
  updated: (from, to, status) => `: ${from} → ${to} (${status})`,
  noteOnly: ': đã ghi nhận ghi chú',
  claimed: (pct, status) =>
    `: đã ghi nhận báo cáo hoàn thành, chờ xác nhận (vẫn ${pct}, ${status} cho đến khi được xác nhận)`,
  checkerAsk: (reporter, code, title) => `🔔 Chờ xác nhận: ${reporter} báo ${code} ${title} đã hoàn thành.`,
  evidenceCount: (n) =>
    n === 0 ? 'Chưa có tệp minh chứng.' : `Minh chứng: ${n} tệp (xem trên trang của mục).`,
  checkerHint: (code) =>
    `Bấm ✅ Xác nhận hoặc ↩️ Trả lại, hoặc nhắn /xacnhan ${code} · /tralai ${code} lý do.`,
  confirmButton: '✅ Xác nhận',
  returnButton: '↩️ Trả lại',
  checkersTold: (n) => `Đã gửi cho ${n} người xác nhận.`,
  checkersNone: 'Chưa gửi được cho người xác nhận nào: không ai trong số họ có tài khoản chat.',
  verdictConfirmed: (code, at) => `✅ Đã xác nhận ${code} hoàn thành (tính từ lúc báo cáo, ${at}).`,
  toldConfirmed: (by, code, title) => `✅ ${by} đã xác nhận ${code} ${title} hoàn thành.`,
  returnAsk: (code) => `↩️ Lý do trả lại ${code}? Hãy nhắn lý do trong tin tiếp theo (hoặc “hủy” để thôi).`,
  returnDropped: (code) => `Đã hủy, ${code} vẫn chờ xác nhận.`,
  verdictReturned: (code, status, pct, reason) =>
    `↩️ Đã trả lại ${code}: về “${status}” (${pct}). Lý do: ${reason}`,
  toldReturned: (by, code, title, reason) =>
    `↩️ ${by} đã trả lại ${code} ${title}: chưa được tính là hoàn thành. Lý do: ${reason}`,
  toldReturnedHint: (code) => `Hoàn thiện rồi báo lại, ví dụ “${code} xong”.`,
  verdictRefused: (reason, code) =>
    ({
      not_awaiting: `${code} không có báo cáo hoàn thành nào đang chờ xác nhận. Không có gì thay đổi.`,
      stale: `Nút này đã cũ: báo cáo đó về ${code} không còn chờ xác nhận. Không có gì thay đổi.`,
      not_checker: `Chỉ người xác nhận của chương trình (quản trị viên hoặc người được chỉ định) mới xác nhận hoặc trả lại được ${code}.`,
      own_report: `Bạn không thể tự xác nhận hoặc trả lại báo cáo của chính mình về ${code}.`,
    })[reason],
  verdictUsage: 'Hãy ghi mã, ví dụ: /xacnhan NQ57-12.3 hoặc /tralai NQ57-12.3 lý do.',
  fileRefused: (reason, maxMb) =>
    ({
      too_large: `Tệp quá lớn (tối đa ${maxMb} MB): không lưu tệp, không ghi nhận gì.`,
      type: 'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (JPEG, PNG, WEBP): tệp này không được lưu, không ghi nhận gì.',
      unavailable: 'Không tải được tệp từ ứng dụng chat: không ghi nhận gì. Hãy gửi lại sau ít phút.',
    })[reason],
  fileWhichItem:
    'Tệp này về mục nào? Gửi kèm chú thích có mã, ví dụ “NQ57-12.3 xong, biên bản nghiệm thu”, hoặc trả lời tin nhắn của bot về mục đó. Chưa lưu gì.',
  fileAttached: (name, code) => `📎 Đã đính kèm “${name}” vào ${code}.`,
  evidenceKept: (names) => `📎 Minh chứng đã lưu: ${names}`,
  fileNotKept:
    'Tệp chưa được lưu: trả lời câu hỏi trước, rồi gửi lại tệp như một trả lời cho tin nhắn của bot.',
  awaitingNudge: (n, days) => `🔔 ${n} báo cáo hoàn thành chờ anh/chị xác nhận quá ${days} ngày làm việc:`,
  targetNow: (code, pct, status) => `Chỉ tiêu ${code} hiện đạt ${pct} (${status}).`,
  duplicate: 'Tin nhắn này đã được ghi nhận trước đó, không ghi thêm.',
  confirmLower: (code, from, to) => `⚠️ Bạn sắp giảm tiến độ ${code} từ ${from} xuống ${to}. Bạn chắc chứ?`,
  openTasksAre: (codes) => `Nhiệm vụ chưa hoàn thành: ${codes}.`,
  confirmReopen: (code, status, from, to) =>
    `⚠️ ${code} đã hoàn thành. Bạn sắp mở lại, chuyển sang “${status}” (${from} → ${to}). Bạn chắc chứ?`,
  confirmHint: 'Bấm Có / Không, hoặc gõ “có” / “không”.',
  yes: 'Có',
  no: 'Không',
  dropped: 'Đã hủy, không có gì thay đổi.',
  nothingPending: 'Không có cập nhật nào đang chờ xác nhận.',
  pendingExpired: 'Yêu cầu xác nhận đã hết hạn, không có gì thay đổi. Hãy gửi lại cập nhật nếu cần.',
  pendingNotYours: 'Chỉ người gửi cập nhật mới xác nhận được.',

  notYourTask: (code, agency) =>
    `Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình hoặc được giao cho bạn; ${code} thuộc ${agency}.`,
  notYourTarget: (code, agency) =>
    `Bạn chỉ cập nhật được chỉ tiêu do đơn vị mình chủ trì; ${code} do ${agency} chủ trì.`,
  onlyOwnAgency: (own) => `Bạn xem được số liệu của ${own} và các việc được giao cho bạn.`,
  notYourAgencyItem: (code, own) =>
    `${code} không thuộc ${own}: bạn xem được số liệu của đơn vị mình và các việc được giao cho bạn.`,
  leadersOnly: 'Chỉ lãnh đạo và quản trị viên mới yêu cầu giải trình được.',
  consoleCode: (code, minutes) =>
    `🔐 Mã đăng nhập bảng điều hành dondoc: ${code} (dùng một lần, hết hạn sau ${minutes} phút). Nếu bạn không yêu cầu, hãy bỏ qua tin này.`,

  explainNeedsCode: 'Yêu cầu giải trình về mục nào? Ví dụ: “yêu cầu giải trình NQ57-12”.',
  explainRequested: (name, agency, code) =>
    `📝 Đã ghi nhận yêu cầu ${name} (${agency}) giải trình về ${code}.`,
  explainNotOverdue: (code, due) => `Lưu ý: ${code} chưa quá hạn — ${due}.`,
  explainNobody: (code, agency) =>
    `Đã ghi nhận yêu cầu giải trình về ${code}, nhưng ${agency} chưa có người phụ trách để nhận tin.`,
  explainAsk: (leader, code, title, late, pct) =>
    `📝 Lãnh đạo ${leader} đề nghị giải trình về việc chậm ${code} ${title} (${late}, tiến độ ${pct}).`,
  explainAskHint: 'Trả lời tin này, hoặc nhắn “giải trình: nội dung”, để giải trình.',
  explainReceived: (name, code, text) => `📩 Đã nhận giải trình của ${name} về ${code}: ${text}`,
  explainRecorded: (code) => `✅ Đã ghi nhận giải trình của bạn về ${code}.`,
  explainNone: 'Bạn không có yêu cầu giải trình nào đang chờ.',
  explainEmpty: 'Hãy ghi nội dung sau dấu hai chấm, ví dụ: “giải trình: đang chờ bổ sung kinh phí”.',

  assignAdminsOnly: 'Chỉ quản trị viên mới giao lại được nhiệm vụ; lãnh đạo và cán bộ không có quyền này.',
  assignUsage:
    'Hãy ghi mã nhiệm vụ và người nhận, ví dụ: “/giao NQ57-12.3 P09” hoặc “giao NQ57-12.3 cho Nguyễn Văn A”.',
  assignUnknownTask: (code) =>
    `Không tìm thấy nhiệm vụ ${code}, không có gì thay đổi. Hãy kiểm tra lại mã, ví dụ NQ57-12.3.`,
  assignNotATask: (code) =>
    `${code} là chỉ tiêu, không phải nhiệm vụ: chỉ tiêu thuộc đơn vị chủ trì, chỉ giao lại được nhiệm vụ (ví dụ ${code}.1).`,
  assignUnknownPerson: (written) =>
    `Không tìm thấy người “${written}”. Hãy ghi mã người (ví dụ P09) hoặc họ tên đầy đủ, có dấu hay không dấu đều được.`,
  assignAmbiguous: (written, n) => `Có ${n} người tên “${written}”, hãy ghi mã người thay cho tên:`,
  assignExample: (item, person) => `Ví dụ: “giao ${item} cho ${person}”.`,
  assignPartial: (written, n) =>
    `“${written}” chưa phải họ tên đầy đủ của một người; có ${n} người phù hợp, hãy ghi mã người:`,

  deliveryQueued: (name, messengers) => `📨 Đang gửi tới ${name} qua ${messengers}.`,
  deliveryNone: (name, person) =>
    `⚠️ Chưa gửi được tới ${name}: người này chưa đăng ký Telegram hoặc Zalo với bot — hãy gửi mã mời cho họ (“dondoc invite ${person}”).`,
  assignSame: (code, name) => `${code} đã do ${name} phụ trách, không có gì thay đổi.`,
  reassigned: (code, title, from, to) => `✅ Đã giao lại ${code} ${title}: ${from} → ${to}.`,
  nobody: '(chưa có người phụ trách)',
  agencyMoved: (from, to, name) => `Đơn vị thực hiện chuyển từ ${from} sang ${to} (đơn vị của ${name}).`,
  assignedToYou: (by, code, title, due, pct) =>
    `📌 ${by === null ? 'Bạn được giao' : `${by} đã giao cho bạn`} nhiệm vụ ${code} ${title} (${due}, tiến độ ${pct}).`,
  assignedHint: 'Trả lời tin này để báo tiến độ, ví dụ “30% đã khảo sát xong”.',
  unassignedFromYou: (by, code, title, to) =>
    `📌 ${by === null ? 'Nhiệm vụ' : `${by} đã giao lại nhiệm vụ`} ${code} ${title} ${by === null ? 'được giao lại ' : ''}cho ${to}; bạn không còn phụ trách nhiệm vụ này.`,

  digestGroupsOnly:
    'Bản tin hằng ngày chỉ dành cho nhóm chat: hãy gửi “/bantin bat” trong nhóm của Ban Chỉ đạo, không gửi tin nhắn riêng.',
  digestLeadersOnly: 'Chỉ lãnh đạo và quản trị viên mới bật hoặc tắt bản tin hằng ngày của nhóm.',
  digestOn:
    '✅ Đã bật bản tin: mỗi ngày làm việc nhóm này nhận tổng hợp tiến độ toàn tỉnh (không kèm việc riêng của ai). Gõ “/bantin tat” để tắt.',
  digestAlreadyOn: 'Nhóm này đã nhận bản tin hằng ngày, không có gì thay đổi.',
  digestOff: 'Đã tắt bản tin hằng ngày của nhóm này.',
  digestAlreadyOff: 'Nhóm này chưa nhận bản tin hằng ngày, không có gì để tắt.',
  digestUsage: (on) =>
    on
      ? 'Nhóm này đang nhận bản tin hằng ngày; gõ “/bantin tat” để tắt.'
      : 'Nhóm này chưa nhận bản tin; gõ “/bantin bat” để nhận tổng hợp tiến độ mỗi ngày làm việc.',
  groupDigestTitle: (day) => `📊 Bản tin tiến độ toàn tỉnh ngày ${day}`,
  groupDigestHint:
    'Hỏi thêm ngay trong nhóm: “/quahan NQ57”, “/tonghop DA06”. Gõ “/bantin tat” để dừng bản tin.',

  chartUsage: (codes) => `Gõ /chart kèm mã chương trình: ${codes.map((c) => `/chart ${c}`).join(', ')}.`,
  chartUnknown: (code, codes) => `Không có chương trình ${code}. Các chương trình: ${codes.join(', ')}.`,
  chartCaption: (code) => `Tiến độ ${code} theo đơn vị`,
  reportUsage: (codes) =>
    `Gõ /baocao (tháng này), /baocao quy (quý này), kèm mã chương trình nếu cần: ${codes.map((c) => `/baocao thang ${c}`).join(', ')}.`,

  snoozed: (code, day) => `⏰ Sẽ nhắc lại ngày mai (${day}) về ${code}.`,
  pageFooter: (page, pages) => `Trang ${page}/${pages} — gõ “trang sau” để xem tiếp`,
  lastPage: (page, pages) => `Trang ${page}/${pages} — hết danh sách`,
  nextPage: 'Trang sau ▶',
  noMorePages: 'Đã hết danh sách, không còn trang nào nữa.',
  noList: 'Không có danh sách nào để xem tiếp. Hãy đặt câu hỏi mới.',
  whichIntent: (a, b) => `Anh/chị muốn xem ${a} hay ${b}?`,
  intentChoice: {
    overdue: 'việc quá hạn',
    due_soon: 'việc sắp đến hạn',
    list: 'danh sách theo trạng thái',
    status: 'tiến độ một việc',
    summary: 'tổng hợp tiến độ',
    my_tasks: 'việc của mình',
    update: 'cập nhật tiến độ',
    request_explanation: 'yêu cầu giải trình',
    help: 'hướng dẫn',
    unknown: 'việc khác',
  },
  choiceGone: 'Câu hỏi đó đã cũ, xin hỏi lại.',
  listGone: 'Danh sách này đã cũ, xin hỏi lại.',
  noSuchPage: (page, pages) => `Danh sách này không có trang ${page}; nó có ${pages} trang.`,
};

const en: Messages = {
  registerHowTo: [
    'You are not registered yet. Send “/start CODE” with the invite code your administrator gave you.',
    'Bạn chưa đăng ký sử dụng dondoc. Hãy gửi “/start MÃ_MỜI” với mã mời do quản trị viên cấp.',
  ],
  welcome: (name, agency) => `Welcome, ${name} (${agency})! You are registered.`,
  welcomeHint: 'Type “/help” to see what I can do.',
  inviteUnknown: 'That invite code is not valid. Check it, or ask your administrator for a new one.',
  inviteUsed: 'That invite code has already been used. Ask your administrator for a new one.',
  inviteExpired: 'That invite code has expired. Ask your administrator for a new one.',
  registerPrivately: 'Send your invite code to me in a private chat, not in a group.',
  alreadySignedIn: (name) => `You are signed in as ${name}; no invite code is needed.`,

  tooLong: (limit) =>
    `Your message is too long (over ${limit} characters), so I did not process it. Please send a shorter one.`,
  notUnderstood: 'Sorry, I did not understand that.',
  examplesIntro: 'You can ask, for example:',
  unknownExamples: ['which Resolution 57 targets are overdue?', 'status of NQ57-12'],
  seeHelp: 'Type “/help” for the full guide.',
  help: [
    "🤖 I am dondoc; I keep the province's programmes on time. You can:",
    '• Ask what is overdue: “which Resolution 57 targets are overdue?”',
    '• Ask what is due soon: “what is due this week”, “what is due before the end of Q3”',
    '• Look at one item: “status of NQ57-12”',
    '• Get a summary: “overall progress of Project 06”',
    '• See your own work: “my tasks”',
    '• Report progress: “NQ57-12.3 80% installed the 5G stations”, “DA06-03.1 done”, “CDS25-04.2 blocked: waiting for funds”',
    '• Leaders: “ask for an explanation of NQ57-12”',
    'Reply to a reminder (“done”, “80%”, “blocked: …”) to update that item.',
  ],
  privateOnly: 'Personal task lists are shown only in a private chat. Message me directly: “my tasks”.',
  whichAgency: 'Which agency do you mean?',
  askAgain: 'Please ask again, naming the agency.',
  errorTryAgain: 'Sorry, something went wrong handling your message. Please try again in a few minutes.',

  status: (s) => STATUS_EN[s],
  gridCell: (c) => GRID_EN[c],
  workStatusLine: (c) =>
    `Work status: ${statusParts(c, STATUS_EN)}${c.awaiting > 0 ? ` · ${c.awaiting} awaiting confirmation` : ''}`,
  awaiting: (n) => `${n} awaiting confirmation`,
  awaitingWord: '⏳ awaiting confirmation',
  claimWord: 'reported done',
  gridLine: (c) => `Deadlines: ${gridParts(c, GRID_EN)}`,
  level: (level, n) => levelEn(level, n),
  province: 'province-wide',
  overdueDays: (n) => `${plural(n, 'day')} overdue`,
  dueToday: 'due today',
  daysLeft: (n, due) => `${plural(n, 'day')} left${due ? ` (${due})` : ''}`,
  dueOn: (day) => `due ${day}`,
  doneWord: 'done',
  ongoingWord: 'ongoing',

  overdueHeader: (n, level, scope) => `🔴 ${n} overdue ${levelEn(level, n)} — ${scope}:`,
  overdueNone: (level, scope) => `No overdue ${levelEn(level, 2)} (${scope}) 🎉`,
  next7Days: (from, to) => `in the next 7 days (${from}–${to})`,
  between: (from, to) => `between ${from} and ${to}`,
  dueSoonHeader: (n, level, period, scope) => `🗓 ${n} ${levelEn(level, n)} due ${period} — ${scope}:`,
  dueSoonNone: (level, period, scope) => `No ${levelEn(level, 2)} due ${period} (${scope}) 👍`,
  myTasksHeader: (n) => `📋 You have ${plural(n, 'open task')} (most urgent first):`,
  myTasksNone: 'You have no open tasks 👍',
  listHeader: (n, level, status, period, scope) =>
    `📋 ${n} ${levelEn(level, n)} ${LIST_STATUS_EN[status]}${period ? ` ${period}` : ''} — ${scope}:`,
  listNone: (level, status, period, scope) =>
    `No ${levelEn(level, 2)} ${LIST_STATUS_EN[status]}${period ? ` ${period}` : ''} (${scope}).`,

  kind: (kind) => (kind === 'target' ? 'Target' : 'Task'),
  partOf: (code, title) => `Part of target ${code} ${title}`,
  ownerLabel: 'Owner: ',
  leadAgencyLabel: 'Lead agency: ',
  coAgenciesLabel: 'Co-operating: ',
  deliverableLabel: 'Deliverable: ',
  indicatorLabel: 'Indicator: ',
  progressLabel: 'Progress: ',
  expected: (pct) => `about ${pct} expected by now`,
  dueLabel: 'Due: ',
  tasksHeader: (n) => `Tasks (${n}):`,
  historyHeader: 'Latest updates:',
  noHistory: 'No updates yet.',
  explanationRequested: 'asked for an explanation',
  explanationGiven: 'explanation',
  noteLabel: 'Note: ',

  summaryTitle: (scope, day) => `📊 Progress summary — ${scope} — ${day}`,
  summaryPeriod: (period) => `Items due ${period}.`,
  programLine: (s) =>
    `: ${s.done}/${s.total} targets done (${s.pct}) · ${s.overdue} overdue · ${s.inProgress} in progress · ${s.blocked} blocked`,
  tasksLine: (s) => `   Tasks: ${s.done}/${s.total} done (${s.pct}) · ${s.overdue} overdue`,
  agencyTargetsLine: (s) => `Targets it leads: ${s.done}/${s.total} done (${s.pct}) · ${s.overdue} overdue`,
  worstAgencies: 'Agencies most behind:',
  agencyLine: (s) => `: ${plural(s.overdue, 'overdue task')} · ${s.pct} of tasks done`,
  summaryNone: (scope) => `There are no targets in this scope (${scope}).`,
  rankingHeader: (period) => `Agencies by share of tasks done on time (${period}), lowest first:`,
  rankingLine: (s) => `: ${s.rate} on time (${s.onTime}/${s.due}) · ${s.overdue} overdue`,
  rankingNothingDue: 'No agency had a task due in this period.',

  updateNeedsCode:
    'Which item do you want to update? For example: “NQ57-12.3 80% installed the 5G stations”.',
  badPercent: (given) => `${given} is not valid: progress goes from 0 to 100%. Nothing was recorded.`,
  fractionPercent: (given) =>
    `${given} is not valid: progress is a whole number from 0 to 100 (e.g. 80%); I do not round it for you. Nothing was recorded.`,
  severalPercents: (list) =>
    `Your message gives several progress figures (${list}); nothing was recorded yet. Which one is right?`,
  severalPercentsHint: 'Press one, or send the message again with one figure, e.g. “NQ57-12.3 80%”.',
  unknownCode: (code) => `No item has the code ${code}.`,
  unreadableCode: (code) => `I do not know the code ${code}, so nothing was recorded.`,
  nearestCodes: (codes) => `Closest codes: ${codes.join(', ')}.`,
  codeHint: 'Check the code, e.g. NQ57-12 (a target) or NQ57-12.3 (a task).',
  invalid: (reason) => `Not recorded: ${INVALID_EN[reason]}.`,
  updated: (from, to, status) => `: ${from} → ${to} (${status})`,
  noteOnly: ': note recorded',
  claimed: (pct, status) =>
    `: your report of done is recorded, awaiting confirmation (still ${pct}, ${status} until confirmed)`,
  checkerAsk: (reporter, code, title) =>
    `🔔 Awaiting confirmation: ${reporter} reports ${code} ${title} done.`,
  evidenceCount: (n) =>
    n === 0
      ? 'No evidence file attached.'
      : `Evidence: ${n} file${n === 1 ? '' : 's'} (see the item’s page).`,
  checkerHint: (code) => `Press ✅ Confirm or ↩️ Return, or send /approve ${code} · /return ${code} reason.`,
  confirmButton: '✅ Confirm',
  returnButton: '↩️ Return',
  checkersTold: (n) => `Sent to ${n} checker${n === 1 ? '' : 's'} for confirmation.`,
  checkersNone: 'No checker could be told: none of them has a chat account.',
  verdictConfirmed: (code, at) => `✅ Confirmed ${code} as done (as of its report, ${at}).`,
  toldConfirmed: (by, code, title) => `✅ ${by} confirmed ${code} ${title} as done.`,
  returnAsk: (code) => `↩️ Why return ${code}? Send the reason in your next message (or “cancel” to stop).`,
  returnDropped: (code) => `Cancelled; ${code} is still awaiting confirmation.`,
  verdictReturned: (code, status, pct, reason) =>
    `↩️ Returned ${code}: back to “${status}” (${pct}). Reason: ${reason}`,
  toldReturned: (by, code, title, reason) =>
    `↩️ ${by} returned ${code} ${title}: it does not count as done. Reason: ${reason}`,
  toldReturnedHint: (code) => `Finish it and report again, e.g. “${code} done”.`,
  verdictRefused: (reason, code) =>
    ({
      not_awaiting: `${code} has no report of done awaiting confirmation. Nothing changed.`,
      stale: `This button is out of date: that report on ${code} no longer awaits confirmation. Nothing changed.`,
      not_checker: `Only the programme’s checkers (administrators or the people named) can confirm or return ${code}.`,
      own_report: `You cannot confirm or return your own report on ${code}.`,
    })[reason],
  verdictUsage: 'Give the code, e.g. /approve NQ57-12.3 or /return NQ57-12.3 reason.',
  fileRefused: (reason, maxMb) =>
    ({
      too_large: `The file is too large (at most ${maxMb} MB): it was not kept and nothing was recorded.`,
      type: 'Only PDF, DOCX, XLSX files and images (JPEG, PNG, WEBP) are kept: this file was not, and nothing was recorded.',
      unavailable:
        'The file could not be fetched from the chat app: nothing was recorded. Please send it again shortly.',
    })[reason],
  fileWhichItem:
    'Which item is this file about? Send it with a caption naming the code, e.g. “NQ57-12.3 done, acceptance record”, or as a reply to the bot’s message about it. Nothing was kept.',
  fileAttached: (name, code) => `📎 Attached “${name}” to ${code}.`,
  evidenceKept: (names) => `📎 Evidence kept: ${names}`,
  fileNotKept:
    'The file was not kept: answer the question first, then send the file again as a reply to the bot’s message.',
  awaitingNudge: (n, days) =>
    `🔔 ${n} report${n === 1 ? '' : 's'} of done awaiting your confirmation for more than ${days} working days:`,
  targetNow: (code, pct, status) => `Target ${code} is now at ${pct} (${status}).`,
  duplicate: 'This message was already recorded; nothing new was written.',
  confirmLower: (code, from, to) =>
    `⚠️ You are lowering the progress of ${code} from ${from} to ${to}. Are you sure?`,
  openTasksAre: (codes) => `Tasks not done yet: ${codes}.`,
  confirmReopen: (code, status, from, to) =>
    `⚠️ ${code} is done. You are re-opening it as “${status}” (${from} → ${to}). Are you sure?`,
  confirmHint: 'Press Yes / No, or type “yes” / “no”.',
  yes: 'Yes',
  no: 'No',
  dropped: 'Cancelled; nothing was changed.',
  nothingPending: 'There is no update waiting for confirmation.',
  pendingExpired: 'That confirmation has expired; nothing was changed. Send the update again if needed.',
  pendingNotYours: 'Only the person who sent the update can confirm it.',

  notYourTask: (code, agency) =>
    `You can only update tasks of your own agency or assigned to you; ${code} belongs to ${agency}.`,
  notYourTarget: (code, agency) =>
    `You can only update targets your agency leads; ${code} is led by ${agency}.`,
  onlyOwnAgency: (own) => `You can see the figures of ${own} and the tasks assigned to you.`,
  notYourAgencyItem: (code, own) =>
    `${code} is not ${own}'s: you can see your own agency's figures and the tasks assigned to you.`,
  leadersOnly: 'Only leaders and administrators can ask for an explanation.',
  consoleCode: (code, minutes) =>
    `🔐 Your dondoc console sign-in code: ${code} (one use, expires in ${minutes} minutes). If you did not ask for it, ignore this message.`,

  explainNeedsCode: 'An explanation of which item? For example: “ask for an explanation of NQ57-12”.',
  explainRequested: (name, agency, code) => `📝 Recorded: ${name} (${agency}) is asked to explain ${code}.`,
  explainNotOverdue: (code, due) => `Note: ${code} is not overdue — ${due}.`,
  explainNobody: (code, agency) =>
    `The request about ${code} is recorded, but ${agency} has no one in charge to receive it.`,
  explainAsk: (leader, code, title, late, pct) =>
    `📝 ${leader} asks you to explain the delay of ${code} ${title} (${late}, progress ${pct}).`,
  explainAskHint: 'Reply to this message, or send “explanation: your text”, to explain.',
  explainReceived: (name, code, text) => `📩 ${name} explained ${code}: ${text}`,
  explainRecorded: (code) => `✅ Your explanation of ${code} is recorded.`,
  explainNone: 'You have no explanation request waiting.',
  explainEmpty: 'Write the explanation after the colon, e.g. “explanation: waiting for extra funds”.',

  assignAdminsOnly: 'Only administrators can re-assign tasks; leaders and staff cannot.',
  assignUsage:
    'Name the task and the person, e.g. “/assign NQ57-12.3 P09” or “assign NQ57-12.3 to Nguyen Van A”.',
  assignUnknownTask: (code) =>
    `No task has the code ${code}; nothing was changed. Check the code, e.g. NQ57-12.3.`,
  assignNotATask: (code) =>
    `${code} is a target, not a task: targets belong to their lead agency, and only tasks can be re-assigned (e.g. ${code}.1).`,
  assignUnknownPerson: (written) =>
    `No one is called “${written}”. Write their person code (e.g. P09) or their full name, with or without diacritics.`,
  assignAmbiguous: (written, n) => `${n} people are called “${written}”; write the person code instead:`,
  assignExample: (item, person) => `For example: “assign ${item} to ${person}”.`,
  assignPartial: (written, n) =>
    `“${written}” is not one person's full name; ${n} people match, write the person code:`,

  deliveryQueued: (name, messengers) => `📨 Being delivered to ${name} on ${messengers}.`,
  deliveryNone: (name, person) =>
    `⚠️ Not delivered to ${name}: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite ${person}”).`,
  assignSame: (code, name) => `${code} is already assigned to ${name}; nothing was changed.`,
  reassigned: (code, title, from, to) => `✅ Re-assigned ${code} ${title}: ${from} → ${to}.`,
  nobody: '(no one)',
  agencyMoved: (from, to, name) => `The task moves from ${from} to ${to} (${name}'s agency).`,
  assignedToYou: (by, code, title, due, pct) =>
    `📌 ${by === null ? 'You have been assigned' : `${by} assigned you`} task ${code} ${title} (${due}, progress ${pct}).`,
  assignedHint: 'Reply to this message to report progress, e.g. “30% survey done”.',
  unassignedFromYou: (by, code, title, to) =>
    `📌 ${by === null ? 'Task' : `${by} re-assigned task`} ${code} ${title} ${by === null ? 'was re-assigned ' : ''}to ${to}; you are no longer responsible for it.`,

  digestGroupsOnly:
    "The daily digest is for group chats: send “/digest on” in your steering committee's group, not in a private chat.",
  digestLeadersOnly: "Only leaders and administrators can turn a group's daily digest on or off.",
  digestOn:
    "✅ Digest on: every working day this group gets the province's progress summary (no one's own tasks). Send “/digest off” to stop it.",
  digestAlreadyOn: 'This group already gets the daily digest; nothing was changed.',
  digestOff: 'The daily digest is off for this group.',
  digestAlreadyOff: 'This group does not get the daily digest; there is nothing to turn off.',
  digestUsage: (on) =>
    on
      ? 'This group gets the daily digest; send “/digest off” to stop it.'
      : "This group does not get the digest; send “/digest on” for the province's progress every working day.",
  groupDigestTitle: (day) => `📊 Province progress digest, ${day}`,
  groupDigestHint:
    'Ask more right here: “/overdue NQ57”, “/summary DA06”. Send “/digest off” to stop this digest.',

  chartUsage: (codes) => `Type /chart and a programme code: ${codes.map((c) => `/chart ${c}`).join(', ')}.`,
  chartUnknown: (code, codes) => `There is no programme ${code}. The programmes: ${codes.join(', ')}.`,
  chartCaption: (code) => `${code} progress by agency`,
  reportUsage: (codes) =>
    `Type /report (this month) or /report quarter, with a programme code if you like: ${codes.map((c) => `/report month ${c}`).join(', ')}.`,

  snoozed: (code, day) => `⏰ I will remind you about ${code} again tomorrow (${day}).`,
  pageFooter: (page, pages) => `Page ${page}/${pages} — type “next” to continue`,
  lastPage: (page, pages) => `Page ${page}/${pages} — end of the list`,
  nextPage: 'Next page ▶',
  noMorePages: 'That was the last page; there is nothing more.',
  noList: 'There is no list to continue. Ask a new question.',
  whichIntent: (a, b) => `Did you mean ${a} or ${b}?`,
  intentChoice: {
    overdue: 'overdue items',
    due_soon: 'items due soon',
    list: 'items by status',
    status: 'the status of one item',
    summary: 'the progress summary',
    my_tasks: 'your own tasks',
    update: 'a progress update',
    request_explanation: 'an explanation request',
    help: 'help',
    unknown: 'something else',
  },
  choiceGone: 'That question is old now; please ask again.',
  listGone: 'This list is out of date; please ask again.',
  noSuchPage: (page, pages) =>
    `This list has no page ${page}; it has ${pages} page${pages === 1 ? '' : 's'}.`,
};

/** The chat surface of core/catalogue/: every sentence the bot says in a conversation. */
export const CATALOGUE: Record<Lang, Messages> = { vi, en };

export function messages(lang: Lang): Messages {
  return CATALOGUE[lang];
}
