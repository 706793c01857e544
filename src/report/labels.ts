// The report's words in Vietnamese and English: a document's text, not chat replies (those live in
// core/messages.ts). The Vietnamese follows Nghị định 30/2020/NĐ-CP's wording for a report.
import type { GridCell } from '../core/grid.ts';
import type { ItemStatus, Lang, LocalDate, Period } from '../core/types.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const parts = (d: LocalDate): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
];
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day in a table: 15/07/2025. */
export function shortDay(d: LocalDate): string {
  const [y, m, day] = parts(d);
  return `${pad(day)}/${pad(m)}/${y}`;
}

/** A share as the language writes it: 39,5% / 39.5%. */
export function percent(n: number, total: number, lang: Lang): string {
  if (total === 0) return '-';
  const text = ((n / total) * 100).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** "41/68 xã (60,3%)": where an indicator stands, its share capped at 100 % (DOCX and XLSX alike). */
export function indicatorValue(
  i: { unit: string; targetValue: number; currentValue: number },
  lang: Lang,
): string {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const share = percent(Math.min(i.currentValue, i.targetValue), i.targetValue, lang);
  return `${n.format(i.currentValue)}/${n.format(i.targetValue)} ${i.unit} (${share})`;
}

/** A period in words: "tháng 7 năm 2025", "quý II năm 2025", or from one day to another. */
export function periodWords(p: Period, lang: Lang): string {
  const [y1, m1, d1] = parts(p.from);
  const [y2, m2, d2] = parts(p.to);
  const whole = y1 === y2 && d1 === 1 && d2 === lastDay(y2, m2);
  const vi = lang === 'vi';
  if (whole && m1 === m2) return vi ? `tháng ${m1} năm ${y1}` : `${MONTHS_EN[m1]} ${y1}`;
  if (whole && m1 % 3 === 1 && m2 === m1 + 2) {
    const q = (m1 + 2) / 3;
    return vi ? `quý ${ROMAN[q]} năm ${y1}` : `Q${q} ${y1}`;
  }
  if (whole && m1 === 1 && m2 === 6) return vi ? `6 tháng đầu năm ${y1}` : `first half of ${y1}`;
  if (whole && m1 === 7 && m2 === 12) return vi ? `6 tháng cuối năm ${y1}` : `second half of ${y1}`;
  if (whole && m1 === 1 && m2 === 12) return vi ? `năm ${y1}` : `${y1}`;
  return vi
    ? `từ ngày ${shortDay(p.from)} đến ngày ${shortDay(p.to)}`
    : `from ${shortDay(p.from)} to ${shortDay(p.to)}`;
}

/** "Hòa An, ngày 15 tháng 7 năm 2025" / "Hoa An, 15 July 2025". */
export function placeAndDate(place: string, d: LocalDate, lang: Lang): string {
  const [y, m, day] = parts(d);
  return lang === 'vi'
    ? `${place}, ngày ${day} tháng ${m} năm ${y}`
    : `${place}, ${day} ${MONTHS_EN[m]} ${y}`;
}

export const CELL_LABEL: Record<Lang, Record<GridCell, string>> = {
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

export const STATUS_LABEL: Record<Lang, Record<ItemStatus, string>> = {
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

export const WORDS: Record<Lang, Words> = {
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
