// Redelivered updates are handled once; keys older than the redelivery window are forgotten.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstSeen, forgetSeenBefore } from '../../src/store/inbound.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

describe.each(dbKinds())('inbound update keys on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
  });
  afterAll(async () => {
    await t.close();
  });

  it('says first only once per channel and key, even to racing callers', async () => {
    const racing = await Promise.all([1, 2, 3].map(() => firstSeen(t.db, 'zalo', 'm-1')));
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await firstSeen(t.db, 'zalo', 'm-1')).toBe(false);
    expect(await firstSeen(t.db, 'telegram', 'm-1')).toBe(true);
  });

  it('forgets only the keys seen before the cut-off', async () => {
    await firstSeen(t.db, 'zalo', 'old');
    await firstSeen(t.db, 'zalo', 'recent');
    await t.db.execute(
      sql`update inbound_seen set seen_at = '2025-07-01T00:00:00Z' where key in ('old', 'm-1')`,
    );
    expect(await forgetSeenBefore(t.db, new Date('2025-07-08T00:00:00Z'))).toBe(3); // old, m-1 on both channels
    expect(await firstSeen(t.db, 'zalo', 'recent')).toBe(false);
    expect(await firstSeen(t.db, 'zalo', 'old')).toBe(true);
  });
});
