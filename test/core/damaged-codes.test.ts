// Found by hostile.property.test.ts: a code damaged by a character that is no letter or digit (the U+FFFD
// of a lone surrogate, an emoji, a joiner), cut by a line break, or written with a look-alike letter the
// fold did not know was not seen as code-shaped at all, so the update fell back to the item talked about
// before (or, for "NQ57-1\uFFFD2.3", landed on NQ57-01).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('damaged codes, as P09 after asking about NQ57-06.3, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const asP09 = (text: string) => h.ask(text, { senderId: 'P09', chatId: 'chat-P09' });

  it.each([
    ['CD\ude00S25-13.2 100%', 'CD\ufffdS25-13.2'],
    ['D\ud83dA06-11 45%', 'D\ufffdA06-11'],
    ['NQ57-1\ud83d2.3 100%', 'NQ57-1\ufffd2.3'],
    ['CD💯S25-03.1: xong', 'CD💯S25-03.1'],
    ['CDS\u200d25-02, 61%', 'CDS\u200d25-02'],
    ['NQ57-\u200d25 80%', 'NQ57-\u200d25'],
    ['N\rQ57-12.1: 96%', 'Q57-12.1'],
    ['N\nQ57-20 95%', 'Q57-20'],
  ])('%j is answered "I do not know the code %s", and nothing is written', async (text, written) => {
    expect(await asP09('tiến độ NQ57-06.3')).toContain('NQ57-06.3');
    const counts = await h.counts();
    const answer = await asP09(text);
    expect(answer.split('\n')[0]).toBe(`Tôi không biết mã ${written}, nên không ghi nhận gì.`);
    expect(await h.counts()).toEqual(counts);
  });

  it('still reads a code with a broken emoji after it, or a joined emoji before it', async () => {
    for (const [text, percent] of [
      ['NQ57-06.3\ud83d 35%', 35],
      ['👨‍👩‍👧 NQ57-06.3 40%', 40],
      ['NQ57-06.3\ud83d, 45%', 45],
    ] as const) {
      const answer = await asP09(text);
      expect(answer.split('\n')[0]).toMatch(new RegExp(`^✅ NQ57-06\\.3 .*→ ${percent}% `, 'u'));
    }
  });

  it('reads a Cyrillic capital look-alike by its small letter (Ԛ as Q), never the item before', async () => {
    await asP09('tiến độ NQ57-06.3');
    const before06 = (await h.store.item(code('NQ57-06.3')))!.item;
    const answer = await asP09('NԚ57-12.3 65%');
    expect(answer.split('\n')[0]).toMatch(/^✅ NQ57-12\.3 .*→ 65% \(đang thực hiện\)$/u);
    const after06 = (await h.store.item(code('NQ57-06.3')))!.item;
    expect([after06.progress, after06.status]).toEqual([before06.progress, before06.status]);
  });

  it('answers a code in a script it cannot fold as unreadable, with the nearest real codes', async () => {
    await asP09('tiến độ NQ57-06.3');
    const counts = await h.counts();
    const answer = await asP09('ՆQ57-12.3 100%'); // Armenian Ն
    expect(answer.split('\n')).toEqual([
      'Tôi không biết mã ՆQ57-12.3, nên không ghi nhận gì.',
      expect.stringMatching(/^Mã gần giống: .*NQ57-12\.3/u),
    ]);
    expect(await h.counts()).toEqual(counts);
  });
});
