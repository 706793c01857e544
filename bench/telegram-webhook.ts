// Updates handled per second through the Telegram webhook path (secret, once-only gate, core, reply), beside a bare echo bot.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createRedeliveryGate } from '../src/channels/redelivery.ts';
import { inboundAdmission } from '../src/store/inbound.ts';
import { createTelegramBot } from '../src/channels/telegram/bot.ts';
import { WEBHOOK_PATH } from '../src/channels/telegram/webhook.ts';
import { handleMessage } from '../src/core/index.ts';
import type { PersonCode } from '../src/core/types.ts';
import { createLogger } from '../src/logger.ts';
import { fromPglite, fromPostgresUrl, rows, runMigrations, type Database } from '../src/store/db.ts';
import { readProvince } from '../src/store/demo-files.ts';
import { createInvite, register } from '../src/store/people.ts';
import { seedProvince } from '../src/store/seed.ts';
import { createStore, type Store } from '../src/store/store.ts';
import { postWebhookUpdate, startFakeTelegramApi, type FakeTelegramApi } from '../test/fakes/telegram-api.ts';

const TOKEN = '123:bench-token-not-secret';
const SECRET = 'bench-secret';
const NOW = new Date('2025-07-15T08:00:00+07:00');
const DEMO = fileURLToPath(new URL('../demo', import.meta.url));
const UPDATES = Number(process.env.BENCH_UPDATES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = 50;
/** What people ask most, in the proportions a morning brings: lists, one item, help, a stray message. */
const TEXTS = [
  'việc của tôi',
  'tiến độ NQ57-12',
  'mục tiêu NQ57 nào quá hạn?',
  'tổng hợp tiến độ DA06',
  'việc gì sắp đến hạn tuần này',
  '/help',
  'cảm ơn',
];

interface Figures {
  perSecond: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Posts `updates` to `url` with `CONCURRENCY` in flight, as Telegram's webhook connections would. */
async function drive(url: string, updates: Update[]): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < updates.length) {
        const update = updates[next++]!;
        const s = performance.now();
        const res = await postWebhookUpdate(url, update, SECRET);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: updates.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

async function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
  });
}
const close = (s: Server) =>
  new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));
const portOf = (s: Server) => (s.address() as AddressInfo).port;

function makeUpdates(fake: FakeTelegramApi, senders: number[], n: number): Update[] {
  return Array.from({ length: n }, (_, i) =>
    fake.makeTextUpdate({ fromId: senders[i % senders.length]!, text: TEXTS[i % TEXTS.length]! }),
  );
}

