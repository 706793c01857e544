// `dondoc import` of plan annexes as provinces write them, on PGlite and Postgres: every row it makes
// read back with `dondoc show --json`; a re-import changes nothing; one moved deadline changes only it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { ANNEX_ONE_ROWS, annexCsv, annexOne, annexTwo, type Cell } from './annex-workbooks.ts';

const NOW = new Date('2026-07-15T09:00:00+07:00');
const COMMUNES_AND_WARDS = ['P-LONGTHANH', 'P-NGOCLAM', 'X-BACPHONG', 'X-DONGSON', 'X-MYLOC', 'X-TANPHU'];
const DEPARTMENTS = [
  'BQLKKT',
  'CA',
  'SCT',
  'SGDDT',
  'SKHCN',
  'SNNMT',
  'SNV',
  'STC',
  'STP',
  'SVHTTDL',
  'SYT',
  'VPUB',
];

type Shown = Record<string, unknown>;
/** What show --json must say of an item: [lead, co-agencies, due_text, due_date, deadline state, deliverable]. */
type Expect = [string, string[], string | null, string | null, string, string | null];
const item = ([lead, co, dueText, due, state, deliverable]: Expect): Shown => ({
  lead_agency: lead,
  co_agencies: co,
  due_text: dueText,
  due_date: due,
  deadline_state: state,
  deliverable,
});

const ANNEX_ONE: Record<string, Expect> = {
  'KH45-01': [
    'SKHCN',
    ['SNV', 'STC'],
    'Quý III/2026',
    '2026-09-30',
    'open_in_time',
    'Kế hoạch của UBND tỉnh',
  ],
  'KH45-01.1': ['SKHCN', ['SNV', 'STC'], null, '2026-06-30', 'open_overdue', 'Dự thảo Kế hoạch'],
  'KH45-01.2': ['SKHCN', ['VPUB'], null, '2026-09-15', 'open_in_time', 'Quyết định của UBND tỉnh'],
  'KH45-02': ['STP', [], 'Thường xuyên', null, 'ongoing', 'Báo cáo'],
  'KH45-02.1': ['STP', [], 'Thường xuyên', null, 'ongoing', 'Báo cáo'],
  'KH45-03': ['UBND', ['STP'], 'Năm 2026', '2026-12-31', 'open_in_time', 'Dữ liệu hộ tịch điện tử'],
  ...Object.fromEntries(
    COMMUNES_AND_WARDS.map((a, i) => [
      `KH45-03.${i + 1}`,
      [a, ['STP'], 'Năm 2026', '2026-12-31', 'open_in_time', 'Dữ liệu hộ tịch điện tử'] as Expect,
    ]),
  ),
  'KH45-04': ['CA', ['SKHCN', 'SVHTTDL'], 'Tháng 11/2026', '2026-11-30', 'open_in_time', null],
  'KH45-04.1': [
    'CA',
    ['SKHCN', 'SVHTTDL'],
    'Trước 31/10/2026',
    '2026-10-31',
    'open_in_time',
    'Báo cáo khảo sát',
  ],
  'KH45-04.2': ['CA', ['SYT'], 'trước ngày 15/10/2026', '2026-10-15', 'open_in_time', null],
  'KH45-05': ['SNV', [], 'Giai đoạn 2026-2030', '2030-12-31', 'open_in_time', null],
  'KH45-05.1': ['SNV', [], 'Hằng năm', null, 'ongoing', null],
  'KH45-05.2': ['SGDDT', [], 'Q3/2026', '2026-09-30', 'open_in_time', 'Bộ tài liệu'],
  'KH45-05.3': ['SGDDT', ['STC'], 'Quý 4/2026', '2026-12-31', 'open_in_time', null],
};

