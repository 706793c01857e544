// What a rendered report must say about the demo, checked against the oracle of
// test/helpers/demo-grid.ts (the CSV files read by tracking.md's rules): section I's grid and
// indicators, section II's late items with their reasons, section III's league table, section IV's
// blocked tasks, and no agency code in running text; in the DOCX (its paragraphs, as docxParagraphs
// reads them) and in the XLSX (as exceljs reads it back). Only the vi wording is spelled out here;
// the English document is checked for its grid alone.
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import {
  demoBlocked,
  demoGrid,
  demoIndicators,
  demoLate,
  demoRanking,
  demoRows,
  type DemoIndicator,
  type Grid,
} from '../helpers/demo-grid.ts';

/** A report as the command was asked for it: programme and agency (null: all), period, today. */
export interface ReportCase {
  program: string | null;
  agency: string | null;
  from: string;
  to: string;
  today: string;
}

const agencies = demoRows('agencies.csv');
const agencyName = new Map(agencies.map((r) => [r['code']!, r['name_vi']!]));
const taskAgency = new Map(demoRows('tasks.csv').map((r) => [r['code']!, r['agency_code']!]));

/** B, the day the grid is read at, and the day before the period began (the comparison). */
function days(c: ReportCase): { end: string; before: string } {
  const before = new Date(Date.parse(c.from) - 86_400_000).toISOString().slice(0, 10);
  return { end: c.to < c.today ? c.to : c.today, before };
}

