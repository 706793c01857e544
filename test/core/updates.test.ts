import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/core/reply.ts';
import type { ItemCode, Percent, PersonCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, NOW, plain, type Harness } from './helpers.ts';

describe.each(dbKinds())('status updates from chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const progressOf = async (item: string) => (await h.store.item(code(item)))!.item;

  /** Runs `fn` and checks that it wrote nothing: no history, no audit, no task or target changed. */
  async function unchanged(fn: () => Promise<void>): Promise<void> {
    const before = await h.counts();
    await fn();
    expect(await h.counts()).toEqual(before);
  }

  describe('recording', () => {
    it('records a staff member’s update of their own task and confirms old → new with the note and the target', async () => {
      const before = await h.counts();
      const text = await h.ask('NQ57-12.3 80% đã lắp xong trạm 5G', { senderId: 'P10' });
      expect(text.split('\n')).toEqual([
        '✅ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: 60% → 80% (đang thực hiện)',
        'Ghi chú: đã lắp xong trạm 5G',
        expect.stringMatching(/^Chỉ tiêu NQ57-12 hiện đạt \d+% \(đang thực hiện\)\.$/),
      ]);
      expect((await h.counts()).history).toBe(before.history + 1);
      expect((await progressOf('NQ57-12.3')).progress).toBe(80);
    });

    it('records a report of work done with no percent or status as a note, the progress left as it was', async () => {
      const before = await h.counts();
      const was = (await progressOf('NQ57-12.3')).progress;
      const text = await h.ask('NQ57-12.3 đã bàn giao xong mặt bằng đặt trạm ạ', { senderId: 'P10' });
      expect(text.split('\n').slice(0, 2)).toEqual([
        '✅ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: đã ghi nhận ghi chú',
        'Ghi chú: đã bàn giao xong mặt bằng đặt trạm ạ',
      ]);
      expect((await h.counts()).history).toBe(before.history + 1);
      expect((await progressOf('NQ57-12.3')).progress).toBe(was);
    });

    it('confirms in English for an update written in English', async () => {
      const text = await h.ask('NQ57-12.4 done', { senderId: 'P11' });
      expect(text.split('\n')[0]).toBe('✅ NQ57-12.4 Measure 5G coverage quality: 0% → 100% (done)');
    });

    it('lets a leader update any agency’s task', async () => {
      const text = await h.ask('cập nhật DA06-03.2 40% đã thẩm định xong', { senderId: 'P02' });
      expect(text.split('\n')[0]).toMatch(
        /^✅ DA06-03\.2 Thẩm định, bố trí kinh phí.*: 30% → 40% \(đang thực hiện\)$/,
      );
    });

    it('records a redelivered message once', async () => {
      const first = await h.ask('NQ57-06.3 40%', { senderId: 'P09', messageId: 'same-1' });
      expect(first).toContain('30% → 40%');
      await unchanged(async () => {
        expect(await h.ask('NQ57-06.3 40%', { senderId: 'P09', messageId: 'same-1' })).toBe(
          'Tin nhắn này đã được ghi nhận trước đó, không ghi thêm.',
        );
      });
    });

    it('keeps SQL and HTML in a note verbatim and the reply escapes it for HTML channels', async () => {
      const note = `<script>alert(1)</script> '; drop table tasks; --`;
      const replies = await h.send(`NQ57-16.3 75% ${note}`, { senderId: 'P09' });
      const html = renderHtml(replies[0]!.lines);
      expect(html).toContain(`&lt;script&gt;alert(1)&lt;/script&gt; '; drop table tasks; --`);
      expect(html).not.toContain('<script>');
      expect((await h.store.item(code('NQ57-16.3')))!.history[0]!.note).toBe(note);
      const [tasks] = await rows<{ n: number }>(h.db.db, 'select count(*)::int n from tasks' as never);
      expect(tasks!.n).toBe(178);
    });
  });

  describe('refusals and bad input, each leaving the store unchanged', () => {
    it("refuses staff another agency's task, saying why", () =>
      unchanged(async () => {
        expect(await h.ask('NQ57-12.2 90%', { senderId: 'P21' })).toBe(
          'Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình hoặc được giao cho bạn; NQ57-12.2 thuộc Sở Khoa học và Công nghệ.',
        );
      }));

    it('refuses staff a target their agency does not lead', () =>
      unchanged(async () => {
        expect(await h.ask('DA06-03 xong', { senderId: 'P21' })).toBe(
          'Bạn chỉ cập nhật được chỉ tiêu do đơn vị mình chủ trì; DA06-03 do Công an tỉnh chủ trì.',
        );
      }));

    it('names an unknown code', () =>
      unchanged(async () => {
        expect(await h.ask('NQ57-99 50%', { senderId: 'P10' })).toBe(
          'Không tìm thấy mã NQ57-99.\nHãy kiểm tra lại mã, ví dụ NQ57-12 (chỉ tiêu) hoặc NQ57-12.3 (nhiệm vụ).',
        );
      }));

    it.each([
      ['NQ57-12.3 150%', '150% không hợp lệ: tiến độ từ 0 đến 100%. Không có gì được ghi nhận.'],
      ['NQ57-12.3 -5%', '-5% không hợp lệ: tiến độ từ 0 đến 100%. Không có gì được ghi nhận.'],
    ])('refuses “%s”', (text, answer) =>
      unchanged(async () => {
        expect(await h.ask(text, { senderId: 'P10' })).toBe(answer);
      }),
    );

    it.each([[''], ['   '], ['👍🎉🙏']])(
      'answers an empty or emoji-only message (%j) with the unknown reply',
      (text) =>
        unchanged(async () => {
          expect(await h.ask(text, { senderId: 'P10' })).toMatch(/^Xin lỗi, tôi chưa hiểu ý bạn\./);
        }),
    );

    it('refuses a message of 20,000 characters without reading it', () =>
      unchanged(async () => {
        const text = `NQ57-12.3 90% ${'a'.repeat(20_000)}`;
        expect(await h.ask(text, { senderId: 'P10' })).toBe(
          'Tin nhắn quá dài (hơn 4.000 ký tự), tôi không xử lý. Hãy gửi ngắn gọn hơn.',
        );
        expect(await h.ask(text, { senderId: 'P11' })).toMatch(
          /^Your message is too long \(over 4,000 characters\)/,
        );
      }));

    it('asks which item when an update names none and the chat is about none', () =>
      unchanged(async () => {
        expect(await h.ask('80%', { senderId: 'P12' })).toBe(
          'Bạn muốn cập nhật mục nào? Ví dụ: “NQ57-12.3 80% đã lắp xong trạm 5G”.',
        );
      }));
  });

  describe('confirmations', () => {
    it('asks before lowering progress, and “có” applies it', async () => {
      await unchanged(async () => {
        const [asked] = await h.send('NQ57-12.3 50%', { senderId: 'P10' });
        expect(plain([asked!])).toBe(
          '⚠️ Bạn sắp giảm tiến độ NQ57-12.3 từ 80% xuống 50%. Bạn chắc chứ?\nBấm Có / Không, hoặc gõ “có” / “không”.',
        );
        expect(asked!.buttons).toEqual([
          [
            { label: 'Có', action: { kind: 'confirm', yes: true } },
            { label: 'Không', action: { kind: 'confirm', yes: false } },
          ],
        ]);
      });
      expect(await h.ask('có', { senderId: 'P10' })).toMatch(
        /^✅ NQ57-12\.3 .*: 80% → 50% \(đang thực hiện\)/,
      );
      expect((await progressOf('NQ57-12.3')).progress).toBe(50);
    });

    it('drops the update on “không”', () =>
      unchanged(async () => {
        expect(await h.ask('NQ57-12.3 30%', { senderId: 'P10' })).toMatch(/từ 50% xuống 30%/);
        expect(await h.ask('không', { senderId: 'P10' })).toBe('Đã hủy, không có gì thay đổi.');
        expect(await h.ask('có', { senderId: 'P10' })).toBe('Không có cập nhật nào đang chờ xác nhận.');
      }));

    it('lets a waiting question expire', () =>
      unchanged(async () => {
        await h.send('NQ57-12.3 20%', { senderId: 'P10' });
        const later = new Date(NOW.getTime() + 2 * 3600_000);
        expect(await h.ask('có', { senderId: 'P10', at: later })).toMatch(/^Yêu cầu xác nhận đã hết hạn/);
      }));

    it('refuses to set a target that has tasks by hand, naming its open tasks; nothing is written', async () => {
      await unchanged(async () => {
        expect(await h.ask('NQ57-12 xong', { senderId: 'P02' })).toBe(
          'Không ghi nhận được: chỉ tiêu này có nhiệm vụ, hãy cập nhật từng nhiệm vụ.\n' +
            'Nhiệm vụ chưa hoàn thành: NQ57-12.2, NQ57-12.3.',
        );
        expect(await h.ask('NQ57-12 80%', { senderId: 'P02' })).toMatch(
          /^Không ghi nhận được: chỉ tiêu này có nhiệm vụ/,
        );
      });
      // The store itself refuses it, whoever asks; a note alone is still recorded.
      const input = {
        item: code('NQ57-12'),
        person: 'P02' as PersonCode,
        at: NOW,
        note: 'chờ Bộ hướng dẫn tần số',
        channel: 'cli' as const,
        messageId: null,
      };
      await expect(h.store.recordUpdate({ ...input, status: 'done', progress: null })).rejects.toThrow(
        /target_has_tasks/,
      );
      const noted = await h.store.recordUpdate({ ...input, status: null, progress: null });
      expect(noted.item.status).not.toBe('done');
    });
  });

  describe('updates about the item the chat is about', () => {
    it('reads a reply to a bot message about an item as an update of that item, naming the task', async () => {
      const sender = await h.registerChat('P10' as never);
      const replies = await h.send('80% đã kéo cáp xong', {
        channel: 'telegram',
        senderId: sender,
        chatId: sender,
        replyToItem: code('NQ57-10.2'),
      });
      expect(plain(replies)).toMatch(
        /^✅ NQ57-10\.2 Đôn đốc doanh nghiệp viễn thông kéo cáp quang đến các thôn còn lại: 65% → 80% \(đang thực hiện\)\nGhi chú: đã kéo cáp xong/,
      );
      expect(replies[0]!.about).toBe('NQ57-10.2');
    });

    it('reads a bare “vướng: …” on Zalo as an update of the item the bot last wrote about', async () => {
      const sender = await h.registerChat('P16' as never, 'zalo');
      const chat = { channel: 'zalo' as const, chatId: sender };
      await h.store.saveConversation(chat, { lastItem: code('CDS25-02.2') });
      const text = await h.ask('vướng: chờ các đơn vị báo cáo', { ...chat, senderId: sender });
      expect(text.split('\n')).toEqual([
        '✅ CDS25-02.2 Kiểm tra việc gửi song song văn bản giấy tại các đơn vị sự nghiệp: 40% → 40% (vướng mắc)',
        'Ghi chú: chờ các đơn vị báo cáo',
        expect.stringMatching(/^Chỉ tiêu CDS25-02 hiện đạt/),
      ]);
      await unchanged(async () => {
        expect(await h.ask('150%', { ...chat, senderId: sender })).toMatch(/^150% không hợp lệ/);
      });
    });
  });

  describe('buttons', () => {
    it('records an update button like a typed update', async () => {
      const action = {
        kind: 'update' as const,
        item: 'CDS25-13.2' as ItemCode,
        status: 'done' as const,
        percent: 100 as Percent,
      };
      expect(await plain(await h.press(action, { senderId: 'P10' }))).toMatch(
        /^✅ CDS25-13\.2 .*: 45% → 100% \(hoàn thành\)/,
      );
    });

    it('applies the same permission rules to a button', () =>
      unchanged(async () => {
        const action = {
          kind: 'update' as const,
          item: 'DA06-09.1' as ItemCode,
          status: 'done' as const,
          percent: 100 as Percent,
        };
        expect(plain(await h.press(action, { senderId: 'P10' }))).toMatch(/DA06-09\.1 thuộc Sở Y tế\.$/);
      }));
  });
});
