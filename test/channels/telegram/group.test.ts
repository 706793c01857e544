// A steering committee's group chat: silence unless addressed, never a person's own items, registration refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { createInvite } from '../../../src/store/people.ts';
import type { PersonCode } from '../../../src/core/types.ts';
import { NOW, startRig, type Rig } from './helpers.ts';

const GROUP = -100500;
const P02 = 1002; // leader
const P10 = 1010; // staff with open tasks
const STRANGER = 9999;
const ITEM_CODE = /\b(?:NQ57|DA06|CDS25)-\d+/;

describe('in a group chat', () => {
  let rig: Rig;
  const inGroup = () => rig.textsTo(GROUP);

  /** A group message; "@dondoc_test_bot" in it is marked as a mention, as Telegram does. */
  function groupMessage(fromId: number, text: string, replyToMessageId?: number): Update {
    const update = rig.fake.makeTextUpdate({
      fromId,
      chatId: GROUP,
      chatType: 'group',
      text,
      ...(replyToMessageId === undefined ? {} : { replyToMessageId }),
    });
    const at = text.indexOf('@dondoc_test_bot');
    if (at >= 0 && !text.startsWith('/')) {
      update.message.entities = [
        ...(update.message.entities ?? []),
        { type: 'mention', offset: at, length: 16 },
      ];
    }
    return update;
  }
  const say = (fromId: number, text: string, replyTo?: number) =>
    rig.deliver(groupMessage(fromId, text, replyTo));

  beforeAll(async () => {
    rig = await startRig({ kind: 'pglite', mode: 'polling' });
    await rig.register('P02', P02);
    await rig.register('P10', P10);
  });
  afterAll(() => rig.close());

  it('stays silent when not addressed', async () => {
    await say(P02, 'mục tiêu NQ57 nào quá hạn?');
    await say(P10, 'NQ57-12.3 90%');
    await say(P02, '/quahan@some_other_bot NQ57');
    expect(inGroup()).toEqual([]);
    expect((await rig.store.item('NQ57-12.3' as never))!.item.progress).toBe(60);
  });

  it('answers when mentioned, or given a command (also /cmd@thisbot)', async () => {
    await say(P02, '@dondoc_test_bot mục tiêu NQ57 nào quá hạn?');
    expect(inGroup().at(-1)).toMatch(/^🔴 9 chỉ tiêu quá hạn — NQ57:/);
    await say(P02, 'tổng hợp tiến độ DA06 @dondoc_test_bot');
    expect(inGroup().at(-1)).toMatch(/^📊 Tổng hợp tiến độ — DA06/);
    await say(P02, '/tonghop@dondoc_test_bot NQ57');
    expect(inGroup().at(-1)).toMatch(/^📊 Tổng hợp tiến độ — NQ57/);
    await say(P02, '/quahan DA06');
    expect(inGroup().at(-1)).toMatch(/^🔴 3 chỉ tiêu quá hạn — DA06:/);
    expect(inGroup()).toHaveLength(4);
  });

  it('never shows a person’s own task list in the group', async () => {
    await say(P10, '@dondoc_test_bot việc của tôi');
    await say(P10, '/viectoi@dondoc_test_bot');
    for (const text of inGroup().slice(-2)) {
      expect(text).toBe(
        'Danh sách việc cá nhân chỉ xem trong tin nhắn riêng. Hãy nhắn riêng cho tôi “việc của tôi”.',
      );
    }
  });

  it('takes a reply to its message about a task as an update, without a mention', async () => {
    await say(P10, '@dondoc_test_bot tiến độ NQ57-12.3');
    const about = rig.fake.sent.filter((m) => m.chat_id === GROUP).at(-1)!;
    await say(P10, '75% đã lắp 15 trạm', about.message_id);
    expect(inGroup().at(-1)).toMatch(/^✅ NQ57-12\.3 .*: 60% → 75%/);
  });

  it('refuses an invite code in the group, leaving the code usable in private', async () => {
    const { code } = await createInvite(rig.db.db, 'P04' as PersonCode, NOW);
    await say(STRANGER, `/start@dondoc_test_bot ${code}`);
    expect(inGroup().at(-1)).toBe('Hãy gửi mã mời trong tin nhắn riêng với tôi, không gửi trong nhóm.');
    await rig.say(STRANGER, `/start ${code}`);
    expect(rig.textsTo(STRANGER).at(-1)).toMatch(/^Chào mừng Hoàng Văn Bình/);
  });

  it('tells a stranger who mentions it how to register, with no data', async () => {
    await say(8888, '@dondoc_test_bot mục tiêu NQ57 nào quá hạn?');
    expect(inGroup().at(-1)).toContain('Bạn chưa đăng ký');
    expect(inGroup().at(-1)).not.toMatch(ITEM_CODE);
  });
});