const ANNEX_TWO: Record<string, Expect> = {
  'CDS26-01': [
    'SKHCN',
    COMMUNES_AND_WARDS.filter((a) => a.startsWith('X-')),
    'tháng 11 năm 2026',
    '2026-11-30',
    'open_in_time',
    'Báo cáo kết quả',
  ],
  'CDS26-01.1': [
    'SKHCN',
    COMMUNES_AND_WARDS.filter((a) => a.startsWith('X-')),
    'tháng 11 năm 2026',
    '2026-11-30',
    'open_in_time',
    'Báo cáo kết quả',
  ],
  // No deadline of its own: the latest of its tasks'.
  'CDS26-02': ['VPUB', [], null, '2026-11-30', 'open_in_time', null],
  ...Object.fromEntries(
    COMMUNES_AND_WARDS.map((a, i) => [
      `CDS26-02.${i + 1}`,
      [a, [], 'T11/2026', '2026-11-30', 'open_in_time', null] as Expect,
    ]),
  ),
  'CDS26-02.7': ['VPUB', [], '11/2026', '2026-11-30', 'open_in_time', null],
  'CDS26-03': ['SKHCN', ['STC', 'SNV'], 'quý III năm 2026', '2026-09-30', 'open_in_time', null],
  'CDS26-03.1': ['SKHCN', ['STC', 'SNV'], 'quý III năm 2026', '2026-09-30', 'open_in_time', null],
  'CDS26-04': ['SNNMT', [], '6 tháng đầu năm 2026', '2026-06-30', 'open_overdue', null],
  'CDS26-04.1': ['SNNMT', [], '6 tháng đầu năm 2026', '2026-06-30', 'open_overdue', null],
  'CDS26-05': ['TTHCC', DEPARTMENTS, '6 tháng cuối năm 2026', '2026-12-31', 'open_in_time', null],
  'CDS26-05.1': ['TTHCC', DEPARTMENTS, null, '2026-09-30', 'open_in_time', null],
  'CDS26-05.2': ['TTHCC', DEPARTMENTS, null, '2026-09-30', 'open_in_time', null],
  'CDS26-05.3': ['TTHCC', DEPARTMENTS, 'Liên tục', null, 'ongoing', null],
  'CDS26-06': ['SKHCN', [], 'Hằng quý', null, 'ongoing', null],
  'CDS26-06.1': ['SKHCN', [], 'Hằng quý', null, 'ongoing', null],
  'CDS26-07': ['SKHCN', [], '2026', '2026-12-31', 'open_in_time', null],
  'CDS26-07.1': ['SKHCN', [], 'chậm nhất 15/12/2026', '2026-12-15', 'open_in_time', null],
  'CDS26-07.2': ['SKHCN', [], 'Trong năm 2026', '2026-12-31', 'open_in_time', null],
  'CDS26-07.3': ['SKHCN', [], null, '2026-09-30', 'open_in_time', null],
  // 4 → 4.1 → 4.1.1 / 4.1.2, then 4.2: the leaves are the tasks, in order; 4.1's cells fill theirs.
  'CDS26-08': ['SKHCN', [], 'Năm 2026', '2026-12-31', 'open_in_time', null],
  'CDS26-08.1': ['SKHCN', ['CA'], 'Quý III/2026', '2026-09-30', 'open_in_time', 'Chứng thư số'],
  'CDS26-08.2': ['SNV', ['CA'], null, '2026-09-15', 'open_in_time', null],
  'CDS26-08.3': ['SKHCN', [], 'Tháng 12/2026', '2026-12-31', 'open_in_time', null],
};

const ANNEX_CSV: Record<string, Expect> = {
  'CCHC26-01': ['TTHCC', ['SNV'], '2026 - 2030', '2030-12-31', 'open_in_time', 'Kho kết quả số hóa'],
  'CCHC26-01.1': ['TTHCC', ['SNV'], 'Năm 2026', '2026-12-31', 'open_in_time', null],
  'CCHC26-01.2': ['LUUTRU', ['SNV'], 'Hàng năm', null, 'ongoing', null],
  'CCHC26-02': ['SNV', [], 'Quý I/2026', '2026-03-31', 'open_overdue', 'Báo cáo'],
  'CCHC26-02.1': ['SNV', [], 'Quý I/2026', '2026-03-31', 'open_overdue', 'Báo cáo'],
};

