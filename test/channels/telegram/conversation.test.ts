// End to end: the real telegraf bot against the fake Bot API, in polling and in webhook mode, on a demo province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/actions.ts';
import type { ItemCode, Percent, PersonCode } from '../../../src/core/types.ts';
import { rows } from '../../../src/store/db.ts';
import { createInvite } from '../../../src/store/people.ts';
import { dbKinds } from '../../helpers/db.ts';
import { NOW, reminderAbout, startRig, TOKEN, type Mode, type Rig } from './helpers.ts';

const code = (c: string) => c as ItemCode;
const ITEM_CODE = /\b(?:NQ57|DA06|CDS25)-\d+/;

/** Telegram user ids of the demo people in these tests. */
const P02 = 1002; // leader, vi
const P04 = 1004; // leader, vi
const P10 = 1010; // staff SKHCN, vi: NQ57-12.3, NQ57-12.4, NQ57-10.2, CDS25-13.2
const P11 = 1011; // staff SKHCN, en
const P21 = 1021; // staff of another agency
const STRANGER = 9999;

interface Button {
  text: string;
  callback_data: string;
}
function buttonsOf(markup: unknown): Button[] {
  const rowsOf = (markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? [];
  return rowsOf.flat();
}

const modes: Mode[] = ['polling', 'webhook'];
const cases = dbKinds().flatMap((kind) => modes.map((mode) => [kind, mode] as const));

describe.each(cases)('the Telegram bot on %s, %s mode', (kind, mode) => {
  let rig: Rig;
  /** Every invite code used: none may appear in the logs. */
  const codes: string[] = [];
  const last = (chatId: number) => rig.textsTo(chatId).at(-1) ?? '';
  const progressOf = async (item: string) => (await rig.store.item(code(item)))!.item;
  const counts = async () => {
    const [r] = await rows<{ history: number; tasks: string }>(
      rig.db.db,
      `select (select count(*)::int from history) history,
              (select md5(string_agg(code || status || progress, ',' order by code)) from tasks) tasks` as never,
    );
    return r!;
  };

  beforeAll(async () => {
    rig = await startRig({ kind, mode });
  });
  afterAll(() => rig.close());

  describe('registration', () => {
    it('sets the command menu in Vietnamese for everyone and in English for English-language apps', () => {
      const calls = rig.fake.commands;
      const vi = calls.find(
        (c) => c.language_code === undefined && JSON.stringify(c.scope) === '{"type":"default"}',
      );
      const en = calls.find(
        (c) => c.language_code === 'en' && JSON.stringify(c.scope) === '{"type":"all_private_chats"}',
      );
      expect(vi?.commands.map((c) => c.command)).toEqual(
        expect.arrayContaining(['viectoi', 'quahan', 'huongdan']),
      );
      expect(en?.commands.map((c) => c.command)).toEqual(
        expect.arrayContaining(['mytasks', 'overdue', 'help']),
      );
      expect(vi?.commands.find((c) => c.command === 'viectoi')?.description).toBe('Việc của tôi');
    });

    it('links a Telegram account with a one-time invite code, and refuses the code a second time', async () => {
      const used = await rig.register('P10', P10);
      codes.push(used);
      expect(last(P10)).toMatch(/^Chào mừng Trịnh Thu Trang \(Sở Khoa học và Công nghệ\)!/);
      expect(await rig.store.findSender('telegram', String(P10))).toMatchObject({ code: 'P10' });

      await rig.say(P21, `/start ${used}`);
      expect(last(P21)).toBe('Mã mời này đã được sử dụng. Hãy xin mã mới từ quản trị viên.');
      expect(await rig.store.findSender('telegram', String(P21))).toBeNull();
    });

    it('refuses an expired code', async () => {
      const eightDaysAgo = new Date(NOW.getTime() - 8 * 86_400_000);
      const { code: stale } = await createInvite(rig.db.db, 'P16' as PersonCode, eightDaysAgo);
      codes.push(stale);
      await rig.say(P21, `/start ${stale}`);
      expect(last(P21)).toBe('Mã mời đã hết hạn. Hãy xin mã mới từ quản trị viên.');
      expect(await rig.store.findSender('telegram', String(P21))).toBeNull();
    });

    it('refuses an unknown code', async () => {
      await rig.say(P21, '/start ZZZZ9999');
      expect(last(P21)).toBe('Mã mời không đúng. Hãy kiểm tra lại hoặc xin mã mới từ quản trị viên.');
    });

    it('registers the others used below (deep link start=CODE arrives as "/start CODE")', async () => {
      codes.push(await rig.register('P11', P11, 'en'));
      expect(last(P11)).toMatch(/^Welcome, Lý Văn Khánh/);
      for (const [person, id] of [
        ['P21', P21],
        ['P02', P02],
        ['P04', P04],
      ] as const) {
        codes.push(await rig.register(person, id));
      }
      expect(last(P04)).toMatch(/^Chào mừng Hoàng Văn Bình/);
    });

    it('tells a stranger how to register, in both languages, and shows no programme data', async () => {
      const from = rig.fake.sent.length;
      for (const text of ['mục tiêu NQ57 nào quá hạn?', 'tiến độ NQ57-12', '/tonghop', 'my tasks']) {
        await rig.say(STRANGER, text);
      }
      const answers = rig.textsTo(STRANGER, from);
      expect(answers).toHaveLength(4);
      for (const answer of answers) {
        expect(answer).toContain('Bạn chưa đăng ký sử dụng dondoc.');
        expect(answer).toContain('You are not registered yet.');
        expect(answer).not.toMatch(ITEM_CODE);
      }
    });
  });

  describe('questions, in Vietnamese and in English', () => {
    it.each([
      ['việc của tôi', P10, /^📋 Bạn có 4 nhiệm vụ đang mở/],
      ['/viectoi', P10, /^📋 Bạn có 4 nhiệm vụ đang mở/],
      ['my tasks', P11, /^📋 You have 2 open tasks/],
      ['/mytasks', P11, /^📋 You have 2 open tasks/],
      ['mục tiêu NQ57 nào quá hạn?', P10, /^🔴 9 chỉ tiêu quá hạn — NQ57:\n🔴 NQ57-03 /],
      ['which Resolution 57 targets are overdue', P11, /^🔴 9 overdue targets — NQ57:/],
      ['mục tiêu NQ57 nào sắp đến hạn tuần này', P10, /^🗓 3 chỉ tiêu đến hạn từ 14\/07 đến 20\/07 — NQ57:/],
      ['which DA06 targets are due this week', P11, /^🗓 1 target due between 14 Jul and 20 Jul — DA06:/],
      ['tiến độ NQ57-12.3', P10, /^🟢 Nhiệm vụ NQ57-12\.3 Lắp đặt trạm 5G/],
      ['status of DA06-03.2', P11, /^🟠 Task DA06-03\.2 Appraise and allocate funds/],
      ['tổng hợp tiến độ NQ57', P10, /^📊 Tổng hợp tiến độ — NQ57 — ngày 15\/07\/2025/],
      ['overall progress', P11, /^📊 Progress summary — province-wide — 15 Jul 2025/],
      ['/help', P10, /^🤖 Tôi là dondoc[\s\S]*“mục tiêu NQ57 nào quá hạn\?”/],
      ['/help', P11, /^🤖 I am dondoc[\s\S]*“my tasks”/],
      ['thời tiết hôm nay thế nào', P10, /^Xin lỗi, tôi chưa hiểu ý bạn\./],
      ['what is the weather like', P11, /^Sorry/],
    ])('answers “%s” (from %i)', async (text, from, answer) => {
      await rig.say(from, text);
      expect(last(from)).toMatch(answer);
    });

    it('sends a leader’s request for an explanation to the task owner through the notifier', async () => {
      await rig.say(P02, 'yêu cầu giải trình NQ57-04');
      expect(last(P02)).toMatch(
        /^📝 Đã ghi nhận yêu cầu .* giải trình về NQ57-04\.\n📨 Đang gửi tới .* qua Telegram\./,
      );
      expect(rig.notified.at(-1)?.reply.about).toBe('NQ57-04');
    });
  });

  describe('updates', () => {
    it('records an update written as text and confirms old → new', async () => {
      await rig.say(P10, 'NQ57-12.3 80% đã lắp xong trạm 5G');
      expect(last(P10)).toMatch(
        /^✅ NQ57-12\.3 Lắp đặt trạm 5G .*: 60% → 80% \(đang thực hiện\)\nGhi chú: đã lắp xong trạm 5G/,
      );
      expect((await progressOf('NQ57-12.3')).progress).toBe(80);
    });

    it('records an update from a button under a reminder: the tap is answered with a toast and the store changes', async () => {
      const sent = await rig.telegram.outbound.send(String(P10), reminderAbout(code('NQ57-12.4')));
      const reminder = rig.fake.sent.find(
        (m) => m.chat_id === P10 && String(m.message_id) === sent.messageIds[0],
      );
      const buttons = buttonsOf(reminder?.reply_markup);
      expect(buttons.map((b) => b.text)).toEqual(['✅ Xong', '50%', '80%', '⏸ Vướng', '🔔 Nhắc lại mai']);
      for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

      const press = async (label: string) => {
        const data = buttons.find((b) => b.text === label)!.callback_data;
        await rig.deliver(
          rig.fake.makeCallbackUpdate({ fromId: P10, chatId: P10, data, messageId: reminder!.message_id }),
        );
        return rig.fake.callbackAnswers.at(-1);
      };
      expect((await press('50%'))?.text).toMatch(/^✅ NQ57-12\.4 .*: 0% → 50% \(đang thực hiện\)$/);
      expect((await progressOf('NQ57-12.4')).progress).toBe(50);
      expect(last(P10)).toMatch(/^✅ NQ57-12\.4 .*: 0% → 50%/);

      expect((await press('✅ Xong'))?.text).toMatch(/50% → 100% \(hoàn thành\)$/);
      expect(await progressOf('NQ57-12.4')).toMatchObject({ progress: 100, status: 'done' });

      expect((await press('🔔 Nhắc lại mai'))?.text).toMatch(
        /^⏰ Sẽ nhắc lại ngày mai \(.*\) về NQ57-12\.4\.$/,
      );
    });

    it('reads a reply to a bot message about a task as an update of that task', async () => {
      await rig.say(P10, 'tiến độ NQ57-10.2');
      const about = rig.fake.sent.filter((m) => m.chat_id === P10).at(-1)!;
      expect(about.plain).toMatch(/^🟢 Nhiệm vụ NQ57-10\.2 /);
      await rig.say(P10, '80% còn 2 trạm', { replyToMessageId: about.message_id });
      expect(last(P10)).toMatch(/^✅ NQ57-10\.2 .*: 65% → 80% \(đang thực hiện\)\nGhi chú: còn 2 trạm/);
      expect((await progressOf('NQ57-10.2')).progress).toBe(80);
      await rig.say(P10, 'xong', { replyToMessageId: about.message_id });
      expect(await progressOf('NQ57-10.2')).toMatchObject({ progress: 100, status: 'done' });
    });

    it('reads a reply to a reminder the outbox sent (remembered by the worker) the same way', async () => {
      const { messageIds } = await rig.telegram.outbound.send(String(P10), reminderAbout(code('CDS25-13.2')));
      await rig.store.rememberBotMessage(
        { channel: 'telegram', chatId: String(P10) },
        messageIds[0]!,
        code('CDS25-13.2'),
      );
      await rig.say(P10, '70%', { replyToMessageId: Number(messageIds[0]) });
      expect(last(P10)).toMatch(/^✅ CDS25-13\.2 .*: 45% → 70%/);
    });

    it('keeps < and & of a note verbatim and sends them as valid HTML', async () => {
      const note = '<script>alert(1)</script> & <b>đậm</b> "quote"';
      await rig.say(P11, `NQ57-28.3 55% ${note}`);
      const answer = rig.fake.sent.filter((m) => m.chat_id === P11).at(-1)!;
      // The fake refuses bad HTML with a 400, so arriving at all proves it parsed.
      expect(answer.plain).toContain(`: ${note}\n`);
      expect(answer.text).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt; &quot;quote&quot;',
      );
      expect(answer.parse_mode).toBe('HTML');
      expect((await rig.store.item(code('NQ57-28.3')))!.history[0]!.note).toBe(note);
    });
  });

  describe('refusals: each changes nothing', () => {
    it("refuses staff another agency's task, saying why", async () => {
      const before = await counts();
      await rig.say(P21, 'NQ57-12.2 90%');
      expect(last(P21)).toMatch(/^Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình/);
      expect(await counts()).toEqual(before);
    });

    it('answers a forged button for a task that is not yours with a toast naming why', async () => {
      const before = await counts();
      const data = encodeAction({
        kind: 'update',
        item: code('NQ57-12.2'),
        status: 'done',
        percent: 100 as Percent,
      });
      await rig.deliver(rig.fake.makeCallbackUpdate({ fromId: P21, chatId: P21, data, messageId: 1 }));
      expect(rig.fake.callbackAnswers.at(-1)?.text).toMatch(
        /^Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình/,
      );
      expect(await counts()).toEqual(before);
    });

    it('answers a button for a task that is gone with a toast', async () => {
      const data = encodeAction({
        kind: 'update',
        item: code('NQ57-99.9'),
        status: 'done',
        percent: 100 as Percent,
      });
      await rig.deliver(rig.fake.makeCallbackUpdate({ fromId: P10, chatId: P10, data, messageId: 1 }));
      expect(rig.fake.callbackAnswers.at(-1)?.text).toBe('Không tìm thấy mã NQ57-99.9.');
    });

    it('answers garbage callback data with a toast only: nothing is sent, nothing recorded', async () => {
      const before = { sent: rig.fake.sent.length, db: await counts() };
      await rig.deliver(
        rig.fake.makeCallbackUpdate({ fromId: P10, chatId: P10, data: 'u|NQ57-12.3|d|100|x', messageId: 1 }),
      );
      expect(rig.fake.callbackAnswers.at(-1)?.text).toBe(
        'Nút này không còn hiệu lực. Hãy nhắn yêu cầu bằng chữ.',
      );
      await rig.deliver(
        rig.fake.makeCallbackUpdate({
          fromId: P11,
          chatId: P11,
          data: 'drop table',
          messageId: 1,
          languageCode: 'en',
        }),
      );
      expect(rig.fake.callbackAnswers.at(-1)?.text).toBe(
        'This button no longer works. Please type your request instead.',
      );
      expect(rig.fake.sent.length).toBe(before.sent);
      expect(await counts()).toEqual(before.db);
    });

    it('gives a stranger pressing a button nothing but how to register', async () => {
      const data = encodeAction({ kind: 'page', list: '1', page: 2 });
      await rig.deliver(
        rig.fake.makeCallbackUpdate({ fromId: STRANGER, chatId: STRANGER, data, messageId: 1 }),
      );
      expect(last(STRANGER)).toContain('Bạn chưa đăng ký');
      expect(last(STRANGER)).not.toMatch(ITEM_CODE);
    });
  });

  describe('long answers', () => {
    it('splits a long list into pages with a “Trang sau” button that shows the next page', async () => {
      await rig.say(P04, 'nhiệm vụ nào quá hạn');
      const page1 = rig.fake.sent.filter((m) => m.chat_id === P04).at(-1)!;
      expect(page1.plain.split('\n')[0]).toBe('🔴 36 nhiệm vụ quá hạn — toàn tỉnh:');
      expect(page1.plain.split('\n').at(-1)).toBe('Trang 1/2 — gõ “trang sau” để xem tiếp');
      const [next] = buttonsOf(page1.reply_markup);
      expect(next).toEqual({
        text: 'Trang sau ▶',
        callback_data: expect.stringMatching(/^pg\|[0-9a-z]+\|2$/),
      });

      await rig.deliver(
        rig.fake.makeCallbackUpdate({
          fromId: P04,
          chatId: P04,
          data: next!.callback_data,
          messageId: page1.message_id,
        }),
      );
      expect(last(P04).split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');
      expect(rig.fake.callbackAnswers.at(-1)?.text).toBeUndefined();

      await rig.say(P04, 'trang sau');
      expect(last(P04)).toBe('Đã hết danh sách, không còn trang nào nữa.');
    });

    it('pages list A with its own “Trang sau” button after list B was asked', async () => {
      const press = (data: string, messageId: number) =>
        rig.deliver(rig.fake.makeCallbackUpdate({ fromId: P04, chatId: P04, data, messageId }));
      await rig.say(P04, 'nhiệm vụ nào quá hạn');
      const a = rig.fake.sent.filter((m) => m.chat_id === P04).at(-1)!;
      await rig.say(P04, 'trang sau');
      const twoOfA = last(P04);
      expect(twoOfA.split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');

      await rig.say(P04, 'nhiệm vụ đến hạn năm nay');
      const b = rig.fake.sent.filter((m) => m.chat_id === P04).at(-1)!;
      expect(b.plain.split('\n').at(-1)).toBe('Trang 1/4 — gõ “trang sau” để xem tiếp');
      const [nextOfA] = buttonsOf(a.reply_markup);
      const [nextOfB] = buttonsOf(b.reply_markup);
      expect(nextOfA!.callback_data).not.toBe(nextOfB!.callback_data);
      expect(Buffer.byteLength(nextOfA!.callback_data)).toBeLessThanOrEqual(64);

      await press(nextOfA!.callback_data, a.message_id);
      expect(last(P04)).toBe(twoOfA);
      await press(nextOfB!.callback_data, b.message_id);
      expect(last(P04).split('\n').at(-1)).toBe('Trang 2/4 — gõ “trang sau” để xem tiếp');
    });

    it('answers a forged or stale page button with a message in the chat, never an empty one', async () => {
      const before = rig.fake.sent.length;
      for (const data of ['pg|0', 'pg|2', 'pg|zz|1']) {
        await rig.deliver(rig.fake.makeCallbackUpdate({ fromId: P04, chatId: P04, data, messageId: 1 }));
      }
      expect(rig.textsTo(P04, before)).toEqual(Array(3).fill('Danh sách này đã cũ, xin hỏi lại.'));
      expect(rig.logs.join('')).not.toContain('telegram: reply not delivered');
    });

    it('never sent a message over 4,096 characters, nor the token anywhere', () => {
      expect(rig.fake.sent.length).toBeGreaterThan(40);
      for (const m of rig.fake.sent) expect(m.plain.length).toBeLessThanOrEqual(4096);
      expect(JSON.stringify(rig.fake.sent)).not.toContain(TOKEN);
    });

    it('logged no message text, invite code or token', async () => {
      const logs = rig.logs.join('');
      expect(logs).not.toContain(TOKEN);
      expect(logs).not.toContain('test-token');
      expect(logs).not.toMatch(/quá hạn|tiến độ|script|đã lắp/);
      expect(codes.length).toBeGreaterThanOrEqual(6);
      for (const invite of codes) expect(logs).not.toContain(invite);
      expect(logs).not.toMatch(/\/start/);
    });
  });

  it('used the reference clock', () => {
    expect(NOW.toISOString()).toBe('2025-07-15T01:00:00.000Z');
  });
});
