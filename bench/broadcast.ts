// A reminder broadcast to many chats: outbox worker → limiter → telegraf → a fake Bot API enforcing Telegram's limits.
//
// Figures: messages per second achieved against our ceiling (SEND_RATE_PER_SECOND, default 28.5), 429s the
// Bot API had to answer (aim 0), duplicates and losses (aim 0). 10,000 recipients at 28.5/s take 351 s;
// BENCH_RECIPIENTS=500 makes a quick run. PGlite always; Postgres when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { Telegraf } from 'telegraf';
import { createSendLimiter, TELEGRAM_SEND_LIMITS } from '../src/channels/limiter.ts';
import { createTelegramOutbound } from '../src/channels/telegram/outbound.ts';
import { createLogger } from '../src/logger.ts';
import { startOutboxWorker } from '../src/reminders/worker.ts';
import { fromPglite, fromPostgresUrl, runMigrations, type Database } from '../src/store/db.ts';
import { enqueue, outboxStats, type NewOutboxRow } from '../src/store/outbox.ts';
import { startFakeTelegramApi } from '../test/fakes/telegram-api.ts';

const TOKEN = '123:bench-broadcast-token';
const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const CEILING = Number(process.env.SEND_RATE_PER_SECOND ?? 28.5);
/** What Telegram enforces, and the fake with it: 30 messages/s per bot, 1 per second per chat. */
const TELEGRAM = { perSecond: 30, perChatPerSecond: 1 };

function rows(n: number): NewOutboxRow[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: `bench:P${i}:assignee:2025-07-15`,
    personId: null,
    channel: 'telegram' as const,
    chatId: String(5_000_000 + i),
    kind: 'assignee' as const,
    payload: {
      reply: {
        lang: 'vi' as const,
        lines: [
          [{ b: '🔔 Nhắc việc ngày 15/07/2025' }],
          ['🔴 ', { b: `NQ57-${(i % 40) + 1}.${(i % 5) + 1}` }, ' Lắp đặt trạm BTS — quá hạn 5 ngày, 40%'],
          ['Trả lời tin này: “xong”, “80% ghi chú” hoặc “vướng: lý do”.'],
        ],
        buttons: [],
        about: null,
      },
      items: [],
      kind: 'assignee' as const,
    },
  }));
}

async function benchOne(label: string, database: Database): Promise<void> {
  const fake = await startFakeTelegramApi({ token: TOKEN, limits: TELEGRAM });
  try {
    await enqueue(database.db, rows(RECIPIENTS));
    const telegram = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } }).telegram;
    const limiter = createSendLimiter({ ...TELEGRAM_SEND_LIMITS, perSecond: CEILING });
    const channels = new Map([['telegram' as const, createTelegramOutbound({ telegram, limiter })]]);
    const worker = startOutboxWorker({ db: database.db, channels, logger: createLogger('silent') });
    const t0 = performance.now();
    const progress = setInterval(() => {
      const s = (performance.now() - t0) / 1000;
      console.error(`  [${label}] ${fake.sent.length}/${RECIPIENTS} after ${s.toFixed(0)} s`);
    }, 30_000);
    await worker.drain();
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(progress);
    await worker.stop();

    const perChat = new Map<number, number>();
    for (const m of fake.sent) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    const duplicates = fake.sent.length - perChat.size;
    const losses = RECIPIENTS - perChat.size;
    const arrivals = fake.calls.filter((c) => c.method === 'sendMessage').map((c) => c.monoAt);
    const span = ((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)) / 1000;
    const achieved = RECIPIENTS / seconds;
    // The sliding window lets the first `CEILING` go at once; after that the ceiling is the pace.
    const steady = span > 0 ? (arrivals.length - CEILING) / span : NaN;
    const stats = await outboxStats(database.db);
    console.log(
      `[${label}] ${RECIPIENTS} recipients in ${seconds.toFixed(1)} s: ${achieved.toFixed(2)} msg/s overall, ` +
        `${steady.toFixed(2)} msg/s steady, ceiling ${CEILING} → ${((100 * steady) / CEILING).toFixed(1)} % ` +
        `(Telegram allows ${TELEGRAM.perSecond}/s)`,
    );
    console.log(
      `[${label}] 429s from the Bot API: ${fake.tooManyRequestsCount}; duplicates: ${duplicates}; losses: ${losses}; ` +
        `outbox: ${stats.sent} sent, ${stats.pending} pending, ${stats.failed} failed, ${stats.unreachable} unreachable`,
    );
  } finally {
    await fake.close();
  }
}

export async function benchBroadcast(): Promise<void> {
  console.log(
    `== broadcast: ${RECIPIENTS} recipients, ceiling ${CEILING} msg/s (SEND_RATE_PER_SECOND), ` +
      `fake Bot API enforcing ${TELEGRAM.perSecond} msg/s and ${TELEGRAM.perChatPerSecond} msg/s per chat; ` +
      `expect about ${Math.ceil(RECIPIENTS / CEILING)} s per database (BENCH_RECIPIENTS for a shorter run) ==`,
  );
  const pglite = fromPglite(await PGlite.create());
  try {
    await runMigrations(pglite);
    await benchOne('PGlite (in memory)', pglite);
  } finally {
    await pglite.close();
  }

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('[Postgres] skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    return;
  }
  const name = 'dondoc_bench_broadcast';
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = fromPostgresUrl(u.toString(), 'postgres', 4);
    try {
      await runMigrations(database, u.toString());
      await benchOne('Postgres', database);
    } finally {
      await database.close();
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
