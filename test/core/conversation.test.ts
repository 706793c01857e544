import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAGE_CHARS, renderPlain } from '../../src/core/reply.ts';
import { rememberSent } from '../../src/core/sent.ts';
import type { ItemCode, PersonCode, ProgramCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite } from '../../src/store/people.ts';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, NOW, plain, type Harness } from './helpers.ts';

const CODE = /\b[A-Z]{2,5}\d{2}-\d{2}(?:\.\d+)?\b/g;
const codes = (text: string): string[] => text.match(CODE) ?? [];
const person = (p: string) => p as PersonCode;

describe.each(dbKinds())('the conversation on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const telegram = (senderId: string, extra: object = {}) => ({
    channel: 'telegram' as const,
    senderId,
    chatId: senderId,
    ...extra,
  });

  describe('registration', () => {
    it('welcomes a person by name after a valid invite, and the code works only once', async () => {
      const { code: invite } = await createInvite(h.db.db, person('P20'), NOW);
      expect(await h.ask(`/start ${invite}`, telegram('tg-vinh'))).toBe(
        'Chào mừng Tạ Quang Vinh (Sở Giáo dục và Đào tạo)! Bạn đã đăng ký thành công.\nGõ “/help” để xem tôi giúp được gì.',
      );
      expect(await h.ask(`/start ${invite}`, telegram('tg-other'))).toBe(
        'Mã mời này đã được sử dụng. Hãy xin mã mới từ quản trị viên.',
      );
      expect(await h.ask('việc của tôi', telegram('tg-vinh'))).toMatch(/^📋 Bạn có \d+ nhiệm vụ đang mở/);
    });

    it('accepts “đăng ký CODE” too', async () => {
      const { code: invite } = await createInvite(h.db.db, person('P26'), NOW);
      expect(await h.ask(`đăng ký ${invite}`, telegram('tg-cong'))).toMatch(/^Chào mừng Nguyễn Thành Công/);
    });

    it('says why an invite cannot be used: unknown or expired', async () => {
      expect(await h.ask('/start ZZZZ9999', telegram('tg-x'))).toBe(
        'Mã mời không đúng. Hãy kiểm tra lại hoặc xin mã mới từ quản trị viên.',
      );
      const old = await createInvite(h.db.db, person('P22'), new Date(NOW.getTime() - 8 * 86_400_000));
      expect(await h.ask(`/start ${old.code}`, telegram('tg-x'))).toBe(
        'Mã mời đã hết hạn. Hãy xin mã mới từ quản trị viên.',
      );
    });

    it('takes no invite code in a group', async () => {
      const { code: invite } = await createInvite(h.db.db, person('P27'), NOW);
      const text = await h.ask(
        `/start ${invite}`,
        telegram('tg-ngan', { chatId: 'group-1', chatKind: 'group', addressed: true }),
      );
      expect(text).toBe('Hãy gửi mã mời trong tin nhắn riêng với tôi, không gửi trong nhóm.');
    });
  });

  describe('unknown senders', () => {
    it.each(['mục tiêu NQ57 nào quá hạn?', 'tiến độ NQ57-12', 'việc của tôi', 'NQ57-12.3 xong', '/summary'])(
      'get only how to register for “%s”, never programme data',
      async (text) => {
        const before = await h.counts();
        const answer = await h.ask(text, telegram('tg-stranger'));
        expect(answer).toBe(
          'Bạn chưa đăng ký sử dụng dondoc. Hãy gửi “/start MÃ_MỜI” với mã mời do quản trị viên cấp.\n' +
            'You are not registered yet. Send “/start CODE” with the invite code your administrator gave you.',
        );
        expect(codes(answer)).toEqual([]);
        expect(await h.counts()).toEqual(before);
      },
    );

    it('get the English instructions first when the channel hints English', async () => {
      const [r] = await h.send('which targets are overdue', telegram('tg-stranger', { langHint: 'en' }));
      expect(r!.lang).toBe('en');
      expect(renderPlain(r!.lines)).toMatch(/^You are not registered yet\./);
    });
  });

  describe('group chats', () => {
    let sender = '';
    beforeAll(async () => {
      sender = await h.registerChat(person('P09'));
    });
    const group = (extra: object = {}) =>
      telegram(sender, { chatId: 'group-9', chatKind: 'group', ...extra });

    it('stay silent when the bot is not addressed', async () => {
      expect(await h.send('mục tiêu NQ57 nào quá hạn?', group())).toEqual([]);
      expect(
        await h.send('ai biết gì không', telegram('tg-stranger', { chatId: 'group-9', chatKind: 'group' })),
      ).toEqual([]);
    });

    it('answer programme questions when addressed', async () => {
      expect((await h.ask('mục tiêu NQ57 nào quá hạn?', group({ addressed: true }))).split('\n')[0]).toBe(
        '🔴 9 chỉ tiêu quá hạn — NQ57:',
      );
    });

    it("never show a person's own tasks in a group", async () => {
      const text = await h.ask('việc của tôi', group({ addressed: true }));
      expect(text).toBe(
        'Danh sách việc cá nhân chỉ xem trong tin nhắn riêng. Hãy nhắn riêng cho tôi “việc của tôi”.',
      );
      expect(codes(text)).toEqual([]);
    });
  });

  describe('language', () => {
    it("follows the message's language over the person's", async () => {
      expect(await h.ask('việc của tôi', { senderId: 'P11' })).toMatch(/^📋 Bạn có/);
      expect(await h.ask('my tasks', { senderId: 'P09' })).toMatch(/^📋 You have/);
    });

    it("uses the person's language when the message has none", async () => {
      expect(await h.ask('/mytasks', { senderId: 'P11' })).toMatch(/^📋 You have/);
      expect(await h.ask('/mytasks', { senderId: 'P09' })).toMatch(/^📋 Bạn có/);
    });
  });

  describe('paging', () => {
    const leader = { senderId: 'P04' };

    it('splits a long list into pages of at most 3,500 characters and continues on “trang sau”', async () => {
      const all = await h.store.overdue({ program: null, agency: null }, 'task', '2025-07-15' as never);
      const [first] = await h.send('nhiệm vụ nào quá hạn', leader);
      const page1 = renderPlain(first!.lines);
      expect(page1.length).toBeLessThanOrEqual(MAX_PAGE_CHARS);
      expect(page1.split('\n').at(-1)).toBe('Trang 1/2 — gõ “trang sau” để xem tiếp');
      expect(first!.buttons).toEqual([
        [{ label: 'Trang sau ▶', action: { kind: 'page', list: expect.any(String), page: 2 } }],
      ]);

      const [second] = await h.send('trang sau', leader);
      const page2 = renderPlain(second!.lines);
      expect(page2.length).toBeLessThanOrEqual(MAX_PAGE_CHARS);
      expect(page2.split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');
      expect(second!.buttons).toEqual([]);
      const shown = [...codes(page1), ...codes(page2)];
      expect(shown).toEqual(all.map((i) => i.code));

      expect(await h.ask('trang sau', leader)).toBe('Đã hết danh sách, không còn trang nào nữa.');
    });

    it('shows the page a button asks for', async () => {
      const [first] = await h.send('nhiệm vụ nào quá hạn', leader);
      const text = await plain(await h.press(first!.buttons[0]![0]!.action, leader));
      expect(text.split('\n').at(-1)).toBe('Trang 2/2 — hết danh sách');
    });

    it('says there is nothing to continue when no list was shown', async () => {
      expect(await h.ask('next', { senderId: 'P06', chatId: 'fresh-chat' })).toBe(
        'There is no list to continue. Ask a new question.',
      );
    });
  });

  describe('snooze button', () => {
    it('holds reminders about the item for today and says when they resume', async () => {
      const replies = await h.press({ kind: 'snooze', item: code('NQ57-12.3') }, { senderId: 'P10' });
      expect(plain(replies)).toBe('⏰ Sẽ nhắc lại ngày mai (16/07) về NQ57-12.3.');
      const stored = await rows<{ until: string }>(
        h.db.db,
        `select s.until::text as until from snoozes s join people p on p.id = s.person_id
          where p.code = 'P10' and s.item_code = 'NQ57-12.3'` as never,
      );
      expect(stored).toEqual([{ until: '2025-07-15' }]);
      expect(plain(await h.press({ kind: 'snooze', item: code('NQ57-12.3') }, { senderId: 'P11' }))).toBe(
        '⏰ I will remind you about NQ57-12.3 again tomorrow (16 Jul).',
      );
    });
  });

  describe('explanations', () => {
    it('go round trip: leader asks, assignee is notified, answers by reply, leader is notified, history keeps both', async () => {
      const huy = await h.registerChat(person('P09'));
      h.sent.length = 0;
      expect(await h.ask('yêu cầu giải trình NQ57-08.2', { senderId: 'P02' })).toBe(
        '📝 Đã ghi nhận yêu cầu Đặng Quang Huy (Sở Khoa học và Công nghệ) giải trình về NQ57-08.2.\n' +
          '📨 Đang gửi tới Đặng Quang Huy qua Telegram.',
      );
      expect(h.sent).toHaveLength(1);
      const ask = h.sent[0]!;
      expect(ask.person).toBe('P09');
      expect(ask.reply.about).toBe('NQ57-08.2');
      expect(ask.key).toMatch(/^explain-request:\d+$/);
      expect(renderPlain(ask.reply.lines)).toMatch(
        /^📝 Lãnh đạo Trần Quốc Thắng đề nghị giải trình về việc chậm NQ57-08\.2 .* \(quá hạn 15 ngày, tiến độ 40%\)\.\nTrả lời tin này/,
      );

      const answer = 'Chờ nhà cung cấp bổ sung thiết bị ký số';
      expect(await h.ask(answer, telegram(huy, { replyToItem: code('NQ57-08.2') }))).toBe(
        '✅ Đã ghi nhận giải trình của bạn về NQ57-08.2.\n📨 Đang gửi tới Trần Quốc Thắng qua Telegram.',
      );
      expect(h.sent).toHaveLength(2);
      expect(h.sent[1]!.person).toBe('P02');
      expect(renderPlain(h.sent[1]!.reply.lines)).toBe(
        `📩 Đã nhận giải trình của Đặng Quang Huy về NQ57-08.2: ${answer}`,
      );

      const history = (await h.store.item(code('NQ57-08.2')))!.history;
      expect(history.map((e) => e.kind).slice(0, 2)).toEqual(['explanation', 'explanation_request']);
      expect(history[0]!.note).toBe(answer);
      const status = await h.ask('tiến độ NQ57-08.2', { senderId: 'P02' });
      expect(status).toContain(`Đặng Quang Huy: giải trình: ${answer}`);
      expect(status).toContain('Trần Quốc Thắng: đề nghị giải trình');
    });

    it('accept an answer written “giải trình: …” without a reply', async () => {
      expect(await h.ask('/explain NQ57-39.2', { senderId: 'P03' })).toMatch(
        /^📝 .* Trần Văn Đạt .* NQ57-39\.2\.\n📨 Đang gửi tới Trần Văn Đạt qua Telegram\.$/,
      );
      expect(await h.ask('giải trình: thiếu nhân lực chuyên môn', { senderId: 'P14' })).toBe(
        '✅ Đã ghi nhận giải trình của bạn về NQ57-39.2.\n📨 Đang gửi tới Phạm Thị Thu Hà qua Telegram.',
      );
      expect(renderPlain(h.sent.at(-1)!.reply.lines)).toBe(
        '📩 Đã nhận giải trình của Trần Văn Đạt về NQ57-39.2: thiếu nhân lực chuyên môn',
      );
    });

    it('take a statement of where the work stands as the answer on Zalo, while a question still gets its list', async () => {
      // Zalo has no reply threading: the answer follows the request the bot last delivered about the item.
      const huy = await h.registerChat(person('P09'), 'zalo');
      const zalo = { channel: 'zalo' as const, senderId: huy, chatId: huy };
      // What the outbox worker does when it has delivered the request on Zalo.
      const delivered = () => rememberSent(h.store, { channel: 'zalo', chatId: huy }, ['m-req'], item);
      const item = code('NQ57-08.2');
      await h.ask('yêu cầu giải trình NQ57-08.2', { senderId: 'P02' });
      await delivered();
      const answer = 'đang chờ Sở Nội vụ thẩm định biên chế';
      expect(await h.ask(answer, zalo)).toBe(
        '✅ Đã ghi nhận giải trình của bạn về NQ57-08.2.\n📨 Đang gửi tới Trần Quốc Thắng qua Telegram.',
      );
      expect((await h.store.item(item))!.history[0]).toMatchObject({ kind: 'explanation', note: answer });

      await h.ask('yêu cầu giải trình NQ57-08.2', { senderId: 'P02' });
      await delivered();
      expect(await h.ask('việc nào đang vướng', zalo)).toMatch(/vướng/);
      expect((await h.store.item(item))!.history[0]!.kind).toBe('explanation_request');
    });

    it('say so when the item is not overdue, and still ask', async () => {
      const text = await h.ask('yêu cầu giải trình NQ57-12.2', { senderId: 'P02' });
      expect(text.split('\n')).toEqual([
        '📝 Đã ghi nhận yêu cầu Bùi Thị Lan (Sở Khoa học và Công nghệ) giải trình về NQ57-12.2.',
        '📨 Đang gửi tới Bùi Thị Lan qua Telegram.',
        'Lưu ý: NQ57-12.2 chưa quá hạn — còn 16 ngày (31/07).',
      ]);
    });

    it('are refused to staff, and a staff “giải trình” with nothing asked says so', async () => {
      const before = await h.counts();
      const sent = h.sent.length;
      expect(await h.ask('yêu cầu giải trình NQ57-08.2', { senderId: 'P10' })).toBe(
        'Chỉ lãnh đạo và quản trị viên mới yêu cầu giải trình được.',
      );
      expect(await h.ask('giải trình: không rõ', { senderId: 'P10' })).toBe(
        'Bạn không có yêu cầu giải trình nào đang chờ.',
      );
      expect(await h.counts()).toEqual(before);
      expect(h.sent).toHaveLength(sent);
    });

    it('name an unknown code', async () => {
      expect(await h.ask('yêu cầu giải trình NQ57-99', { senderId: 'P02' })).toMatch(
        /^Không tìm thấy mã NQ57-99\./,
      );
    });
  });

  it('keeps programme questions scoped to what the store holds', async () => {
    // A sanity check that the harness and the demo agree: NQ57 is a programme the store knows.
    const s = await h.store.summary(
      { program: 'NQ57' as ProgramCode, agency: null },
      '2025-07-15' as never,
      null,
    );
    expect(s.programs[0]?.targets.total).toBe(43);
    expect(code('NQ57-12') as ItemCode).toBe('NQ57-12');
  });
});
