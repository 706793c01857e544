// Issue 10.6: a change that re-opens a done item, or lowers its progress, is asked about first — by
// text and by button alike — and nothing is written until the sender says yes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemStatus, Percent } from '../../src/core/types.ts';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, type Harness } from './helpers.ts';

// NQ57-03.1 is done (100 %), owned by P11 (staff, SKHCN, English; a Vietnamese message is answered
// in Vietnamese).
const DONE = code('NQ57-03.1');
const OWNER = { senderId: 'P11' };

describe.each(dbKinds())('re-opening a done task on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness(kind);
  });
  afterEach(() => h.close());

  const state = async () => {
    const item = (await h.store.item(DONE))!.item;
    return { status: item.status, progress: item.progress };
  };

  it.each([
    [
      'NQ57-03.1 vướng chờ kinh phí',
      '⚠️ NQ57-03.1 đã hoàn thành. Bạn sắp mở lại, chuyển sang “vướng mắc” (100% → 99%). Bạn chắc chứ?',
    ],
    [
      'NQ57-03.1 80%',
      '⚠️ NQ57-03.1 is done. You are re-opening it as “in progress” (100% → 80%). Are you sure?',
    ],
    [
      'NQ57-03.1 chưa bắt đầu',
      '⚠️ NQ57-03.1 đã hoàn thành. Bạn sắp mở lại, chuyển sang “chưa bắt đầu” (100% → 0%). Bạn chắc chứ?',
    ],
  ])('“%s” asks first and writes nothing', async (text, question) => {
    const before = await h.counts();
    const answer = await h.ask(text, OWNER);
    expect(answer.split('\n')[0]).toBe(question);
    expect(await h.counts()).toEqual(before);
    expect(await state()).toEqual({ status: 'done', progress: 100 });
  });

  it('applies the change once the owner says yes, and drops it on no', async () => {
    await h.ask('NQ57-03.1 vướng chờ kinh phí', OWNER);
    expect(await h.ask('không', OWNER)).toBe('Đã hủy, không có gì thay đổi.');
    expect(await state()).toEqual({ status: 'done', progress: 100 });

    await h.ask('NQ57-03.1 vướng chờ kinh phí', OWNER);
    const applied = await h.ask('có', OWNER);
    expect(applied).toMatch(/^✅ NQ57-03\.1 .*: 100% → 99% \(vướng mắc\)/u);
    expect(await state()).toEqual({ status: 'blocked', progress: 99 });
  });

  it('a button that would re-open it asks too', async () => {
    const before = await h.counts();
    const replies = await h.press(
      { kind: 'update', item: DONE, status: 'in_progress' as ItemStatus, percent: 50 as Percent },
      OWNER,
    );
    expect(replies[0]!.buttons.flat().map((b) => b.action.kind)).toEqual(['confirm', 'confirm']);
    expect(await h.counts()).toEqual(before);
  });

  it('confirming what it already is asks nothing: “xong” on a done task', async () => {
    expect(await h.ask('NQ57-03.1 xong', OWNER)).not.toContain('⚠️');
  });
});
