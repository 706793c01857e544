// Confirmation by the tracking office, through the chat: a "done" under confirmation is answered as a
// claim waiting for a checker, never as done; checkers confirm or return it by button or command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { changeProgramSettings } from '../../src/store/programs.ts';
import { dbKinds } from '../helpers/db.ts';
import { handleMessage } from '../../src/core/index.ts';
import { rows } from '../../src/store/db.ts';
import { createStore } from '../../src/store/store.ts';
import { code, harness, NOW, plain, TZ, type Harness } from './helpers.ts';

describe.each(dbKinds())('confirmation in the chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
    await changeProgramSettings(
      h.db.db,
      'NQ57',
      { confirmation: true, checkers: ['P03' as PersonCode] },
      'cli',
    );
  });
  afterAll(() => h.close());

  const itemOf = async (c: string) => (await h.store.item(code(c)))!.item;

  it('answers a "done" as recorded and awaiting confirmation, and leaves the task as it was', async () => {
    const text = await h.ask('NQ57-12.3 xong, biên bản nghiệm thu', { senderId: 'P10' });
    expect(text.split('\n').slice(0, 2)).toEqual([
      '⏳ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: đã ghi nhận báo cáo hoàn thành, chờ xác nhận (vẫn 60%, đang thực hiện cho đến khi được xác nhận)',
      'Ghi chú: biên bản nghiệm thu',
    ]);
    expect(text).not.toMatch(/→ 100%|hoàn thành\)/);
    expect(await itemOf('NQ57-12.3')).toMatchObject({ status: 'in_progress', progress: 60 });
    expect((await itemOf('NQ57-12.3')).awaitingSince).not.toBeNull();
  });

  it('says the same in English to a sender writing English', async () => {
    const text = await h.ask('NQ57-12.4 done', { senderId: 'P11' });
    expect(text.split('\n')[0]).toBe(
      '⏳ NQ57-12.4 Measure 5G coverage quality: your report of done is recorded, awaiting confirmation (still 0%, not started until confirmed)',
    );
    expect(await itemOf('NQ57-12.4')).toMatchObject({ status: 'not_started', progress: 0 });
  });

  it('answers a programme without confirmation as before: done at once', async () => {
    const text = await h.ask('DA06-03.2 xong', { senderId: 'P02' });
    expect(text.split('\n')[0]).toMatch(/^✅ DA06-03\.2 .*: 30% → 100% \(hoàn thành\)$/);
  });

  /** The checkers' messages about the latest claim on `item`, by person. */
  const askedAbout = (item: string) =>
    h.sent.filter((s) => s.key.startsWith('claim:') && s.reply.about === item);

  it('tells each checker but the reporter once, with the note, the evidence and two buttons', async () => {
    const asked = askedAbout('NQ57-12.3');
    expect(asked.map((s) => s.person)).toEqual(['P03', 'P05', 'P06']);
    const toP03 = asked[0]!;
    expect(plain([toP03.reply]).split('\n')).toEqual([
      '🔔 Chờ xác nhận: Trịnh Thu Trang báo NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới đã hoàn thành.',
      'Ghi chú: biên bản nghiệm thu',
      'Chưa có tệp minh chứng.',
      'Bấm ✅ Xác nhận hoặc ↩️ Trả lại, hoặc nhắn /xacnhan NQ57-12.3 · /tralai NQ57-12.3 lý do.',
    ]);
    expect(toP03.reply.buttons.flat().map((b) => b.label)).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
    // P06 reads English: their message is in English.
    expect(plain([asked[2]!.reply])).toMatch(
      /^🔔 Awaiting confirmation: Trịnh Thu Trang reports NQ57-12\.3 /,
    );
  });

  it('refuses a button naming another claim, the reporter, and a non-checker, changing nothing', async () => {
    const button = askedAbout('NQ57-12.3')[0]!.reply.buttons[0]![0]!.action;
    if (button.kind !== 'verdict') throw new Error('not a verdict button');
    const before = await h.counts();
    const forged = { ...button, claim: button.claim + 1000 };
    expect(plain(await h.press(forged, { senderId: 'P03' }))).toBe(
      'Nút này đã cũ: báo cáo đó về NQ57-12.3 không còn chờ xác nhận. Không có gì thay đổi.',
    );
    expect(plain(await h.press(button, { senderId: 'P10' }))).toBe(
      'Chỉ người xác nhận của chương trình (quản trị viên hoặc người được chỉ định) mới xác nhận hoặc trả lại được NQ57-12.3.',
    );
    expect(plain(await h.press(button, { senderId: 'P07' }))).toMatch(/^Chỉ người xác nhận/);
    expect(await h.counts()).toEqual(before);
    expect(await itemOf('NQ57-12.3')).toMatchObject({ status: 'in_progress', progress: 60 });
  });

  it('never lets a checker confirm their own report', async () => {
    const text = await h.ask('NQ57-06.3 xong', { senderId: 'P05' });
    expect(text).toContain('chờ xác nhận');
    expect(askedAbout('NQ57-06.3').map((s) => s.person)).toEqual(['P03', 'P06']);
    const before = await h.counts();
    expect(await h.ask('/xacnhan NQ57-06.3', { senderId: 'P05' })).toBe(
      'Bạn không thể tự xác nhận hoặc trả lại báo cáo của chính mình về NQ57-06.3.',
    );
    expect(await h.ask('/tralai NQ57-06.3 thiếu ảnh', { senderId: 'P05' })).toBe(
      'Bạn không thể tự xác nhận hoặc trả lại báo cáo của chính mình về NQ57-06.3.',
    );
    expect(await h.counts()).toEqual(before);
  });

  it('confirms by button: done as of the report, audited, and the reporter told', async () => {
    const button = askedAbout('NQ57-12.3')[0]!.reply.buttons[0]![0]!.action;
    const text = await h.ask('', { action: button, senderId: 'P03' });
    expect(text).toBe('✅ Đã xác nhận NQ57-12.3 hoàn thành (tính từ lúc báo cáo, 15/07 08:00).');
    expect(await itemOf('NQ57-12.3')).toMatchObject({ status: 'done', progress: 100, awaitingSince: null });
    const told = h.sent.filter((s) => s.key.startsWith('verdict:') && s.person === 'P10');
    expect(told.map((s) => plain([s.reply]))).toEqual([
      '✅ Phạm Thị Thu Hà đã xác nhận NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới hoàn thành.',
    ]);
    const audit = await rows<{ action: string; actor: string }>(
      h.db.db,
      "select action, actor from audit_log where entity_code = 'NQ57-12.3' order by id" as never,
    );
    expect(audit.slice(-2)).toEqual([
      { action: 'claim', actor: 'P10' },
      { action: 'confirm', actor: 'P03' },
    ]);
    // Pressed again, the button finds nothing waiting.
    expect(await h.ask('', { action: button, senderId: 'P06' })).toBe(
      'NQ57-12.3 has no report of done awaiting confirmation. Nothing changed.',
    );
  });

  it('returns by button: asks why, takes the next message as the reason, tells the assignee in English', async () => {
    const back = askedAbout('NQ57-12.4')[0]!.reply.buttons[0]![1]!.action;
    const before = await h.counts();
    expect(await h.ask('', { action: back, senderId: 'P06' })).toBe(
      '↩️ Why return NQ57-12.4? Send the reason in your next message (or “cancel” to stop).',
    );
    expect(await h.counts()).toEqual(before);
    expect(await h.ask('the measurement report is not signed', { senderId: 'P06' })).toBe(
      '↩️ Returned NQ57-12.4: back to “in progress” (0%). Reason: the measurement report is not signed',
    );
    expect(await itemOf('NQ57-12.4')).toMatchObject({ status: 'in_progress', awaitingSince: null });
    const history = (await h.store.item(code('NQ57-12.4')))!.history;
    expect(history[0]).toMatchObject({ note: 'the measurement report is not signed', status: 'in_progress' });
    const told = h.sent.filter((s) => s.key.startsWith('verdict:') && s.person === 'P11');
    expect(plain([told[0]!.reply]).split('\n')).toEqual([
      '↩️ Vũ Ngọc Anh returned NQ57-12.4 Measure 5G coverage quality: it does not count as done. Reason: the measurement report is not signed',
      'Finish it and report again, e.g. “NQ57-12.4 done”.',
    ]);
  });

  it('takes /tralai and /xacnhan typed on Zalo, which has no buttons', async () => {
    const zalo = await h.registerChat('P03' as PersonCode, 'zalo');
    const on = { channel: 'zalo' as const, senderId: zalo, chatId: zalo };
    expect(await h.ask('NQ57-12.4 xong', { senderId: 'P11' })).toContain('chờ xác nhận');
    expect(await h.ask('/tralai NQ57-12.4 chưa có biên bản đo kiểm', on)).toBe(
      '↩️ Đã trả lại NQ57-12.4: về “đang thực hiện” (0%). Lý do: chưa có biên bản đo kiểm',
    );
    expect(await h.ask('/xacnhan', on)).toBe(
      'Hãy ghi mã, ví dụ: /xacnhan NQ57-12.3 hoặc /tralai NQ57-12.3 lý do.',
    );
    expect(await h.ask('NQ57-12.4 xong, đã bổ sung biên bản', { senderId: 'P11' })).toContain('chờ xác nhận');
    expect(await h.ask('/xacnhan NQ57-12.4', on)).toMatch(/^✅ Đã xác nhận NQ57-12\.4 hoàn thành/);
    expect(await itemOf('NQ57-12.4')).toMatchObject({ status: 'done', progress: 100 });
  });

  it('keeps a return asked for across a restart, and "hủy" drops it', async () => {
    expect(await h.ask('NQ57-10.2 xong', { senderId: 'P10' })).toContain('chờ xác nhận');
    const back = askedAbout('NQ57-10.2')[0]!.reply.buttons[0]![1]!.action;
    expect(await h.ask('', { action: back, senderId: 'P03' })).toMatch(/^↩️ Lý do trả lại NQ57-10\.2\?/);
    expect(await h.ask('hủy', { senderId: 'P03' })).toBe('Đã hủy, NQ57-10.2 vẫn chờ xác nhận.');
    expect(await h.ask('', { action: back, senderId: 'P03' })).toMatch(/^↩️ Lý do trả lại/);
    // A new process: a store of its own over the same database, nothing kept in memory.
    const restarted = createStore(h.db.db, () => NOW);
    const replies = await handleMessage(
      { store: restarted, now: () => NOW, tz: TZ, notify: { notify: async () => ({ queued: [] }) } },
      {
        channel: 'cli',
        chatId: 'chat-P03',
        chatKind: 'private',
        senderId: 'P03',
        text: 'ảnh chụp không phải trạm của xã',
        messageId: 'after-restart',
        replyToItem: null,
        action: null,
        addressed: false,
        langHint: null,
        at: NOW,
      },
    );
    expect(plain(replies)).toBe(
      '↩️ Đã trả lại NQ57-10.2: về “đang thực hiện” (65%). Lý do: ảnh chụp không phải trạm của xã',
    );
    expect(await itemOf('NQ57-10.2')).toMatchObject({ status: 'in_progress', awaitingSince: null });
  });

  it('counts what waits on its own line in the summary, and the status answer says it waits', async () => {
    // Of NQ57's tasks only NQ57-06.3 still waits on 15/07/2025: P05's own claim, which P05 may not confirm.
    const summary = (await h.ask('tổng hợp NQ57', { senderId: 'P02' })).split('\n');
    expect(summary.find((l) => l.startsWith('   Nhiệm vụ:'))).toMatch(/ · 1 chờ xác nhận$/);
    const status = (await h.ask('NQ57-06.3', { senderId: 'P02' })).split('\n');
    expect(status).toContain(
      'Tiến độ: 30% · đang thực hiện · ⏳ chờ xác nhận (theo kế hoạch cần đạt khoảng 98%)',
    );
    expect(status.some((l) => /— Đỗ Thanh Tùng: báo hoàn thành$/.test(l))).toBe(true);
  });
});
