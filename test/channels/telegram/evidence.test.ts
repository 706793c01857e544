// Evidence and confirmation through the fake Bot API and the real telegraf: a file with an update, a
// file replying to the bot, refused files, and a checker's buttons (forged, stale, and real).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../src/core/actions.ts';
import type { ItemCode } from '../../../src/core/types.ts';
import { rows } from '../../../src/store/db.ts';
import { evidenceCounts } from '../../../src/store/evidence.ts';
import { dbKinds } from '../../helpers/db.ts';
import { reminderAbout, startRig, underConfirmation, type Rig } from './helpers.ts';

const P10 = 4_100_010;
const P03 = 4_100_003;
const PDF = Buffer.from('%PDF-1.4\n% biên bản nghiệm thu\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);
const MEASURED = Buffer.from('%PDF-1.4\n% kết quả đo kiểm vùng phủ 5G\n%%EOF\n');
const DECISION = Buffer.from('%PDF-1.4\n% quyết định phê duyệt danh sách trạm\n%%EOF\n');
const MB = 1024 * 1024;

describe.each(dbKinds())('evidence and confirmation on Telegram (%s)', (kind) => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ kind, mode: 'polling', bot: { fileMaxBytes: MB } });
    await underConfirmation(rig, { P10, P03 });
  });
  afterAll(() => rig.close());

  const last = (chat: number) => rig.textsTo(chat).at(-1) ?? '';
  const stored = async () => ({
    ...(await evidenceCounts(rig.db.db)),
    history: (await rows<{ n: number }>(rig.db.db, 'select count(*)::int n from history' as never))[0]!.n,
  });

  it('records a document with an update caption, the file attached to that history row', async () => {
    const fileId = rig.fake.addFile(PDF);
    await rig.deliver(
      rig.fake.makeFileUpdate({
        fromId: P10,
        kind: 'document',
        fileId,
        fileName: 'bien-ban.pdf',
        caption: 'NQ57-12.3 xong, biên bản nghiệm thu',
      }),
    );
    const reply = last(P10).split('\n');
    expect(reply[0]).toMatch(/^⏳ NQ57-12\.3 .*chờ xác nhận/);
    expect(reply).toContain('📎 Minh chứng đã lưu: bien-ban.pdf');
    const kept = await rows<{ kind: string; name: string; mime_type: string; size: number }>(
      rig.db.db,
      `select h.kind, e.name, f.mime_type, f.size from evidence e join files f on f.id = e.file_id
        join history h on h.id = e.history_id` as never,
    );
    expect(kept).toEqual([
      { kind: 'claim', name: 'bien-ban.pdf', mime_type: 'application/pdf', size: PDF.length },
    ]);
    const toChecker = rig.notified.find((n) => n.person === 'P03' && n.key.startsWith('claim:'));
    expect(toChecker?.reply.lines.map((l) => l.join(''))).toContain(
      'Minh chứng: 1 tệp (xem trên trang của mục).',
    );
  });

  it('attaches a photo sent as a reply to the bot’s message about an item', async () => {
    const answer = rig.fake.sent.filter((s) => s.chat_id === P10).at(-1)!;
    const fileId = rig.fake.addFile(JPEG);
    await rig.deliver(
      rig.fake.makeFileUpdate({ fromId: P10, kind: 'photo', fileId, replyToMessageId: answer.message_id }),
    );
    expect(last(P10)).toBe('📎 Đã đính kèm “anh.jpg” vào NQ57-12.3.');
    const list = await rig.store.evidenceOf('NQ57-12.3' as ItemCode);
    expect(list.map((e) => [e.name, e.mimeType, e.person])).toEqual([
      ['anh.jpg', 'image/jpeg', 'P10'],
      ['bien-ban.pdf', 'application/pdf', 'P10'],
    ]);
  });

  it('refuses a file of another type, whatever its name says, and stores nothing', async () => {
    const before = await stored();
    const fileId = rig.fake.addFile(Buffer.from('MZ\x90\x00 not a pdf at all'));
    await rig.deliver(
      rig.fake.makeFileUpdate({
        fromId: P10,
        kind: 'document',
        fileId,
        fileName: 'bao-cao.pdf',
        caption: 'NQ57-10.2 70%',
      }),
    );
    expect(last(P10)).toBe(
      'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (JPEG, PNG, WEBP): tệp này không được lưu, không ghi nhận gì.',
    );
    expect(await stored()).toEqual(before);
  });

  it('refuses a file over the limit, declared or not, and stores nothing', async () => {
    const before = await stored();
    const big = rig.fake.addFile(Buffer.concat([PDF, Buffer.alloc(MB + 10)]));
    await rig.deliver(
      rig.fake.makeFileUpdate({ fromId: P10, kind: 'document', fileId: big, caption: 'NQ57-10.2 70%' }),
    );
    expect(last(P10)).toBe('Tệp quá lớn (tối đa 1 MB): không lưu tệp, không ghi nhận gì.');
    // A message that understates the size is still cut off at the limit while it downloads.
    await rig.deliver(
      rig.fake.makeFileUpdate({
        fromId: P10,
        kind: 'document',
        fileId: big,
        fileSize: 900,
        caption: 'NQ57-10.2 70%',
      }),
    );
    expect(last(P10)).toBe('Tệp quá lớn (tối đa 1 MB): không lưu tệp, không ghi nhận gì.');
    expect(await stored()).toEqual(before);
  });

  it('refuses a forged and a malformed confirm button, then confirms with the real one', async () => {
    const real = rig.notified.find((n) => n.person === 'P03' && n.key.startsWith('claim:'))!.reply
      .buttons[0]![0]!;
    if (real.action.kind !== 'verdict') throw new Error('not a verdict button');
    const before = await stored();
    const forged = encodeAction({ ...real.action, claim: real.action.claim + 77 });
    await rig.deliver(rig.fake.makeCallbackUpdate({ fromId: P03, chatId: P03, data: forged, messageId: 1 }));
    expect(last(P03)).toBe(
      'Nút này đã cũ: báo cáo đó về NQ57-12.3 không còn chờ xác nhận. Không có gì thay đổi.',
    );
    await rig.deliver(
      rig.fake.makeCallbackUpdate({ fromId: P03, chatId: P03, data: 'v|NQ57-12.3|x|1', messageId: 1 }),
    );
    expect(rig.fake.callbackAnswers.at(-1)?.text).toBe(
      'Nút này không còn hiệu lực. Hãy nhắn yêu cầu bằng chữ.',
    );
    expect(await stored()).toEqual(before);
    await rig.deliver(
      rig.fake.makeCallbackUpdate({
        fromId: P03,
        chatId: P03,
        data: encodeAction(real.action),
        messageId: 1,
      }),
    );
    expect(last(P03)).toMatch(/^✅ Đã xác nhận NQ57-12\.3 hoàn thành \(tính từ lúc báo cáo, /);
    expect((await rig.store.item('NQ57-12.3' as ItemCode))!.item).toMatchObject({
      status: 'done',
      progress: 100,
    });
  });

  it('records a photo (not a document) with an update caption, the photo attached to that update', async () => {
    const fileId = rig.fake.addFile(PHOTO);
    await rig.deliver(
      rig.fake.makeFileUpdate({ fromId: P10, kind: 'photo', fileId, caption: 'NQ57-10.2 80%, trạm thứ ba' }),
    );
    const reply = last(P10).split('\n');
    expect(reply[0]).toMatch(/^✅ NQ57-10\.2 .*: 65% → 80% \(đang thực hiện\)$/);
    expect(reply).toContain('📎 Minh chứng đã lưu: anh.jpg');
    const kept = await rows<{ kind: string; progress: number; name: string; size: number }>(
      rig.db.db,
      `select h.kind, h.progress, e.name, f.size from evidence e join files f on f.id = e.file_id
        join history h on h.id = e.history_id join tasks t on t.id = h.task_id
       where t.code = 'NQ57-10.2'` as never,
    );
    expect(kept).toEqual([{ kind: 'update', progress: 80, name: 'anh.jpg', size: PHOTO.length }]);
  });

  /** A reminder about the item, remembered as the outbox worker does; its message id. */
  const remind = async (item: ItemCode): Promise<number> => {
    const { messageIds } = await rig.telegram.outbound.send(String(P10), reminderAbout(item));
    await rig.store.rememberBotMessage({ channel: 'telegram', chatId: String(P10) }, messageIds[0]!, item);
    return Number(messageIds[0]);
  };

  it('attaches a document (not a photo) sent as a reply to a reminder to that item', async () => {
    const reminder = await remind('NQ57-12.4' as ItemCode);
    const fileId = rig.fake.addFile(MEASURED);
    await rig.deliver(
      rig.fake.makeFileUpdate({
        fromId: P10,
        kind: 'document',
        fileId,
        fileName: 'ket-qua-do-kiem.pdf',
        replyToMessageId: reminder,
      }),
    );
    expect(last(P10)).toBe('📎 Đã đính kèm “ket-qua-do-kiem.pdf” vào NQ57-12.4.');
    const list = await rig.store.evidenceOf('NQ57-12.4' as ItemCode);
    expect(list.map((e) => [e.name, e.mimeType, e.person])).toEqual([
      ['ket-qua-do-kiem.pdf', 'application/pdf', 'P10'],
    ]);
  });

  it('stores the same bytes sent in two messages once, and links them twice', async () => {
    const before = await evidenceCounts(rig.db.db);
    const reminder = await remind('NQ57-12.4' as ItemCode);
    for (const name of ['quyet-dinh.pdf', 'quyet-dinh-ban-sao.pdf'])
      await rig.deliver(
        rig.fake.makeFileUpdate({
          fromId: P10,
          kind: 'document',
          fileId: rig.fake.addFile(DECISION),
          fileName: name,
          replyToMessageId: reminder,
        }),
      );
    expect(await evidenceCounts(rig.db.db)).toEqual({
      files: before.files + 1,
      evidence: before.evidence + 2,
    });
    const list = await rig.store.evidenceOf('NQ57-12.4' as ItemCode);
    expect(list.map((e) => e.name).sort()).toEqual([
      'ket-qua-do-kiem.pdf',
      'quyet-dinh-ban-sao.pdf',
      'quyet-dinh.pdf',
    ]);
  });
});
