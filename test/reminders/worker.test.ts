// The outbox worker against the fake Bot API: parallel workers, flood control, server errors, lost answers.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundChannel } from '../../src/channels/outbound.ts';
import type { Messenger } from '../../src/core/types.ts';
import { startOutboxWorker, type OutboxWorkerOptions } from '../../src/reminders/worker.ts';
import { fromPostgresUrl, rows } from '../../src/store/db.ts';
import { claim, enqueue, outboxStats } from '../../src/store/outbox.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import {
  TOKEN,
  broadcastRows,
  deliveriesByChat,
  maxCallsInWindow,
  quietLogger,
  telegramChannel,
} from './delivery.ts';

const logger = quietLogger();
const FAST_BACKOFF = { baseMs: 50, maxMs: 1000 };
/** A failed row is due again at once, so it is claimed again before the next one (claims go by id). */
const NO_BACKOFF = { baseMs: 0, maxMs: 0 };

/** Counts what goes through a channel, to see that both workers took part. */
function counting(channels: Map<Messenger, OutboundChannel>): {
  channels: Map<Messenger, OutboundChannel>;
  count: () => number;
} {
  let n = 0;
  const inner = channels.get('telegram')!;
  const wrapped: OutboundChannel = {
    name: 'telegram',
    send: async (chatId, reply) => {
      n++;
      return inner.send(chatId, reply);
    },
  };
  return { channels: new Map([['telegram', wrapped]]), count: () => n };
}

