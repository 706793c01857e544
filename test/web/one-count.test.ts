// Issue 10.4: one definition of every count. For the same scope and day, the chat's summary, the
// dashboard's JSON, the exported workbook and the leaders' digest give the same numbers, and those
// are the status grid computed here straight from the demo's CSV files by the rule of the tracking
// model (done on or before the due day = on time; due today is not overdue).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/channels/web/dashboard-data.ts';
import type { LocalDate, ProgramCode } from '../../src/core/types.ts';
import { leaderDigest } from '../../src/reminders/index.ts';
import { exportReport } from '../../src/store/export-report.ts';
import { loadPlanInput } from '../../src/store/reminder-input.ts';
import { dbKinds } from '../helpers/db.ts';
import { demoGrid, type Grid } from '../helpers/demo-grid.ts';
import { NOW, TZ } from '../core/helpers.ts';
import { testWeb, type TestWeb } from './helpers.ts';

const TODAY = '2025-07-15' as LocalDate;
const PROGRAMS = ['NQ57', 'DA06', 'CDS25'] as const;

/** The oracle: the grid of each programme's targets and tasks, from the CSV files alone. */
const gridFromFiles = () => Object.fromEntries(PROGRAMS.map((p) => [p, demoGrid(TODAY, { program: p })]));

describe.each(dbKinds())('every view counts the same on %s', (kind) => {
  let web: TestWeb;
  const expected = gridFromFiles();
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('the demo has done-late items to tell apart (its ten late completions)', () => {
    const lateTasks = PROGRAMS.reduce((n, p) => n + expected[p]!.tasks.doneLate, 0);
    expect(lateTasks).toBe(10);
  });

  it.each(PROGRAMS)('%s: chat, dashboard, export and digest agree with the files', async (program) => {
    const want = expected[program]!;

    // The dashboard's JSON.
    const data = (await (await web.get(`/api/dashboard?program=${program}`)).json()) as DashboardData;
    const pick = (c: Grid) => ({
      total: c.total,
      done: c.done,
      doneOnTime: c.doneOnTime,
      doneLate: c.doneLate,
      openInTime: c.openInTime,
      overdue: c.overdue,
    });
    expect(pick(data.program!.targets)).toEqual(want.targets);
    expect(pick(data.program!.tasks)).toEqual(want.tasks);

    // The chat, as a leader asks it.
    const [answer] = await web.chat('P02', `tổng hợp tiến độ ${program}`);
    const text = answer!.html.replace(/<[^>]+>/g, '');
    const t = want.targets;
    expect(text).toContain(`${program}: ${t.done}/${t.total} chỉ tiêu hoàn thành`);
    expect(text).toContain(
      `Thời hạn: Hoàn thành đúng hạn ${t.doneOnTime} · Hoàn thành quá hạn ${t.doneLate} · ` +
        `Chưa hoàn thành, còn trong hạn ${t.openInTime} · Quá hạn chưa hoàn thành ${t.overdue}`,
    );
    const k = want.tasks;
    expect(text).toMatch(
      new RegExp(`Nhiệm vụ: ${k.done}/${k.total} hoàn thành \\([^)]*\\) · ${k.overdue} quá hạn`),
    );

    // The exported workbook's summary sheet.
    const wb = new ExcelJS.Workbook();
    const bytes = await exportReport(web.database.db, {
      program: program as ProgramCode,
      today: TODAY,
      tz: TZ,
    });
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Tổng hợp')!.getRow(2);
    const cells = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => Number(row.getCell(from + i).value));
    expect(row.getCell(1).value).toBe(program);
    expect([cells(3, 4), cells(8, 8), cells(10, 11)].flat()).toEqual([
      t.total,
      t.done,
      t.overdue,
      k.total,
      k.overdue,
    ]);
    expect(cells(12, 17)).toEqual([
      t.doneOnTime,
      t.doneLate,
      t.openInTime,
      k.doneOnTime,
      k.doneLate,
      k.openInTime,
    ]);

    // The leaders' digest, from the items the reminder planner loads.
    const input = await loadPlanInput(web.database.db, NOW, TZ);
    const digest = leaderDigest(input.items, TODAY).programs.find((p) => p.program === program)!;
    expect([digest.total, digest.done, digest.overdue]).toEqual([t.total, t.done, t.overdue]);
  });
});
