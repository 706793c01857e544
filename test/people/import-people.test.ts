// `dondoc import-people` on a list laid out as a province sends it, and on the bad files it must refuse.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, expectConsistent, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { csvList, HEADER, PROVINCE_ROWS, provinceWorkbook } from './workbooks.ts';

const NOW = new Date('2025-08-04T09:00:00+07:00');

interface JsonRow {
  row: number;
  sheet: string;
  action: string;
  codes: string[];
  message: string;
}

describe.each(dbKinds())('dondoc import-people on %s', (kind) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-people-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(async () => {
    await expectConsistent(t.db);
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (argv: string[]) => runCommand(argv, { now: NOW, db: t });
  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const json = (out: string[]) => out.map((l) => JSON.parse(l) as Record<string, unknown>);
  /** Everything an import may write: people, agency heads, the audit log. */
  const fingerprint = async () =>
    (
      await rows<Record<string, string | number>>(
        t.db,
        sql`select (select count(*)::int from people) as people, (select count(*)::int from audit_log) as audit,
          (select md5(string_agg(p::text, '|' order by p.id)) from people p) as people_sum,
          (select md5(string_agg(a.code || ':' || coalesce(a.head_person_id::text, '-'), '|' order by a.id)) from agencies a) as heads`,
      )
    )[0]!;
  const person = async (name: string) =>
    (
      await rows<{ code: string; role: string; agency: string; phone: string | null; title_vi: string }>(
        t.db,
        sql`select pe.code, pe.role::text as role, a.code as agency, pe.phone, pe.title_vi
            from people pe join agencies a on a.id = pe.agency_id where pe.full_name = ${name}`,
      )
    )[0];
  const headOf = async (agency: string) =>
    (
      await rows<{ code: string | null }>(
        t.db,
        sql`select pe.code from agencies a left join people pe on pe.id = a.head_person_id where a.code = ${agency}`,
      )
    )[0]!.code;

  it('refuses bad files row by row, in Vietnamese with the cell, and writes nothing', async () => {
    const before = await fingerprint();
    const bad = await provinceWorkbook([
      [1, 'Ngô Đức Minh', 'Giám đốc Sở Khoa học và Công nghệ', 'Sở KH&CN', '0912345678', ''],
      [2, '', 'Chuyên viên', 'Sở Tư pháp', '0912000111', ''],
      [3, 'Trần Văn Bé', 'Chuyên viên', 'Sở Khoa hoc Cong ngh', '0912000222', ''],
      [4, 'Lê Văn Cường', 'Chuyên viên', 'Sở Nội vụ', '0912 345 678', ''],
      [5, 'Phạm Thị Dung', 'Chuyên viên', 'Sở Nội vụ', '12345', 'Sếp'],
    ]);
    const r = await run(['import-people', file('bad.xlsx', bad)]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(['nothing imported: 4 row(s) with errors']);
    const lines = r.out.join('\n');
    expect(lines).toContain('Danh sách đầu mối, dòng 9\tlỗi\t-\tô B9: thiếu họ và tên');
    expect(lines).toMatch(
      /dòng 10\tlỗi\t-\tô D10: không có đơn vị “Sở Khoa hoc Cong ngh” \(gần nhất: Sở Khoa học và Công nghệ \(SKHCN\)/,
    );
    expect(lines).toContain('ô E11: số điện thoại 0912345678 trùng với dòng 8');
    expect(lines).toContain('ô E12: “12345” không phải số điện thoại');
    expect(lines).toContain('ô F12: vai trò “Sếp” không rõ');
    expect(r.out.at(-1)).toBe(
      'Không nhập gì: 4 dòng có lỗi, hãy sửa tệp rồi nhập lại: 0 tạo mới, 1 cập nhật, 0 giữ nguyên, 1 bỏ qua, 4 lỗi',
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses what is not a spreadsheet or has no list, exit 1, nothing written', async () => {
    const before = await fingerprint();
    const pdf = await run([
      'import-people',
      file('scan.csv', Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0xfe, 0x00])),
    ]);
    expect(pdf.code).toBe(1);
    expect(pdf.err).toEqual(['error: nothing imported: scan.csv is not a people list that can be read']);
    const zip = await run(['import-people', file('broken.xlsx', Buffer.from('PK\u0003\u0004 not really'))]);
    expect(zip.code).toBe(1);
    expect(zip.out[0]).toMatch(/^broken\.xlsx: không đọc được như một bảng tính XLSX hoặc CSV \(.+\)$/);
    expect(pdf.out[0]).toBe('scan.csv: không đọc được như một bảng tính XLSX hoặc CSV (not UTF-8)');
    const plan = await run([
      'import-people',
      file('plan.csv', csvList([['NQ57-01', 'x']], ['code', 'title_vi'])),
    ]);
    expect(plan.code).toBe(1);
    expect(plan.out).toEqual([
      'plan.csv: không tìm thấy dòng tiêu đề danh sách (cần các cột “Họ và tên” và “Đơn vị” trong 20 dòng đầu)',
    ]);
    expect(await fingerprint()).toEqual(before);
  });

  it('imports the province list: people matched or created, roles from positions, heads set', async () => {
    const path = file('dau-moi.xlsx', await provinceWorkbook());
    const dry = await run(['import-people', path, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const before = await fingerprint();
    const r = await run(['import-people', path, '--json']);
    expect(r.code).toBe(0);
    const out = json(r.out) as unknown as JsonRow[];
    expect(out.slice(0, -1)).toEqual(json(dry.out).slice(0, -1));
    expect(out.at(-1)).toEqual({ created: 5, updated: 2, unchanged: 0, skipped: 3, errors: 0 });
    expect(out.slice(0, -1).map((x) => [x.row, x.action])).toEqual([
      [7, 'skip'],
      [8, 'skip'],
      [9, 'update'],
      [10, 'create'],
      [11, 'create'],
      [12, 'create'],
      [13, 'create'],
      [14, 'skip'],
      [15, 'update'],
      [16, 'create'],
    ]);
    expect(out[2]).toEqual({
      row: 9,
      sheet: 'Danh sách đầu mối',
      action: 'update',
      codes: ['P07'],
      message: 'số điện thoại: (trống) → 0912345678',
    });
    expect(out[3]!.message).toBe('tạo Lê Thị Thu Hằng — STP, cán bộ; thủ trưởng đơn vị STP');
    expect(await person('Ngô Đức Minh')).toMatchObject({ code: 'P07', phone: '0912345678', role: 'staff' });
    expect(await person('Lê Thị Thu Hằng')).toMatchObject({
      code: 'P37',
      agency: 'STP',
      phone: '0983456712',
    });
    expect(await person('Trịnh Văn Nam')).toMatchObject({
      role: 'leader',
      agency: 'UBND',
      phone: '0904111222',
    });
    expect(await person('Đoàn Thị Quỳnh')).toMatchObject({
      role: 'staff',
      agency: 'SKHCN',
      phone: '0917778899',
    });
    expect(await person('Vũ Minh Hoàng')).toMatchObject({ role: 'admin', agency: 'VPUB' });
    expect(await person('Nguyễn Văn Tâm')).toMatchObject({ code: 'P32', phone: '0977123456' });
    expect(await person('Hà Thị Lụa')).toMatchObject({ agency: 'X-BACPHONG', role: 'staff' });
    // The new Giám đốc outranks the Phó Giám đốc who headed the department; elsewhere heads stay.
    expect(await headOf('STP')).toBe('P37');
    expect(await headOf('SKHCN')).toBe('P07');
    expect(await headOf('X-TANPHU')).toBe('P32');
    const [audit] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    expect(audit!.n).toBe(Number(before.audit) + 7 + 1);
  });

  it('a re-import of the same list changes nothing, and says so', async () => {
    const path = file('dau-moi-2.xlsx', await provinceWorkbook());
    const before = await fingerprint();
    const r = await run(['import-people', path]);
    expect(r.code).toBe(0);
    expect(r.out.at(-1)).toBe('Đã nhập: 0 tạo mới, 0 cập nhật, 7 giữ nguyên, 3 bỏ qua, 0 lỗi');
    expect(r.out.filter((l) => l.includes('\tgiữ nguyên\t'))).toHaveLength(7);
    expect(await fingerprint()).toEqual(before);
  });

  it('a CSV with one changed position updates that person only; --lang en reports in English', async () => {
    const rowsCsv = PROVINCE_ROWS.filter((r) => typeof r[0] === 'number').map((r) => [...r]);
    rowsCsv[3]![2] = 'Phó Trưởng phòng Chuyển đổi số';
    const r = await run([
      'import-people',
      file('list.csv', csvList(rowsCsv, HEADER)),
      '--lang',
      'en',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = json(r.out) as unknown as JsonRow[];
    expect(out.at(-1)).toEqual({ created: 0, updated: 1, unchanged: 6, skipped: 0, errors: 0 });
    expect(out.find((x) => x.action === 'update')).toMatchObject({
      row: 5,
      sheet: 'list.csv',
      message: 'position: Chuyên viên Phòng Chuyển đổi số → Phó Trưởng phòng Chuyển đổi số',
    });
    expect((await person('Đoàn Thị Quỳnh'))!.title_vi).toBe('Phó Trưởng phòng Chuyển đổi số');
  });

  it('reads two merged header rows, a header with a line break, and a section naming the agency', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['DANH SÁCH ĐẦU MỐI CHUYỂN ĐỔI SỐ CẤP XÃ']);
    ws.mergeCells('A1:G1');
    ws.addRow(['TT', 'Họ và tên', 'Chức danh', 'Cơ quan, đơn vị', 'Liên hệ', null, 'Ghi chú']);
    ws.addRow([
      'TT',
      'Họ và tên',
      'Chức danh',
      'Cơ quan, đơn vị',
      'Số điện thoại\n(di động)',
      'Email',
      'Ghi chú',
    ]);
    for (const c of ['A', 'B', 'C', 'D', 'G']) ws.mergeCells(`${c}2:${c}3`);
    ws.mergeCells('E2:F2');
    ws.addRow(['A', 'Xã Mỹ Lộc']);
    ws.mergeCells('B4:G4');
    ws.addRow([1, 'Phan Văn Đức', 'Phó Chủ tịch UBND xã', null, 369111222, 'duc@example.vn', null]);
    ws.addRow([2, 'Lưu Thị Thảo', 'Chủ tịch UBND xã Mỹ Lộc', null, '0369 333 444', null, 'đã có']);
    const r = await run([
      'import-people',
      file('xa.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = json(r.out) as unknown as JsonRow[];
    // After the province list's P37–P41, the next new person is P42.
    expect(out.slice(0, -1).map((x) => [x.row, x.action, x.codes])).toEqual([
      [4, 'skip', []],
      [5, 'create', ['P42']],
      [6, 'update', ['P36']],
    ]);
    expect(out.at(-1)).toEqual({ created: 1, updated: 1, unchanged: 0, skipped: 1, errors: 0 });
    expect(out[0]!.message).toBe('tiêu đề nhóm “Xã Mỹ Lộc” (các dòng dưới thuộc Xã Mỹ Lộc)');
    expect(await person('Phan Văn Đức')).toMatchObject({
      agency: 'X-MYLOC',
      phone: '0369111222',
      role: 'staff',
    });
    expect(await person('Lưu Thị Thảo')).toMatchObject({ code: 'P36', phone: '0369333444' });
    expect(await headOf('X-MYLOC')).toBe('P36');
  });

  it('bad usage exits 2', async () => {
    expect((await run(['import-people'])).code).toBe(2);
    expect((await run(['import-people', 'x.csv', '--lang', 'fr'])).code).toBe(2);
  });
});
