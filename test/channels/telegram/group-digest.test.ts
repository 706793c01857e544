// End to end on Telegram: a leader subscribes the committee's group, a cycle runs, the worker posts one digest there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import { runCycle } from '../../../src/reminders/cycle.ts';
import { startOutboxWorker } from '../../../src/reminders/worker.ts';
import { rows } from '../../../src/store/db.ts';
import { dbKinds } from '../../helpers/db.ts';
import { NOW, TZ, startRig, type Rig } from './helpers.ts';

const GROUP = -100500;
const P02 = 1002; // a leader

describe.each(dbKinds())('the daily digest of a group chat on Telegram, on %s', (kind) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ kind, mode: 'polling' });
    await rig.register('P02', P02);
  });
  afterAll(() => rig.close());

  const inGroup = (text: string) =>
    rig.deliver(rig.fake.makeTextUpdate({ fromId: P02, chatId: GROUP, chatType: 'group', text }));

  it('is turned on by a leader’s command in the group, and delivered there once with no one’s name', async () => {
    await inGroup('/bantin@dondoc_test_bot bật');
    expect(rig.textsTo(GROUP)).toEqual([
      '✅ Đã bật bản tin: mỗi ngày làm việc nhóm này nhận tổng hợp tiến độ toàn tỉnh (không kèm việc riêng của ai). Gõ “/bantin tat” để tắt.',
    ]);

    const logger = createLogger('silent');
    const from = rig.fake.sent.length;
    for (const now of [NOW, new Date(NOW.getTime() + 3_600_000)]) {
      await runCycle({ db: rig.db.db, now, tz: TZ, logger }, { dryRun: false });
    }
    const worker = startOutboxWorker({
      db: rig.db.db,
      channels: new Map([['telegram', rig.telegram.outbound]]),
      logger,
      pollMs: 20,
    });
    await worker.drain();
    await worker.stop();

    const posted = rig.textsTo(GROUP, from);
    expect(posted).toHaveLength(1);
    const digest = posted[0]!;
    expect(digest).toMatch(/^📊 Bản tin tiến độ toàn tỉnh ngày 15\/07\/2025\n/);
    expect(digest).toContain('NQ57: 17/43 chỉ tiêu hoàn thành (39,5%)');
    expect(digest).toContain('Đơn vị chậm nhất:');
    const assignees = await rows<{ name: string }>(
      rig.db.db,
      sql`select distinct pe.full_name as name from tasks t join people pe on pe.id = t.assignee_id`,
    );
    expect(assignees.length).toBeGreaterThan(10);
    for (const { name } of assignees) expect(digest).not.toContain(name);
    // The leader still gets their own digest, in their private chat.
    expect(rig.textsTo(P02, from).some((text) => text.startsWith('📊 Tổng hợp ngày'))).toBe(true);
  });

  it('unsubscribes a group that removed the bot, audited, instead of failing every day', async () => {
    rig.fake.blockChat(GROUP);
    const logger = createLogger('silent');
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    await runCycle({ db: rig.db.db, now: nextDay, tz: TZ, logger }, { dryRun: false });
    const worker = startOutboxWorker({
      db: rig.db.db,
      channels: new Map([['telegram', rig.telegram.outbound]]),
      logger,
      pollMs: 20,
    });
    await worker.drain();
    await worker.stop();

    const state = await rows<{ status: string; subscribed: number; audited: number; leader_ok: boolean }>(
      rig.db.db,
      sql`select (select status::text from outbox where kind = 'group_digest' order by id desc limit 1) as status,
                 (select count(*)::int from group_digests) as subscribed,
                 (select count(*)::int from audit_log
                   where action = 'group_digest_off' and actor = 'system' and entity_code = ${`telegram:${GROUP}`})
                   as audited,
                 (select unreachable_since is null from people where code = 'P02') as leader_ok`,
    );
    // The leader who subscribed it is not the one refusing: they stay reachable.
    expect(state).toEqual([{ status: 'unreachable', subscribed: 0, audited: 1, leader_ok: true }]);
    await runCycle(
      { db: rig.db.db, now: new Date(nextDay.getTime() + 86_400_000), tz: TZ, logger },
      { dryRun: false },
    );
    const rowsAfter = await rows<{ n: number }>(
      rig.db.db,
      sql`select count(*)::int as n from outbox where kind = 'group_digest'`,
    );
    expect(rowsAfter[0]!.n).toBe(2);
  });
});