/** A bare telegraf bot on the same fake that echoes each text: the floor our path is measured against. */
async function benchEcho(fake: FakeTelegramApi, senders: number[]): Promise<Figures> {
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url, webhookReply: false } });
  bot.on('text', (ctx) => ctx.reply(ctx.message.text));
  const callback = bot.webhookCallback('/echo', { secretToken: SECRET });
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => void callback(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${portOf(server)}/echo`;
  await drive(url, makeUpdates(fake, senders, WARMUP));
  const figures = await drive(url, makeUpdates(fake, senders, UPDATES));
  await close(server);
  return figures;
}

/** The same messages straight into handleMessage, same concurrency: what the core and the store cost alone. */
async function benchCore(store: Store, senders: number[]): Promise<Figures> {
  const deps = {
    store,
    now: () => NOW,
    tz: 'Asia/Ho_Chi_Minh',
    notify: { notify: async () => ({ queued: [] }) },
  };
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < UPDATES) {
        const i = next++;
        const sender = String(senders[i % senders.length]);
        const s = performance.now();
        await handleMessage(deps, {
          channel: 'telegram',
          chatId: sender,
          chatKind: 'private',
          senderId: sender,
          text: TEXTS[i % TEXTS.length]!,
          messageId: `bench:${i}`,
          replyToItem: null,
          action: null,
          addressed: true,
          langHint: null,
          at: NOW,
        });
        latencies.push(performance.now() - s);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - t0) / 1000;
  return { perSecond: UPDATES / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** Statements sent to the database so far (each one round trip; a transaction adds its BEGIN and COMMIT). */
let statements = 0;
const countStatement = () => void statements++;

async function benchOne(label: string, database: Database, url?: string): Promise<void> {
  await runMigrations(database, url);
  await seedProvince(database.db, readProvince(DEMO), { shiftDays: 0 });
  const store = createStore(database.db, () => NOW);
  const people = await rows<{ code: string }>(database.db, 'select code from people order by code' as never);
  const senders: number[] = [];
  for (const [i, p] of people.entries()) {
    const { code } = await createInvite(database.db, p.code as PersonCode, NOW);
    const chatId = String(50_000 + i);
    await register(database.db, code, { channel: 'telegram', chatId, externalUserId: chatId }, NOW);
    senders.push(50_000 + i);
  }

  const fake = await startFakeTelegramApi({ token: TOKEN });
  let handler: (req: Request) => Response | Promise<Response> = () => new Response('', { status: 503 });
  const server = await listen((req) => handler(req));
  const hook = `http://127.0.0.1:${portOf(server)}${WEBHOOK_PATH}`;
  const telegram = createTelegramBot({
    token: TOKEN,
    apiRoot: fake.url,
    store,
    firstSeen: createRedeliveryGate(inboundAdmission(database.db)),
    now: () => NOW,
    tz: 'Asia/Ho_Chi_Minh',
    notify: { notify: async () => ({ queued: [] }) },
    logger: createLogger('silent'),
    webhook: { url: hook, secret: SECRET },
    // The path's own speed: Telegram's send limits (30/s) would otherwise be all this measures.
    limits: { perSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity },
    typingDelayMs: 60_000,
  });
  const routes = telegram.webhook!;
  handler = (req) => routes.fetch(req);
  await telegram.start();

  await drive(hook, makeUpdates(fake, senders, WARMUP));
  const sentBefore = fake.sent.length;
  const statementsBefore = statements;
  const ours = await drive(hook, makeUpdates(fake, senders, UPDATES));
  const perUpdate = (statements - statementsBefore) / UPDATES;
  const replies = fake.sent.length - sentBefore;
  await telegram.stop();
  await close(server);
  const core = await benchCore(store, senders);
  const echo = await benchEcho(fake, senders);
  await fake.close();

  const row = (name: string, f: Figures) =>
    console.log(
      `${name.padEnd(28)}${f.perSecond.toFixed(0).padStart(8)}  ${f.p50.toFixed(1).padStart(8)}  ${f.p95.toFixed(1).padStart(8)}`,
    );
  console.log(`\n[${label}] ${UPDATES} updates from ${senders.length} people, ${CONCURRENCY} in flight`);
  console.log(`${''.padEnd(28)}${'upd/s'.padStart(8)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}`);
  row('dondoc webhook path', ours);
  row('core only (handleMessage)', core);
  row('bare telegraf echo', echo);
  console.log(
    `replies sent: ${replies} for ${UPDATES} updates; the echo bot does ${(echo.perSecond / ours.perSecond).toFixed(1)}× the updates/s`,
  );
  console.log(
    `dondoc's updates/s are ${((100 * ours.perSecond) / echo.perSecond).toFixed(0)} % of the echo bot's ` +
      `(aim ≥ 40 % on Postgres, ≥ 25 % on PGlite); ${perUpdate.toFixed(2)} statements per update`,
  );
}

export async function benchTelegramWebhook(): Promise<void> {
  console.log('== Telegram webhook: updates handled per second (secret → once-only gate → core → reply) ==');
  const pglite = fromPglite(await PGlite.create(), countStatement);
  try {
    await benchOne('PGlite (in memory)', pglite);
  } finally {
    await pglite.close();
  }

  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) {
    console.log('\n[Postgres] skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    return;
  }
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists dondoc_bench_tg with (force)');
  await admin.unsafe('create database dondoc_bench_tg');
  const u = new URL(base);
  u.pathname = '/dondoc_bench_tg';
  const pg = fromPostgresUrl(u.toString(), 'postgres', 10, countStatement);
  try {
    await benchOne('Postgres', pg, u.toString());
  } finally {
    await pg.close();
    await admin.unsafe('drop database if exists dondoc_bench_tg with (force)');
    await admin.end();
  }
}
