// The monthly report on schedule (REPORT_CRON) through the real scheduler, outbox and worker: telegraf
// uploads each programme's DOCX to the fake Bot API (opened again and compared with `dondoc report`
// for the same scope and day), Zalo gets the summary text, and a restart sends nothing twice.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendLimiter } from '../../src/channels/limiter.ts';
import type { OutboundChannel } from '../../src/channels/outbound.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloOutbound } from '../../src/channels/zalo/outbound.ts';
import type { Messenger } from '../../src/core/types.ts';
import { REPORT_SCHEDULE_NAME, runReportCycle } from '../../src/reminders/reports.ts';
import { startScheduler } from '../../src/reminders/scheduler.ts';
import { startOutboxWorker } from '../../src/reminders/worker.ts';
import { createReportRenderer } from '../../src/report/deliver.ts';
import { DEFAULT_REPORT_CRON } from '../../src/config.ts';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, expectConsistent, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { docxParagraphs } from '../helpers/docx.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { TOKEN, TZ, chatOf, quietLogger, registerPeople, telegramChannel } from './delivery.ts';

const logger = quietLogger();
const ZTOKEN = 'zalo-test-token-for-reports';
/** Sunday 20 July 2025, 09:00: REPORT_CRON's slot (08:00 on the 20th) fell on a day off. */
const SUNDAY = new Date('2025-07-20T09:00:00+07:00');
/** Monday 21 July 2025, 08:00: the next working day at the slot's time, when the reports go. */
const MONDAY = new Date('2025-07-21T08:00:00+07:00');

