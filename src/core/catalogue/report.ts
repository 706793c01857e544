// The report's words in Vietnamese and English: a document's text, not chat replies (those are in
// chat.ts and report-chat.ts). The Vietnamese follows Nghị định 30/2020/NĐ-CP's wording for a report.
import type { GridCell } from '../grid.ts';
import type { ItemStatus } from '../types.ts';
import type { Bilingual } from './bilingual.ts';

export const CELL_LABEL: Bilingual<Record<GridCell, string>> = {
  vi: {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành quá hạn',
    open_in_time: 'Chưa hoàn thành, còn trong hạn',
    open_overdue: 'Quá hạn chưa hoàn thành',
    ongoing: 'Nhiệm vụ thường xuyên',
  },
  en: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    open_in_time: 'Not done, within deadline',
    open_overdue: 'Overdue',
    ongoing: 'Ongoing',
  },
};

export const STATUS_LABEL: Bilingual<Record<ItemStatus, string>> = {
  vi: {
    not_started: 'Chưa bắt đầu',
    in_progress: 'Đang thực hiện',
    blocked: 'Vướng mắc',
    done: 'Hoàn thành',
  },
  en: { not_started: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' },
};

export interface Words {
  motto1: string;
  motto2: string;
  number: string;
  title: string;
  subjectAll: string;
  subjectOf: string;
  ofAgency: string;
  asOf: (day: string) => string;
  s1: string;
  s2: string;
  s3: string;
  s4: string;
  appendix: string;
  kind: string;
  targets: string;
  tasks: string;
  total: string;
  indicators: string;
  until: (day: string) => string;
  noLate: string;
  /** Reported done and waiting for a checker: still counted in the open cells above. */
  awaiting(targets: number, tasks: number): string;
  /** The summary sheet's column of the same figure. */
  awaitingHead: string;
  noProblems: string;
  editable: string;
  overdueDays: (n: number) => string;
  lateDays: (n: number) => string;
  owner: string;
  noOwner: string;
  reason: string;
  noReason: string;
  rankHead: readonly string[];
  appendixHead: readonly string[];
  recipients: string;
  recipientLines: readonly string[];
  signFor: string;
  signTitle: string;
}

export const WORDS: Bilingual<Words> = {
  vi: {
    motto1: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto2: 'Độc lập - Tự do - Hạnh phúc',
    number: 'Số:        /BC-BCĐ',
    title: 'BÁO CÁO',
    subjectAll: 'Tình hình thực hiện các chương trình, nhiệm vụ',
    subjectOf: 'Tình hình thực hiện',
    ofAgency: 'của',
    asOf: (day) => `(số liệu tính đến ngày ${day})`,
    s1: 'I. KẾT QUẢ THỰC HIỆN',
    s2: 'II. NHIỆM VỤ QUÁ HẠN, HOÀN THÀNH QUÁ HẠN',
    s3: 'III. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ',
    s4: 'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT',
    appendix: 'PHỤ LỤC: DANH MỤC NHIỆM VỤ',
    kind: 'Nội dung',
    targets: 'Chỉ tiêu',
    tasks: 'Nhiệm vụ',
    total: 'Tổng số',
    indicators: 'Các chỉ tiêu đo bằng chỉ số (giá trị hiện tại):',
    until: (day) => `đến ${day}`,
    noLate: 'Không có nhiệm vụ quá hạn hoặc hoàn thành quá hạn trong kỳ.',
    awaitingHead: 'Chờ xác nhận (chưa tính là hoàn thành)',
    awaiting: (targets, tasks) =>
      `Chờ xác nhận: ${targets} chỉ tiêu, ${tasks} nhiệm vụ đã báo hoàn thành, chưa được xác nhận (vẫn tính là chưa hoàn thành).`,
    noProblems: 'Không có nhiệm vụ vướng mắc trong kỳ.',
    editable: 'Đề xuất, kiến nghị: (bổ sung)',
    overdueDays: (n) => `quá hạn ${n} ngày`,
    lateDays: (n) => `hoàn thành chậm ${n} ngày`,
    owner: 'Người thực hiện',
    noOwner: 'chưa phân công',
    reason: 'Lý do',
    noReason: 'chưa có giải trình',
    rankHead: [
      'STT',
      'Cơ quan, đơn vị',
      'Tỷ lệ đúng hạn',
      'Đúng hạn',
      'Quá hạn (đã HT)',
      'Quá hạn chưa HT',
      'Số đến hạn',
    ],
    appendixHead: [
      'STT',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tiến độ',
      'Tình trạng',
      'Kết quả/ghi chú',
    ],
    recipients: 'Nơi nhận:',
    recipientLines: ['- Như trên;', '- Các cơ quan, đơn vị liên quan;', '- Lưu: VT.'],
    signFor: 'TM. BAN CHỈ ĐẠO',
    signTitle: 'TRƯỞNG BAN',
  },
  en: {
    motto1: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto2: 'Independence - Freedom - Happiness',
    number: 'No.:        /BC-BCĐ',
    title: 'REPORT',
    subjectAll: 'Progress of the programmes and tasks',
    subjectOf: 'Progress of',
    ofAgency: 'by',
    asOf: (day) => `(figures as of ${day})`,
    s1: 'I. RESULTS',
    s2: 'II. OVERDUE AND LATE TASKS',
    s3: 'III. AGENCIES',
    s4: 'IV. PROBLEMS AND PROPOSALS',
    appendix: 'APPENDIX: LIST OF TASKS',
    kind: 'Items',
    targets: 'Targets',
    tasks: 'Tasks',
    total: 'Total',
    indicators: 'Targets measured by an indicator (value now):',
    until: (day) => `to ${day}`,
    noLate: 'No task was overdue or done late in the period.',
    awaitingHead: 'Awaiting confirmation (not counted as done)',
    awaiting: (targets, tasks) =>
      `Awaiting confirmation: ${targets} targets and ${tasks} tasks reported done, not yet confirmed (still counted as not done).`,
    noProblems: 'No task was blocked in the period.',
    editable: 'Proposals: (to be added)',
    overdueDays: (n) => `${n} days overdue`,
    lateDays: (n) => `done ${n} days late`,
    owner: 'Owner',
    noOwner: 'unassigned',
    reason: 'Reason',
    noReason: 'no explanation yet',
    rankHead: ['No.', 'Agency', 'On-time rate', 'On time', 'Done late', 'Overdue', 'Due'],
    appendixHead: [
      'No.',
      'Task',
      'Lead agency',
      'Co-operating agencies',
      'Deadline',
      'Progress',
      'Status',
      'Result / note',
    ],
    recipients: 'Recipients:',
    recipientLines: ['- As above;', '- Agencies concerned;', '- Archive.'],
    signFor: 'ON BEHALF OF THE STEERING COMMITTEE',
    signTitle: 'HEAD',
  },
};
