// /baocao and /report in a Telegram chat: the progress report of this month (or quarter) to date as a
// DOCX upload, the same document as `dondoc report` for that scope and day; a stranger gets nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ReportSource } from '../../../src/core/files.ts';
import type { ProgramCode } from '../../../src/core/types.ts';
import { renderAskedReport } from '../../../src/report/deliver.ts';
import type { Db } from '../../../src/store/db.ts';
import { runCommand } from '../../helpers/cli.ts';
import { docxParagraphs } from '../../helpers/docx.ts';
import { NOW, TZ, startRig, type Rig } from './helpers.ts';

const P10 = 1010;

describe('/baocao', () => {
  let rig: Rig;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-baocao-'));
  afterEach(() => rig.close());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uploads this month’s (or quarter’s) report as a DOCX, the same as dondoc report; usage and strangers answered', async () => {
    let db: Db | null = null;
    const source: ReportSource = (ask) =>
      renderAskedReport(db!, TZ, { ...ask, program: ask.program as ProgramCode | null });
    rig = await startRig({ kind: 'pglite', mode: 'webhook', bot: { report: source } });
    db = rig.db.db;
    expect(rig.fake.commands[0]?.commands.map((c) => c.command)).toContain('baocao');
    await rig.register('P10', P10);

    await rig.say(P10, '/baocao thang nq57');
    expect(rig.fake.documents.map((d) => [d.chat_id, d.filename, d.parse_mode])).toEqual([
      [P10, 'bao-cao-NQ57-2025-07.docx', 'HTML'],
    ]);
    expect(rig.fake.documents[0]!.caption).toContain(
      '📄 <b>NQ57</b> — báo cáo tình hình thực hiện tháng 7 năm 2025',
    );
    const cliFile = join(dir, 'nq57.docx');
    const cli = await runCommand(
      ['report', '--out', cliFile, '--program', 'NQ57', '--period', '2025-07', '--now', '2025-07-15'],
      { now: NOW, db: rig.db },
    );
    expect(cli.code).toBe(0);
    const sent = await docxParagraphs(rig.fake.documents[0]!.bytes!);
    expect(sent).toEqual(await docxParagraphs(readFileSync(cliFile)));

    await rig.say(P10, '/report quarter');
    expect(rig.fake.documents[1]?.filename).toBe('bao-cao-2025-Q3.docx');
    const all = await docxParagraphs(rig.fake.documents[1]!.bytes!);
    expect(all).toContain('(số liệu tính đến ngày 15/07/2025)');
    expect(all.find((p) => p.startsWith('Tình hình thực hiện'))).toBe(
      'Tình hình thực hiện các chương trình, nhiệm vụ quý III năm 2025',
    );

    await rig.say(P10, '/baocao thang nam ngay');
    expect(rig.textsTo(P10).at(-1)).toMatch(/^Gõ \/baocao \(tháng này\), \/baocao quy \(quý này\)/);
    await rig.say(P10, '/baocao XYZ');
    expect(rig.textsTo(P10).at(-1)).toBe('Không có chương trình XYZ. Các chương trình: CDS25, DA06, NQ57.');
    await rig.say(9999, '/baocao NQ57');
    expect(rig.textsTo(9999).at(-1)).toContain('Bạn chưa đăng ký');
    expect(rig.fake.documents).toHaveLength(2);
  });
});
