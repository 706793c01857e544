// Shared pieces of the delivery tests: chat registrations, the real telegraf client on the fake API, rate checks.
import { sql } from 'drizzle-orm';
import { Telegraf } from 'telegraf';
import { createSendLimiter, type SendLimiterOptions } from '../../src/channels/limiter.ts';
import type { OutboundChannel } from '../../src/channels/outbound.ts';
import { createTelegramOutbound } from '../../src/channels/telegram/outbound.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { Messenger } from '../../src/core/types.ts';
import { rows, type DbOrTx } from '../../src/store/db.ts';
import { enqueue, type NewOutboxRow } from '../../src/store/outbox.ts';
import type { ApiCall, FakeTelegramApi } from '../fakes/telegram-api.ts';

export const TOKEN = '123:test-token-for-dondoc-reminders-not-secret';
/** The demo README's reference moment: Tuesday 15 July 2025, 08:00 in Hà Nội. */
export const NOW = new Date('2025-07-15T08:00:00+07:00');
export const TZ = 'Asia/Ho_Chi_Minh';

export const quietLogger = (): Logger => createLogger('silent');

/** The Telegram chat id the tests give a person: 1000000 + their people.id. */
export const chatOf = (personId: number): string => String(1_000_000 + personId);

/** Registers people on Telegram (and optionally Zalo) straight in chat_accounts; returns how many. */
export async function registerPeople(
  db: DbOrTx,
  opts: { channel?: Messenger; except?: string[]; only?: string[] } = {},
): Promise<number> {
  const channel = opts.channel ?? 'telegram';
  const except = opts.except ?? [];
  const only = opts.only ?? null;
  const people = await rows<{ id: number; code: string }>(db, sql`select id, code from people order by id`);
  let n = 0;
  for (const p of people) {
    if (except.includes(p.code) || (only !== null && !only.includes(p.code))) continue;
    const chat = channel === 'telegram' ? chatOf(p.id) : `z${p.id}`;
    await db.execute(
      sql`insert into chat_accounts (person_id, channel, external_user_id, chat_id)
          values (${p.id}, ${channel}, ${chat}, ${chat}) on conflict do nothing`,
    );
    n++;
  }
  return n;
}

export function telegramChannel(
  fake: FakeTelegramApi,
  limits: SendLimiterOptions = { perSecond: 50, perChatPerSecond: 20 },
): Map<Messenger, OutboundChannel> {
  const telegram = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } }).telegram;
  const limiter = createSendLimiter({ perGroupPerMinute: Infinity, ...limits });
  return new Map([['telegram', createTelegramOutbound({ telegram, limiter })]]);
}

/** `n` one-line messages to `n` different chats (chat ids from 2000000), as a broadcast would be. */
export function broadcastRows(n: number, day = '2025-07-15'): NewOutboxRow[] {
  return Array.from({ length: n }, (_, i) => ({
    idempotencyKey: `bench:${i}:${day}`,
    personId: null,
    channel: 'telegram' as const,
    chatId: String(2_000_000 + i),
    kind: 'notification' as const,
    payload: {
      reply: { lang: 'vi' as const, lines: [[`Tin nhắn số `, { b: String(i) }]], buttons: [], about: null },
      items: [],
      kind: 'notification' as const,
    },
  }));
}

export async function enqueueBroadcast(db: DbOrTx, n: number): Promise<void> {
  await enqueue(db, broadcastRows(n));
}

/** How many times each chat got a message. */
export function deliveriesByChat(fake: FakeTelegramApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.sent) counts.set(String(m.chat_id), (counts.get(String(m.chat_id)) ?? 0) + 1);
  return counts;
}

/**
 * The most sendMessage calls that arrived within any window of `windowMs` (on the fake's monotonic
 * clock). Arrivals jitter by a few ms on loopback, so a limiter exact to the millisecond is checked
 * against a window a little shorter than its own.
 */
export function maxCallsInWindow(calls: readonly ApiCall[], windowMs: number): number {
  const times = calls
    .filter((c) => c.method === 'sendMessage')
    .map((c) => c.monoAt)
    .sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export async function waitUntil(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
