// The Zalo bot end to end: demo database, real client against the loopback fake, in polling or webhook mode.
import type { ReportSource } from '../../../src/core/files.ts';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createSendLimiter } from '../../../src/channels/limiter.ts';
import { createRedeliveryGate } from '../../../src/channels/redelivery.ts';
import { inboundAdmission } from '../../../src/store/inbound.ts';
import { createZaloBot, type ZaloBot } from '../../../src/channels/zalo/bot.ts';
import type { ConversationDeps } from '../../../src/core/index.ts';
import type { CoreStore } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { rememberSent } from '../../../src/core/sent.ts';
import type { PersonCode } from '../../../src/core/types.ts';
import { createLogger } from '../../../src/logger.ts';
import { createOutboxNotifier } from '../../../src/reminders/notifier.ts';
import { startOutboxWorker, type OutboxWorker } from '../../../src/reminders/worker.ts';
import { createInvite } from '../../../src/store/people.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { expectConsistent, freshDatabase, type DbKind, type TestDatabase } from '../../helpers/db.ts';
import { makeTextUpdate, postWebhook, startFakeZaloApi, type FakeZaloApi } from '../../fakes/zalo-api.ts';
import { recordingLogger, TOKEN, waitFor, type LogLine } from './helpers.ts';

export type Mode = 'polling' | 'webhook';
export const MODES: Mode[] = ['polling', 'webhook'];

/** The demo's reference instant: Tuesday 15 July 2025, 08:00 in Hà Nội. */
export const NOW = new Date('2025-07-15T08:00:00+07:00');
export const TZ = 'Asia/Ho_Chi_Minh';
export const SECRET = 'zalo-webhook-secret-not-real';
export const WEBHOOK_URL = 'https://dondoc.example/zalo/webhook';

/** Any item code: a target `NQ57-12` or a task `NQ57-12.3`. */
export const ITEM_CODE = /\b[A-Z]{2,5}\d{2}-\d{2}(?:\.\d+)?\b/;

export interface ZaloE2E {
  mode: Mode;
  fake: FakeZaloApi;
  db: TestDatabase;
  store: Store;
  bot: ZaloBot;
  log: LogLine[];
  /** Where POST /zalo/webhook is served (webhook mode), else null. */
  webhookUrl: string | null;
  /** Hands one update to the bot the mode's way and resolves once it was handled. */
  deliver(update: Record<string, unknown>): Promise<{ status: number }>;
  /** `from` sends `text` in a private chat; resolves with the texts the bot sent to that chat. */
  say(from: string, text: string, opts?: { messageId?: string }): Promise<string[]>;
  /** Invite `person` as `npx dondoc invite` does, and register the Zalo user `from` with "đăng ký CODE". */
  register(person: PersonCode, from: string): Promise<string[]>;
  /** Sends a reply to a chat through the bot's Zalo outbound and remembers it, as the outbox does with a reminder. */
  push(chatId: string, reply: Reply): Promise<string[]>;
  /** Delivers what is in the outbox now, through the real worker and the bot's outbound. */
  drainOutbox(): Promise<void>;
  /** Texts sent to a chat since index `from` of `fake.sent`. */
  textsTo(chatId: string, from?: number): string[];
  close(): Promise<void>;
}

let seq = 0;
export const nextMessageId = (): string => `zm-${process.pid}-${++seq}`;

export async function startZaloE2E(
  kind: DbKind,
  mode: Mode,
  opts: {
    typingDelayMs?: number;
    wrapStore?: (store: Store) => CoreStore;
    beforeStart?: (fake: FakeZaloApi) => void;
    report?: ReportSource;
  } = {},
): Promise<ZaloE2E> {
  const db = await freshDatabase(kind, 'demo');
  const store = createStore(db.db, () => NOW);
  const fake = await startFakeZaloApi({ token: TOKEN });
  const logger = recordingLogger();
  const pino = createLogger('silent');
  let worker: OutboxWorker | null = null;
  const notify = createOutboxNotifier(db.db);
  const core: ConversationDeps = { store: opts.wrapStore?.(store) ?? store, now: () => NOW, tz: TZ, notify };
  const unlimited = Number.POSITIVE_INFINITY;
  const bot = createZaloBot({
    token: TOKEN,
    apiRoot: fake.url,
    webhookSecret: mode === 'webhook' ? SECRET : undefined,
    webhookUrl: mode === 'webhook' ? WEBHOOK_URL : undefined,
    firstSeen: createRedeliveryGate(inboundAdmission(db.db)),
    core,
    limiter: createSendLimiter({
      perSecond: unlimited,
      perChatPerSecond: unlimited,
      perGroupPerMinute: unlimited,
    }),
    logger,
    pollTimeoutSec: 5,
    typing: { delayMs: opts.typingDelayMs ?? 0 },
    http: { retryBaseMs: 5, retryMaxMs: 20 },
    ...(opts.report ? { report: opts.report } : {}),
  });

  let server: Server | null = null;
  let webhookUrl: string | null = null;
  if (mode === 'webhook') {
    const app = new Hono();
    if (bot.webhook) app.route('/', bot.webhook);
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server));
    });
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
  }
  opts.beforeStart?.(fake);
  await bot.start();
  if (mode === 'polling') await waitFor(() => fake.waitingPolls() === 1);

  const polls = (): number => fake.calls.filter((c) => c.method === 'getUpdates').length;
  const textsTo = (chatId: string, from = 0): string[] =>
    fake.sent
      .slice(from)
      .filter((s) => s.method === 'sendMessage' && s.body.chat_id === chatId)
      .map((s) => String(s.body.text));

  async function deliver(update: Record<string, unknown>): Promise<{ status: number }> {
    if (webhookUrl !== null) return postWebhook(webhookUrl, { secret: SECRET, body: update });
    const before = polls();
    fake.pushUpdate(update);
    // Handled once the poller has come back for the next update and nothing is queued.
    await waitFor(() => polls() > before && fake.pendingUpdates() === 0 && fake.waitingPolls() === 1, 15_000);
    return { status: 200 };
  }

  async function say(from: string, text: string, o: { messageId?: string } = {}): Promise<string[]> {
    const start = fake.sent.length;
    await deliver(
      makeTextUpdate(text, { fromId: from, chatId: from, messageId: o.messageId ?? nextMessageId() }),
    );
    return textsTo(from, start);
  }

  return {
    mode,
    fake,
    db,
    store,
    bot,
    log: logger.lines,
    webhookUrl,
    deliver,
    say,
    async register(person, from) {
      const { code } = await createInvite(db.db, person, NOW);
      return say(from, `đăng ký ${code}`);
    },
    async push(chatId, reply) {
      const start = fake.sent.length;
      const { messageIds } = await bot.outbound.send(chatId, reply);
      // As the outbox worker does once a message is delivered.
      await rememberSent(store, { channel: 'zalo', chatId }, messageIds, reply.about);
      return textsTo(chatId, start);
    },
    async drainOutbox() {
      worker ??= startOutboxWorker({
        db: db.db,
        channels: new Map([['zalo', bot.outbound]]),
        logger: pino,
        pollMs: 20,
      });
      await worker.drain();
    },
    textsTo,
    async close() {
      await worker?.stop();
      await bot.stop();
      if (server) {
        const s = server;
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      }
      await fake.close();
      await expectConsistent(db.db);
      await db.close();
    },
  };
}