describe.each(dbKinds())('plan annex import on %s', (kind) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    dir = mkdtempSync(join(tmpdir(), 'dondoc-annex-'));
    // The plans' programmes, as an operator adds them before importing.
    await t.db.execute(sql`insert into programs (code, name_vi, name_en, aliases) values
      ('KH45', 'Kế hoạch số 45/KH-UBND thực hiện Nghị quyết 57-NQ/TW năm 2026', 'Plan 45/KH-UBND', array['Kế hoạch số 45/KH-UBND']),
      ('CDS26', 'Kế hoạch chuyển đổi số tỉnh Hòa An năm 2026', 'Digital transformation plan 2026', array['Kế hoạch chuyển đổi số năm 2026']),
      ('CCHC26', 'Chương trình cải cách hành chính tỉnh giai đoạn 2026-2030', 'Public administration reform plan 2026', array[]::text[])`);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const run = (...argv: string[]) => runCommand(argv, { db: t, now: NOW });
  const show = async (code: string): Promise<Shown> => {
    const r = await run('show', code, '--json');
    expect(r.code, code).toBe(0);
    return JSON.parse(r.out[0]!) as Shown;
  };
  const codesOf = async (program: string) =>
    (
      await rows<{ code: string }>(
        t.db,
        sql`select g.code from targets g join programs p on p.id = g.program_id where p.code = ${program}
            union all select k.code from tasks k join targets g on g.id = k.target_id
              join programs p on p.id = g.program_id where p.code = ${program} order by 1`,
      )
    ).map((r) => r.code);
  const expectAll = async (expected: Record<string, Expect>) => {
    for (const [code, e] of Object.entries(expected)) expect(await show(code), code).toMatchObject(item(e));
  };
  const fingerprint = async () =>
    (
      await rows<Record<string, unknown>>(
        t.db,
        sql`select (select count(*)::int from targets) as targets, (select count(*)::int from tasks) as tasks,
                   (select count(*)::int from audit_log) as audit,
                   (select md5(string_agg(x::text, '|' order by x.id)) from tasks x) as tasks_sum,
                   (select md5(string_agg(x::text, '|' order by x.id)) from targets x) as targets_sum,
                   (select count(*)::int from task_co_agencies) as co`,
      )
    )[0];

  it('annex I (two merged header rows, a hidden column, sections, 1/1.1/a), a group lead) imports in full', async () => {
    const path = file('phu-luc-1.xlsx', await annexOne());
    const r = await run('import', path);
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(r.out.at(-1)).toBe('Đã nhập: 12 đã tạo, 0 đã cập nhật, 0 giữ nguyên, 4 bỏ qua, 0 lỗi');
    expect(r.out).toContain('Phụ lục I, dòng 9\tbỏ qua\t-\tdòng đánh số cột');
    expect(r.out.some((l) => l.startsWith('Phụ lục I, dòng 16\ttạo mới\tKH45-03,KH45-03.1'))).toBe(true);
    expect(await codesOf('KH45')).toEqual(Object.keys(ANNEX_ONE).sort());
    await expectAll(ANNEX_ONE);
    expect(await show('KH45-03')).toMatchObject({
      kind: 'target',
      program: 'KH45',
      title_vi: 'Số hóa sổ hộ tịch',
      field: 'CHUYỂN ĐỔI SỐ',
      indicator: { unit: 'xã', target_value: 68, current_value: 41 },
      progress: 60,
      tasks: COMMUNES_AND_WARDS.map((_, i) => `KH45-03.${i + 1}`),
    });
    expect(await show('KH45-01')).toMatchObject({
      field: 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH',
      tasks: ['KH45-01.1', 'KH45-01.2'],
    });
    expect(await show('KH45-02')).toMatchObject({ note: 'Báo cáo hằng quý' });
    // The task row's "12/30 hệ thống" is no target's indicator: kept with its note, said so.
    expect(await show('KH45-04.2')).toMatchObject({
      kind: 'task',
      target: 'KH45-04',
      note: '12/30 hệ thống',
      indicator: null,
    });
    expect(r.out.find((l) => l.startsWith('Phụ lục I, dòng 19'))).toMatch(/ô H19: chỉ tiêu/);
    // The hidden helper column C ("Mã": x1, x2…) gave no codes.
    expect(await show('KH45-01.1')).toMatchObject({ title_vi: 'Dự thảo Kế hoạch, lấy ý kiến các sở, ngành' });

    const again = await run('import', path, '--json');
    expect(again.code).toBe(0);
    const lines = again.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines.slice(0, -1)) {
      expect(Object.keys(l)).toEqual(['row', 'sheet', 'action', 'codes', 'message']);
      expect(['unchanged', 'skip']).toContain(l.action);
    }
    expect(lines.at(-1)).toEqual({ created: 0, updated: 0, unchanged: 12, skipped: 4, errors: 0 });
  });

  it('a re-import with one deadline moved changes that task only', async () => {
    const before = new Map<string, Shown>();
    for (const code of Object.keys(ANNEX_ONE)) before.set(code, await show(code));
    const moved = ANNEX_ONE_ROWS.map((r) =>
      r[0] === '1.1' ? r.map((c, i) => (i === 5 ? '15/7/2026' : c)) : r,
    );
    const r = await run('import', file('phu-luc-1-moved.xlsx', await annexOne(moved)), '--json');
    expect(r.code).toBe(0);
    const changed = r.out
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.action === 'update');
    expect(changed).toEqual([
      {
        row: 12,
        sheet: 'Phụ lục I',
        action: 'update',
        codes: ['KH45-01.1'],
        message: 'KH45-01.1: thời hạn 2026-06-30 → 2026-07-15',
      },
    ]);
    for (const code of Object.keys(ANNEX_ONE)) {
      const now = await show(code);
      if (code === 'KH45-01.1')
        expect(now).toMatchObject({ due_date: '2026-07-15', deadline_state: 'open_in_time' });
      else expect(now, code).toEqual(before.get(code));
    }
  });

  it('annexes II and III on two sheets of one programme, numbering restarting in each section', async () => {
    const path = file('phu-luc-2-3.xlsx', await annexTwo());
    const r = await run('import', path);
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(r.out.at(-1)).toBe('Đã nhập: 19 đã tạo, 0 đã cập nhật, 0 giữ nguyên, 3 bỏ qua, 0 lỗi');
    expect(await codesOf('CDS26')).toEqual(Object.keys(ANNEX_TWO).sort());
    await expectAll(ANNEX_TWO);
    expect(await show('CDS26-03')).toMatchObject({
      field: 'DỮ LIỆU SỐ',
      indicator: { unit: 'hồ sơ', target_value: 120000, current_value: 0 },
    });
    expect(await show('CDS26-05')).toMatchObject({
      field: null,
      tasks: ['CDS26-05.1', 'CDS26-05.2', 'CDS26-05.3'],
    });
    // 1.1.1 numbering: the grouping row 4.1 is reported, its two leaves are tasks beside 4.2.
    expect(r.out).toContain(
      'Phụ lục III, dòng 16\tbỏ qua\t-\tmục 4.1 gồm các nhiệm vụ dưới (chúng kế thừa cơ quan và thời hạn của mục)',
    );
    expect(r.out).toContain('Phụ lục III, dòng 17\ttạo mới\tCDS26-08.1\ttạo nhiệm vụ CDS26-08.1 (SKHCN)');
    expect(await show('CDS26-08')).toMatchObject({ tasks: ['CDS26-08.1', 'CDS26-08.2', 'CDS26-08.3'] });
    expect(await show('CDS26-08.2')).toMatchObject({ title_vi: 'Cấp cho công chức cấp xã' });
    const again = await run('import', path);
    expect(again.out.at(-1)).toBe('Đã nhập: 0 đã tạo, 0 đã cập nhật, 19 giữ nguyên, 3 bỏ qua, 0 lỗi');
  });

  it('a CSV annex with no programme in it needs --program, and then imports', async () => {
    const path = file('cchc.csv', annexCsv());
    const none = await run('import', path);
    expect(none.code).toBe(1);
    expect(none.out.join('\n')).toMatch(/sheet “cchc.csv”: không biết thuộc chương trình nào/);
    const r = await run('import', path, '--program', 'cchc26');
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(r.out.at(-1)).toBe('Đã nhập: 4 đã tạo, 0 đã cập nhật, 0 giữ nguyên, 1 bỏ qua, 0 lỗi');
    expect(await codesOf('CCHC26')).toEqual(Object.keys(ANNEX_CSV).sort());
    await expectAll(ANNEX_CSV);
    const en = await run('import', path, '--program', 'CCHC26', '--lang', 'en', '--dry-run');
    expect(en.out.at(-1)).toBe(
      'Dry run, nothing written: 0 to create, 0 to update, 4 unchanged, 1 skipped, 0 errors',
    );
  });

  it('the example plan annex shipped in examples/ imports into the demo province', async () => {
    const example = readFileSync(join(import.meta.dirname, '../../examples/ke-hoach-phu-luc.xlsx'));
    const r = await run('import', file('ke-hoach-phu-luc.xlsx', example));
    expect(r.code, r.out.join('\n')).toBe(0);
    expect(r.out.at(-1)).toBe('Đã nhập: 5 đã tạo, 0 đã cập nhật, 0 giữ nguyên, 2 bỏ qua, 0 lỗi');
    const demoNow = new Date('2025-07-15T09:00:00+07:00');
    const shown = async (code: string) =>
      JSON.parse((await runCommand(['show', code, '--json'], { db: t, now: demoNow })).out[0]!) as Shown;
    expect(await shown('CDS25-16')).toMatchObject({
      ...item(['UBND', ['STP'], 'Năm 2025', '2025-12-31', 'open_in_time', 'Dữ liệu hộ tịch điện tử']),
      field: 'CHUYỂN ĐỔI SỐ CẤP XÃ',
      indicator: { unit: 'xã, phường', target_value: 6, current_value: 2 },
      tasks: COMMUNES_AND_WARDS.map((_, i) => `CDS25-16.${i + 1}`),
    });
    expect(await shown('CDS25-16.4')).toMatchObject(
      item(['X-DONGSON', ['STP'], 'Năm 2025', '2025-12-31', 'open_in_time', 'Dữ liệu hộ tịch điện tử']),
    );
    expect(await shown('CDS25-17')).toMatchObject(
      item(['SNV', ['SKHCN'], 'Quý IV/2025', '2025-12-31', 'open_in_time', null]),
    );
    expect(await shown('CDS25-17.1')).toMatchObject(
      item(['SNV', ['SKHCN'], null, '2025-09-30', 'open_in_time', 'Bộ tài liệu']),
    );
    expect(await shown('CDS25-17.2')).toMatchObject({
      ...item(['SNV', COMMUNES_AND_WARDS, 'Tháng 12/2025', '2025-12-31', 'open_in_time', null]),
      note: 'Mỗi xã ít nhất 1 lớp',
    });
    expect(await shown('CDS25-18')).toMatchObject(
      item(['SKHCN', [], 'Hằng quý', null, 'ongoing', 'Báo cáo']),
    );
    expect(await shown('CDS25-18.1')).toMatchObject(
      item(['SKHCN', [], 'Hằng quý', null, 'ongoing', 'Báo cáo']),
    );
  });

  describe('bad files: a clear report, nothing changed', () => {
    const refused = async (name: string, bytes: Buffer, ...extra: string[]) => {
      const before = await fingerprint();
      const r = await run('import', file(name, bytes), ...extra);
      expect(r.code).toBe(1);
      expect(await fingerprint()).toEqual(before);
      return r;
    };
    const withRow = (number: Cell, change: (r: Cell[]) => Cell[]) =>
      ANNEX_ONE_ROWS.map((r) => (r[0] === number ? change(r) : r));

    it('an unknown agency: each row says so, and the agency is listed once with its rows and closest names', async () => {
      const rowsIn = withRow(3, (r) => r.map((c, i) => (i === 3 ? 'Sở Xây dựng' : c))).map((r) =>
        r[0] === '4.1' ? r.map((c, i) => (i === 3 ? 'Sở Xây dựng' : c)) : r,
      );
      // KH45-01.1 is still on the day the test before moved it to: that row alone would change.
      const r = await refused('unknown.xlsx', await annexOne(rowsIn));
      const text = r.out.join('\n');
      expect(text).toMatch(
        /Phụ lục I, dòng 16\tlỗi\t[^\t]*\tô D16: không có cơ quan “Sở Xây dựng” \(gần nhất: /,
      );
      expect(text).toMatch(/Phụ lục I, dòng 18\tlỗi\t[^\t]*\tô D18: không có cơ quan “Sở Xây dựng”/);
      const listed = r.out.filter((l) => l.includes('“Sở Xây dựng” — '));
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatch(/Phụ lục I, dòng 16, Phụ lục I, dòng 18; gần nhất: .*\(S[A-Z]+\)/);
      expect(r.out.at(-1)).toBe(
        'Không nhập gì: 2 dòng có lỗi, hãy sửa tệp rồi nhập lại: 0 sẽ tạo, 1 sẽ cập nhật, 9 giữ nguyên, 4 bỏ qua, 2 lỗi',
      );
    });

    it('an unreadable deadline is quoted with its cell', async () => {
      const r = await refused(
        'deadline.xlsx',
        await annexOne(withRow('1.2', (x) => x.map((c, i) => (i === 5 ? 'Cuối năm' : c)))),
      );
      expect(r.out.join('\n')).toMatch(/dòng 13\tlỗi\t-\tô F13: thời hạn “Cuối năm” không đọc được/);
    });

    it('a task under no target', async () => {
      const rowsIn: Cell[][] = [
        ['6.1', 'Việc lạc', null, 'Sở Y tế', null, 'Năm 2026', null, null, null],
        ...ANNEX_ONE_ROWS,
      ];
      const r = await refused('orphan.xlsx', await annexOne(rowsIn));
      expect(r.out.join('\n')).toMatch(
        /dòng 10\tlỗi\t-\tô A10: nhiệm vụ 6\.1 không thuộc chỉ tiêu nào \(không có mục 6 phía trên\)/,
      );
    });

    it('a number used twice', async () => {
      const rowsIn = [...ANNEX_ONE_ROWS];
      rowsIn.splice(4, 0, ['1.2', 'Trùng số', null, 'Sở KH&CN', null, 'Năm 2026', null, null, null]);
      const r = await refused('twice.xlsx', await annexOne(rowsIn));
      expect(r.out.join('\n')).toMatch(/dòng 14\tlỗi\t-\tô A14: số thứ tự 1\.2 trùng với dòng 13/);
    });

    it('a 10,000-row sheet with one bad row is read through and refused', async () => {
      const big: Cell[][] = [];
      for (let n = 1; n <= 1000; n++) {
        big.push([n, `Chỉ tiêu ${n}`, null, 'Sở KH&CN', null, 'Năm 2026', null, null, null]);
        for (let k = 1; k <= 9; k++)
          big.push([
            `${n}.${k}`,
            `Nhiệm vụ ${n}.${k}`,
            null,
            null,
            null,
            k === 9 && n === 1000 ? 'sắp tới' : 'Quý II/2026',
            null,
            null,
            null,
          ]);
      }
      const r = await refused('big.xlsx', await annexOne(big));
      expect(r.out.at(-1)).toMatch(/^Không nhập gì: 1 dòng có lỗi.* 1 lỗi$/);
      expect(r.out.filter((l) => l.includes('\tlỗi\t'))).toEqual([
        expect.stringMatching(/ô F10\d+: thời hạn “sắp tới” không đọc được/),
      ]);
    });

    it('a file that is not a spreadsheet, and a password-protected one', async () => {
      const junk = await refused('ke-hoach.xlsx', Buffer.from('%PDF-1.7 not a workbook'));
      expect(junk.out.join('\n')).toMatch(/ke-hoach\.xlsx: không đọc được như một bảng tính XLSX hoặc CSV/);
      expect(junk.err.join('\n')).toMatch(/nothing imported/);
      // What Excel writes for "Encrypt with password": an OLE container whose streams are EncryptionInfo and EncryptedPackage.
      const ole = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from('EncryptionInfo', 'utf16le'),
        Buffer.alloc(64),
        Buffer.from('EncryptedPackage', 'utf16le'),
      ]);
      const locked = await refused('khoa.xlsx', ole);
      expect(locked.out.join('\n')).toMatch(/khoa\.xlsx: tệp được đặt mật khẩu; hãy bỏ mật khẩu/);
    });
  });
});
