// A reported "done" awaiting confirmation, counted on its own in the console: the dashboard's task line
// and the progress report (DOCX sentence, XLSX column) say "1 chờ xác nhận" as of 15/07/2025, and a
// period that ended before the report (Q2, to 30/06/2025) says none.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { changeProgramSettings } from '../../src/store/programs.ts';
import { dbKinds } from '../helpers/db.ts';
import { docxParagraphs } from '../helpers/docx.ts';
import { testWeb, type TestWeb } from './helpers.ts';

const AWAITING_DOCX =
  'Chờ xác nhận: 0 chỉ tiêu, 1 nhiệm vụ đã báo hoàn thành, chưa được xác nhận (vẫn tính là chưa hoàn thành).';

describe.each(dbKinds())('what awaits confirmation, in the dashboard and the report, on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
    await changeProgramSettings(
      web.database.db,
      'NQ57',
      { confirmation: true, checkers: ['P03' as PersonCode] },
      'cli',
    );
  });
  afterAll(() => web.close());

  const tasksLine = async () => {
    const page = await (await web.get('/dashboard?program=NQ57')).text();
    const line = /data-testid="tasks-line">([\s\S]*?)<\/p>/.exec(page)?.[1] ?? '';
    return line.replace(/\s+/g, ' ').trim();
  };
  const docx = async (query = '') =>
    docxParagraphs(
      new Uint8Array(await (await web.get(`/reports/report.docx?program=NQ57${query}`)).arrayBuffer()),
    );
  /** The summary sheet's "awaiting" column: its header, and the tasks row's figure. */
  const xlsxAwaiting = async (query = '') => {
    const wb = new ExcelJS.Workbook();
    const res = await web.get(`/reports/report.xlsx?program=NQ57${query}`);
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (!found && row.getCell(1).value === label) found = row;
      });
      return found!;
    };
    return [rowOf('Nội dung').getCell(7).value, rowOf('Nhiệm vụ').getCell(7).value];
  };

  it('shows nothing waiting before anyone reports', async () => {
    expect(await tasksLine()).not.toContain('chờ xác nhận');
    expect(await docx()).not.toContain(AWAITING_DOCX);
    expect(await xlsxAwaiting()).toEqual(['Chờ xác nhận (chưa tính là hoàn thành)', 0]);
  });

  it('counts a claim on its own line once reported, and not in a period that ended before it', async () => {
    const replies = await web.chat('P10', 'NQ57-12.3 xong, biên bản nghiệm thu');
    expect(replies[0]!.html).toContain('chờ xác nhận');
    expect(await tasksLine()).toMatch(
      /^Nhiệm vụ: 117 nhiệm vụ · \d+ quá hạn · \d+ vướng mắc · 1 chờ xác nhận$/,
    );
    expect(await docx()).toContain(AWAITING_DOCX);
    expect(await xlsxAwaiting()).toEqual(['Chờ xác nhận (chưa tính là hoàn thành)', 1]);
    expect(await xlsxAwaiting('&period=2025-Q2')).toEqual(['Chờ xác nhận (chưa tính là hoàn thành)', 0]);
    expect(await docx('&period=2025-Q2')).not.toContain(AWAITING_DOCX);
  });
});
