// Issue 14: `dondoc report --out FILE.docx|.xlsx` renders the demo on fixed days; the DOCX is opened
// again (word/document.xml out of the zip) and read as a person would, the XLSX with exceljs. Every
// count, late item, reason and rank is checked against the demo's CSV files read by tracking.md's
// rules (test/helpers/demo-grid.ts, through report-checks.ts), never against numbers typed here.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { docxParagraphs } from '../helpers/docx.ts';
import { demoGrid, demoRanking } from '../helpers/demo-grid.ts';
import {
  expectDocxCounts,
  expectDocxLate,
  expectIndicators,
  expectProblems,
  expectNoCodesInDocx,
  expectNoCodesInXlsx,
  expectXlsxCounts,
  expectXlsxLate,
  gridRow,
  type ReportCase,
} from './report-checks.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');
const TODAY = '2025-07-15';
const JULY: ReportCase = {
  program: 'NQ57',
  agency: null,
  from: '2025-07-01',
  to: '2025-07-31',
  today: TODAY,
};

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

  const write = async (name: string, argv: string[]): Promise<Buffer> => {
    const file = join(dir, name);
    const r = await runCommand(['report', '--out', file, '--now', TODAY, ...argv], { now: NOW, db: t });
    expect(r.err.join('\n')).toMatch(/^wrote /);
    expect(r.code).toBe(0);
    return readFileSync(file);
  };
  const render = async (name: string, ...argv: string[]): Promise<string[]> =>
    docxParagraphs(await write(name, argv));
  const workbook = async (name: string, ...argv: string[]): Promise<ExcelJS.Workbook> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await write(name, argv)) as unknown as ArrayBuffer);
    return wb;
  };
  /** The DOCX and the XLSX of one case, each checked against the files: counts, late items, names. */
  const both = async (name: string, c: ReportCase, ...argv: string[]): Promise<string[]> => {
    const ps = await render(`${name}.docx`, ...argv);
    expectDocxCounts(ps, c);
    expectDocxLate(ps, c);
    expectNoCodesInDocx(ps);
    const wb = await workbook(`${name}.xlsx`, ...argv);
    expectXlsxCounts(wb, c);
    expectXlsxLate(wb, c);
    expectNoCodesInXlsx(wb);
    expectIndicators(ps, wb, c);
    expectProblems(ps, wb, c);
    return ps;
  };

  it('the month: header, motto, date line, title, the grid, late items with reasons, the ranking', async () => {
    const ps = await both('nq57-2025-07', JULY, '--program', 'NQ57', '--period', '2025-07');
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
    // The indicators as they stand.
    expect(ps.find((p) => p.startsWith('- NQ57-12 '))).toMatch(/: 41\/68 xã \(60,3%\)$/);
    expect(ps.find((p) => p.startsWith('- NQ57-07 '))).toMatch(/: 36\.500\/120\.000 hồ sơ \(30,4%\)$/);
    expect(ps.find((p) => p.startsWith('- NQ57-27 '))).toMatch(/: 1\.350\/1\.200 người \(100,0%\)$/);
    // Done late before the month began is not this month's news (expectDocxLate holds the whole list).
    expect(ps.join('\n')).not.toContain('(NQ57-06.1,');
    // The league table has rates to order, not only ties.
    const rates = new Set(demoRanking('NQ57', JULY.from, JULY.to, TODAY).map((r) => r.rate));
    expect(rates.size).toBeGreaterThan(3);
    // IV: the blocked tasks' notes.
    const s4 = ps.indexOf('IV. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT');
    const problem = ps.slice(s4).find((p) => p.includes('(NQ57-36.2)'));
    expect(problem).toMatch(/^- Ban Quản lý Khu kinh tế cửa khẩu tỉnh: .+ \(NQ57-36\.2\): Chờ Bộ Ngoại giao/);
    const text = ps.join('\n');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TM. BAN CHỈ ĐẠO');
    expect(ps).toContain('PHỤ LỤC: DANH MỤC NHIỆM VỤ');
  });

  it('a past quarter is read at its last day: what was finished in July was not done yet', async () => {
    const q2: ReportCase = { ...JULY, from: '2025-04-01', to: '2025-06-30' };
    const ps = await both('nq57-q2', q2, '--program', 'NQ57', '--period', '2025-Q2');
    expect(ps).toContain('Hòa An, ngày 15 tháng 7 năm 2025');
    expect(ps.find((p) => p.startsWith('Tình hình thực hiện'))).toMatch(/quý II năm 2025$/);
    expect(ps).toContain('(số liệu tính đến ngày 30/06/2025)');
    // Done six days late on 21/6, inside the quarter: reported with its note.
    expect(ps.join('\n')).toMatch(
      /\(NQ57-06\.1, người thực hiện: Cao Minh Tuấn, hạn 15\/06\/2025\): hoàn thành chậm 6 ngày\. Lý do: /,
    );
  });

  it('one agency: its targets and tasks only, named in the subject', async () => {
    const ps = await both(
      'skhcn',
      { ...JULY, agency: 'SKHCN' },
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
  });

  it('a period with nothing due: no late items, no rates; English when asked', async () => {
    const y2024: ReportCase = { ...JULY, from: '2024-01-01', to: '2024-12-31' };
    const vi = await both('2024', y2024, '--program', 'NQ57', '--period', '2024');
    expect(vi).toContain('Không có nhiệm vụ quá hạn hoặc hoàn thành quá hạn trong kỳ.');
    expect(demoRanking('NQ57', y2024.from, y2024.to, TODAY).every((r) => r.rate === null)).toBe(true);
    const en = await render('en.docx', '--program', 'NQ57', '--period', '2025-07', '--lang', 'en');
    expect(en.slice(4, 8)).toEqual([
      'SOCIALIST REPUBLIC OF VIETNAM',
      'Independence - Freedom - Happiness',
      '———————————',
      'Hòa An, 15 July 2025',
    ]);
    expect(en).toContain('REPORT');
    expect(en).toContain('Department of Science and Technology');
    expectDocxCounts(en, JULY, 'en');
  });

  it('every programme at once: the subject says so and the grid counts all their tasks', async () => {
    const all: ReportCase = { ...JULY, program: null, to: TODAY };
    const ps = await both('all', all);
    expect(ps.find((p) => p.startsWith('Tình hình thực hiện'))).toBe(
      'Tình hình thực hiện các chương trình, nhiệm vụ từ ngày 01/07/2025 đến ngày 15/07/2025',
    );
    expect(gridRow(ps, 'Nhiệm vụ')[0]).toBe(String(demoGrid(TODAY).tasks.total));
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

  it('--out FILE.xlsx: sheets with names beside codes, a title block, and every sheet printable and filterable', async () => {
    const wb = await workbook('nq57.xlsx', '--program', 'NQ57', '--period', '2025-07');
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Tổng hợp',
      'Chỉ số',
      'Quá hạn',
      'Xếp hạng',
      'Khó khăn, đề xuất',
      'Phụ lục',
    ]);
    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('BÁO CÁO');
    expect(String(summary.getCell('A3').value)).toMatch(/^Hòa An, ngày 15 tháng 7 năm 2025/);
    const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    // Every sheet: the header at row 5 frozen and filtered across its width, A4 landscape, one page wide.
    for (const ws of wb.worksheets) {
      const width = values(ws, 5).length;
      expect(width, ws.name).toBeGreaterThan(4);
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 5 });
      expect(ws.autoFilter, ws.name).toBe(`A5:${ws.getColumn(width).letter}5`);
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    const late = wb.getWorksheet('Quá hạn')!;
    expect(values(late, 5).slice(0, 4)).toEqual(['Mã', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Mã cơ quan']);
    const row = late.getColumn(1).values.indexOf('NQ57-04.2');
    expect(values(late, row).slice(2, 7)).toEqual([
      'Sở Tài chính',
      'STC',
      'Dương Văn Long',
      '15/06/2025',
      'Quá hạn chưa hoàn thành',
    ]);
    expect(wb.getWorksheet('Phụ lục')!.rowCount).toBe(5 + demoGrid(TODAY, { program: 'NQ57' }).tasks.total);
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