describe.each(dbKinds())('the outbox worker on %s', (kind) => {
  let t: TestDatabase;
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.execute(sql`delete from outbox`);
  });
  afterEach(() => fake?.close());

  async function run(
    opts: Partial<OutboxWorkerOptions> & Pick<OutboxWorkerOptions, 'channels'>,
  ): Promise<void> {
    const worker = startOutboxWorker({ db: t.db, logger, pollMs: 50, backoff: FAST_BACKOFF, ...opts });
    await worker.drain();
    await worker.stop();
  }

  it('enqueues a message once however often it is enqueued', async () => {
    expect(await enqueue(t.db, broadcastRows(5))).toBe(5);
    expect(await enqueue(t.db, broadcastRows(8))).toBe(3);
    expect(await outboxStats(t.db)).toEqual({ pending: 8, sent: 0, failed: 0, unreachable: 0 });
  });

  it('never hands one row to two claimers', async () => {
    await enqueue(t.db, broadcastRows(120));
    const other = t.url ? fromPostgresUrl(t.url, 'postgres', 4) : null;
    try {
      const now = new Date();
      const dbs = [t.db, other?.db ?? t.db, t.db, other?.db ?? t.db];
      const claims = await Promise.all(dbs.map((db) => claim(db, { limit: 40, lockMs: 60_000, now })));
      const ids = claims.flat().map((r) => r.id);
      expect(ids.length).toBe(120);
      expect(new Set(ids).size).toBe(120);
      expect(await claim(t.db, { limit: 10, lockMs: 60_000, now })).toEqual([]);
      // A lease that ran out is claimed again (a worker died holding it).
      const later = new Date(now.getTime() + 61_000);
      const again = await claim(t.db, { limit: 500, lockMs: 60_000, now: later });
      expect(again).toHaveLength(120);
      expect(again.every((r) => r.attempts === 2)).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('delivers each message once with two workers draining in parallel', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    await enqueue(t.db, broadcastRows(300));
    const other = t.url ? fromPostgresUrl(t.url, 'postgres', 4) : null;
    try {
      const a = counting(telegramChannel(fake, { perSecond: 100, perChatPerSecond: 1 }));
      const b = counting(telegramChannel(fake, { perSecond: 100, perChatPerSecond: 1 }));
      await Promise.all([
        run({ channels: a.channels, concurrency: 4 }),
        run({ channels: b.channels, concurrency: 4, db: other?.db ?? t.db }),
      ]);
      expect(fake.sent).toHaveLength(300);
      expect([...deliveriesByChat(fake).values()].every((n) => n === 1)).toBe(true);
      expect(a.count()).toBeGreaterThan(30);
      expect(b.count()).toBeGreaterThan(30);
      expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 300, failed: 0, unreachable: 0 });
    } finally {
      await other?.close();
    }
  });

  it('delivers every message exactly once through 429s with retry_after and random 500s, never over the configured rate', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN, limits: { perSecond: 30, perChatPerSecond: 1 } });
    fake.failRandomly('sendMessage', 0.1, 500);
    fake.failNext(
      'sendMessage',
      { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 },
      2,
    );
    await enqueue(t.db, broadcastRows(150));
    const started = performance.now();
    await run({ channels: telegramChannel(fake, { perSecond: 25, perChatPerSecond: 1 }), maxAttempts: 10 });
    const seconds = (performance.now() - started) / 1000;

    expect(fake.sent).toHaveLength(150);
    expect([...deliveriesByChat(fake).values()].every((n) => n === 1)).toBe(true);
    expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 150, failed: 0, unreachable: 0 });
    // The Bot API's own flood control never had to refuse anything: the limiter kept under it.
    expect(fake.tooManyRequestsCount).toBe(0);
    // 25 starts per second at most; arrivals jitter by a few ms, so the window checked is a little shorter.
    expect(maxCallsInWindow(fake.calls, 950)).toBeLessThanOrEqual(25);
    const failures = fake.calls.filter((c) => c.status === 500).length;
    expect(failures).toBeGreaterThan(0);
    // 25 may start at once; every further 25 sends (retries included) take a second more.
    expect(seconds).toBeGreaterThan((150 + failures - 25) / 25);
  });

  it('recovers when its own limiter is set above the Bot API’s: flood 429s are waited out, nothing is lost or doubled', async () => {
    // Six times the API's rate: a loaded machine still sends faster than 10 a second, so 429s come for sure.
    fake = await startFakeTelegramApi({ token: TOKEN, limits: { perSecond: 10, perChatPerSecond: 1 } });
    await enqueue(t.db, broadcastRows(60));
    await run({ channels: telegramChannel(fake, { perSecond: 60, perChatPerSecond: 1 }), maxAttempts: 10 });
    expect(fake.tooManyRequestsCount).toBeGreaterThan(0);
    expect(fake.sent).toHaveLength(60);
    expect([...deliveriesByChat(fake).values()].every((n) => n === 1)).toBe(true);
  });

  it('gives up after maxAttempts into a visible failed state', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    await enqueue(t.db, broadcastRows(1));
    fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway' }, 3);
    await run({ channels: telegramChannel(fake), maxAttempts: 3, backoff: NO_BACKOFF });
    const [row] = await rows<{ status: string; attempts: number; last_error: string }>(
      t.db,
      sql`select status::text as status, attempts, last_error from outbox`,
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row!.last_error).toMatch(/gave up after 3 attempts: telegram 502/);
    expect(fake.sent).toHaveLength(0);
  });

  it('fails a message the Bot API refuses without retrying it, and goes on with the rest of the broadcast', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const batch = broadcastRows(20);
    batch[3]!.payload.reply.lines = []; // an empty text: 400 Bad Request
    await enqueue(t.db, batch);
    await run({ channels: telegramChannel(fake) });
    const failed = await rows<{ chat_id: string; attempts: number; last_error: string }>(
      t.db,
      sql`select chat_id, attempts, last_error from outbox where status = 'failed'`,
    );
    expect(failed).toEqual([
      { chat_id: '2000003', attempts: 1, last_error: expect.stringMatching(/telegram 400/) },
    ]);
    expect(fake.sent).toHaveLength(19);
  });

  it('retries once a send whose answer was lost, so it may arrive twice but never three times', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    await enqueue(t.db, broadcastRows(1));
    // The message is delivered, then the connection dies before the answer: once, then once again.
    fake.failNext('sendMessage', 'drop-after', 1);
    await run({ channels: telegramChannel(fake), backoff: NO_BACKOFF });
    expect(fake.sent).toHaveLength(2);
    expect(await outboxStats(t.db)).toMatchObject({ sent: 1, failed: 0 });

    await t.db.execute(sql`delete from outbox`);
    await enqueue(t.db, broadcastRows(1));
    fake.failNext('sendMessage', 'drop-after', 2);
    await run({ channels: telegramChannel(fake), backoff: NO_BACKOFF });
    expect(fake.sent).toHaveLength(4);
    const [row] = await rows<{ status: string; attempts: number; last_error: string }>(
      t.db,
      sql`select status::text as status, attempts, last_error from outbox`,
    );
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    expect(row!.last_error).toMatch(/^\[maybe delivered\] telegram network/);
  });
});
