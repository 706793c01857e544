// The once-only gate: a message id passes the first time, in this process or any other sharing the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createRedeliveryGate, type RedeliveryGate } from '../../src/channels/redelivery.ts';

import { firstSeen, inboundAdmission } from '../../src/store/inbound.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

describe.each(dbKinds())('the redelivery gate on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind, 'empty');
  });
  afterAll(() => db.close());

  /** The gate without a sender to read: through (true) or a redelivery (false). */
  const through = async (gate: RedeliveryGate, key: string) => (await gate('zalo', key, null)) !== null;

  it('lets a message id through once', async () => {
    const gate = createRedeliveryGate(inboundAdmission(db.db));
    expect(await through(gate, 'm-1')).toBe(true);
    expect(await through(gate, 'm-1')).toBe(false);
    expect(await through(gate, 'm-2')).toBe(true);
  });

  it('stops an id another process already took, and one taken by both at once passes one', async () => {
    const a = createRedeliveryGate(inboundAdmission(db.db));
    const b = createRedeliveryGate(inboundAdmission(db.db));
    expect(await through(a, 'm-3')).toBe(true);
    expect(await through(b, 'm-3')).toBe(false);
    const both = await Promise.all([through(a, 'm-4'), through(b, 'm-4')]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  it('reads the registered sender and the chat state with its insert, and nothing for a stranger', async () => {
    await db.db.execute(
      sql`insert into agencies (code, name_vi, name_en, kind) values ('SO1', 'Sở Một', 'Dept One', 'department')`,
    );
    await db.db.execute(sql`insert into people (code, full_name, role, agency_id, lang)
        select 'P1', 'Nguyễn Văn Một', 'staff', id, 'vi' from agencies where code = 'SO1'`);
    await db.db.execute(sql`insert into chat_accounts (person_id, channel, chat_id, external_user_id)
      select id, 'zalo', 'chat-9', 'user-9' from people where code = 'P1'`);
    await db.db.execute(sql`insert into conversations (channel, chat_id, state)
      values ('zalo', 'chat-9', '{"lastItem":"NQ57-01"}'::jsonb)`);
    const gate = createRedeliveryGate(inboundAdmission(db.db));
    const known = await gate('zalo', 'm-6', { chatId: 'chat-9', senderId: 'user-9' });
    expect(known?.sender).toMatchObject({
      code: 'P1',
      name: 'Nguyễn Văn Một',
      role: 'staff',
      agency: 'SO1',
      lang: 'vi',
    });
    expect(known?.state).toEqual({ lastItem: 'NQ57-01' });
    expect(await gate('zalo', 'm-7', { chatId: 'chat-8', senderId: 'user-8' })).toEqual({
      sender: null,
      state: {},
    });
    expect(await gate('zalo', 'm-6', { chatId: 'chat-9', senderId: 'user-9' })).toBeNull();
  });

  it('keeps channels apart in the durable record', async () => {
    expect(await firstSeen(db.db, 'telegram', 'm-5')).toBe(true);
    expect(await firstSeen(db.db, 'zalo', 'm-5')).toBe(true);
    expect(await firstSeen(db.db, 'zalo', 'm-5')).toBe(false);
  });
});
