// The status report as a spreadsheet ("Tổng hợp", "Chỉ tiêu", "Nhiệm vụ") and the overdue tasks as CSV.
// The "Chỉ tiêu" and "Nhiệm vụ" sheets carry the exact columns of targets.csv/tasks.csv (plus extra
// columns the importer ignores), so an exported file imports back with every row unchanged.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { sumCounts, type Counts } from '../core/grid.ts';
import { UnknownCodeError } from '../core/errors.ts';
import { formatDay, trafficLight, type Light } from '../core/format.ts';
import { DEFAULT_TZ, daysBetween } from '../core/time.ts';
import type { ItemStatus, LocalDate, Percent, ProgramCode } from '../core/types.ts';
import { compareCodes } from '../reminders/order.ts';
import type { DbOrTx } from './db.ts';
import { COLUMN_LABELS_VI, TARGET_COLUMNS, TASK_COLUMNS, isoInZone } from './import/index.ts';
import { overdue, summary } from './queries.ts';
import { agencies, people, programs, targets, tasks } from './schema.ts';

type Standing = 'Hoàn thành' | 'Quá hạn' | 'Vướng mắc' | 'Có nguy cơ chậm' | 'Chưa bắt đầu' | 'Đúng tiến độ';

const STANDING_OF_LIGHT: Record<Light, Standing> = {
  done: 'Hoàn thành',
  red: 'Quá hạn',
  orange: 'Có nguy cơ chậm',
  white: 'Chưa bắt đầu',
  green: 'Đúng tiến độ',
};

/**
 * Where an item stands today, in the words of a Vietnamese progress report: the chat's traffic light,
 * except that a blocked item (not yet overdue) is named as blocked rather than merely at risk.
 */
export function standing(
  item: { status: ItemStatus; progress: number; startDate: string; dueDate: string | null },
  today: LocalDate,
): Standing {
  // The rows come straight from the tables: the same values as an ItemView's, not yet typed as such.
  const light = trafficLight(
    {
      status: item.status,
      progress: item.progress as Percent,
      startDate: item.startDate as LocalDate,
      dueDate: item.dueDate as LocalDate | null,
    },
    today,
  );
  return light === 'orange' && item.status === 'blocked' ? 'Vướng mắc' : STANDING_OF_LIGHT[light];
}

const STANDING_FILL: Partial<Record<Standing, string>> = {
  'Quá hạn': 'FFF8CBAD',
  'Vướng mắc': 'FFFFE699',
  'Có nguy cơ chậm': 'FFFFE699',
  'Hoàn thành': 'FFC6EFCE',
};

async function checkProgram(db: DbOrTx, program: ProgramCode | null): Promise<void> {
  if (program === null) return;
  const [found] = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, program));
  if (!found) throw new UnknownCodeError('program', program);
}

/** A calendar day as Excel stores it: midnight UTC, shown without a time. */
const excelDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** An instant as a wall-clock date-time in the province's zone (Excel has no zones). */
function excelWallTime(at: Date): Date {
  const iso = isoInZone(at, DEFAULT_TZ); // 2025-02-26T14:20:02(.123)+07:00
  return new Date(`${iso.slice(0, iso.length - 6)}Z`);
}

