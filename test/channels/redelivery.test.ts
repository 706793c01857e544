// The once-only gate: a message id passes the first time, in this process or any other sharing the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedeliveryGate } from '../../src/channels/redelivery.ts';
import { firstSeen } from '../../src/store/inbound.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

describe.each(dbKinds())('the redelivery gate on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind, 'empty');
  });
  afterAll(() => db.close());

  it('lets a message id through once', async () => {
    const gate = createRedeliveryGate(db.db);
    expect(await gate('zalo', 'm-1')).toBe(true);
    expect(await gate('zalo', 'm-1')).toBe(false);
    expect(await gate('zalo', 'm-2')).toBe(true);
  });

  it('stops an id another process already took, and one taken by both at once passes one', async () => {
    const a = createRedeliveryGate(db.db);
    const b = createRedeliveryGate(db.db);
    expect(await a('zalo', 'm-3')).toBe(true);
    expect(await b('zalo', 'm-3')).toBe(false);
    const both = await Promise.all([a('zalo', 'm-4'), b('zalo', 'm-4')]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('keeps channels apart in the durable record', async () => {
    expect(await firstSeen(db.db, 'telegram', 'm-5')).toBe(true);
    expect(await firstSeen(db.db, 'zalo', 'm-5')).toBe(true);
    expect(await firstSeen(db.db, 'zalo', 'm-5')).toBe(false);
  });
});
