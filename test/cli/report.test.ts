// Issue 14: `dondoc report --out FILE.docx` renders the demo on fixed days; the DOCX is opened again
// (word/document.xml out of the zip) and read as a person would. The counts below were computed by
// hand from the demo's CSV files (the status grid at the period's end B, tracking model).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');
const DEMO = join(import.meta.dirname, '../../demo');
const agencyName = new Map(
  (
    parse(readFileSync(join(DEMO, 'agencies.csv')), { columns: true, bom: true }) as Record<string, string>[]
  ).map((r) => [r['code']!, r['name_vi']!]),
);

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The document's paragraphs as plain text, in order (table cells are paragraphs too). */
async function paragraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .filter((p) => p !== '');
}

/** The cells of the grid row that starts with `label`: total, then the four cells with shares. */
function gridRow(ps: string[], label: string): string[] {
  const at = ps.indexOf(label);
  expect(at).toBeGreaterThan(-1);
  return ps.slice(at + 1, at + 6);
}

describe.each(dbKinds())('dondoc report on %s', (kind) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-report-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const render = async (name: string, ...argv: string[]): Promise<string[]> => {
    const file = join(dir, name);
    const r = await runCommand(['report', '--out', file, '--now', '2025-07-15', ...argv], {
      now: NOW,
      db: t,
    });
    expect(r.err.join('\n')).toMatch(/^wrote /);
    expect(r.code).toBe(0);
    return paragraphs(file);
  };

  it('the month: header, motto, date line, title, the grid, late items with reasons, the ranking', async () => {
    const ps = await render('nq57-2025-07.docx', '--program', 'NQ57', '--period', '2025-07');
    expect(ps.slice(0, 8)).toEqual([
      'UBND TỈNH HÒA AN',
      'BAN CHỈ ĐẠO',
      '———',
      'Số:        /BC-BCĐ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '———————————',
      'Hòa An, ngày 15 tháng 7 năm 2025',
    ]);
    expect(ps).toContain('BÁO CÁO');
    expect(ps).toContain(
      'Tình hình thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, ' +
        'đổi mới sáng tạo và chuyển đổi số quốc gia tháng 7 năm 2025',
    );
    expect(ps).toContain('(số liệu tính đến ngày 15/07/2025)');
    // The grid at 15/7 from targets.csv and tasks.csv: 43 targets, 117 tasks.
    expect(gridRow(ps, 'Chỉ tiêu')).toEqual(['43', '16 (37,2%)', '1 (2,3%)', '17 (39,5%)', '9 (20,9%)']);
    expect(gridRow(ps, 'Nhiệm vụ')).toEqual(['117', '56 (47,9%)', '6 (5,1%)', '35 (29,9%)', '20 (17,1%)']);
    // Compared with the end of the previous period (30/6), and the indicators as they stand.
    expect(gridRow(ps, 'Chỉ tiêu (đến 30/06/2025)')).toEqual([
      '43',
      '16 (37,2%)',
      '1 (2,3%)',
      '26 (60,5%)',
      '0 (0,0%)',
    ]);
    expect(gridRow(ps, 'Nhiệm vụ (đến 30/06/2025)')).toEqual([
      '117',
      '54 (46,2%)',
      '6 (5,1%)',
      '54 (46,2%)',
      '3 (2,6%)',
    ]);
    expect(ps.find((p) => p.startsWith('- NQ57-12 '))).toMatch(/: 41\/68 xã \(60,3%\)$/);
    expect(ps.find((p) => p.startsWith('- NQ57-07 '))).toMatch(/: 36\.500\/120\.000 hồ sơ \(30,4%\)$/);
    expect(ps.find((p) => p.startsWith('- NQ57-27 '))).toMatch(/: 1\.350\/1\.200 người \(100,0%\)$/);
    // II: by agency (names, not codes), with owner, days late and the latest note as the reason.
    const text = ps.join('\n');
    expect(ps).toContain('Sở Tài chính');
    expect(text).toContain(
      '(NQ57-04.2, người thực hiện: Dương Văn Long, hạn 15/06/2025): quá hạn 30 ngày. Lý do: Chưa cân đối được ' +
        'nguồn vốn điều lệ 50 tỷ đồng, đề nghị UBND tỉnh cho ý kiến về nguồn.',
    );
    // Done late before the month began is not this month's news; overdue items are.
    expect(text).not.toContain('(NQ57-06.1,');
    // III: the league table, highest on-time rate first; ties by more overdue, then by name.
    const s3 = ps.indexOf('III. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    const s4 = ps.indexOf('IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT');
    const table = ps.slice(s3, s4);
    // prettier-ignore
    const order = [
      'P-NGOCLAM', 'SGDDT', 'SKHCN', 'SNV', 'STC', 'BQLKKT', 'CA', 'SCT', 'SVHTTDL', 'LUUTRU', 'X-DONGSON',
      'X-TANPHU', 'TTHCC', 'P-LONGTHANH', 'SNNMT', 'STP', 'SYT', 'VPUB', 'X-BACPHONG',
    ];
    const names = new Set(agencyName.values());
    expect(table.filter((p) => names.has(p))).toEqual(order.map((c) => agencyName.get(c)!));
    const row = (code: string) =>
      table.slice(table.indexOf(agencyName.get(code)!) - 1, table.indexOf(agencyName.get(code)!) + 6);
    expect(row('SGDDT')).toEqual(['2', 'Sở Giáo dục và Đào tạo', '25,0%', '1', '0', '3', '4']);
    expect(row('SKHCN')).toEqual(['3', 'Sở Khoa học và Công nghệ', '0,0%', '0', '0', '5', '6']);
    // IV: the blocked tasks' notes.
    const problem = ps.slice(s4).find((p) => p.includes('(NQ57-36.2)'));
    expect(problem).toMatch(/^- Ban Quản lý Khu kinh tế cửa khẩu tỉnh: .+ \(NQ57-36\.2\): Chờ Bộ Ngoại giao/);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TM. BAN CHỈ ĐẠO');
    expect(ps).toContain('PHỤ LỤC: DANH MỤC NHIỆM VỤ');
    expect(text).not.toMatch(/\bSKHCN\b/);
  });

  it('a past quarter is read at its last day: what was finished in July was not done yet', async () => {
    const ps = await render('nq57-q2.docx', '--program', 'NQ57', '--period', '2025-Q2');
    expect(ps).toContain('Hòa An, ngày 15 tháng 7 năm 2025');
    expect(ps.find((p) => p.startsWith('Tình hình thực hiện'))).toMatch(/quý II năm 2025$/);
    expect(ps).toContain('(số liệu tính đến ngày 30/06/2025)');
    expect(gridRow(ps, 'Chỉ tiêu')).toEqual(['43', '16 (37,2%)', '1 (2,3%)', '26 (60,5%)', '0 (0,0%)']);
    expect(gridRow(ps, 'Nhiệm vụ')).toEqual(['117', '54 (46,2%)', '6 (5,1%)', '54 (46,2%)', '3 (2,6%)']);
    // Done six days late on 21/6, inside the quarter: reported with its note.
    expect(ps.join('\n')).toMatch(
      /\(NQ57-06\.1, người thực hiện: Cao Minh Tuấn, hạn 15\/06\/2025\): hoàn thành chậm 6 ngày\. Lý do: /,
    );
  });

  it('one agency: its targets and tasks only, named in the subject', async () => {
    const ps = await render(
      'skhcn.docx',
      '--program',
      'NQ57',
      '--agency',
      'skhcn',
      '--period',
      '2025-07',
      '--issuer',
      'UBND TỈNH HÒA AN | BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ',
    );
    expect(ps.slice(0, 2)).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO VỀ CHUYỂN ĐỔI SỐ']);
    expect(ps.find((p) => p.startsWith('Tình hình thực hiện'))).toMatch(
      / của Sở Khoa học và Công nghệ tháng 7 năm 2025$/,
    );
    expect(gridRow(ps, 'Chỉ tiêu')).toEqual(['19', '5 (26,3%)', '0 (0,0%)', '11 (57,9%)', '3 (15,8%)']);
    expect(gridRow(ps, 'Nhiệm vụ')).toEqual(['41', '18 (43,9%)', '2 (4,9%)', '16 (39,0%)', '5 (12,2%)']);
    const s2 = ps.indexOf('II. NHIỆM VỤ QUÁ HẠN, HOÀN THÀNH QUÁ HẠN');
    const s3 = ps.indexOf('III. KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    expect(ps.slice(s2 + 1, s3).filter((p) => !p.startsWith('- '))).toEqual(['Sở Khoa học và Công nghệ']);
    expect(ps.slice(s2 + 1, s3).filter((p) => p.startsWith('- '))).toHaveLength(5);
  });

  it('a period with nothing due: no late items, no rates; English when asked', async () => {
    const vi = await render('2024.docx', '--program', 'NQ57', '--period', '2024');
    expect(vi).toContain('Không có nhiệm vụ quá hạn hoặc hoàn thành quá hạn trong kỳ.');
    expect(gridRow(vi, 'Nhiệm vụ')).toEqual(['117', '0 (0,0%)', '0 (0,0%)', '117 (100,0%)', '0 (0,0%)']);
    const skhcn = vi.indexOf('Sở Khoa học và Công nghệ');
    expect(vi.slice(skhcn, skhcn + 6)).toEqual(['Sở Khoa học và Công nghệ', '-', '0', '0', '0', '0']);
    const en = await render('en.docx', '--program', 'NQ57', '--period', '2025-07', '--lang', 'en');
    expect(en.slice(4, 8)).toEqual([
      'SOCIALIST REPUBLIC OF VIETNAM',
      'Independence - Freedom - Happiness',
      '———————————',
      'Hòa An, 15 July 2025',
    ]);
    expect(en).toContain('REPORT');
    expect(en).toContain('Department of Science and Technology');
    expect(gridRow(en, 'Tasks')).toEqual(['117', '56 (47.9%)', '6 (5.1%)', '35 (29.9%)', '20 (17.1%)']);
  });

  it('every programme at once: the subject says so and the grid counts all their tasks', async () => {
    const ps = await render('all.docx');
    expect(ps.find((p) => p.startsWith('Tình hình thực hiện'))).toBe(
      'Tình hình thực hiện các chương trình, nhiệm vụ từ ngày 01/07/2025 đến ngày 15/07/2025',
    );
    expect(gridRow(ps, 'Nhiệm vụ')[0]).toBe('178');
  });

  it('refuses what it cannot write', async () => {
    const none = await runCommand(['report'], { now: NOW, db: t });
    expect(none.code).toBe(2);
    const txt = await runCommand(['report', '--out', join(dir, 'r.txt')], { now: NOW, db: t });
    expect(txt.code).toBe(2);
    const issuer = await runCommand(['report', '--out', join(dir, 'r.docx'), '--issuer', 'ONE LINE'], {
      now: NOW,
      db: t,
    });
    expect(issuer.code).toBe(2);
    const agency = await runCommand(['report', '--out', join(dir, 'r.docx'), '--agency', 'NOPE'], {
      now: NOW,
      db: t,
    });
    expect(agency.err).toEqual(['error: unknown agency: NOPE']);
  });

  it('--out FILE.xlsx: the same snapshot as sheets, names beside codes, a title block and a frozen filtered header', async () => {
    const file = join(dir, 'nq57.xlsx');
    const r = await runCommand(
      ['report', '--out', file, '--now', '2025-07-15', '--program', 'NQ57', '--period', '2025-07'],
      { now: NOW, db: t },
    );
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Xếp hạng', 'Phụ lục']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('BÁO CÁO');
    expect(String(summary.getCell('A3').value)).toMatch(/^Hòa An, ngày 15 tháng 7 năm 2025/);
    const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    expect(values(summary, 6)).toEqual(['Chỉ tiêu', 43, 16, 1, 17, 9]);
    expect(values(summary, 7)).toEqual(['Nhiệm vụ', 117, 56, 6, 35, 20]);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(summary.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const late = wb.getWorksheet('Quá hạn')!;
    expect(values(late, 5).slice(0, 4)).toEqual(['Mã', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Mã cơ quan']);
    const row = late.getColumn(1).values.indexOf('NQ57-04.2');
    expect(values(late, row)).toEqual([
      'NQ57-04.2',
      expect.any(String),
      'Sở Tài chính',
      'STC',
      'Dương Văn Long',
      '15/06/2025',
      'Quá hạn chưa hoàn thành',
      30,
      'Chưa cân đối được nguồn vốn điều lệ 50 tỷ đồng, đề nghị UBND tỉnh cho ý kiến về nguồn',
    ]);
    const rank = wb.getWorksheet('Xếp hạng')!;
    expect(rank.getColumn(3).values.slice(6, 11)).toEqual(['P-NGOCLAM', 'SGDDT', 'SKHCN', 'SNV', 'STC']);
    expect(values(rank, 7)).toEqual([2, 'Sở Giáo dục và Đào tạo', 'SGDDT', 0.25, 1, 0, 3, 4]);
    expect(wb.getWorksheet('Phụ lục')!.rowCount).toBe(5 + 117);
  });

  it("the appendix names each task's co-operating agencies (cơ quan phối hợp), in the DOCX and the XLSX", async () => {
    await t.db.execute(
      sql`insert into task_co_agencies (task_id, agency_id, position)
          select k.id, a.id, case a.code when 'SKHCN' then 0 else 1 end from tasks k, agencies a
           where k.code = 'NQ57-04.2' and a.code in ('SKHCN', 'SNV')`,
    );
    const args = ['--now', '2025-07-15', '--program', 'NQ57', '--period', '2025-07'];
    const xlsx = join(dir, 'co.xlsx');
    expect((await runCommand(['report', '--out', xlsx, ...args], { now: NOW, db: t })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const items = wb.getWorksheet('Phụ lục')!;
    const values = (row: number) => (items.getRow(row).values as unknown[]).slice(1);
    expect(values(5)).toEqual([
      'STT',
      'Mã',
      'Nhiệm vụ',
      'Cơ quan chủ trì',
      'Mã cơ quan',
      'Cơ quan phối hợp',
      'Thời hạn',
      'Tiến độ',
      'Tình trạng',
      'Kết quả/ghi chú',
    ]);
    const row = items.getColumn(2).values.indexOf('NQ57-04.2');
    expect(values(row).slice(1, 7)).toEqual([
      'NQ57-04.2',
      expect.any(String),
      'Sở Tài chính',
      'STC',
      'Sở Khoa học và Công nghệ, Sở Nội vụ',
      '15/06/2025',
    ]);
    const docx = join(dir, 'co.docx');
    const en = await runCommand(['report', '--out', docx, ...args, '--lang', 'en'], { now: NOW, db: t });
    expect(en.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const head = texts.indexOf('Co-operating agencies');
    expect(texts.slice(head - 3, head + 5)).toEqual([
      'No.',
      'Task',
      'Lead agency',
      'Co-operating agencies',
      'Deadline',
      'Progress',
      'Status',
      'Result / note',
    ]);
    expect(texts).toContain('Department of Science and Technology, Department of Home Affairs');
  });
});

// LibreOffice opens the DOCX without repair: it converts it to PDF, whose first page reads as the
// report's header and is A4 portrait, the appendix landscape; page 1 is saved as a PNG under
// test/artifacts/ for a person to look at. Registered only where soffice is installed (`.ci/run`
// installs libreoffice-writer-nogui; in CI it must run), so no test is ever skipped.
const SOFFICE = spawnSync('which', ['soffice']).status === 0;
if (!SOFFICE && !process.env.CI)
  console.info('note: soffice not installed, the LibreOffice check of the report is not registered');
if (SOFFICE || process.env.CI) {
  describe('the report in LibreOffice', () => {
    let t: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'dondoc-soffice-'));
    const artifacts = join(import.meta.dirname, '../artifacts');
    beforeAll(async () => {
      t = await freshDatabase(dbKinds()[0]!, 'demo');
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const pdfText = (pdf: string, page: number): string =>
      execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], {
        encoding: 'utf8',
      });
    const pageSize = (pdf: string, page: number): [number, number] => {
      const info = execFileSync('pdfinfo', ['-f', String(page), '-l', String(page), pdf], {
        encoding: 'utf8',
      });
      const m = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      return [Math.round(Number(m[1])), Math.round(Number(m[2]))];
    };

    it('converts to PDF: page 1 is the header on A4 portrait, the appendix landscape; page 1 saved as PNG', async () => {
      const docx = join(dir, 'bao-cao-nq57-2025-07.docx');
      const r = await runCommand(
        ['report', '--out', docx, '--now', '2025-07-15', '--program', 'NQ57', '--period', '2025-07'],
        { now: NOW, db: t },
      );
      expect(r.code).toBe(0);
      // A profile of its own, so a LibreOffice already running (or another test run) is not disturbed.
      const profile = `file://${join(dir, 'profile')}`;
      execFileSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
        { timeout: 180_000, stdio: 'pipe' },
      );
      const pdf = join(dir, 'bao-cao-nq57-2025-07.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The picture first, so a person can look at it when a check below fails.
      mkdirSync(artifacts, { recursive: true });
      const png = join(artifacts, 'report-page1');
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
      expect(readFileSync(`${png}.png`).subarray(1, 4).toString()).toBe('PNG');
      const first = pdfText(pdf, 1);
      for (const line of ['UBND TỈNH HÒA AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO'])
        expect(first).toContain(line);
      expect(first).toMatch(/Hòa An, ngày 15 tháng 7 năm 2025/);
      expect(pageSize(pdf, 1)).toEqual([595, 842]);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
      expect(pdfText(pdf, pages)).not.toBe('');
      expect(pageSize(pdf, pages)).toEqual([842, 595]);
    }, 240_000);
  });
}
