// Group digests through the real cycle and outbox: one row per subscribed group per working day, to no person.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain, type Reply } from '../../src/core/reply.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { runCycle } from '../../src/reminders/cycle.ts';
import { rows } from '../../src/store/db.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { NOW, TZ, quietLogger, registerPeople } from './delivery.ts';

const logger = quietLogger();
const SATURDAY = new Date('2025-07-19T08:00:00+07:00');

describe.each(dbKinds())('group digests in a reminder cycle on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    await registerPeople(t.db, { channel: 'telegram' });
    const store = createStore(t.db, () => NOW);
    const by = 'P02' as PersonCode;
    await store.subscribeGroupDigest({
      chat: { channel: 'telegram', chatId: '-100500' },
      by,
      lang: 'vi',
      at: NOW,
    });
    await store.subscribeGroupDigest({
      chat: { channel: 'zalo', chatId: 'zalo-group-1' },
      by,
      lang: 'en',
      at: NOW,
    });
  });
  afterAll(() => t.close());

  const groupRows = () =>
    rows<{ key: string; channel: string; chat: string; person: number | null; payload: string }>(
      t.db,
      sql`select idempotency_key as key, channel::text as channel, chat_id as chat, person_id as person,
                 payload::text as payload
            from outbox where kind = 'group_digest' order by id`,
    );

  it('adds nothing on a Saturday', async () => {
    const result = await runCycle({ db: t.db, now: SATURDAY, tz: TZ, logger }, { dryRun: false });
    expect(result.groups).toEqual({
      localDay: '2025-07-19',
      skipped: { reason: 'non_working_day' },
      digests: [],
    });
    expect(await groupRows()).toEqual([]);
  });

  it('enqueues one digest per group although the cycle runs twice on the same day', async () => {
    const first = await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: false });
    const later = new Date(NOW.getTime() + 3_600_000);
    const second = await runCycle({ db: t.db, now: later, tz: TZ, logger }, { dryRun: false });
    expect(first.groups.digests).toHaveLength(2);
    expect(first.enqueued).toBe(first.plan.messages.length + 2);
    expect(second.enqueued).toBe(0);

    const queued = await groupRows();
    expect(queued.map(({ payload: _payload, ...r }) => r)).toEqual([
      { key: 'group:telegram:-100500:2025-07-15', channel: 'telegram', chat: '-100500', person: null },
      { key: 'group:zalo:zalo-group-1:2025-07-15', channel: 'zalo', chat: 'zalo-group-1', person: null },
    ]);
    const [vi, en] = queued.map((r) => renderPlain((JSON.parse(r.payload) as { reply: Reply }).reply.lines));
    expect(vi).toContain('📊 Bản tin tiến độ toàn tỉnh ngày 15/07/2025');
    expect(vi).toContain('NQ57: 17/43 chỉ tiêu hoàn thành (39,5%)');
    expect(en).toContain('NQ57: 17/43 targets done (39.5%)');
    const names = await rows<{ name: string }>(t.db, sql`select full_name as name from people`);
    for (const text of [vi!, en!]) for (const { name } of names) expect(text).not.toContain(name);
  });

  it('plans the next working day’s digest anew', async () => {
    const next = await runCycle(
      { db: t.db, now: new Date('2025-07-16T08:00:00+07:00'), tz: TZ, logger },
      { dryRun: false },
    );
    expect(next.groups.digests.map((d) => d.idempotencyKey)).toEqual([
      'group:telegram:-100500:2025-07-16',
      'group:zalo:zalo-group-1:2025-07-16',
    ]);
    expect(await groupRows()).toHaveLength(4);
  });
});
