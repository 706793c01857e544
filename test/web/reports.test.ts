import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe.each(dbKinds())('the report downloads on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('downloads the status report as an XLSX attachment, the same workbook as `dondoc export`', async () => {
    const res = await web.get('/reports/status.xlsx?program=NQ57');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dondoc-NQ57-2025-07-15.xlsx"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    const codes: string[] = [];
    wb.worksheets[1]!.eachRow((row) => codes.push(String(row.getCell(1).value)));
    expect(codes.filter((c) => c.startsWith('NQ57-'))).toHaveLength(43);
  });

  it('downloads the whole province when no programme is given', async () => {
    const res = await web.get('/reports/status.xlsx');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="dondoc-all-2025-07-15.xlsx"');
  });

  it('downloads the overdue list as CSV: UTF-8, one row per overdue task', async () => {
    const res = await web.get('/reports/overdue.csv?program=nq57');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="dondoc-overdue-NQ57-2025-07-15.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe('code,title_vi,agency_code,assignee,due_date,days_overdue,progress,status');
    expect(lines).toHaveLength(1 + 20);
    expect(lines[1]).toBe(
      'NQ57-03.2,"Thẩm định phương án tổ chức bộ máy, biên chế của Trung tâm",SNV,Cao Minh Tuấn,2025-06-15,30,50,in_progress',
    );
  });

  it('downloads the progress report as DOCX (this month by default) and as XLSX for a named period', async () => {
    const res = await web.get('/reports/report.docx?program=NQ57');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="bao-cao-NQ57-2025-07-15.docx"',
    );
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Hòa An, ngày 15 tháng 7 năm 2025');
    expect(xml).toContain('từ ngày 01/07/2025 đến ngày 15/07/2025');
    const q2 = await web.get('/reports/report.xlsx?program=NQ57&period=2025-Q2');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await q2.arrayBuffer()) as ArrayBuffer);
    // Tasks at 30/6 (the quarter's end), as `dondoc report` counts them.
    expect((wb.getWorksheet('Tổng hợp')!.getRow(7).values as unknown[]).slice(1)).toEqual([
      'Nhiệm vụ',
      117,
      54,
      6,
      54,
      3,
      0,
    ]);
    expect((await web.get('/reports/report.docx?period=2025-Q9')).status).toBe(400);
    expect((await web.get('/reports/report.docx?program=XYZ9')).status).toBe(404);
    const page = await (await web.get('/dashboard?program=NQ57')).text();
    expect(page).toContain('/reports/report.docx?program=NQ57');
  });

  it('answers 404 for an unknown programme', async () => {
    expect((await web.get('/reports/status.xlsx?program=XYZ9')).status).toBe(404);
    expect((await web.get('/reports/overdue.csv?program=..%2F..')).status).toBe(404);
  });
});