interface ColumnSpec {
  header: string;
  width: number;
  note?: string;
  numFmt?: string;
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: ColumnSpec[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.numFmt = 'General';
    if (c.note) cell.note = c.note;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const DAY_FMT = 'dd/mm/yyyy';
const TIME_FMT = 'dd/mm/yyyy hh:mm:ss';

const TARGET_WIDTHS: Record<(typeof TARGET_COLUMNS)[number], number> = {
  code: 12,
  program_code: 12,
  title_vi: 60,
  title_en: 45,
  lead_agency_code: 16,
  unit: 14,
  target_value: 12,
  current_value: 12,
  due_date: 12,
  status: 13,
  updated_at: 20,
};
const TASK_WIDTHS: Record<(typeof TASK_COLUMNS)[number], number> = {
  code: 14,
  target_code: 12,
  title_vi: 60,
  title_en: 45,
  agency_code: 14,
  assignee_code: 14,
  due_date: 12,
  status: 13,
  progress: 10,
  updated_at: 20,
};

function specs<C extends string>(columns: readonly C[], widths: Record<C, number>): ColumnSpec[] {
  return columns.map((c) => ({
    header: c,
    width: widths[c],
    note: COLUMN_LABELS_VI[c as keyof typeof COLUMN_LABELS_VI],
    numFmt: c === 'due_date' ? DAY_FMT : c === 'updated_at' ? TIME_FMT : undefined,
  }));
}

function paint(cell: ExcelJS.Cell, s: Standing): void {
  const argb = STANDING_FILL[s];
  if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function summarySheet(
  wb: ExcelJS.Workbook,
  list: Array<{ program: string; name: string; targets: Counts; tasks: Counts }>,
  today: LocalDate,
  whole: boolean,
): void {
  const ws = sheet(wb, 'Tổng hợp', [
    { header: 'Chương trình', width: 14, note: 'program_code' },
    { header: 'Tên chương trình', width: 60 },
    { header: 'Tổng số chỉ tiêu', width: 12 },
    { header: 'Hoàn thành', width: 12 },
    { header: 'Đang thực hiện', width: 12 },
    { header: 'Vướng mắc', width: 12 },
    { header: 'Chưa bắt đầu', width: 12 },
    { header: 'Quá hạn', width: 12, note: `Chưa hoàn thành, hạn trước ngày ${formatDay(today, 'vi')}` },
    { header: 'Tỷ lệ hoàn thành', width: 12, numFmt: '0.0%' },
    { header: 'Tổng số nhiệm vụ', width: 12 },
    { header: 'Nhiệm vụ quá hạn', width: 12 },
    // The status grid (on time or not), beside the work status above: the same counts as the chat.
    { header: 'Chỉ tiêu hoàn thành đúng hạn', width: 14 },
    { header: 'Chỉ tiêu hoàn thành quá hạn', width: 14 },
    { header: 'Chỉ tiêu chưa hoàn thành, còn trong hạn', width: 14 },
    { header: 'Nhiệm vụ hoàn thành đúng hạn', width: 14 },
    { header: 'Nhiệm vụ hoàn thành quá hạn', width: 14 },
    { header: 'Nhiệm vụ chưa hoàn thành, còn trong hạn', width: 14 },
  ]);
  const line = (program: string, name: string, t: Counts, k: Counts) => [
    program,
    name,
    t.total,
    t.done,
    t.inProgress,
    t.blocked,
    t.notStarted,
    t.overdue,
    t.total === 0 ? 0 : t.done / t.total,
    k.total,
    k.overdue,
    t.doneOnTime,
    t.doneLate,
    t.openInTime,
    k.doneOnTime,
    k.doneLate,
    k.openInTime,
  ];
  for (const p of list) ws.addRow(line(p.program, p.name, p.targets, p.tasks));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, list.length + 1), column: 17 } };
  if (whole && list.length > 1) {
    const add = (pick: (p: (typeof list)[number]) => Counts): Counts => sumCounts(list.map(pick));
    const total = ws.addRow(
      line(
        'Toàn tỉnh',
        'Tất cả chương trình',
        add((p) => p.targets),
        add((p) => p.tasks),
      ),
    );
    total.font = { bold: true };
  }
  ws.addRow([]);
  ws.addRow([`Số liệu tính đến ngày ${formatDay(today, 'vi')}`]).font = { italic: true };
}

