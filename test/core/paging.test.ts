// "Trang sau ▶" pages the list it was sent under, even after other questions; an old or forged one says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions.ts';
import { renderPlain, type ButtonAction, type Reply } from '../../src/core/reply.ts';
import { dbKinds } from '../helpers/db.ts';
import { harness, plain, type Harness } from './helpers.ts';

const leader = { senderId: 'P04', chatId: 'paging-P04' };
const lastLine = (replies: Reply[]): string => plain(replies).split('\n').at(-1) ?? '';
/** The one "next page" button under a reply. */
function nextButton(replies: Reply[]): ButtonAction {
  const buttons = replies.flatMap((r) => r.buttons.flat());
  expect(buttons).toHaveLength(1);
  return buttons[0]!.action;
}

describe.each(dbKinds())('paging on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  it('pages list A with its own button after list B was asked', async () => {
    const a = await h.send('nhiệm vụ nào quá hạn', leader);
    expect(lastLine(a)).toBe('Trang 1/2 — gõ “trang sau” để xem tiếp');
    const pageTwoOfA = plain(await h.send('trang sau', leader));
    expect(pageTwoOfA.split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');

    const b = await h.ask('tổng hợp NQ57', leader);
    expect(b).not.toContain('Trang 1/');
    expect(plain(await h.press(nextButton(a), leader))).toBe(pageTwoOfA);
    // The list last shown is A again: typing "trang sau" continues A, which has no more pages.
    expect(await h.ask('trang sau', leader)).toBe('Đã hết danh sách, không còn trang nào nữa.');
  });

  it('keeps two long lists apart: each button pages its own', async () => {
    const chat = { senderId: 'P02', chatId: 'paging-P02' };
    const a = await h.send('nhiệm vụ nào quá hạn', chat);
    const b = await h.send('nhiệm vụ đến hạn năm nay', chat);
    const [pa, pb] = [nextButton(a), nextButton(b)];
    expect(pa).not.toEqual(pb);
    const twoOfB = plain(await h.press(pb, chat));
    const twoOfA = plain(await h.press(pa, chat));
    expect(twoOfA.split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');
    expect(twoOfB.split('\n').at(-1)).toBe('Trang 2/4 — gõ “trang sau” để xem tiếp');
    // Typing continues the list shown last, A, which is at its end.
    expect(await h.ask('trang sau', chat)).toBe('Đã hết danh sách, không còn trang nào nữa.');
    // B's page-2 answer carries its own button to page 3.
    const three = plain(await h.press(nextButton(await h.press(pb, chat)), chat));
    expect(three.split('\n').at(-1)).toBe('Trang 3/4 — gõ “trang sau” để xem tiếp');
  });

  it('says plainly that a list is gone once five newer long lists were asked', async () => {
    const chat = { senderId: 'P04', chatId: 'paging-old' };
    const first = nextButton(await h.send('nhiệm vụ nào quá hạn', chat));
    let newest: ButtonAction | null = null;
    for (let i = 0; i < 5; i++) newest = nextButton(await h.send('nhiệm vụ nào quá hạn', chat));
    expect(await h.ask('', { ...chat, action: first })).toBe('Danh sách này đã cũ, xin hỏi lại.');
    expect(lastLine(await h.press(newest!, chat))).toBe('Trang 2/2 — hết danh sách');
    expect(await h.ask('', { ...chat, senderId: 'P06', chatId: 'paging-old-en', action: first })).toBe(
      'This list is out of date; please ask again.',
    );
  });

  it('answers a forged or out-of-range page with a real message and changes nothing', async () => {
    const chat = { senderId: 'P04', chatId: 'paging-forged' };
    const a = nextButton(await h.send('nhiệm vụ nào quá hạn', chat));
    const before = await h.counts();
    // `pg|0` and `pg|2`: buttons from before lists carried an id, or forged ones.
    for (const data of ['pg|0', 'pg|2', 'pg|zz|2']) {
      const action = decodeAction(data);
      expect(action, data).not.toBeNull();
      expect(await h.ask('', { ...chat, action })).toBe('Danh sách này đã cũ, xin hỏi lại.');
    }
    if (a.kind !== 'page') throw new Error('not a page button');
    expect(await h.ask('', { ...chat, action: { ...a, page: 0 } })).toBe(
      'Danh sách này không có trang 0; nó có 2 trang.',
    );
    expect(await h.ask('', { ...chat, action: { ...a, page: 9 } })).toBe(
      'Danh sách này không có trang 9; nó có 2 trang.',
    );
    // A chat that never saw a list.
    expect(await h.ask('', { senderId: 'P06', chatId: 'paging-none', action: a })).toBe(
      'This list is out of date; please ask again.',
    );
    expect(await h.counts()).toEqual(before);
    // None of that moved the list: its button still shows page 2.
    const two = await h.press(a, chat);
    expect(renderPlain(two[0]!.lines).split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');
  });

  // Found by hostile.property.test.ts: a page that is no whole number fell through every range check
  // and answered an empty message (which Telegram refuses to send, so the person got nothing).
  it.each([NaN, 1.5, Infinity, -Infinity])('answers a forged page %d with a real message', async (page) => {
    const chat = { senderId: 'P04', chatId: 'paging-fraction' };
    const a = nextButton(await h.send('nhiệm vụ nào quá hạn', chat));
    if (a.kind !== 'page') throw new Error('not a page button');
    expect(await h.ask('', { ...chat, action: { ...a, page } })).toBe(
      `Danh sách này không có trang ${page}; nó có 2 trang.`,
    );
    expect(lastLine(await h.press(a, chat))).toBe('Trang 2/2 — hết danh sách');
  });
});
