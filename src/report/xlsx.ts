// The progress report as a workbook a clerk can work with: the same snapshot as the DOCX, one sheet
// per part (I's grid and its indicators, II, III, IV, the appendix), Vietnamese headers and names
// (codes in their own column), a title block, landscape, fitted to the page width, the header row
// frozen and filtered.
import ExcelJS from 'exceljs';
import type { Counts } from '../core/grid.ts';
import type { Lang } from '../core/types.ts';
import type { ReportSnapshot } from '../store/report-snapshot.ts';
import { subjectLine } from './docx.ts';
import { indicatorValue, placeAndDate, shortDay } from './labels.ts';
import { CELL_LABEL, STATUS_LABEL, WORDS } from '../core/catalogue/report.ts';

const SHEETS: Record<
  Lang,
  { summary: string; indicators: string; late: string; ranking: string; problems: string; items: string }
> = {
  vi: {
    summary: 'Tổng hợp',
    indicators: 'Chỉ số',
    late: 'Quá hạn',
    ranking: 'Xếp hạng',
    problems: 'Khó khăn, đề xuất',
    items: 'Phụ lục',
  },
  en: {
    summary: 'Summary',
    indicators: 'Indicators',
    late: 'Overdue',
    ranking: 'Ranking',
    problems: 'Problems, proposals',
    items: 'Appendix',
  },
};
const HEAD: Record<
  Lang,
  {
    code: string;
    agency: string;
    agencyCode: string;
    owner: string;
    due: string;
    days: string;
    reason: string;
    state: string;
    unit: string;
    current: string;
    target: string;
    share: string;
    indicator: string;
    problem: string;
  }
> = {
  vi: {
    code: 'Mã',
    agency: 'Cơ quan chủ trì',
    agencyCode: 'Mã cơ quan',
    owner: 'Người thực hiện',
    due: 'Thời hạn',
    days: 'Số ngày chậm',
    reason: 'Lý do',
    state: 'Tình trạng',
    unit: 'Đơn vị tính',
    current: 'Giá trị hiện tại',
    target: 'Giá trị mục tiêu',
    share: 'Tỷ lệ',
    indicator: 'Chỉ số',
    problem: 'Khó khăn, vướng mắc',
  },
  en: {
    code: 'Code',
    agency: 'Lead agency',
    agencyCode: 'Agency code',
    owner: 'Owner',
    due: 'Deadline',
    days: 'Days late',
    reason: 'Reason',
    state: 'State',
    unit: 'Unit',
    current: 'Value now',
    target: 'Target value',
    share: 'Share',
    indicator: 'Indicator',
    problem: 'Problem',
  },
};

/** A sheet with the report's title block (rows 1–3) and a frozen, filtered header at row 5. */
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string[],
  head: string[],
  widths: number[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 5 }],
  });
  title.forEach((t, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = t;
    cell.font = { name: 'Times New Roman', size: 13, bold: i < 2 };
  });
  const header = ws.getRow(5);
  header.values = head;
  header.font = { name: 'Times New Roman', bold: true };
  ws.autoFilter = { from: { row: 5, column: 1 }, to: { row: 5, column: head.length } };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return ws;
}

export async function renderReportXlsx(s: ReportSnapshot, lang: Lang): Promise<Buffer> {
  const w = WORDS[lang];
  const h = HEAD[lang];
  const names = SHEETS[lang];
  const title = [
    w.title,
    subjectLine(s, lang),
    `${placeAndDate(s.province || '…', s.scope.today, lang)} ${w.asOf(shortDay(s.end))}`,
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  const cells = ['done_on_time', 'done_late', 'open_in_time', 'open_overdue'] as const;
  const summary = sheet(
    wb,
    names.summary,
    title,
    [w.kind, w.total, ...cells.map((c) => CELL_LABEL[lang][c]), w.awaitingHead],
    [34, 10, 20, 20, 26, 24, 24],
  );
  const gridRow = (label: string, c: Counts) => [
    label,
    c.total,
    c.doneOnTime,
    c.doneLate,
    c.openInTime,
    c.overdue,
    c.awaiting,
  ];
  const until = w.until(shortDay(s.previous.end));
  summary.addRows([
    gridRow(w.targets, s.targets),
    gridRow(w.tasks, s.tasks),
    gridRow(`${w.targets} (${until})`, s.previous.targets),
    gridRow(`${w.tasks} (${until})`, s.previous.tasks),
  ]);
  // Section I's indicators, as the DOCX writes them ("41/68 xã (60,3%)") and as numbers to sort on.
  const indicators = sheet(
    wb,
    names.indicators,
    title,
    [h.code, w.targets, h.unit, h.current, h.target, h.share, h.indicator],
    [12, 60, 14, 16, 16, 10, 28],
  );
  indicators.addRows(
    s.indicators.map((i) => [
      i.code,
      i.title[lang],
      i.unit,
      i.currentValue,
      i.targetValue,
      Math.min(i.currentValue, i.targetValue) / i.targetValue,
      indicatorValue(i, lang),
    ]),
  );
  indicators.getColumn(6).numFmt = '0.0%';
  const late = sheet(
    wb,
    names.late,
    title,
    [h.code, w.tasks, h.agency, h.agencyCode, h.owner, h.due, h.state, h.days, h.reason],
    [12, 50, 30, 12, 24, 12, 24, 12, 50],
  );
  late.addRows(
    s.late.map((i) => [
      i.code,
      i.title[lang],
      i.agencyName[lang],
      i.agency,
      i.owner ?? w.noOwner,
      shortDay(i.dueDate),
      CELL_LABEL[lang][i.cell],
      i.daysLate,
      i.note ?? '',
    ]),
  );
  const rank = sheet(
    wb,
    names.ranking,
    title,
    [...w.rankHead.slice(0, 2), h.agencyCode, ...w.rankHead.slice(2)],
    [6, 40, 12, 14, 10, 14, 16, 12],
  );
  rank.addRows(
    s.ranking.map((r, n) => [
      n + 1,
      r.name[lang],
      r.agency,
      r.onTimeRate,
      r.counts.doneOnTime,
      r.counts.doneLate,
      r.counts.overdue,
      r.counts.total,
    ]),
  );
  rank.getColumn(4).numFmt = '0.0%';
  // Section IV: the blocked tasks' notes, then the line a clerk fills in with proposals.
  const problems = sheet(
    wb,
    names.problems,
    title,
    [h.code, w.tasks, h.agency, h.agencyCode, h.problem],
    [12, 50, 30, 12, 60],
  );
  problems.addRows(
    s.blocked.map((i) => [i.code, i.title[lang], i.agencyName[lang], i.agency, i.note ?? w.noReason]),
  );
  problems.addRows([...(s.blocked.length === 0 ? [[w.noProblems]] : []), [], [w.editable]]);
  const items = sheet(
    wb,
    names.items,
    title,
    [w.appendixHead[0]!, h.code, ...w.appendixHead.slice(1, 3), h.agencyCode, ...w.appendixHead.slice(3)],
    [6, 12, 50, 30, 12, 30, 12, 10, 30, 50],
  );
  items.addRows(
    s.items.map((i, n) => [
      n + 1,
      i.code,
      i.title[lang],
      i.agencyName[lang],
      i.agency,
      i.coAgencies.map((a) => a[lang] || a.vi).join(', '),
      shortDay(i.dueDate),
      i.progress / 100,
      `${STATUS_LABEL[lang][i.status]}; ${CELL_LABEL[lang][i.cell]}`,
      i.note ?? '',
    ]),
  );
  items.getColumn(8).numFmt = '0%';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
