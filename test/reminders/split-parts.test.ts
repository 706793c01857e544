// A reminder too long for one message goes out in parts, each its own delivery: a retry resumes at the
// part that failed, never resending the parts that already arrived. Driven through the messengers the
// `remind` and `serve` commands build, against the loopback fakes of the Bot APIs.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboundChannelsFrom } from '../../src/cli/remind.ts';
import type { Line, Reply } from '../../src/core/reply.ts';
import type { ItemCode } from '../../src/core/types.ts';
import { startOutboxWorker } from '../../src/reminders/worker.ts';
import { rows } from '../../src/store/db.ts';
import { enqueue, type NewOutboxRow } from '../../src/store/outbox.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { TOKEN, quietLogger } from './delivery.ts';

const logger = quietLogger();
const CHAT = '1000042';

/** An escalation digest of 40 overdue items, ~5,000 characters: two Telegram messages, three on Zalo. */
const digestLines: Line[] = Array.from({ length: 40 }, (_, i) => [
  `[#${i}] ⚠️ `,
  { b: `NQ57-${i + 1}.1` },
  ` quá hạn ${i + 3} ngày — Sở Khoa học và Công nghệ, Nguyễn Văn An; chưa có báo cáo tiến độ nào tuần này.`,
]);
const digest: Reply = { lang: 'vi', lines: digestLines, buttons: [], about: null };

function escalationRow(channel: 'telegram' | 'zalo', chatId: string): NewOutboxRow {
  return {
    idempotencyKey: `escalation:P01:2025-07-15`,
    personId: null,
    channel,
    chatId,
    kind: 'escalation',
    payload: { reply: digest, items: ['NQ57-1.1' as ItemCode], kind: 'escalation' },
  };
}

/** Every line of the digest, in order, appears exactly once across what the chat received. */
function expectEachLineOnce(texts: readonly string[]): void {
  for (let i = 0; i < digestLines.length; i++) {
    const holding = texts.filter((t) => t.includes(`[#${i}] `));
    expect(holding, `line [#${i}]`).toHaveLength(1);
  }
}

describe.each(dbKinds())('a reminder sent in parts, on %s', (kind) => {
  let t: TestDatabase;
  let telegram: FakeTelegramApi | undefined;
  let zalo: FakeZaloApi | undefined;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.db.execute(sql`delete from outbox`);
  });
  afterEach(async () => {
    await telegram?.close();
    await zalo?.close();
    telegram = zalo = undefined;
  });

  async function deliver(config: Parameters<typeof outboundChannelsFrom>[0]): Promise<void> {
    const channels = outboundChannelsFrom(config, logger);
    const worker = startOutboxWorker({
      db: t.db,
      channels,
      logger,
      pollMs: 50,
      backoff: { baseMs: 50, maxMs: 200 },
    });
    await worker.drain();
    await worker.stop();
  }

  async function outboxRow(): Promise<{ status: string; attempts: number; ids: string | null }> {
    const [row] = await rows<{ status: string; attempts: number; ids: string | null }>(
      t.db,
      sql`select status::text as status, attempts, external_message_id as ids from outbox`,
    );
    return row!;
  }

  const noMessenger = {
    TELEGRAM_BOT_TOKEN: undefined,
    TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    ZALO_BOT_TOKEN: undefined,
    ZALO_API_ROOT: 'http://127.0.0.1:9',
    SEND_RATE_PER_SECOND: 25,
  };

  it('on Telegram, a 429 on part 2 resends part 2 only: each part arrives once and the row ends sent', async () => {
    telegram = await startFakeTelegramApi({ token: TOKEN });
    // Flood control refuses the second part once, asking for a one-second wait.
    telegram.failNext(
      'sendMessage',
      { status: 429, description: 'Too Many Requests: retry after 1', retryAfter: 1 },
      1,
      (params) => !String(params['text']).includes('[#0] '),
    );
    await enqueue(t.db, [escalationRow('telegram', CHAT)]);
    await deliver({ ...noMessenger, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url });

    expect(telegram.calls.filter((c) => c.status === 429)).toHaveLength(1);
    const texts = telegram.sent.map((m) => m.plain);
    expect(texts).toHaveLength(2);
    expectEachLineOnce(texts);
    expect(texts[0]).toContain('[#0] ');
    const row = await outboxRow();
    expect(row.status).toBe('sent');
    expect(row.ids).toBe(telegram.sent.map((m) => m.message_id).join(','));
  });

  it('on Zalo, a 429 on part 2 of 3 resumes at part 2: each part arrives once, in order, and the row ends sent', async () => {
    zalo = await startFakeZaloApi({ token: TOKEN });
    zalo.failNext(
      'sendMessage',
      {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: 'Too Many Requests',
          parameters: { retry_after: 1 },
        },
      },
      1,
      (body) => !JSON.stringify(body).includes('[#0] '),
    );
    await enqueue(t.db, [escalationRow('zalo', 'z42')]);
    await deliver({ ...noMessenger, ZALO_BOT_TOKEN: TOKEN, ZALO_API_ROOT: zalo.url });

    expect(zalo.calls.filter((c) => c.status === 429)).toHaveLength(1);
    const texts = zalo.sent.map((m) => String(m.body['text']));
    expect(texts).toHaveLength(3);
    expectEachLineOnce(texts);
    // In order: the lines of each part follow those of the part before.
    const firstLine = texts.map((x) => Number(/\[#(\d+)\]/.exec(x)?.[1]));
    expect(firstLine).toEqual([...firstLine].sort((a, b) => a - b));
    const row = await outboxRow();
    expect(row.status).toBe('sent');
    expect(row.ids?.split(',')).toHaveLength(3);
  });

  it('a part whose answer was lost is retried once from that part; the parts before it are not resent', async () => {
    telegram = await startFakeTelegramApi({ token: TOKEN });
    // Part 2 is delivered, then the connection dies before the answer: it may have gone out.
    telegram.failNext('sendMessage', 'drop-after', 1, (params) => !String(params['text']).includes('[#0] '));
    await enqueue(t.db, [escalationRow('telegram', CHAT)]);
    await deliver({ ...noMessenger, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url });

    const texts = telegram.sent.map((m) => m.plain);
    expect(texts.filter((x) => x.includes('[#0] '))).toHaveLength(1);
    // The ambiguous part went twice (a lost reminder costs more than a duplicate), part 1 once.
    expect(texts).toHaveLength(3);
    expect((await outboxRow()).status).toBe('sent');
  });
});
