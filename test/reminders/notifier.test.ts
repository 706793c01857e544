// Core notifications (explanation asked, explanation answered) go out through the outbox like reminders.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import type { ItemCode, PersonCode } from '../../src/core/types.ts';
import { createOutboxNotifier } from '../../src/reminders/notifier.ts';
import { rows } from '../../src/store/db.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { registerPeople } from './delivery.ts';

const reply: Reply = {
  lang: 'vi',
  lines: [['❓ Lãnh đạo yêu cầu giải trình ', { b: 'NQ57-12.3' }]],
  buttons: [],
  about: 'NQ57-12.3' as ItemCode,
};

describe.each(dbKinds())('the outbox notifier on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    await registerPeople(t.db, { channel: 'telegram', only: ['P10', 'P11'] });
    await registerPeople(t.db, { channel: 'zalo', only: ['P10'] });
  });
  afterAll(() => t.close());

  const outbox = () =>
    rows<{ key: string; channel: string; kind: string; items: string }>(
      t.db,
      sql`select idempotency_key as key, channel::text as channel, kind::text as kind, (payload->'items')::text as items
            from outbox order by id`,
    );

  it('enqueues a notification once per messenger the person is reached on, however often it is sent', async () => {
    const notify = createOutboxNotifier(t.db);
    expect(await notify.notify('P10' as PersonCode, reply, 'explain:NQ57-12.3:P01')).toEqual({
      queued: ['telegram', 'zalo'],
    });
    // Already queued under this key: still reported as queued, and nothing is added.
    expect(await notify.notify('P10' as PersonCode, reply, 'explain:NQ57-12.3:P01')).toEqual({
      queued: ['telegram', 'zalo'],
    });
    expect(await outbox()).toEqual([
      { key: 'explain:NQ57-12.3:P01', channel: 'telegram', kind: 'notification', items: '["NQ57-12.3"]' },
      { key: 'explain:NQ57-12.3:P01', channel: 'zalo', kind: 'notification', items: '["NQ57-12.3"]' },
    ]);
  });

  it('skips a person with no chat account', async () => {
    let woken = 0;
    const notify = createOutboxNotifier(t.db, { onEnqueued: () => woken++ });
    expect(await notify.notify('P12' as PersonCode, reply, 'explain:x')).toEqual({ queued: [] });
    expect(await notify.notify('P11' as PersonCode, reply, 'explain:y')).toEqual({ queued: ['telegram'] });
    expect((await outbox()).map((r) => r.key)).toEqual([
      'explain:NQ57-12.3:P01',
      'explain:NQ57-12.3:P01',
      'explain:y',
    ]);
    expect(woken).toBe(1);
  });
});