const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "39,5%" (vi) or "39.5%" (en); "-" when there is nothing to divide by. */
function share(n: number, total: number, lang: 'vi' | 'en' = 'vi'): string {
  if (total === 0) return '-';
  const text = ((100 * n) / total).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

const gridCells = (g: Grid, lang: 'vi' | 'en') => [
  String(g.total),
  ...[g.doneOnTime, g.doneLate, g.openInTime, g.overdue].map((n) => `${n} (${share(n, g.total, lang)})`),
];

/** The cells of the DOCX grid row that starts with `label`: total, then the four cells with shares. */
export function gridRow(ps: readonly string[], label: string): string[] {
  const at = ps.indexOf(label);
  expect(at, label).toBeGreaterThan(-1);
  return ps.slice(at + 1, at + 6);
}

const section = (ps: readonly string[], from: string, to: string): string[] => {
  const a = ps.indexOf(from);
  const b = ps.indexOf(to);
  expect([a, b].every((i) => i > -1) && a < b, `${from} … ${to}`).toBe(true);
  return ps.slice(a + 1, b);
};
const S2 = 'II. NHIỆM VỤ QUÁ HẠN, HOÀN THÀNH QUÁ HẠN';
const S3 = 'III. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ';
const S4 = 'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT';
const NO_REASON = 'chưa có giải trình';

function expectedRanking(c: ReportCase) {
  const all = demoRanking(c.program, c.from, c.to, c.today);
  return c.agency === null ? all : all.filter((r) => r.agency === c.agency);
}

/** Section I (now and at the day before the period) and section III of a DOCX, against the files. */
export function expectDocxCounts(ps: readonly string[], c: ReportCase, lang: 'vi' | 'en' = 'vi'): void {
  const { end, before } = days(c);
  const now = demoGrid(end, c);
  const prev = demoGrid(before, c);
  const [targets, tasks, until] =
    lang === 'vi' ? ['Chỉ tiêu', 'Nhiệm vụ', 'đến'] : ['Targets', 'Tasks', 'to'];
  expect(gridRow(ps, targets)).toEqual(gridCells(now.targets, lang));
  expect(gridRow(ps, tasks)).toEqual(gridCells(now.tasks, lang));
  expect(gridRow(ps, `${targets} (${until} ${dmy(before)})`)).toEqual(gridCells(prev.targets, lang));
  expect(gridRow(ps, `${tasks} (${until} ${dmy(before)})`)).toEqual(gridCells(prev.tasks, lang));
  if (lang !== 'vi') return;
  // The league table: a header row of seven cells, then one row of seven per agency, in order.
  const table = section(ps, S3, S4);
  const want = expectedRanking(c).map((r, n) => [
    String(n + 1),
    r.name,
    r.rate === null ? '-' : share(r.grid.doneOnTime, r.grid.total),
    ...[r.grid.doneOnTime, r.grid.doneLate, r.grid.overdue, r.grid.total].map(String),
  ]);
  const got = Array.from({ length: (table.length - 7) / 7 }, (_, i) => table.slice(7 + 7 * i, 14 + 7 * i));
  expect(table.length % 7).toBe(0);
  expect(got).toEqual(want);
}

const values = (ws: ExcelJS.Worksheet, row: number, width: number): unknown[] =>
  Array.from({ length: width }, (_, i) => ws.getRow(row).getCell(i + 1).value);

/** The rows under a sheet's header (row 5) up to its last row. */
const bodyRows = (ws: ExcelJS.Worksheet, width: number): unknown[][] =>
  Array.from({ length: ws.rowCount - 5 }, (_, i) => values(ws, 6 + i, width));

/** The same figures in the workbook: the summary's four grid rows and the ranking sheet. */
export function expectXlsxCounts(wb: ExcelJS.Workbook, c: ReportCase): void {
  const { end, before } = days(c);
  const now = demoGrid(end, c);
  const prev = demoGrid(before, c);
  // The last column, claims awaiting confirmation, is 0: the demo keeps confirmation off.
  const row = (label: string, g: Grid) => [
    label,
    g.total,
    g.doneOnTime,
    g.doneLate,
    g.openInTime,
    g.overdue,
    0,
  ];
  const summary = wb.getWorksheet('Tổng hợp')!;
  expect([6, 7, 8, 9].map((r) => values(summary, r, 7))).toEqual([
    row('Chỉ tiêu', now.targets),
    row('Nhiệm vụ', now.tasks),
    row(`Chỉ tiêu (đến ${dmy(before)})`, prev.targets),
    row(`Nhiệm vụ (đến ${dmy(before)})`, prev.tasks),
  ]);
  const want = expectedRanking(c).map((r, n) => [
    n + 1,
    r.name,
    r.agency,
    r.rate,
    r.grid.doneOnTime,
    r.grid.doneLate,
    r.grid.overdue,
    r.grid.total,
  ]);
  expect(bodyRows(wb.getWorksheet('Xếp hạng')!, 8)).toEqual(want);
}

/**
 * Section II of a DOCX: exactly the tasks overdue at B or done late within the period, each under
 * its agency's name, with its days late and, as the reason, its latest note (or "no explanation").
 */
export function expectDocxLate(ps: readonly string[], c: ReportCase): void {
  const { end } = days(c);
  const want = new Map(demoLate(c, c.from, end).map((l) => [l.code, l]));
  const lines = section(ps, S2, S3);
  if (want.size === 0) {
    expect(lines).toEqual(['Không có nhiệm vụ quá hạn hoặc hoàn thành quá hạn trong kỳ.']);
    return;
  }
  const seen: string[] = [];
  let heading = '';
  for (const line of lines) {
    if (!line.startsWith('- ')) {
      heading = line;
      continue;
    }
    const code = /\(([A-Z0-9]+-[0-9.]+), người thực hiện: /.exec(line)?.[1];
    expect(code, line).toBeDefined();
    const l = want.get(code!);
    expect(l, `${code} is not late in the files`).toBeDefined();
    expect(heading).toBe(agencyName.get(taskAgency.get(code!)!));
    const reason = l!.note ?? NO_REASON;
    const late =
      l!.cell === 'open_overdue' ? `quá hạn ${l!.daysLate} ngày` : `hoàn thành chậm ${l!.daysLate} ngày`;
    expect(line.endsWith(`): ${late}. Lý do: ${reason}.`), line).toBe(true);
    seen.push(code!);
  }
  expect(seen.sort()).toEqual([...want.keys()].sort());
}

/** The XLSX's "Quá hạn" sheet: the same items, each with its days late and its reason. */
export function expectXlsxLate(wb: ExcelJS.Workbook, c: ReportCase): void {
  const { end } = days(c);
  const want = demoLate(c, c.from, end)
    .map((l) => [l.code, agencyName.get(taskAgency.get(l.code)!), l.daysLate, l.note ?? ''])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const got = bodyRows(wb.getWorksheet('Quá hạn')!, 9)
    .map((r) => [r[0], r[2], r[7], r[8]])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  expect(got).toEqual(want);
}

/** "41/68 xã (60,3%)": current/target with the share capped at 100 %, numbers as Vietnamese writes them. */
const indicatorText = (i: DemoIndicator) => {
  const n = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  return `${n.format(i.current)}/${n.format(i.target)} ${i.unit} (${share(Math.min(i.current, i.target), i.target)})`;
};

/** Section I's indicator lines in the DOCX and the "Chỉ số" sheet: every target in scope with a unit. */
export function expectIndicators(ps: readonly string[], wb: ExcelJS.Workbook, c: ReportCase): void {
  const want = demoIndicators(c);
  const at = ps.indexOf('Các chỉ tiêu đo bằng chỉ số (giá trị hiện tại):');
  const lines = at === -1 ? [] : section(ps, ps[at]!, S2);
  expect(lines).toEqual(want.map((i) => `- ${i.code} ${i.title}: ${indicatorText(i)}`));
  expect(bodyRows(wb.getWorksheet('Chỉ số')!, 7)).toEqual(
    want.map((i) => [
      i.code,
      i.title,
      i.unit,
      i.current,
      i.target,
      Math.min(i.current, i.target) / i.target,
      indicatorText(i),
    ]),
  );
}

const PROPOSALS = 'Đề xuất, kiến nghị: (bổ sung)';

/** Section IV in the DOCX and the "Khó khăn, đề xuất" sheet: each blocked task with its latest note. */
export function expectProblems(ps: readonly string[], wb: ExcelJS.Workbook, c: ReportCase): void {
  const want = demoBlocked(c, days(c).end).sort((a, b) => a.code.localeCompare(b.code));
  const none = 'Không có nhiệm vụ vướng mắc trong kỳ.';
  const lines = section(ps, S4, PROPOSALS);
  expect(lines).toEqual(
    want.length === 0
      ? [none]
      : want.map((b) => `- ${agencyName.get(b.agency)}: ${b.title} (${b.code}): ${b.note ?? NO_REASON}.`),
  );
  const blank = [null, null, null, null];
  expect(bodyRows(wb.getWorksheet('Khó khăn, đề xuất')!, 5)).toEqual([
    ...want.map((b) => [b.code, b.title, agencyName.get(b.agency), b.agency, b.note ?? NO_REASON]),
    ...(want.length === 0 ? [[none, ...blank]] : []),
    [null, ...blank],
    [PROPOSALS, ...blank],
  ]);
}

/**
 * The demo's agency codes a reader must never meet in running text: all of them but those the plan's
 * own prose writes as words (UBND in "Văn phòng UBND tỉnh", TU in "Quyết định số 1125-QĐ/TU").
 */
const word = (code: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${code}(?![\\p{L}\\p{N}-])`, 'u');
const prose = [
  ...agencies.flatMap((r) => [r['name_vi']!, r['name_en']!]),
  ...demoRows('programs.csv').map((r) => r['name_vi']!),
  ...demoRows('targets.csv').map((r) => r['title_vi']!),
  ...demoRows('tasks.csv').map((r) => r['title_vi']!),
  ...demoRows('updates.csv').map((r) => r['note_vi']!),
].join('\n');
export const CODES_NOT_WORDS = agencies.map((r) => r['code']!).filter((c) => !word(c).test(prose));

/** No agency code in the DOCX's paragraphs (it has no codes column). */
export function expectNoCodesInDocx(ps: readonly string[]): void {
  expect(CODES_NOT_WORDS.length).toBeGreaterThan(15);
  for (const code of CODES_NOT_WORDS)
    expect(
      ps.filter((p) => word(code).test(p)),
      code,
    ).toEqual([]);
}

/** No agency code in any cell of the workbook outside the columns headed "Mã cơ quan". */
export function expectNoCodesInXlsx(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const codeColumns = new Set<number>();
    ws.getRow(5).eachCell((cell, col) => {
      if (cell.value === 'Mã cơ quan') codeColumns.add(col);
    });
    ws.eachRow((row) =>
      row.eachCell((cell, col) => {
        if (codeColumns.has(col) || typeof cell.value !== 'string') return;
        const text = cell.value;
        for (const code of CODES_NOT_WORDS) expect(word(code).test(text), `${ws.name}: ${text}`).toBe(false);
      }),
    );
  }
}
