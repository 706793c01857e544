// Issue 10 item 1: a code the bot cannot read never falls back to the item talked about before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('codes that cannot be read, as P09 after asking about NQ57-06.3, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const asP09 = (text: string) => h.ask(text, { senderId: 'P09', chatId: 'chat-P09' });

  it('updates NQ57-12.3 itself when its assignee writes it in full-width characters', async () => {
    const answer = await h.ask('ＮＱ５７－１２．３ 85%', { senderId: 'P10', chatId: 'chat-P10' });
    expect(answer.split('\n')[0]).toMatch(/^✅ NQ57-12\.3 .*→ 85% \(đang thực hiện\)$/u);
    expect((await h.store.item(code('NQ57-12.3')))!.item.progress).toBe(85);
  });

  it.each([
    ['NQ57-12.3x 80%', 'NQ57-12.3x'],
    ['XX-1.1 100%', 'XX-1.1'],
    ['NQ57-99999.99999 81%', 'NQ57-99999.99999'],
    ['NQ57-1e1 82%', 'NQ57-1e1'],
  ])(
    '%j is answered "I do not know the code %s" with near codes, and nothing is written',
    async (text, written) => {
      const before06 = (await h.store.item(code('NQ57-06.3')))!.item;
      expect(await asP09('tiến độ NQ57-06.3')).toContain('NQ57-06.3');
      const counts = await h.counts();
      const answer = await asP09(text);
      expect(answer.split('\n')[0]).toBe(`Tôi không biết mã ${written}, nên không ghi nhận gì.`);
      expect(answer).toMatch(
        /^Mã gần giống: [A-Z]+\d+-\d+(\.\d+)?(, [A-Z]+\d+-\d+(\.\d+)?)*\.$|^Hãy kiểm tra lại mã/mu,
      );
      expect(await h.counts()).toEqual(counts);
      const after06 = (await h.store.item(code('NQ57-06.3')))!.item;
      expect([after06.progress, after06.status]).toEqual([before06.progress, before06.status]);
    },
  );

  it('offers the real codes nearest to a mistyped one', async () => {
    const answer = await asP09('NQ57-12.3x 80%');
    expect(answer.split('\n')[1]).toMatch(/^Mã gần giống: NQ57-12\.3(,|\.)/u);
  });

  it.each([
    'ＮＱ５７－１２．３ 100%',
    'NQ57 - 12.3 100%',
    'ΝQ57-12.3 100%',
    'NQ57-١٢.٣ 100%',
    'nq57 12.3 100%',
  ])(
    'reads %j as NQ57-12.3 (full-width, spaced, look-alike letters and digits), never NQ57-06.3',
    async (text) => {
      await asP09('tiến độ NQ57-06.3');
      const before06 = (await h.store.item(code('NQ57-06.3')))!.item;
      const answer = await asP09(text);
      expect(answer).toContain('NQ57-12.3');
      expect(answer).not.toContain('NQ57-06.3');
      const after06 = (await h.store.item(code('NQ57-06.3')))!.item;
      expect([after06.progress, after06.status]).toEqual([before06.progress, before06.status]);
    },
  );
});
