// A reminder cycle on the demo province, delivered by the outbox worker through telegraf to the fake Bot API.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { runCycle } from '../../src/reminders/cycle.ts';
import { startScheduler } from '../../src/reminders/scheduler.ts';
import { lastSlot } from '../../src/store/reminder-cycles.ts';
import { startOutboxWorker } from '../../src/reminders/worker.ts';
import { rows } from '../../src/store/db.ts';
import { outboxStats } from '../../src/store/outbox.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import {
  NOW,
  TOKEN,
  TZ,
  chatOf,
  deliveriesByChat,
  quietLogger,
  registerPeople,
  telegramChannel,
} from './delivery.ts';

const logger = quietLogger();
const NEXT_DAY = new Date('2025-07-16T08:00:00+07:00');

async function personId(t: TestDatabase, code: string): Promise<number> {
  const [r] = await rows<{ id: number }>(t.db, sql`select id from people where code = ${code}`);
  return Number(r!.id);
}

describe.each(dbKinds())('a reminder cycle on %s', (kind) => {
  let t: TestDatabase;
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    // P08 has a task overdue today but never registered on any messenger.
    await registerPeople(t.db, { channel: 'telegram', except: ['P08'] });
  });
  afterAll(() => t.close());
  afterEach(() => fake?.close());

  async function deliver(): Promise<void> {
    const worker = startOutboxWorker({ db: t.db, channels: telegramChannel(fake), logger, pollMs: 50 });
    await worker.drain();
    await worker.stop();
  }

  it('writes nothing on a dry run', async () => {
    const result = await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: true });
    expect(result.plan.messages.length).toBeGreaterThan(20);
    expect(result.enqueued).toBe(0);
    expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 0, failed: 0, unreachable: 0 });
  });

  it('sends each planned message once although the cycle runs twice on the same day', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const first = await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: false });
    const second = await runCycle(
      { db: t.db, now: new Date(NOW.getTime() + 3_600_000), tz: TZ, logger },
      { dryRun: false },
    );
    expect(first.enqueued).toBe(first.plan.messages.length);
    expect(second.enqueued).toBe(0);
    await deliver();
    const again = await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: false });
    expect(again.enqueued).toBe(0);
    await deliver();

    expect(fake.sent).toHaveLength(first.plan.messages.length);
    const expected = new Map<string, number>();
    for (const m of first.plan.messages) {
      const chat = chatOf(await personId(t, m.person));
      expected.set(chat, (expected.get(chat) ?? 0) + 1);
    }
    expect(deliveriesByChat(fake)).toEqual(expected);
    expect(await outboxStats(t.db)).toMatchObject({
      pending: 0,
      sent: first.plan.messages.length,
      failed: 0,
    });
  });

  it('renders the messages as Telegram HTML, with one-tap buttons on a reminder about a single task', async () => {
    const p01 = Number(chatOf(await personId(t, 'P01')));
    const leader = fake.sent.find((m) => m.chat_id === p01 && m.text.includes('📊'));
    expect(leader?.parse_mode).toBe('HTML');
    expect(leader?.plain).toContain('NQ57: 17/43');
    const single = fake.sent.find((m) => m.reply_markup !== undefined);
    const keyboard = (single?.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data.split('|')[0])).toEqual(['u', 'u', 'u', 'u', 's']);
    // A reply to it updates that task: the worker remembered what each message was about.
    const [remembered] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from bot_messages`);
    expect(Number(remembered!.n)).toBeGreaterThan(0);
  });

  it('leaves out a person with no chat account and names them to the leaders as unreachable', async () => {
    const { plan } = await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: true });
    expect(plan.messages.some((m) => m.person === 'P08')).toBe(false);
    const digests = plan.messages.filter((m) => m.kind === 'leader_digest');
    expect(digests.length).toBeGreaterThan(0);
    for (const d of digests) expect(d.unreachable).toContain('P08' as PersonCode);
    const [p08] = await rows<{ name: string }>(
      t.db,
      sql`select full_name as name from people where code = 'P08'`,
    );
    const sent = fake.sent.find((m) => m.text.includes('📊'))?.plain ?? '';
    expect(sent).toContain(`Chưa liên lạc được: ${p08!.name}`);
  });

  it('runs from the scheduler inside the transaction that claims the slot, once', async () => {
    const friday = new Date('2025-07-18T09:30:00+07:00');
    const results: number[] = [];
    const boot = () =>
      startScheduler({
        db: t.db,
        cronExpr: '0 8 * * 1-5',
        tz: TZ,
        now: () => friday,
        logger,
        cron: false,
        onCycle: async (tx) => {
          const { enqueued } = await runCycle({ db: tx, now: friday, tz: TZ, logger }, { dryRun: false });
          results.push(enqueued);
        },
      }).then((s) => s.stop());
    await boot();
    await boot();
    expect(results).toHaveLength(1);
    expect(results[0]).toBeGreaterThan(0);
    const [n] = await rows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from outbox where idempotency_key like '%:2025-07-18'`,
    );
    expect(Number(n!.n)).toBe(results[0]);
    expect(await lastSlot(t.db, 'reminders')).toEqual(new Date('2025-07-18T08:00:00+07:00'));
    await t.db.execute(sql`delete from outbox where idempotency_key like '%:2025-07-18'`);
  });

  it('marks a chat that blocked the bot unreachable without retrying, and lists the person in the next day’s leader digest', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const blocked = 'P05';
    const chat = chatOf(await personId(t, blocked));
    fake.blockChat(chat);
    const day2 = await runCycle({ db: t.db, now: NEXT_DAY, tz: TZ, logger }, { dryRun: false });
    expect(day2.plan.messages.some((m) => m.person === blocked)).toBe(true);
    await deliver();
    const toBlocked = fake.calls.filter(
      (c) => c.method === 'sendMessage' && String(c.params['chat_id']) === chat,
    );
    expect(toBlocked.length).toBe(day2.plan.messages.filter((m) => m.person === blocked).length);
    const states = await rows<{ status: string; attempts: number; last_error: string }>(
      t.db,
      sql`select o.status::text as status, o.attempts, o.last_error from outbox o
           join people p on p.id = o.person_id where p.code = ${blocked} and o.idempotency_key like '%2025-07-16'`,
    );
    expect(states.length).toBeGreaterThan(0);
    for (const s of states) expect(s).toMatchObject({ status: 'unreachable', attempts: 1 });
    expect(states[0]!.last_error).toMatch(/403/);
    const [p] = await rows<{ since: string | null }>(
      t.db,
      sql`select unreachable_since::text as since from people where code = ${blocked}`,
    );
    expect(p!.since).not.toBeNull();

    const day3 = await runCycle(
      { db: t.db, now: new Date('2025-07-17T08:00:00+07:00'), tz: TZ, logger },
      { dryRun: true },
    );
    const digest = day3.plan.messages.find((m) => m.kind === 'leader_digest');
    expect(digest?.unreachable).toEqual(expect.arrayContaining(['P05', 'P08']));
  });
});
