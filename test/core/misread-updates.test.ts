// Issue 10 item 5: updates as people type them are read right, and what cannot be read is refused or asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, plain, type Harness } from './helpers.ts';

describe.each(dbKinds())('updates typed in a hurry, as P09, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const asP09 = (text: string) => h.ask(text, { senderId: 'P09', chatId: 'chat-P09' });
  const item = async (c: string) => (await h.store.item(code(c)))!;

  it('records "NQ57-06.3 dc 50% r a" as 50% with no note', async () => {
    const answer = await asP09('NQ57-06.3 dc 50% r a');
    expect(answer.split('\n')[0]).toMatch(/^✅ NQ57-06\.3 .*: 30% → 50% \(đang thực hiện\)$/u);
    expect(answer).not.toContain('Ghi chú');
    expect((await item('NQ57-06.3')).recent[0]).toMatchObject({ progress: 50, note: null });
  });

  it('records "NQ57-06.3 - 80% - đã tích hợp xong API" as 80% with that note', async () => {
    const answer = await asP09('NQ57-06.3 - 80% - đã tích hợp xong API');
    expect(answer.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^✅ NQ57-06\.3 .*: 50% → 80% \(đang thực hiện\)$/u),
      'Ghi chú: đã tích hợp xong API',
    ]);
    expect((await item('NQ57-06.3')).recent[0]).toMatchObject({ progress: 80, note: 'đã tích hợp xong API' });
  });

  it('does not save the filler "r" of "nq57-16.3 xong r" as a note', async () => {
    const answer = await asP09('nq57-16.3 xong r');
    expect(answer).toMatch(/^✅ NQ57-16\.3 .*→ 100% \(hoàn thành\)$/mu);
    expect(answer).not.toContain('Ghi chú');
    expect((await item('NQ57-16.3')).recent[0]).toMatchObject({ progress: 100, status: 'done', note: null });
  });

  it.each(['NQ57-06.3 80.5%', 'NQ57-06.3 80,5%', 'NQ57-06.3 99.99%'])(
    'refuses %j with the reason, writing nothing',
    async (text) => {
      const before = await h.counts();
      const written = text.split(' ')[1]!;
      expect(await asP09(text)).toBe(
        `${written} không hợp lệ: tiến độ là số nguyên từ 0 đến 100 (ví dụ 80%), tôi không tự làm tròn. Không có gì được ghi nhận.`,
      );
      expect(await h.counts()).toEqual(before);
    },
  );

  it('asks which of two percents is meant, with a button for each, and records the one pressed', async () => {
    const before = await h.counts();
    const [question] = await h.send('NQ57-06.3 85% 90%', { senderId: 'P09', chatId: 'chat-P09' });
    expect(plain([question!]).split('\n')).toEqual([
      'Tin nhắn có nhiều mức tiến độ (85%, 90%), chưa có gì được ghi nhận. Mức nào đúng?',
      'Bấm một mức, hoặc gửi lại tin chỉ với một mức, ví dụ “NQ57-12.3 80%”.',
    ]);
    expect(await h.counts()).toEqual(before);
    const ninety = question!.buttons.flat().find((b) => b.label === '90%')!;
    const answer = await h.press(ninety.action, { senderId: 'P09', chatId: 'chat-P09' });
    expect(plain(answer)).toMatch(/NQ57-06\.3 .*: 80% → 90%/u);
  });
});
