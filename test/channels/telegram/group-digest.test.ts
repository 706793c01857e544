// End to end on Telegram: a leader subscribes the committee's group, a cycle runs, the worker posts one digest there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';
import { runCycle } from '../../../src/reminders/cycle.ts';
import { startOutboxWorker } from '../../../src/reminders/worker.ts';
import { rows } from '../../../src/store/db.ts';
import { NOW, TZ, startRig, type Rig } from './helpers.ts';

const GROUP = -100500;
const P02 = 1002; // a leader

describe('the daily digest of a group chat on Telegram', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ kind: 'pglite', mode: 'polling' });
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
});
