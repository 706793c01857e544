import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownCodeError } from '../../src/core/errors.ts';
import type { LocalDate, ProgramCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { exportReport, overdueCsv } from '../../src/store/export-report.ts';
import { importPlan, TARGET_COLUMNS, TASK_COLUMNS, type ImportReport } from '../../src/store/import/index.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TODAY = '2025-07-15' as LocalDate;
const NOW = new Date('2025-07-15T09:00:00+07:00');
const DEMO = join(import.meta.dirname, '../../demo');
const TASK_HEADER = [...TASK_COLUMNS];

type Cell = string | number;
function csvLine(cells: Cell[]): string {
  return cells
    .map((c) => {
      const s = String(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
function csvFile(name: string, header: string[], body: Cell[][]): { name: string; bytes: Buffer } {
  return { name, bytes: Buffer.from(`\ufeff${[header, ...body].map(csvLine).join('\r\n')}\r\n`, 'utf8') };
}

/** Counts and a checksum of every row the importer may write. */
async function fingerprint(t: TestDatabase): Promise<Record<string, string | number>> {
  const [r] = await rows<Record<string, string | number>>(
    t.db,
    sql`select (select count(*)::int from targets) as targets, (select count(*)::int from tasks) as tasks,
               (select count(*)::int from audit_log) as audit,
               (select md5(string_agg(x::text, '|' order by x.id)) from tasks x) as tasks_sum,
               (select md5(string_agg(x::text, '|' order by x.id)) from targets x) as targets_sum`,
  );
  return r!;
}

const summaryOf = (r: ImportReport) => ({
  kind: r.kind,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
  applied: r.applied,
});

/** The demo's tasks.csv row of a task, as cells in TASK_COLUMNS order. */
function demoTask(code: string): string[] {
  const records = parse(readFileSync(join(DEMO, 'tasks.csv')), { bom: true }) as string[][];
  const found = records.find((r) => r[0] === code);
  if (!found) throw new Error(`no demo task ${code}`);
  return found;
}

describe.each(dbKinds())('plan import and export on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  // Read-only checks first, on the untouched demo.

  it('lists the overdue tasks of a programme as CSV with a BOM', async () => {
    const csv = await overdueCsv(t.db, { program: 'NQ57' as ProgramCode, today: TODAY });
    expect(
      csv.startsWith('\ufeffcode,title_vi,agency_code,assignee,due_date,days_overdue,progress,status\r\n'),
    ).toBe(true);
    const records = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(20);
    for (const r of records) {
      expect(r.code).toMatch(/^NQ57-\d+\.\d+$/);
      expect(r.due_date! < TODAY).toBe(true);
      expect(Number(r.days_overdue)).toBeGreaterThan(0);
      expect(r.status).not.toBe('done');
    }
    // A title with commas comes back whole through RFC 4180 quoting.
    expect(records.find((r) => r.code === 'NQ57-03.2')).toMatchObject({
      title_vi: 'Thẩm định phương án tổ chức bộ máy, biên chế của Trung tâm',
      agency_code: 'SNV',
      assignee: 'Cao Minh Tuấn',
      days_overdue: '30',
    });
    const counts = await Promise.all(
      (['DA06', 'CDS25'] as ProgramCode[]).map(async (program) =>
        parse(await overdueCsv(t.db, { program, today: TODAY }), { bom: true, columns: true }),
      ),
    );
    expect(counts.map((c) => (c as unknown[]).length)).toEqual([8, 8]);
    await expect(overdueCsv(t.db, { program: 'XX' as ProgramCode, today: TODAY })).rejects.toThrow(
      UnknownCodeError,
    );
  });

  it('exports a report workbook that imports back with every row unchanged', async () => {
    const before = await fingerprint(t);
    const bytes = await exportReport(t.db, { program: null, today: TODAY });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chỉ tiêu', 'Nhiệm vụ']);

    const targetSheet = wb.getWorksheet('Chỉ tiêu')!;
    const headers = (ws: ExcelJS.Worksheet) =>
      Array.from({ length: ws.getRow(1).cellCount }, (_, i) => ws.getRow(1).getCell(i + 1).value);
    expect(headers(targetSheet)).toEqual([...TARGET_COLUMNS, 'progress', 'Tình trạng']);
    expect(headers(wb.getWorksheet('Nhiệm vụ')!)).toEqual([...TASK_COLUMNS, 'days_overdue', 'Tình trạng']);
    expect(targetSheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(targetSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(targetSheet.autoFilter).toBeTruthy();
    expect(targetSheet.rowCount).toBe(71);
    expect(targetSheet.getRow(2).getCell(1).value).toBe('CDS25-01');
    expect(targetSheet.getRow(2).getCell(9).value).toEqual(new Date('2025-01-31T00:00:00Z'));
    const summary = wb.getWorksheet('Tổng hợp')!;
    const nq57 = summary.getRows(2, 3)!.find((r) => r.getCell(1).value === 'NQ57')!;
    // The demo README's table: 43 targets, 17 done (39.5 %), 9 overdue.
    expect([nq57.getCell(3).value, nq57.getCell(4).value, nq57.getCell(8).value]).toEqual([43, 17, 9]);
    expect(nq57.getCell(9).value as number).toBeCloseTo(17 / 43, 6);

    const report = await importPlan(t.db, { name: 'report.xlsx', bytes }, { dryRun: true, now: NOW });
    expect(summaryOf(report)).toEqual({
      kind: 'mixed',
      created: 0,
      updated: 0,
      unchanged: 248,
      rejected: 0,
      applied: false,
    });
    expect(report.rows.filter((r) => r.action !== 'unchanged')).toEqual([]);

    // Not a dry run either: nothing to write, nothing written.
    const applied = await importPlan(t.db, { name: 'report.xlsx', bytes }, { dryRun: false, now: NOW });
    expect(applied.unchanged).toBe(248);
    expect(await fingerprint(t)).toEqual(before);

    const taskSheet = wb.getWorksheet('Nhiệm vụ')!;
    const late = taskSheet
      .getRows(2, taskSheet.rowCount - 1)!
      .find((r) => r.getCell(1).value === 'NQ57-03.2')!;
    expect([late.getCell(11).value, late.getCell(12).value]).toEqual([30, 'Quá hạn']);

    const one = await exportReport(t.db, { program: 'NQ57' as ProgramCode, today: TODAY });
    const again = await importPlan(t.db, { name: 'nq57.xlsx', bytes: one }, { dryRun: true, now: NOW });
    expect([again.unchanged, again.rows.length]).toEqual([43 + 117, 43 + 117]);
  });

  it('re-imports the demo CSVs themselves as unchanged', async () => {
    for (const [name, count] of [
      ['targets.csv', 70],
      ['tasks.csv', 178],
    ] as const) {
      const report = await importPlan(
        t.db,
        { name, bytes: readFileSync(join(DEMO, name)) },
        { dryRun: true, now: NOW },
      );
      expect(report.kind).toBe(name === 'tasks.csv' ? 'tasks' : 'targets');
      expect(report.unchanged).toBe(count);
    }
  });

  // Files that must be rejected whole: each leaves the store exactly as it was.

  it('reads a semicolon CSV with unaccented Vietnamese headers: the same task is unchanged', async () => {
    const text =
      'Ma nhiem vu;Ma chi tieu;Noi dung;DON VI THUC HIEN;Nguoi thuc hien;Han;Trang thai;Tien do (%)\n' +
      'nq57-03.1;NQ57-03;Xây dựng Đề án thành lập Trung tâm Đổi mới sáng tạo;SKHCN;P11;30/04/2025;hoan thanh;100%\n';
    const report = await importPlan(
      t.db,
      { name: 'nhiem-vu.csv', bytes: Buffer.from(text) },
      { dryRun: true, now: NOW },
    );
    expect(report.rows).toEqual([
      { row: 2, sheet: 'nhiem-vu.csv', code: 'NQ57-03.1', action: 'unchanged', changes: [], problem: null },
    ]);
  });

  it('rejects a file missing a required column, naming the column', async () => {
    const before = await fingerprint(t);
    const header = TASK_HEADER.filter((c) => c !== 'due_date');
    const row = demoTask('NQ57-01.1').filter((_, i) => TASK_HEADER[i] !== 'due_date');
    const report = await importPlan(t.db, csvFile('tasks.csv', header, [row]), { dryRun: false, now: NOW });
    expect(report.applied).toBe(false);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ row: 1, action: 'reject', code: null });
    expect(report.rows[0]!.problem).toMatch(/missing column due_date/);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('reports every bad row, with all its problems, and writes nothing', async () => {
    const before = await fingerprint(t);
    const good = demoTask('NQ57-03.2').map((c, i) => (TASK_HEADER[i] === 'due_date' ? '2025-06-20' : c));
    const base = ['NQ57-03', 'Nhiệm vụ thử', '', 'SKHCN', 'P08'];
    const file = csvFile('tasks.csv', TASK_HEADER, [
      good, // row 2: fine on its own
      ['NQ57-03.5', ...base, '31/02/2025', 'in_progress', 10, ''], // 3: no such day
      ['NQ57-03.6', 'NQ57-03', 'Nhiệm vụ thử', '', 'SXYZ', '', '2025-06-01', 'in_progress', 10, ''], // 4
      ['NQ57-03.7', ...base, '2025-06-01', 'in_progress', 150, ''], // 5: progress 150
      ['NQ57-03.5', ...base, '2025-06-01', 'in_progress', 10, ''], // 6: duplicate of row 3
      ['NQ57-03.8', 'NQ57-03', 'Nhiệm vụ thử', '', 'SNV', 'P08', '2025-06-01', 'in_progress', 10, ''], // 7
      ['NQ57-03.9', ...base, '2025-08-01', 'in_progress', 10, ''], // 8: after its target
      ['NQ57-04.9', ...base, '2025-06-01', 'in_progress', 10, ''], // 9: wrong prefix
      ['NQ57-03.10', ...base, '2025-06-01', 'done', 50, ''], // 10: done at 50 %
      ['NQ57-03.11', 'NQ57-99', 'Nhiệm vụ thử', '', 'SKHCN', 'P99', 'mai', 'xong rồi', 12.5, ''], // 11
    ]);
    const report = await importPlan(t.db, file, { dryRun: false, now: NOW });
    expect(summaryOf(report)).toMatchObject({ kind: 'tasks', updated: 1, rejected: 9, applied: false });
    const problem = (row: number) => report.rows.find((r) => r.row === row)?.problem ?? '';
    expect(report.rows[0]).toMatchObject({
      row: 2,
      code: 'NQ57-03.2',
      action: 'update',
      changes: ['due_date 2025-06-15 → 2025-06-20'],
    });
    expect(problem(3)).toMatch(/due_date "31\/02\/2025" is not a date/);
    expect(problem(4)).toMatch(/unknown agency "SXYZ"/);
    expect(problem(5)).toMatch(/progress "150" must be a whole number from 0 to 100/);
    expect(problem(6)).toMatch(/duplicate code NQ57-03.5 \(also on row 3\)/);
    expect(problem(7)).toMatch(/assignee P08 belongs to SKHCN, not to the task's agency SNV/);
    expect(problem(8)).toMatch(/due_date 2025-08-01 is after its target NQ57-03's due date 2025-06-30/);
    expect(problem(9)).toMatch(/code NQ57-04.9 does not belong under target NQ57-03/);
    expect(problem(10)).toMatch(/status done with progress 50/);
    // Every problem of a row, not just the first.
    for (const p of [
      /unknown target "NQ57-99"/,
      /unknown person "P99"/,
      /due_date "mai"/,
      /status "xong rồi"/,
    ]) {
      expect(problem(11)).toMatch(p);
    }
    expect(problem(11)).toMatch(/progress "12.5"/);
    expect(await fingerprint(t)).toEqual(before);
  });

  it('rejects a target moved before one of its tasks, and a target status its tasks contradict', async () => {
    const before = await fingerprint(t);
    const targets = parse(readFileSync(join(DEMO, 'targets.csv')), { bom: true }) as string[][];
    const header = targets[0]!;
    const edit = (code: string, column: string, value: string) =>
      targets.find((r) => r[0] === code)!.map((c, i) => (header[i] === column ? value : c));
    const report = await importPlan(
      t.db,
      csvFile('targets.csv', header, [
        edit('NQ57-03', 'due_date', '2025-06-20'),
        edit('NQ57-04', 'status', 'done'),
        edit('NQ57-06', 'status', 'Hoàn thành'),
        // A working status behind its tasks (one is blocked) is not a claim: it follows them.
        edit('NQ57-36', 'status', 'in_progress'),
      ]),
      { dryRun: false, now: NOW },
    );
    expect(report.applied).toBe(false);
    expect(report.rows[0]!.problem).toMatch(/before the due date of its task NQ57-03.3 \(2025-06-30\)/);
    expect(report.rows[1]!.problem).toMatch(/status done disagrees with its tasks \(blocked\)/);
    expect(report.rows[2]!.problem).toMatch(/status done disagrees with its tasks/);
    expect([report.rows[3]!.code, report.rows[3]!.action]).toEqual(['NQ57-36', 'unchanged']);
    expect(await fingerprint(t)).toEqual(before);
  });

  // Files that import.

  const goodCsv = () =>
    csvFile('ke-hoach.csv', TASK_HEADER, [
      [
        'nq57-03.4',
        'NQ57-03',
        'Bàn giao trụ sở, "Trung tâm" đi vào hoạt động',
        'Hand over',
        'SKHCN',
        'P08',
        '2025-06-30',
        'not_started',
        0,
        '',
      ],
      demoTask('NQ57-03.2').map((c, i) => (TASK_HEADER[i] === 'due_date' ? '2025-06-25' : c)),
      demoTask('NQ57-03.1'),
    ]);

  it('a dry run reports what the file would change and writes nothing', async () => {
    const before = await fingerprint(t);
    const report = await importPlan(t.db, goodCsv(), { dryRun: true, now: NOW });
    expect(summaryOf(report)).toEqual({
      kind: 'tasks',
      created: 1,
      updated: 1,
      unchanged: 1,
      rejected: 0,
      applied: false,
    });
    expect(await fingerprint(t)).toEqual(before);
  });

  it('imports a new task and a changed due date, rolls the target up and audits each item', async () => {
    const report = await importPlan(t.db, goodCsv(), { dryRun: false, now: NOW });
    expect(summaryOf(report)).toEqual({
      kind: 'tasks',
      created: 1,
      updated: 1,
      unchanged: 1,
      rejected: 0,
      applied: true,
    });
    expect(
      report.rows.map(({ row, code, action, changes, problem }) => ({ row, code, action, changes, problem })),
    ).toEqual([
      { row: 2, code: 'NQ57-03.4', action: 'create', changes: [], problem: null },
      {
        row: 3,
        code: 'NQ57-03.2',
        action: 'update',
        changes: ['due_date 2025-06-15 → 2025-06-25'],
        problem: null,
      },
      { row: 4, code: 'NQ57-03.1', action: 'unchanged', changes: [], problem: null },
    ]);
    const stored = await rows<Record<string, string | number | null>>(
      t.db,
      sql`select t.code, t.title_vi, t.due_date::text as due, t.start_date::text as start, t.status::text as status,
                 t.progress, pe.code as assignee, tg.code as target
            from tasks t join targets tg on tg.id = t.target_id left join people pe on pe.id = t.assignee_id
           where t.code in ('NQ57-03.4', 'NQ57-03.2') order by t.code`,
    );
    expect(stored).toEqual([
      {
        code: 'NQ57-03.2',
        title_vi: 'Thẩm định phương án tổ chức bộ máy, biên chế của Trung tâm',
        due: '2025-06-25',
        start: '2025-01-01',
        status: 'in_progress',
        progress: 50,
        assignee: 'P16',
        target: 'NQ57-03',
      },
      {
        code: 'NQ57-03.4',
        title_vi: 'Bàn giao trụ sở, "Trung tâm" đi vào hoạt động',
        due: '2025-06-30',
        start: '2025-01-01',
        status: 'not_started',
        progress: 0,
        assignee: 'P08',
        target: 'NQ57-03',
      },
    ]);
    // (100 + 50 + 45 + 0) / 4 = 48.75
    const [target] = await rows<{ progress: number; status: string }>(
      t.db,
      sql`select progress, status::text as status from targets where code = 'NQ57-03'`,
    );
    expect(target).toEqual({ progress: 49, status: 'in_progress' });
    const audit = await rows<{ action: string; entity: string; entity_code: string; before: unknown }>(
      t.db,
      sql`select action, entity, entity_code, before from audit_log where actor = 'import' order by id`,
    );
    expect(audit.map((a) => [a.action, a.entity, a.entity_code])).toEqual([
      ['create', 'task', 'NQ57-03.4'],
      ['update', 'task', 'NQ57-03.2'],
    ]);
    expect(audit[1]!.before).toMatchObject({ due_date: '2025-06-15', assignee_code: 'P16' });
  });

  it('reads an XLSX with Vietnamese headers, a title row, dd/mm/yyyy and real dates', async () => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('Hướng dẫn');
    cover.addRow(['Điền kế hoạch vào hai sheet sau']);
    const ts = wb.addWorksheet('Chỉ tiêu');
    ts.addRow(['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025']);
    ts.addRow([
      'STT',
      'Mã chỉ tiêu',
      'Chương trình',
      'Tên chỉ tiêu',
      'ĐƠN VỊ CHỦ TRÌ',
      'Đơn vị tính',
      'Chỉ tiêu',
      'Kết quả',
      'Thời hạn',
      'Trạng thái',
    ]);
    ts.addRow([
      1,
      'cds25-90',
      'Kế hoạch chuyển đổi số 2025',
      'Số hóa hồ sơ lưu trữ của tỉnh',
      'Sở KH&CN',
      '%',
      100,
      '12,5',
      '30/11/2025',
      'Đang thực hiện',
    ]);
    const ks = wb.addWorksheet('Nhiệm vụ');
    ks.addRow([
      'Mã nhiệm vụ',
      'Mã chỉ tiêu',
      'Nội dung',
      '  Đơn vị   thực hiện ',
      'Cán bộ phụ trách',
      'Hạn hoàn thành',
      'Trạng thái',
      'Tiến độ (%)',
    ]);
    ks.addRow([
      'CDS25-90.1',
      'CDS25-90',
      'Số hóa hồ sơ giai đoạn 1',
      'SKHCN',
      'p09',
      '15/10/2025',
      'đang thực hiện',
      40,
    ]);
    ks.addRow([
      'CDS25-90.2',
      'CDS25-90',
      'Số hóa hồ sơ giai đoạn 2',
      'SKHCN',
      'Ngô Đức Minh',
      new Date('2025-11-30T00:00:00Z'),
      'chua bat dau',
      0,
    ]);
    ks.addRow([
      'NQ57-03.3',
      'NQ57-03',
      'Bố trí trụ sở, cơ sở vật chất cho Trung tâm',
      'STC',
      'P19',
      '30/06/2025',
      'Hoàn thành',
      '100%',
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());

    const report = await importPlan(t.db, { name: 'ke-hoach.xlsx', bytes }, { dryRun: false, now: NOW });
    expect(report.rows.filter((r) => r.problem !== null)).toEqual([]);
    expect(summaryOf(report)).toEqual({
      kind: 'mixed',
      created: 3,
      updated: 1,
      unchanged: 0,
      rejected: 0,
      applied: true,
    });
    expect(report.rows.map((r) => [r.sheet, r.row, r.code, r.action])).toEqual([
      ['Chỉ tiêu', 3, 'CDS25-90', 'create'],
      ['Nhiệm vụ', 2, 'CDS25-90.1', 'create'],
      ['Nhiệm vụ', 3, 'CDS25-90.2', 'create'],
      ['Nhiệm vụ', 4, 'NQ57-03.3', 'update'],
    ]);
    expect(report.rows[3]!.changes).toEqual(['status in_progress → done', 'progress 45 → 100']);
    const stored = await rows<Record<string, string | number | null>>(
      t.db,
      sql`select t.code, t.due_date::text as due, t.status::text as status, t.progress, pe.code as assignee
            from tasks t left join people pe on pe.id = t.assignee_id where t.code like 'CDS25-90.%' order by t.code`,
    );
    expect(stored).toEqual([
      { code: 'CDS25-90.1', due: '2025-10-15', status: 'in_progress', progress: 40, assignee: 'P09' },
      { code: 'CDS25-90.2', due: '2025-11-30', status: 'not_started', progress: 0, assignee: 'P07' },
    ]);
    const [target] = await rows<Record<string, string | number | null>>(
      t.db,
      sql`select t.code, p.code as program, a.code as lead, t.unit, t.target_value::float8 as target_value,
                 t.current_value::float8 as current_value, t.due_date::text as due, t.status::text as status, t.progress
            from targets t join programs p on p.id = t.program_id join agencies a on a.id = t.lead_agency_id
           where t.code = 'CDS25-90'`,
    );
    expect(target).toEqual({
      code: 'CDS25-90',
      program: 'CDS25',
      lead: 'SKHCN',
      unit: '%',
      target_value: 100,
      current_value: 12.5,
      due: '2025-11-30',
      status: 'in_progress',
      // Measured by its indicator (12.5 of 100 %), not by the mean of its tasks (20).
      progress: 13,
    });
    // NQ57-03's tasks now: 100, 50, 100, 0.
    const [nq] = await rows<{ progress: number }>(
      t.db,
      sql`select progress from targets where code = 'NQ57-03'`,
    );
    expect(nq!.progress).toBe(63);
  });

  describe('10,000 rows', () => {
    let plan: Cell[][] = [];
    beforeAll(async () => {
      const targets = await rows<{ code: string; due: string; agency: string; person: string | null }>(
        t.db,
        sql`select t.code, t.due_date::text as due, a.code as agency,
                   (select min(p.code) from people p where p.agency_id = a.id) as person
              from targets t join agencies a on a.id = t.lead_agency_id order by t.code`,
      );
      plan = Array.from({ length: 10_000 }, (_, i) => {
        const tg = targets[i % targets.length]!;
        const progress = (i * 7) % 100;
        return [
          `${tg.code}.${100 + Math.floor(i / targets.length)}`,
          tg.code,
          `Nhiệm vụ thử số ${i}, "kiểm tra" tải`,
          `Load test task ${i}`,
          tg.agency,
          tg.person ?? '',
          tg.due,
          progress === 0 ? 'not_started' : 'in_progress',
          progress,
          '',
        ];
      });
    });

    it('one bad row among 10,000 rejects the file, names the row, changes nothing', async () => {
      const before = await fingerprint(t);
      const bad = plan.map((r, i) => (i === 6_543 ? r.map((c, j) => (j === 8 ? 150 : c)) : r));
      const report = await importPlan(t.db, csvFile('big.csv', TASK_HEADER, bad), {
        dryRun: false,
        now: NOW,
      });
      expect(summaryOf(report)).toEqual({
        kind: 'tasks',
        created: 9_999,
        updated: 0,
        unchanged: 0,
        rejected: 1,
        applied: false,
      });
      expect(report.rows.filter((r) => r.action === 'reject')).toEqual([
        {
          row: 6_545,
          sheet: 'big.csv',
          code: bad[6_543]![0],
          action: 'reject',
          changes: [],
          problem: 'progress "150" must be a whole number from 0 to 100',
        },
      ]);
      expect(await fingerprint(t)).toEqual(before);
    }, 120_000);

    it('a good 10,000-row file imports in one go', async () => {
      const before = await fingerprint(t);
      const report = await importPlan(t.db, csvFile('big.csv', TASK_HEADER, plan), {
        dryRun: false,
        now: NOW,
      });
      expect(summaryOf(report)).toMatchObject({ created: 10_000, rejected: 0, applied: true });
      const after = await fingerprint(t);
      expect(after.tasks).toBe((before.tasks as number) + 10_000);
      expect(after.audit).toBe((before.audit as number) + 10_000);
      // Every target has new tasks: each without an indicator was rolled up from all of its tasks.
      const [drift] = await rows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from targets t
             where t.unit is null
               and t.progress <> (select round(avg(progress))::int from tasks where target_id = t.id)`,
      );
      expect(drift!.n).toBe(0);
      // The same file again: nothing to do.
      const again = await importPlan(t.db, csvFile('big.csv', TASK_HEADER, plan), { dryRun: true, now: NOW });
      expect(again.unchanged).toBe(10_000);
    }, 120_000);
  });
});
