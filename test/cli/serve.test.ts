// `dondoc serve` as npm start runs it: console, Telegram bot, scheduler and outbox worker in one process,
// against the fake Bot API. The morning's missed cycle runs at start-up, the reminder arrives once, a reply
// to it updates the task, and a restart sends nothing again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite, register } from '../../src/store/people.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { waitUntil } from '../channels/telegram/helpers.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { metricsOnceMatching } from '../helpers/metrics.ts';
import { clusterSuite } from './serve-cluster.ts';

const TOKEN = '42:serve-test-token-not-secret';
// Tuesday 08:30 in Hà Nội: the 08:00 slot of REMINDER_CRON is half an hour late, so start-up runs it.
const NOW = new Date('2025-07-15T08:30:00+07:00');
/** P08's only open task is overdue: the demo's one-task reminder, with buttons and reply threading. */
const STAFF = 'P08' as PersonCode;
const CHAT = 8008;

interface Running {
  origin: string;
  stop(): Promise<void>;
}

describe.each(dbKinds())('dondoc serve on %s', (kind) => {
  let t: TestDatabase;
  let fake: FakeTelegramApi;

  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    fake = await startFakeTelegramApi({ token: TOKEN });
    const { code } = await createInvite(t.db, STAFF, NOW);
    await register(
      t.db,
      code,
      { channel: 'telegram', chatId: String(CHAT), externalUserId: String(CHAT) },
      NOW,
    );
  });
  afterAll(async () => {
    await fake.close();
    await t.close();
  });

  async function serve(): Promise<Running> {
    const stops: Array<() => Promise<void>> = [];
    const { code, err } = await runCommand(['serve'], {
      env: {
        DONDOC_NOW: NOW.toISOString(),
        PORT: '0',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.url,
      },
      now: NOW,
      db: t,
      onShutdown: (step) => void stops.push(step),
    });
    expect(code).toBe(0);
    const origin = /http:\/\/\S+?(?=\/$)/.exec(err.join('\n'))?.[0];
    if (!origin) throw new Error(`no console address in: ${err.join('\n')}`);
    return {
      origin,
      async stop() {
        for (const step of stops) await step();
      },
    };
  }

  const remindersTo = (chat: number) =>
    fake.sent.filter((m) => m.chat_id === chat && m.plain.includes('NQ57-04.3'));

  it('sends the missed morning reminder once, takes a reply to it, and sends nothing again after a restart', async () => {
    const first = await serve();
    try {
      await waitUntil(() => remindersTo(CHAT).length > 0, 20_000);
      const [reminder] = remindersTo(CHAT);
      expect(reminder!.plain).toMatch(/NQ57-04\.3/);
      expect(reminder!.reply_markup).toBeDefined();

      const health = await fetch(`${first.origin}/healthz`);
      expect(health.status).toBe(200);
      const metrics = await metricsOnceMatching(first.origin, [
        /dondoc_reminders_sent_total\{channel="telegram",kind="assignee"\} 1\b/,
      ]);
      expect(metrics).toMatch(/dondoc_reminders_sent_total\{channel="telegram",kind="assignee"\} 1\b/);

      // A reply "xong" to the reminder is about its task: the bot records it and confirms.
      const before = fake.sent.length;
      fake.pushUpdate(
        fake.makeTextUpdate({ fromId: CHAT, text: 'xong', replyToMessageId: reminder!.message_id }),
      );
      await waitUntil(() => fake.sent.slice(before).some((m) => m.chat_id === CHAT), 20_000);
      const [task] = await rows<{ status: string; progress: number }>(
        t.db,
        "select status, progress from tasks where code = 'NQ57-04.3'" as never,
      );
      expect(task).toEqual({ status: 'done', progress: 100 });
      // Telegram traffic is counted on /metrics like the console's: through the core's one door.
      const counted = await metricsOnceMatching(first.origin, [
        /dondoc_messages_out_total\{channel="telegram"\} [1-9]/,
        /dondoc_reply_seconds_count\{channel="telegram"\} 1\b/,
      ]);
      expect(counted).toMatch(/dondoc_messages_in_total\{channel="telegram"\} 1\b/);
      expect(counted).toMatch(/dondoc_messages_out_total\{channel="telegram"\} [1-9]/);
      expect(counted).toMatch(/dondoc_reply_seconds_count\{channel="telegram"\} 1\b/);
    } finally {
      await first.stop();
    }

    // The same morning again: the slot is taken and the outbox holds the sent row, so nothing repeats.
    const sentBefore = fake.sent.filter((m) => m.chat_id === CHAT).length;
    const second = await serve();
    try {
      const [outbox] = await rows<{ pending: number; sent: number }>(
        t.db,
        `select count(*) filter (where status = 'pending')::int as pending,
                count(*) filter (where status = 'sent')::int as sent
           from outbox where person_id = (select id from people where code = 'P08')` as never,
      );
      expect(outbox).toEqual({ pending: 0, sent: 1 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(fake.sent.filter((m) => m.chat_id === CHAT).length).toBe(sentBefore);
    } finally {
      await second.stop();
    }
  });
});

// Three processes on one database: a server's, so Postgres runs only (embedded files belong to one process).
describe.each(dbKinds().filter((kind) => kind === 'postgres'))(
  'three dondoc serve processes in webhook mode on one %s',
  clusterSuite,
);
