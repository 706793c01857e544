// The progress report as a workbook a clerk can work with: the same snapshot as the DOCX, one sheet
// per section, Vietnamese headers and names (codes in their own column), a title block, landscape,
// fitted to the page width, the header row frozen and filtered.
import ExcelJS from 'exceljs';
import type { Counts } from '../core/grid.ts';
import type { Lang } from '../core/types.ts';
import type { ReportSnapshot } from '../store/report-snapshot.ts';
import { subjectLine } from './docx.ts';
import { placeAndDate, shortDay } from './labels.ts';
import { CELL_LABEL, STATUS_LABEL, WORDS } from '../core/catalogue/report.ts';

const SHEETS: Record<Lang, { summary: string; late: string; ranking: string; items: string }> = {
  vi: { summary: 'Tổng hợp', late: 'Quá hạn', ranking: 'Xếp hạng', items: 'Phụ lục' },
  en: { summary: 'Summary', late: 'Overdue', ranking: 'Ranking', items: 'Appendix' },
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
    [w.kind, w.total, ...cells.map((c) => CELL_LABEL[lang][c])],
    [34, 10, 20, 20, 26, 24],
  );
  const gridRow = (label: string, c: Counts) => [
    label,
    c.total,
    c.doneOnTime,
    c.doneLate,
    c.openInTime,
    c.overdue,
  ];
  const until = w.until(shortDay(s.previous.end));
  summary.addRows([
    gridRow(w.targets, s.targets),
    gridRow(w.tasks, s.tasks),
    gridRow(`${w.targets} (${until})`, s.previous.targets),
    gridRow(`${w.tasks} (${until})`, s.previous.tasks),
  ]);
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
