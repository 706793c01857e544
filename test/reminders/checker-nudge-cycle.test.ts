// A claim of "done" left waiting since Thursday: Tuesday's cycle queues one nudge per checker, keyed per day.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemCode, PersonCode } from '../../src/core/types.ts';
import { runCycle } from '../../src/reminders/cycle.ts';
import { rows } from '../../src/store/db.ts';
import { changeProgramSettings } from '../../src/store/programs.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { NOW, TZ, quietLogger, registerPeople } from './delivery.ts';

const logger = quietLogger();
const THURSDAY = new Date('2025-07-10T10:00:00+07:00');
const MONDAY = new Date('2025-07-14T08:00:00+07:00');

describe.each(dbKinds())('checker nudges through the cycle on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    await registerPeople(t.db, { channel: 'telegram' });
    await changeProgramSettings(t.db, 'NQ57', { confirmation: true, checkers: ['P03' as PersonCode] }, 'cli');
    const store = createStore(t.db, () => NOW);
    await store.recordUpdate({
      item: 'NQ57-06.3' as ItemCode,
      person: 'P09' as PersonCode,
      at: NOW,
      progress: null,
      status: 'done',
      note: null,
      channel: 'telegram',
      messageId: '901',
      files: [],
    });
    // The demo's own updates are later than Thursday, so the claim is recorded now and dated back.
    await t.db.execute(
      sql`update history set at = ${THURSDAY.toISOString()}::timestamptz where kind = 'claim'`,
    );
  });
  afterAll(() => t.close());

  const nudgeRows = () =>
    rows<{ key: string; items: string[] }>(
      t.db,
      sql`select idempotency_key as key, payload->'items' as items from outbox where kind = 'checker_nudge' order by 1`,
    );

  it('queues nothing on Monday and, on Tuesday, one row per checker but the reporter', async () => {
    await runCycle({ db: t.db, now: MONDAY, tz: TZ, logger }, { dryRun: false });
    expect(await nudgeRows()).toEqual([]);
    await runCycle({ db: t.db, now: NOW, tz: TZ, logger }, { dryRun: false });
    await runCycle({ db: t.db, now: new Date(NOW.getTime() + 3_600_000), tz: TZ, logger }, { dryRun: false });
    const got = await nudgeRows();
    expect(got.map((r) => r.key)).toContain('P03:checker_nudge:2025-07-15');
    expect(got.every((r) => r.key.endsWith(':checker_nudge:2025-07-15') && !r.key.startsWith('P09:'))).toBe(
      true,
    );
    expect(new Set(got.map((r) => r.key)).size).toBe(got.length);
    expect(got.every((r) => JSON.stringify(r.items) === '["NQ57-06.3"]')).toBe(true);
  });
});
