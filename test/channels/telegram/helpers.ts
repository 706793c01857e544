// An end-to-end rig: the fake Bot API on loopback, a demo database, and the real telegraf bot in either mode.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { serve } from '@hono/node-server';
import type { Update } from 'telegraf/types';
import type { Notifier } from '../../../src/core/index.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { ItemCode, Percent, PersonCode } from '../../../src/core/types.ts';
import {
  createTelegramBot,
  type TelegramBot,
  type TelegramBotDeps,
} from '../../../src/channels/telegram/bot.ts';
import { createRedeliveryGate } from '../../../src/channels/redelivery.ts';
import { inboundAdmission } from '../../../src/store/inbound.ts';
import { WEBHOOK_PATH } from '../../../src/channels/telegram/webhook.ts';
import { createLogger } from '../../../src/logger.ts';
import { createInvite } from '../../../src/store/people.ts';
import { changeProgramSettings } from '../../../src/store/programs.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { expectConsistent, freshDatabase, type DbKind, type TestDatabase } from '../../helpers/db.ts';
import {
  postWebhookUpdate,
  startFakeTelegramApi,
  type FakeTelegramApi,
  type FakeTelegramOptions,
  type TextUpdateInput,
} from '../../fakes/telegram-api.ts';

/** Shaped like nothing real: a token the logs must never show. */
export const TOKEN = '123:test-token-not-secret';
export const SECRET = 'webhook-secret_for-tests';
/** The demo's reference instant: Tuesday 15 July 2025, 08:00 in Hà Nội. */
export const NOW = new Date('2025-07-15T08:00:00+07:00');
export const TZ = 'Asia/Ho_Chi_Minh';

export type Mode = 'polling' | 'webhook';

export interface Rig {
  mode: Mode;
  fake: FakeTelegramApi;
  db: TestDatabase;
  store: Store;
  telegram: TelegramBot;
  /** Every log line written, as text. */
  logs: string[];
  /** What the core asked the notifier to deliver. */
  notified: Array<{ person: PersonCode; reply: Reply; key: string }>;
  /** Delivers an update as Telegram would in this mode; resolves once the bot has handled it. */
  deliver(update: Update): Promise<void>;
  /** A text message from `fromId` (a private chat unless chatId says otherwise); resolves once handled. */
  say(fromId: number, text: string, extra?: Partial<TextUpdateInput>): Promise<void>;
  /** Registers a demo person on Telegram through a real invite; returns the code used. */
  register(person: string, fromId: number, languageCode?: string): Promise<string>;
  /**
   * A new process: the bot stopped, then a new bot over a new store on the same database and fake API
   * (nothing kept in memory); `telegram` is the new bot afterwards.
   */
  restart(): Promise<void>;
  /** Plain texts the bot sent to a chat since `from` (an index into fake.sent). */
  textsTo(chatId: number, from?: number): string[];
  close(): Promise<void>;
}

export interface RigOptions {
  kind: DbKind;
  mode: Mode;
  fake?: Partial<FakeTelegramOptions>;
  bot?: Partial<TelegramBotDeps>;
  /** Wraps the store the bot uses (e.g. to slow it down or make it fail). */
  wrapStore?: (store: Store) => Store;
  /** The bot's notifier over the rig's database (e.g. the outbox's); default: one that records in `notified`. */
  notifier?: (db: TestDatabase['db']) => Notifier;
}

/** A reminder about one task, with the one-tap answers, as the outbox worker would send it. */
export function reminderAbout(item: ItemCode): Reply {
  const pct = (n: number) => n as Percent;
  return {
    lang: 'vi',
    lines: [['⏰ Nhắc việc: ', { code: item }, ' sắp đến hạn.']],
    buttons: [
      [
        { label: '✅ Xong', action: { kind: 'update', item, status: 'done', percent: pct(100) } },
        { label: '50%', action: { kind: 'update', item, status: 'in_progress', percent: pct(50) } },
        { label: '80%', action: { kind: 'update', item, status: 'in_progress', percent: pct(80) } },
      ],
      [
        { label: '⏸ Vướng', action: { kind: 'update', item, status: 'blocked', percent: null } },
        { label: '🔔 Nhắc lại mai', action: { kind: 'snooze', item } },
      ],
    ],
    about: item,
  };
}

