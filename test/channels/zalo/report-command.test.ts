// /baocao on Zalo: the Bot API takes no files from bots, so the answer is the report's summary, the
// same grid as the document `dondoc report` writes for that scope and day, and where to get the file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonCode, ProgramCode } from '../../../src/core/types.ts';
import { renderAskedReport } from '../../../src/report/deliver.ts';
import { runCommand } from '../../helpers/cli.ts';
import { docxParagraphs } from '../../helpers/docx.ts';
import { NOW, TZ, startZaloE2E, type ZaloE2E } from './e2e-harness.ts';

describe('/baocao on Zalo', () => {
  let z: ZaloE2E;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-zalo-baocao-'));
  afterAll(async () => {
    await z?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a registered person with the summary and the download path; usage, unknown codes and strangers', async () => {
    let db: ZaloE2E['db'] | null = null;
    z = await startZaloE2E('pglite', 'webhook', {
      report: (ask) => renderAskedReport(db!.db, TZ, { ...ask, program: ask.program as ProgramCode | null }),
    });
    db = z.db;
    await z.register('P03' as PersonCode, 'zu-p03');

    const [summary] = await z.say('zu-p03', '/baocao thang NQ57');
    const file = join(dir, 'nq57.docx');
    const cli = await runCommand(
      ['report', '--out', file, '--program', 'NQ57', '--period', '2025-07', '--now', '2025-07-15'],
      { now: NOW, db: z.db },
    );
    expect(cli.code).toBe(0);
    const ps = await docxParagraphs(readFileSync(file));
    const at = ps.indexOf('Nhiệm vụ');
    const [total, onTime, late, inTime, overdue] = ps.slice(at + 1, at + 6).map((c) => c.split(' ')[0]);
    expect(summary).toContain('📄 NQ57 — báo cáo tình hình thực hiện tháng 7 năm 2025');
    expect(summary).toContain('Số liệu tính đến ngày 15/07/2025.');
    expect(summary).toContain(`Nhiệm vụ: ${total}; hoàn thành đúng hạn ${onTime} (`);
    expect(summary).toContain(`hoàn thành quá hạn ${late}, còn trong hạn ${inTime}, quá hạn ${overdue}.`);
    expect(summary).toContain('/reports/report.docx?program=NQ57&period=2025-07');

    const [quarter] = await z.say('zu-p03', '/baocao quy');
    expect(quarter).toContain('📄 Tất cả — báo cáo tình hình thực hiện quý III năm 2025');
    expect(quarter).toContain('/reports/report.docx?period=2025-Q3');
    expect(await z.say('zu-p03', '/baocao XYZ')).toEqual([
      'Không có chương trình XYZ. Các chương trình: CDS25, DA06, NQ57.',
    ]);
    expect((await z.say('zu-p03', '/baocao 12 34'))[0]).toMatch(/^Gõ \/baocao \(tháng này\)/);
    expect((await z.say('zu-stranger', '/baocao')).join('\n')).not.toContain('Nhiệm vụ:');
  });
});