describe.each(dbKinds())('the monthly report on schedule on %s', (kind) => {
  let t: TestDatabase;
  let tg: FakeTelegramApi;
  let zalo: FakeZaloApi;
  let p02Chat: string;
  let p03Chat: string;
  let programs: string[];
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-report-schedule-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    tg = await startFakeTelegramApi({ token: TOKEN });
    zalo = await startFakeZaloApi({ token: ZTOKEN });
    // Two leaders: P02 reads the bot on Telegram, P03 on Zalo only (which takes no files from bots).
    await registerPeople(t.db, { channel: 'telegram', only: ['P02'] });
    await registerPeople(t.db, { channel: 'zalo', only: ['P03'] });
    const ids = await rows<{ code: string; id: number }>(
      t.db,
      sql`select code, id from people where code in ('P02', 'P03') order by code`,
    );
    p02Chat = chatOf(Number(ids[0]!.id));
    p03Chat = `z${ids[1]!.id}`;
    programs = (
      await rows<{ code: string }>(
        t.db,
        sql`select p.code from programs p
             where exists (select 1 from targets tg where tg.program_id = p.id) order by p.id`,
      )
    ).map((r) => r.code);
  });
  afterAll(async () => {
    await expectConsistent(t.db);
    await tg.close();
    await zalo.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const channels = (): Map<Messenger, OutboundChannel> => {
    const map = telegramChannel(tg);
    map.set(
      'zalo',
      createZaloOutbound({
        client: createZaloClient({ token: ZTOKEN, apiRoot: zalo.url, maxRetries: 0 }),
        limiter: createSendLimiter({ perSecond: 100, perChatPerSecond: 100 }),
      }),
    );
    return map;
  };

  /** One process's report scheduler at `now` (its start-up catch-up runs the latest slot if due). */
  const scheduler = (now: Date) =>
    startScheduler({
      db: t.db,
      name: REPORT_SCHEDULE_NAME,
      cronExpr: DEFAULT_REPORT_CRON,
      tz: TZ,
      now: () => now,
      logger,
      cron: false,
      maxLateMs: 10 * 86_400_000,
      onCycle: async (tx, slot) => {
        await runReportCycle({ db: tx, tz: TZ, logger }, slot);
      },
    });

  async function deliver(now: Date): Promise<void> {
    const worker = startOutboxWorker({
      db: t.db,
      channels: channels(),
      logger,
      pollMs: 50,
      now: () => now,
      report: createReportRenderer(t.db, TZ),
    });
    await worker.drain();
    await worker.stop();
  }

  const queued = () =>
    rows<{ key: string; channel: string; status: string; at: Date | string }>(
      t.db,
      sql`select idempotency_key as key, channel::text as channel, status::text as status,
                 next_attempt_at as at
            from outbox where kind = 'leader_report' order by id`,
    );

  it('the slot on a Sunday queues one report per leader and programme, held until Monday 08:00', async () => {
    expect(programs.length).toBeGreaterThanOrEqual(2);
    const s = await scheduler(SUNDAY);
    await s.stop();
    const q = await queued();
    expect(q.map((r) => [r.key, r.channel])).toEqual([
      ...programs.map((p) => [`P02:leader_report:${p}:2025-07`, 'telegram']),
      ...programs.map((p) => [`P03:leader_report:${p}:2025-07`, 'zalo']),
    ]);
    expect(q.every((r) => new Date(r.at).getTime() === MONDAY.getTime())).toBe(true);
    expect(q.every((r) => r.status === 'pending')).toBe(true);
  });

  it('on Monday: a DOCX per programme on Telegram, the same document as dondoc report for that day', async () => {
    await deliver(MONDAY);
    expect(tg.documents.map((d) => [String(d.chat_id), d.filename])).toEqual(
      programs.map((p) => [p02Chat, `bao-cao-${p}-2025-07.docx`]),
    );
    for (const [i, doc] of tg.documents.entries()) {
      const program = programs[i]!;
      expect(doc.bytes?.subarray(0, 2).toString()).toBe('PK');
      expect(doc.caption).toContain(`📄 <b>${program}</b> — báo cáo tình hình thực hiện tháng 7 năm 2025`);
      const sent = await docxParagraphs(doc.bytes!);
      const file = join(dir, `${program}.docx`);
      const cli = await runCommand(
        ['report', '--out', file, '--program', program, '--period', '2025-07', '--now', '2025-07-21'],
        { now: MONDAY, db: t },
      );
      expect(cli.code).toBe(0);
      expect(sent).toEqual(await docxParagraphs(readFileSync(file)));
      expect(sent.slice(0, 2)).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO']);
      expect(sent).toContain('Hòa An, ngày 21 tháng 7 năm 2025');
      expect(sent).toContain('(số liệu tính đến ngày 21/07/2025)');
    }
    expect((await queued()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('on Zalo: the summary of the same snapshot, with where to get the file', async () => {
    const texts = zalo.sent
      .filter((m) => m.method === 'sendMessage' && m.body['chat_id'] === p03Chat)
      .map((m) => String(m.body['text']));
    expect(texts).toHaveLength(programs.length);
    for (const [i, text] of texts.entries()) {
      const program = programs[i]!;
      const ps = await docxParagraphs(readFileSync(join(dir, `${program}.docx`)));
      // The grid row of the tasks in the document: label, total, then "n (share)" per cell.
      const at = ps.indexOf('Nhiệm vụ');
      const [total, onTime, late, inTime, overdue] = ps.slice(at + 1, at + 6).map((c) => c.split(' ')[0]);
      const [, share] = /\((.+)\)/.exec(ps[at + 2]!)!;
      expect(text).toContain(`📄 ${program} — báo cáo tình hình thực hiện tháng 7 năm 2025`);
      expect(text).toContain('Số liệu tính đến ngày 21/07/2025.');
      expect(text).toContain(
        `Nhiệm vụ: ${total}; hoàn thành đúng hạn ${onTime} (${share}), hoàn thành quá hạn ${late}, ` +
          `còn trong hạn ${inTime}, quá hạn ${overdue}.`,
      );
      expect(text).toContain(`/reports/report.docx?program=${program}&period=2025-07`);
    }
  });

  it('a restart (the slot already claimed) and a second cycle of the same slot send nothing again', async () => {
    const documents = tg.documents.length;
    const zaloSent = zalo.sent.length;
    const again = await scheduler(new Date(MONDAY.getTime() + 3_600_000));
    expect(await again.tick()).toBe('taken');
    await again.stop();
    const cycle = await runReportCycle({ db: t.db, tz: TZ, logger }, new Date('2025-07-20T08:00:00+07:00'));
    expect(cycle.plan.reports).toHaveLength(2 * programs.length);
    expect(cycle.enqueued).toBe(0);
    await deliver(new Date(MONDAY.getTime() + 7_200_000));
    expect(tg.documents).toHaveLength(documents);
    expect(zalo.sent).toHaveLength(zaloSent);
  });

  it('a slot on a working day goes at once, for its own month', async () => {
    const wednesday = new Date('2025-08-20T08:00:00+07:00');
    const cycle = await runReportCycle({ db: t.db, tz: TZ, logger }, wednesday);
    expect(cycle.plan.sendAt).toEqual(wednesday);
    expect(cycle.plan.reports.map((r) => r.idempotencyKey)).toContain(
      `P02:leader_report:${programs[0]}:2025-08`,
    );
    expect(cycle.plan.reports.every((r) => r.report.today === '2025-08-20')).toBe(true);
    expect(cycle.enqueued).toBe(2 * programs.length);
  });
});