/** The status report as an XLSX workbook, for one programme or the whole province. */
export async function exportReport(
  db: DbOrTx,
  opts: { program: ProgramCode | null; today: LocalDate; tz?: string },
): Promise<Buffer> {
  await checkProgram(db, opts.program);
  const inProgram = opts.program === null ? undefined : eq(programs.code, opts.program);
  const [overview, targetRows, taskRows] = await Promise.all([
    summary(db, { program: opts.program, agency: null }, opts.today, null, opts.tz ?? DEFAULT_TZ),
    db
      .select({
        code: targets.code,
        program: programs.code,
        titleVi: targets.titleVi,
        titleEn: targets.titleEn,
        lead: agencies.code,
        unit: targets.unit,
        targetValue: targets.targetValue,
        currentValue: targets.currentValue,
        startDate: targets.startDate,
        dueDate: targets.dueDate,
        dueText: targets.dueText,
        status: targets.status,
        progress: targets.progress,
        updatedAt: targets.updatedAt,
      })
      .from(targets)
      .innerJoin(programs, eq(programs.id, targets.programId))
      .innerJoin(agencies, eq(agencies.id, targets.leadAgencyId))
      .where(inProgram),
    db
      .select({
        code: tasks.code,
        target: targets.code,
        titleVi: tasks.titleVi,
        titleEn: tasks.titleEn,
        agency: agencies.code,
        assignee: people.code,
        startDate: tasks.startDate,
        dueDate: tasks.dueDate,
        dueText: tasks.dueText,
        status: tasks.status,
        progress: tasks.progress,
        updatedAt: tasks.updatedAt,
      })
      .from(tasks)
      .innerJoin(targets, eq(targets.id, tasks.targetId))
      .innerJoin(programs, eq(programs.id, targets.programId))
      .innerJoin(agencies, eq(agencies.id, tasks.agencyId))
      .leftJoin(people, eq(people.id, tasks.assigneeId))
      .where(inProgram),
  ]);
  targetRows.sort((a, b) => compareCodes(a.code, b.code));
  taskRows.sort((a, b) => compareCodes(a.code, b.code));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'dondoc';
  summarySheet(
    wb,
    overview.programs.map((p) => ({
      program: p.program,
      name: p.name.vi,
      targets: p.targets,
      tasks: p.tasks,
    })),
    opts.today,
    opts.program === null,
  );

  const ts = sheet(wb, 'Chỉ tiêu', [
    ...specs(TARGET_COLUMNS, TARGET_WIDTHS),
    { header: 'progress', width: 10, note: 'Tiến độ (%), tính từ các nhiệm vụ' },
    { header: 'Tình trạng', width: 16, note: `Tại ngày ${formatDay(opts.today, 'vi')}` },
  ]);
  for (const t of targetRows) {
    const s = standing(t, opts.today);
    const row = ts.addRow([
      t.code,
      t.program,
      t.titleVi,
      t.titleEn || null,
      t.lead,
      t.unit,
      Number(t.targetValue),
      Number(t.currentValue),
      t.dueDate === null ? t.dueText : excelDay(t.dueDate),
      t.status,
      excelWallTime(t.updatedAt),
      t.progress,
      s,
    ]);
    paint(row.getCell(TARGET_COLUMNS.length + 2), s);
  }

  const ks = sheet(wb, 'Nhiệm vụ', [
    ...specs(TASK_COLUMNS, TASK_WIDTHS),
    { header: 'days_overdue', width: 12, note: 'Số ngày quá hạn' },
    { header: 'Tình trạng', width: 16, note: `Tại ngày ${formatDay(opts.today, 'vi')}` },
  ]);
  for (const k of taskRows) {
    const s = standing(k, opts.today);
    const late = k.status !== 'done' && k.dueDate !== null && k.dueDate < opts.today;
    const row = ks.addRow([
      k.code,
      k.target,
      k.titleVi,
      k.titleEn || null,
      k.agency,
      k.assignee,
      k.dueDate === null ? k.dueText : excelDay(k.dueDate),
      k.status,
      k.progress,
      excelWallTime(k.updatedAt),
      late ? daysBetween(k.dueDate as LocalDate, opts.today) : null,
      s,
    ]);
    paint(row.getCell(TASK_COLUMNS.length + 2), s);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One CSV field, quoted as RFC 4180 asks when it holds a comma, quote, line break or edge space. */
function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const OVERDUE_CSV_COLUMNS = [
  'code',
  'title_vi',
  'agency_code',
  'assignee',
  'due_date',
  'days_overdue',
  'progress',
  'status',
] as const;

/**
 * The overdue tasks (due before `today`, not done), most overdue first, as CSV: UTF-8 with a BOM so
 * Excel shows the Vietnamese correctly, CRLF line ends. `assignee` is the person's full name.
 */
export async function overdueCsv(
  db: DbOrTx,
  opts: { program: ProgramCode | null; today: LocalDate },
): Promise<string> {
  await checkProgram(db, opts.program);
  const items = await overdue(db, { program: opts.program, agency: null }, 'task', opts.today);
  const lines = [
    OVERDUE_CSV_COLUMNS.join(','),
    ...items.map((t) =>
      [
        t.code,
        t.title.vi,
        t.agency,
        t.assignee?.name ?? null,
        t.dueDate,
        daysBetween(t.dueDate ?? opts.today, opts.today),
        t.progress,
        t.status,
      ]
        .map(csvField)
        .join(','),
    ),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
