// Zalo may deliver a message again: each message id is handled once, in one process or several.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendLimiter } from '../../../src/channels/limiter.ts';
import { createRedeliveryGate } from '../../../src/channels/redelivery.ts';
import { inboundAdmission } from '../../../src/store/inbound.ts';
import { parseZaloUpdate } from '../../../src/channels/zalo/api-types.ts';
import { createZaloBot } from '../../../src/channels/zalo/bot.ts';
import type { PersonCode } from '../../../src/core/types.ts';
import { rows } from '../../../src/store/db.ts';
import { dbKinds } from '../../helpers/db.ts';
import { makeTextUpdate } from '../../fakes/zalo-api.ts';
import { MODES, NOW, startZaloE2E, TZ, type ZaloE2E } from './e2e-harness.ts';
import { TOKEN } from './helpers.ts';

const USER = 'zalo-user-p10'; // Trịnh Thu Trang, assignee of NQ57-12.3

const combos = dbKinds().flatMap((kind) => MODES.map((mode) => [kind, mode] as const));

describe.each(combos)('a redelivered Zalo update on %s in %s mode', (kind, mode) => {
  let h: ZaloE2E;
  const historyRows = async (item: string): Promise<number> =>
    (
      await rows<{ n: number }>(
        h.db.db,
        sql`select count(*)::int as n from history h join tasks t on t.id = h.task_id where t.code = ${item}`,
      )
    )[0]?.n ?? -1;

  beforeAll(async () => {
    h = await startZaloE2E(kind, mode);
    await h.register('P10' as PersonCode, USER);
  });
  afterAll(() => h.close());

  it('is processed once: one history row, one reply', async () => {
    const before = await historyRows('NQ57-12.3');
    const sentBefore = h.fake.sent.length;
    const update = makeTextUpdate('NQ57-12.3 75% thêm 3 trạm', { fromId: USER, messageId: `dup-${mode}-1` });
    await h.deliver(update);
    await h.deliver(update);
    expect(await historyRows('NQ57-12.3')).toBe(before + 1);
    const replies = h.textsTo(USER, sentBefore);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatch(/^✅ NQ57-12\.3 .*: 60% → 75%/);
    expect(h.log.some((l) => l.msg === 'zalo: redelivered update skipped')).toBe(true);
  });

  it('is processed once by two processes sharing the database, even at the same moment', async () => {
    // A second bot: its own client, limiter and in-memory seen-set, as another process would have.
    const other = createZaloBot({
      token: TOKEN,
      apiRoot: h.fake.url,
      firstSeen: createRedeliveryGate(inboundAdmission(h.db.db)),
      core: { store: h.store, now: () => NOW, tz: TZ, notify: { notify: async () => ({ queued: [] }) } },
      limiter: createSendLimiter(),
    });
    const before = await historyRows('NQ57-12.4');
    const sentBefore = h.fake.sent.length;
    const update = makeTextUpdate('NQ57-12.4 20%', { fromId: USER, messageId: `dup-${mode}-2` });
    const parsed = parseZaloUpdate(update)!;
    await Promise.all([h.bot.takeUpdate(parsed), other.takeUpdate(parsed), h.deliver(update)]);
    expect(await historyRows('NQ57-12.4')).toBe(before + 1);
    expect(h.textsTo(USER, sentBefore)).toHaveLength(1);
  });

  it('still lets a new message id through', async () => {
    const sentBefore = h.fake.sent.length;
    await h.deliver(makeTextUpdate('việc của tôi', { fromId: USER, messageId: `dup-${mode}-3` }));
    expect(h.textsTo(USER, sentBefore)).toHaveLength(1);
  });
});
