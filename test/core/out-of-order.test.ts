// Found by hostile.property.test.ts (the suite's closing consistency check): an update sent before the
// item's latest one overwrote it, so the task disagreed with its history. It happens to any message
// delivered late (a redelivery, two webhook processes finishing out of order); the demo has one, an
// update of NQ57-26.3 at 09:38 on the 15th, after the harness's 08:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInconsistencies } from '../../src/store/check.ts';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, NOW, type Harness } from './helpers.ts';

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe.each(dbKinds())('an update sent before the latest one, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const asP09 = (text: string, at: Date) => h.ask(text, { senderId: 'P09', chatId: 'chat-P09', at });

  it('is refused, saying a later update exists, and the task keeps agreeing with its history', async () => {
    expect((await asP09('NQ57-06.3 60%', minutes(-5))).split('\n')[0]).toMatch(/: 30% → 60% /u);
    const counts = await h.counts();
    // Sent at 07:50, before the 07:55 one, and only delivered now.
    const late = await asP09('NQ57-06.3 70% đã chạy thử', minutes(-10));
    expect(late).toBe('Không ghi nhận được: mục này đã có cập nhật gửi sau tin nhắn này.');
    expect(await h.counts()).toEqual(counts);
    expect((await h.store.item(code('NQ57-06.3')))!.item.progress).toBe(60);
    expect(await findInconsistencies(h.db.db)).toEqual([]);
  });

  it('refuses the same on a task whose latest update is dated after the message (the demo NQ57-26.3)', async () => {
    const counts = await h.counts();
    const answer = await h.ask('NQ57-26.3 66%', { senderId: 'P02', chatId: 'chat-P02', at: NOW });
    expect(answer).toBe('Không ghi nhận được: mục này đã có cập nhật gửi sau tin nhắn này.');
    expect(await h.counts()).toEqual(counts);
  });
});
