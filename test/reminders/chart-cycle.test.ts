// The leaders' weekly charts through the real cycle, outbox and worker: telegraf uploads each PNG to the fake Bot API.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programChartPng } from '../../src/channels/web/program-chart.ts';
import { chartData } from '../../src/store/console-port.ts';
import type { ProgramCode } from '../../src/core/types.ts';
import { asLocalDate } from '../../src/reminders/calendar.ts';
import { runCycle } from '../../src/reminders/cycle.ts';
import { startOutboxWorker } from '../../src/reminders/worker.ts';
import { rows } from '../../src/store/db.ts';
import { enqueue, outboxStats } from '../../src/store/outbox.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { TOKEN, TZ, chatOf, quietLogger, registerPeople, telegramChannel } from './delivery.ts';

const logger = quietLogger();
/** Monday 14 July 2025, 08:00 in Hà Nội: the first reminder day of the demo's week. */
const MONDAY = new Date('2025-07-14T08:00:00+07:00');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(dbKinds())('the leaders’ weekly charts on %s', (kind) => {
  let t: TestDatabase;
  let fake: FakeTelegramApi;
  let chat: string;
  let programs: Array<{ code: string; name: string }>;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    fake = await startFakeTelegramApi({ token: TOKEN });
    // P02 reads the bot on Telegram; P03 on Zalo only, which cannot take an uploaded photo.
    await registerPeople(t.db, { channel: 'telegram', only: ['P02'] });
    await registerPeople(t.db, { channel: 'zalo', only: ['P03'] });
    const [p02] = await rows<{ id: number }>(t.db, sql`select id from people where code = 'P02'`);
    chat = chatOf(Number(p02!.id));
    programs = await rows<{ code: string; name: string }>(
      t.db,
      sql`select p.code, p.name_vi as name from programs p
           where exists (select 1 from targets tg where tg.program_id = p.id) order by p.code`,
    );
  });
  afterAll(async () => {
    await fake.close();
    await t.close();
  });

  async function deliver(): Promise<void> {
    const worker = startOutboxWorker({
      db: t.db,
      channels: telegramChannel(fake),
      logger,
      pollMs: 50,
      chart: (req) => programChartPng(chartData(t.db), req),
    });
    await worker.drain();
    await worker.stop();
  }

  it('queues one chart per programme for the Telegram leader, right after the digests, and none on Zalo', async () => {
    const cycle = await runCycle({ db: t.db, now: MONDAY, tz: TZ, logger }, { dryRun: false });
    expect(programs.length).toBeGreaterThanOrEqual(2);
    expect(cycle.plan.charts.map((c) => [c.person, c.chart.program])).toEqual(
      programs.map((p) => ['P02', p.code]),
    );
    const queued = await rows<{ key: string; kind: string; channel: string }>(
      t.db,
      sql`select idempotency_key as key, kind::text as kind, channel::text as channel from outbox order by id`,
    );
    const charts = queued.filter((r) => r.kind === 'leader_chart');
    expect(charts).toEqual(
      programs.map((p) => ({
        key: `P02:leader_chart:${p.code}:2025-07-14`,
        kind: 'leader_chart',
        channel: 'telegram',
      })),
    );
    // Both leaders get the text; the charts come after every digest in the queue.
    const digests = queued.filter((r) => r.kind === 'leader_digest').map((r) => r.channel);
    expect(digests.sort()).toEqual(['telegram', 'zalo']);
    const lastDigest = queued.findLastIndex((r) => r.kind === 'leader_digest');
    expect(queued.findIndex((r) => r.kind === 'leader_chart')).toBe(lastDigest + 1);
  });

  it('sends the digest text, then one PNG per programme captioned with its name', async () => {
    await deliver();
    const calls = fake.calls.filter((c) => String(c.params['chat_id']) === chat && c.status === 200);
    const digestAt = calls.findIndex(
      (c) => c.method === 'sendMessage' && String(c.params['text']).includes('📊 Tổng hợp ngày 14/07/2025'),
    );
    const photoAt = calls.flatMap((c, i) => (c.method === 'sendPhoto' ? [i] : []));
    expect(digestAt).toBeGreaterThanOrEqual(0);
    expect(photoAt).toHaveLength(programs.length);
    expect(photoAt.every((i) => i > digestAt)).toBe(true);

    expect(fake.photos).toHaveLength(programs.length);
    for (const [i, photo] of fake.photos.entries()) {
      const program = programs[i]!;
      expect(String(photo.chat_id)).toBe(chat);
      expect(photo.filename).toBe(`${program.code}.png`);
      expect(photo.head?.subarray(0, 8)).toEqual(PNG_MAGIC);
      expect(photo.byteLength).toBeGreaterThan(5_000);
      expect(photo.parse_mode).toBe('HTML');
      expect(photo.caption).toContain(`📈 <b>${program.code}</b> — ${program.name.slice(0, 40)}`);
      expect(photo.caption).toContain('tiến độ theo đơn vị, ngày 14/07/2025');
    }
    // Zalo has no worker here: its rows wait, and none of them is a chart.
    expect(await outboxStats(t.db)).toMatchObject({ failed: 0, unreachable: 0 });
  });

  it('sends nothing more when the cycle runs again the same day', async () => {
    const sent = fake.sent.length;
    const again = await runCycle(
      { db: t.db, now: new Date(MONDAY.getTime() + 3_600_000), tz: TZ, logger },
      { dryRun: false },
    );
    expect(again.plan.charts).toHaveLength(programs.length);
    expect(again.enqueued).toBe(0);
    await deliver();
    expect(fake.photos).toHaveLength(programs.length);
    expect(fake.sent).toHaveLength(sent);
  });

  it('plans no chart on the Tuesday', async () => {
    const tuesday = await runCycle(
      { db: t.db, now: new Date('2025-07-15T08:00:00+07:00'), tz: TZ, logger },
      { dryRun: true },
    );
    expect(tuesday.plan.messages.some((m) => m.kind === 'leader_digest')).toBe(true);
    expect(tuesday.plan.charts).toEqual([]);
  });

  it('fails a chart whose programme is gone rather than retrying it', async () => {
    await enqueue(t.db, [
      {
        idempotencyKey: 'P02:leader_chart:XX99:2025-07-14',
        personId: null,
        channel: 'telegram',
        chatId: chat,
        kind: 'leader_chart',
        payload: {
          reply: { lang: 'vi', lines: [['📈 XX99']], buttons: [], about: null },
          items: [],
          kind: 'leader_chart',
          chart: { program: 'XX99' as ProgramCode, lang: 'vi', today: asLocalDate('2025-07-14') },
        },
      },
    ]);
    await deliver();
    const [row] = await rows<{ status: string; error: string }>(
      t.db,
      sql`select status::text as status, last_error as error from outbox where idempotency_key like '%XX99%'`,
    );
    expect(row).toEqual({ status: 'failed', error: 'no programme XX99 to chart' });
    expect(fake.photos).toHaveLength(programs.length);
  });
});
