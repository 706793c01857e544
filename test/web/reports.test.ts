import ExcelJS from 'exceljs';
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

  it('answers 404 for an unknown programme', async () => {
    expect((await web.get('/reports/status.xlsx?program=XYZ9')).status).toBe(404);
    expect((await web.get('/reports/overdue.csv?program=..%2F..')).status).toBe(404);
  });
});
