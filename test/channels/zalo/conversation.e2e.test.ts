// People talk to the Zalo bot over the real client and the loopback Zalo API: registration, every intent, updates, refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloText } from '../../../src/channels/zalo/outbound.ts';
import { handleMessage } from '../../../src/core/index.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { ItemCode, PersonCode } from '../../../src/core/types.ts';
import { evidenceCounts } from '../../../src/store/evidence.ts';
import { createInvite } from '../../../src/store/people.ts';
import { dbKinds } from '../../helpers/db.ts';
import { ITEM_CODE, MODES, NOW, startZaloE2E, TZ, type ZaloE2E } from './e2e-harness.ts';

const STAFF = 'zalo-user-p07'; // Ngô Đức Minh, Sở KH&CN, Vietnamese
const LEADER = 'zalo-user-p02'; // Trần Quốc Thắng, Chủ tịch UBND tỉnh
const STRANGER = 'zalo-user-nobody';

const combos = dbKinds().flatMap((kind) => MODES.map((mode) => [kind, mode] as const));

describe.each(combos)('the Zalo bot on %s in %s mode', (kind, mode) => {
  let h: ZaloE2E;
  beforeAll(async () => {
    h = await startZaloE2E(kind, mode);
  });
  afterAll(() => h.close());

  describe('before registering', () => {
    it('tells an unknown sender how to register, and sends no programme data at all', async () => {
      for (const text of [
        'mục tiêu NQ57 nào quá hạn?',
        'tiến độ NQ57-12',
        'status of NQ57-12',
        'việc của tôi',
      ]) {
        const replies = await h.say(STRANGER, text);
        expect(replies).toHaveLength(1);
        expect(replies[0]).toContain('/start');
      }
      const everything = h.textsTo(STRANGER).join('\n');
      expect(everything).not.toMatch(ITEM_CODE);
      expect(everything).not.toMatch(/quá hạn|overdue|%/);
    });

    it('answers an image from an unknown sender with the same how-to, and no data', async () => {
      const before = h.fake.sent.length;
      await h.deliver({
        event_name: 'message.image.received',
        message: {
          message_id: 'img-stranger-1',
          from: { id: STRANGER, display_name: 'Người lạ' },
          chat: { id: STRANGER, chat_type: 'PRIVATE' },
          photo_url: 'https://example.test/p.jpg',
          date: Date.now(),
        },
      });
      const replies = h.textsTo(STRANGER, before);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('/start');
      expect(replies[0]).not.toMatch(ITEM_CODE);
    });
  });

  describe('registration', () => {
    it('links a Zalo user with "đăng ký CODE" from `dondoc invite P07`', async () => {
      const replies = await h.register('P07' as PersonCode, STAFF);
      expect(replies).toEqual([
        'Chào mừng Ngô Đức Minh (Sở Khoa học và Công nghệ)! Bạn đã đăng ký thành công.\nGõ “/help” để xem tôi giúp được gì.',
      ]);
      expect(await h.store.findSender('zalo', STAFF)).toMatchObject({ code: 'P07' });
    });

    it('links another with "/start CODE"', async () => {
      const { code } = await createInvite(h.db.db, 'P02' as PersonCode, NOW);
      const replies = await h.say(LEADER, `/start ${code}`);
      expect(replies[0]).toMatch(/^Chào mừng Trần Quốc Thắng/);
      expect(await h.store.findSender('zalo', LEADER)).toMatchObject({ code: 'P02' });
    });

    it('refuses a used code and a wrong one, registering nobody', async () => {
      const { code } = await createInvite(h.db.db, 'P08' as PersonCode, NOW);
      expect(await h.say('zalo-user-p08', `đăng ký ${code}`)).toHaveLength(1);
      expect(await h.say('zalo-user-thief', `đăng ký ${code}`)).toEqual([
        'Mã mời này đã được sử dụng. Hãy xin mã mới từ quản trị viên.',
      ]);
      expect(await h.say('zalo-user-guess', '/start ZZZZ9999')).toEqual([
        'Mã mời không đúng. Hãy kiểm tra lại hoặc xin mã mới từ quản trị viên.',
      ]);
      expect(await h.store.findSender('zalo', 'zalo-user-thief')).toBeNull();
      expect(await h.store.findSender('zalo', 'zalo-user-guess')).toBeNull();
    });
  });

  describe('questions, in Vietnamese and English', () => {
    it.each([
      ['overdue', 'mục tiêu NQ57 nào quá hạn?', /^🔴 9 chỉ tiêu quá hạn — NQ57:\n🔴 NQ57-03 /],
      [
        'overdue',
        'which Resolution 57 targets are overdue',
        /^🔴 9 overdue targets — NQ57:\n🔴 NQ57-03 Establish/,
      ],
      [
        'due soon',
        'việc gì sắp đến hạn?',
        /^🗓 9 nhiệm vụ đến hạn trong 7 ngày tới \(15\/07–21\/07\) — toàn tỉnh:/,
      ],
      ['due soon', 'what is due this week', /^🗓 5 targets due between 14 Jul and 20 Jul — province-wide:/],
      ['status', 'tiến độ NQ57-12', /Chỉ tiêu NQ57-12 Phủ sóng 5G đến 100% xã, phường[\s\S]*Nhiệm vụ \(4\):/],
      [
        'status',
        'status of DA06-03.2',
        /Task DA06-03\.2 Appraise and allocate funds[\s\S]*Part of target DA06-03/,
      ],
      [
        'summary',
        'tổng hợp tiến độ NQ57',
        /^📊 Tổng hợp tiến độ — NQ57 — ngày 15\/07\/2025\nNQ57: 17\/43 chỉ tiêu/,
      ],
      ['summary', 'overall progress', /NQ57: 17\/43 targets done \(39\.5%\) · 9 overdue/],
      ['my tasks', 'việc của tôi', /^📋 Bạn có 1 nhiệm vụ đang mở[^\n]*\n🟠 NQ57-13\.2 Đầu tư nâng cấp/],
      [
        'my tasks',
        'my tasks',
        /^📋 You have 1 open task \(most urgent first\):\n🟠 NQ57-13\.2 Invest in server/,
      ],
      ['help', '/help', /“việc của tôi”/],
      ['help', 'help', /“my tasks”/],
      ['unknown', 'thời tiết hôm nay thế nào', /^Xin lỗi, tôi chưa hiểu ý bạn\.\nBạn có thể hỏi/],
      ['unknown', 'what is the weather like', /^Sorry, I did not understand that\.\nYou can ask/],
    ])('%s: “%s”', async (_intent, text, expected) => {
      const replies = await h.say(STAFF, text);
      expect(replies.join('\n')).toMatch(expected);
    });

    it('takes a photo without a caption for the item last talked about, refused when it is not theirs', async () => {
      const before = h.fake.sent.length;
      await h.deliver({
        event_name: 'message.image.received',
        message: {
          message_id: 'image-p07',
          from: { id: STAFF },
          chat: { id: STAFF, chat_type: 'PRIVATE' },
          date: Date.now(),
          photo_url: h.fake.addImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2])),
        },
      });
      // Zalo has no threading: the chat's last item (another agency's here) is what the photo is about.
      expect(h.textsTo(STAFF, before)[0]).toMatch(/^Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình/);
      expect(await evidenceCounts(h.db.db)).toEqual({ files: 0, evidence: 0 });
    });

    it('answers a sticker with its “did not understand” reply', async () => {
      for (const [event, extra] of [['message.sticker.received', { sticker: 'st-1' }]] as const) {
        const before = h.fake.sent.length;
        await h.deliver({
          event_name: event,
          message: {
            message_id: `${event}-p07`,
            from: { id: STAFF },
            chat: { id: STAFF, chat_type: 'PRIVATE' },
            date: Date.now(),
            ...extra,
          },
        });
        expect(h.textsTo(STAFF, before)[0]).toMatch(/^Xin lỗi, tôi chưa hiểu ý bạn\./);
      }
    });

    it('shows “typing…” while it builds an answer', async () => {
      const before = h.fake.sent.length;
      await h.say(STAFF, 'tổng hợp tiến độ NQ57');
      const typing = h.fake.sent.slice(before).filter((s) => s.method === 'sendChatAction');
      expect(typing[0]?.body).toEqual({ chat_id: STAFF, action: 'typing' });
    });
  });

  describe('updates', () => {
    it('records an update written with its code, in Vietnamese and in English', async () => {
      const vi = await h.say(STAFF, 'NQ57-13.2 40% đã đặt mua máy chủ');
      expect(vi[0]).toBe(
        '✅ NQ57-13.2 Đầu tư nâng cấp hạ tầng máy chủ, lưu trữ, tường lửa: 20% → 40% (đang thực hiện)\n' +
          'Ghi chú: đã đặt mua máy chủ\nChỉ tiêu NQ57-13 hiện đạt 47% (đang thực hiện).',
      );
      const en = await h.say(STAFF, 'NQ57-12.4 10% measurement started');
      expect(en[0]).toMatch(
        /^✅ NQ57-12\.4 Measure 5G coverage quality: 0% → 10% \(in progress\)\nNote: measurement started/,
      );
      const detail = await h.store.item('NQ57-13.2' as ItemCode);
      expect(detail?.item.progress).toBe(40);
      expect(detail?.history[0]).toMatchObject({ channel: 'zalo', progress: 40, person: { code: 'P07' } });
    });

    it('marks the item of a reminder done on a bare “xong”, naming the task', async () => {
      const reminder: Reply = {
        lang: 'vi',
        lines: [
          [
            '⏰ Nhắc việc: ',
            { code: 'NQ57-13.2' },
            ' Đầu tư nâng cấp hạ tầng máy chủ — hạn 31/10/2025 · 40%',
          ],
        ],
        buttons: [
          [
            {
              label: 'Xong',
              action: { kind: 'update', item: 'NQ57-13.2' as ItemCode, status: 'done', percent: null },
            },
          ],
        ],
        about: 'NQ57-13.2' as ItemCode,
      };
      // Some other item was the last one spoken of; the reminder must take its place.
      expect(await h.say(STAFF, 'tiến độ NQ57-12')).toHaveLength(1);
      const shown = await h.push(STAFF, reminder);
      expect(shown).toEqual([
        '⏰ Nhắc việc: NQ57-13.2 Đầu tư nâng cấp hạ tầng máy chủ — hạn 31/10/2025 · 40%\nTrả lời bằng chữ: Xong',
      ]);
      expect((await h.store.conversation({ channel: 'zalo', chatId: STAFF })).lastItem).toBe('NQ57-13.2');

      const replies = await h.say(STAFF, 'xong');
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(
        /^✅ NQ57-13\.2 Đầu tư nâng cấp hạ tầng máy chủ, lưu trữ, tường lửa: 40% → 100% \(hoàn thành\)/,
      );
      expect((await h.store.item('NQ57-13.2' as ItemCode))?.item.status).toBe('done');
    });

    it('takes a bare “80%” after a reminder delivered by the outbox worker', async () => {
      const { enqueue } = await import('../../../src/store/outbox.ts');
      const person = await h.store.personByCode('P07' as PersonCode);
      const reply: Reply = {
        lang: 'vi',
        lines: [['⏰ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới — 60%']],
        buttons: [],
        about: 'NQ57-12.3' as ItemCode,
      };
      await enqueue(h.db.db, [
        {
          idempotencyKey: `test-reminder-${mode}`,
          personId: person!.id,
          channel: 'zalo',
          chatId: STAFF,
          kind: 'assignee',
          payload: { reply, items: ['NQ57-12.3' as ItemCode], kind: 'assignee' },
        },
      ]);
      const before = h.fake.sent.length;
      await h.drainOutbox();
      expect(h.textsTo(STAFF, before)).toEqual([
        '⏰ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới — 60%',
      ]);

      const replies = await h.say(STAFF, '80%');
      expect(replies[0]).toMatch(
        /^✅ NQ57-12\.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: 60% → 80%/,
      );
    });

    it('carries a leader’s request for an explanation to Zalo, and the bare answer back', async () => {
      // The outbox worker may already be running (an earlier test started it): count from here.
      let before = h.fake.sent.length;
      expect(await h.say(LEADER, 'yêu cầu giải trình NQ57-03')).toEqual([
        '📝 Đã ghi nhận yêu cầu Ngô Đức Minh (Sở Khoa học và Công nghệ) giải trình về NQ57-03.\n' +
          '📨 Đang gửi tới Ngô Đức Minh qua Zalo.',
      ]);
      expect(await h.say(LEADER, 'request an explanation for NQ57-04')).toEqual([
        '📝 Recorded: Ngô Đức Minh (Department of Science and Technology) is asked to explain NQ57-04.\n' +
          '📨 Being delivered to Ngô Đức Minh on Zalo.',
      ]);
      await h.drainOutbox();
      const asked = h.textsTo(STAFF, before);
      expect(asked).toHaveLength(2);
      expect(asked.join('\n')).toMatch(/📝 Lãnh đạo Trần Quốc Thắng đề nghị giải trình về việc chậm NQ57-03/);

      before = h.fake.sent.length;
      expect(await h.say(STAFF, 'đang chờ Sở Nội vụ thẩm định biên chế')).toEqual([
        '✅ Đã ghi nhận giải trình của bạn về NQ57-04.\n📨 Đang gửi tới Trần Quốc Thắng qua Zalo.',
      ]);
      await h.drainOutbox();
      expect(h.textsTo(LEADER, before)).toEqual([
        '📩 Đã nhận giải trình của Ngô Đức Minh về NQ57-04: đang chờ Sở Nội vụ thẩm định biên chế',
      ]);
    });
  });

  describe('refusals', () => {
    it.each([
      [
        'CDS25-08.2 xong',
        'Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình hoặc được giao cho bạn; CDS25-08.2 thuộc Công an tỉnh.',
      ],
      [
        'CDS25-08.2 done',
        'You can only update tasks of your own agency or assigned to you; CDS25-08.2 belongs to Provincial Police.',
      ],
      ['yêu cầu giải trình NQ57-03', 'Chỉ lãnh đạo và quản trị viên mới yêu cầu giải trình được.'],
      ['request an explanation for NQ57-03', 'Only leaders and administrators can ask for an explanation.'],
    ])('refuses “%s” from a staff member, changing nothing', async (text, why) => {
      const before = await h.store.item('CDS25-08.2' as ItemCode);
      expect(await h.say(STAFF, text)).toEqual([why]);
      expect((await h.store.item('CDS25-08.2' as ItemCode))?.item).toEqual(before?.item);
    });
  });

  describe('long answers', () => {
    it('splits a long list on line boundaries into parts of at most 2,000 characters, losing nothing', async () => {
      const question = 'nhiệm vụ nào quá hạn';
      const parts = await h.say(STAFF, question);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
      // The same question through the core directly: what the channel had to carry.
      const replies = await handleMessage(
        { store: h.store, now: () => NOW, tz: TZ, notify: { notify: async () => ({ queued: [] }) } },
        {
          channel: 'cli',
          chatId: 'cli-P07',
          chatKind: 'private',
          senderId: 'P07',
          text: question,
          messageId: null,
          replyToItem: null,
          action: null,
          addressed: true,
          langHint: null,
          at: NOW,
        },
      );
      expect(parts.join('\n')).toBe(replies.map(zaloText).join('\n'));
      // No line was cut in two: each part begins with a whole list line.
      for (const part of parts.slice(1)) expect(part).toMatch(/^🔴 [A-Z]/u);
    });
  });
});
