// Confirmation by the tracking office, through the chat: a "done" under confirmation is answered as a
// claim waiting for a checker, never as done; checkers confirm or return it by button or command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { changeProgramSettings } from '../../src/store/programs.ts';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('confirmation in the chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
    await changeProgramSettings(
      h.db.db,
      'NQ57',
      { confirmation: true, checkers: ['P03' as PersonCode] },
      'cli',
    );
  });
  afterAll(() => h.close());

  const itemOf = async (c: string) => (await h.store.item(code(c)))!.item;

  it('answers a "done" as recorded and awaiting confirmation, and leaves the task as it was', async () => {
    const text = await h.ask('NQ57-12.3 xong, biên bản nghiệm thu', { senderId: 'P10' });
    expect(text.split('\n').slice(0, 2)).toEqual([
      '⏳ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: đã ghi nhận báo cáo hoàn thành, chờ xác nhận (vẫn 60%, đang thực hiện cho đến khi được xác nhận)',
      'Ghi chú: biên bản nghiệm thu',
    ]);
    expect(text).not.toMatch(/→ 100%|hoàn thành\)/);
    expect(await itemOf('NQ57-12.3')).toMatchObject({ status: 'in_progress', progress: 60 });
    expect((await itemOf('NQ57-12.3')).awaitingSince).not.toBeNull();
  });

  it('says the same in English to a sender writing English', async () => {
    const text = await h.ask('NQ57-12.4 done', { senderId: 'P11' });
    expect(text.split('\n')[0]).toBe(
      '⏳ NQ57-12.4 Measure 5G coverage quality: your report of done is recorded, awaiting confirmation (still 0%, not started until confirmed)',
    );
    expect(await itemOf('NQ57-12.4')).toMatchObject({ status: 'not_started', progress: 0 });
  });

  it('answers a programme without confirmation as before: done at once', async () => {
    const text = await h.ask('DA06-03.2 xong', { senderId: 'P02' });
    expect(text.split('\n')[0]).toMatch(/^✅ DA06-03\.2 .*: 30% → 100% \(hoàn thành\)$/);
  });
});