/**
 * Polls until `predicate` holds. The default wait is long on purpose: it costs nothing when the condition
 * comes, and on a loaded 2-core machine a PGlite turn has taken more than 10 s.
 */
export async function waitUntil(predicate: () => boolean, timeoutMs = 25_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The set-up of the evidence and confirmation tests: NQ57's "done" waits for a checker, P03 is its
 * checker (besides the admins), and each person given is registered on the rig with their Telegram id.
 */
export async function underConfirmation(rig: Rig, people: Record<string, number>): Promise<void> {
  await changeProgramSettings(
    rig.db.db,
    'NQ57',
    { confirmation: true, checkers: ['P03' as PersonCode] },
    'cli',
  );
  for (const [person, id] of Object.entries(people)) await rig.register(person, id);
}

export async function startRig(options: RigOptions): Promise<Rig> {
  const fake = await startFakeTelegramApi({ token: TOKEN, ...options.fake });
  const db = await freshDatabase(options.kind, 'demo');
  const store = createStore(db.db, () => NOW);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const notified: Rig['notified'] = [];
  const notify: Notifier = options.notifier?.(db.db) ?? {
    notify: async (person, reply, key) => {
      notified.push({ person, reply, key });
      return { queued: ['telegram'] };
    },
  };

  let server: Server | null = null;
  let hookUrl = '';
  const botStore = options.wrapStore ? options.wrapStore(store) : store;
  const deps: TelegramBotDeps = {
    token: TOKEN,
    apiRoot: fake.url,
    store: botStore,
    firstSeen: createRedeliveryGate(inboundAdmission(db.db)),
    now: () => NOW,
    tz: TZ,
    notify,
    logger,
    pollTimeoutSec: 1,
    // Tests send many messages to one chat: Telegram's 1/s per chat would make them slow, not more true.
    limits: { perSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 1000 },
    retry: { baseMs: 20, maxMs: 100 },
    ...options.bot,
  };
  // The URL is only known once the server listens, and the routes only once the bot exists.
  let handler: (req: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  if (options.mode === 'webhook') {
    server = await new Promise<Server>((resolve) => {
      const s = serve({ fetch: (req) => handler(req), hostname: '127.0.0.1', port: 0 }, () =>
        resolve(s as Server),
      );
    });
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;
    deps.webhook = { url: hookUrl, secret: SECRET };
  }
  /** A bot over its own store; in webhook mode the server's handler now reaches it. */
  const newBot = (botDeps: TelegramBotDeps): TelegramBot => {
    const telegram = createTelegramBot(botDeps);
    if (options.mode === 'webhook') {
      const routes = telegram.webhook;
      if (!routes) throw new Error('webhook mode without routes');
      handler = (req) => routes.fetch(req);
    }
    return telegram;
  };
  return finish(newBot(deps));

  async function finish(telegram: TelegramBot): Promise<Rig> {
    await telegram.start();
    const deliver = async (update: Update): Promise<void> => {
      if (options.mode === 'webhook') {
        const res = await postWebhookUpdate(hookUrl, update, SECRET);
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
        return;
      }
      fake.pushUpdate(update);
      // An update leaves the fake's queue when the next poll confirms it: after its batch was handled.
      await waitUntil(() => !fake.pendingUpdates.some((u) => u.update_id === update.update_id));
    };
    const rig: Rig = {
      mode: options.mode,
      fake,
      db,
      store,
      telegram,
      logs,
      notified,
      deliver,
      say: (fromId, text, extra = {}) => deliver(fake.makeTextUpdate({ fromId, text, ...extra })),
      async restart() {
        await rig.telegram.stop();
        const store2 = createStore(db.db, () => NOW);
        const next = newBot({ ...deps, store: options.wrapStore ? options.wrapStore(store2) : store2 });
        await next.start();
        rig.telegram = next;
      },
      async register(person, fromId, languageCode) {
        const { code } = await createInvite(db.db, person as PersonCode, NOW);
        await rig.say(fromId, `/start ${code}`, languageCode ? { languageCode } : {});
        return code;
      },
      textsTo: (chatId, from = 0) =>
        fake.sent
          .slice(from)
          .filter((m) => m.chat_id === chatId)
          .map((m) => m.plain),
      async close() {
        await telegram.stop();
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
    return rig;
  }
}
