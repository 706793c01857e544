// A checker gets the evidence itself: through the real outbox (notifier, worker, Telegram channel) and
// the fake Bot API, the claim's files reach the checker whole, with the message and its two buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Telegraf } from 'telegraf';
import { createHash } from 'node:crypto';
import { createSendLimiter } from '../../../src/channels/limiter.ts';
import { createTelegramOutbound } from '../../../src/channels/telegram/outbound.ts';
import type { ItemCode } from '../../../src/core/types.ts';
import { createOutboxNotifier } from '../../../src/reminders/notifier.ts';
import { startOutboxWorker, type OutboxWorker } from '../../../src/reminders/worker.ts';
import { rows } from '../../../src/store/db.ts';
import { dbKinds } from '../../helpers/db.ts';
import { quietLogger } from '../../reminders/delivery.ts';
import { TOKEN, startRig, underConfirmation, waitUntil, type Rig } from './helpers.ts';

const P10 = 4_300_010; // staff SKHCN: reports
const P03 = 4_300_003; // NQ57's checker
const PDF = Buffer.from('%PDF-1.4\n% biên bản nghiệm thu trạm 5G\n%%EOF\n');
const MEASURED = Buffer.from('%PDF-1.4\n% kết quả đo kiểm cáp quang 12 thôn\n%%EOF\n');
const DECISION = Buffer.from('%PDF-1.4\n% quyết định nghiệm thu cáp quang\n%%EOF\n');

interface Keyboard {
  inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
}

describe.each(dbKinds())('a checker receives the evidence on Telegram (%s)', (kind) => {
  let rig: Rig;
  const workers: OutboxWorker[] = [];
  const startWorker = (): OutboxWorker => {
    const telegram = new Telegraf(TOKEN, { telegram: { apiRoot: rig.fake.url } }).telegram;
    const limiter = createSendLimiter({ perSecond: 1000, perChatPerSecond: 1000, perGroupPerMinute: 1000 });
    const worker = startOutboxWorker({
      db: rig.db.db,
      channels: new Map([['telegram', createTelegramOutbound({ telegram, limiter })]]),
      logger: quietLogger(),
      pollMs: 20,
      backoff: { baseMs: 10, maxMs: 20 },
    });
    workers.push(worker);
    return worker;
  };
  beforeAll(async () => {
    rig = await startRig({ kind, mode: 'polling', notifier: (db) => createOutboxNotifier(db) });
    await underConfirmation(rig, { P10, P03 });
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await rig.close();
  });

  const sendFile = (bytes: Buffer, fileName: string, caption: string) =>
    rig.deliver(
      rig.fake.makeFileUpdate({
        fromId: P10,
        kind: 'document',
        fileId: rig.fake.addFile(bytes),
        fileName,
        caption,
      }),
    );
  const docsTo = (chat: number) => rig.fake.documents.filter((d) => d.chat_id === chat);
  const textsTo = (chat: number) => rig.fake.sent.filter((m) => m.chat_id === chat);

  it('gets the file whole, the message as its caption with both buttons; ✅ on it confirms', async () => {
    await sendFile(PDF, 'bien-ban.pdf', 'NQ57-12.3 xong, biên bản nghiệm thu');
    const worker = startWorker();
    await worker.drain();
    await worker.stop();

    const [doc, ...more] = docsTo(P03);
    expect(more).toEqual([]);
    expect(doc!.filename).toBe('bien-ban.pdf');
    expect(doc!.bytes!.equals(PDF)).toBe(true);
    expect(doc!.caption).toContain('🔔 Chờ xác nhận:');
    expect(doc!.caption).toContain('NQ57-12.3');
    expect(doc!.caption).toContain('Minh chứng: 1 tệp (xem trên trang của mục).');
    const keyboard = doc!.reply_markup as Keyboard;
    expect(keyboard.inline_keyboard[0]!.map((b) => b.text)).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
    // Only the file: no separate text message to the checker.
    expect(textsTo(P03).filter((m) => m.plain.includes('Chờ xác nhận'))).toEqual([]);

    // The outbox row refers to the stored file by id; its bytes stay in the files table.
    const sha = createHash('sha256').update(PDF).digest('hex');
    const [file] = await rows<{ id: number }>(
      rig.db.db,
      `select id from files where sha256 = '${sha}'` as never,
    );
    const [row] = await rows<{ files: unknown; size: number }>(
      rig.db.db,
      `select payload->'files' as files, length(payload::text) as size from outbox
        where idempotency_key like 'claim:%' and chat_id = '${P03}'` as never,
    );
    expect(row!.files).toEqual([{ fileId: file!.id, name: 'bien-ban.pdf' }]);
    expect(row!.size).toBeLessThan(PDF.length + 2000);

    await rig.deliver(
      rig.fake.makeCallbackUpdate({
        fromId: P03,
        chatId: P03,
        data: keyboard.inline_keyboard[0]![0]!.callback_data,
        messageId: doc!.message_id,
      }),
    );
    expect(textsTo(P03).at(-1)?.plain).toMatch(/^✅ Đã xác nhận NQ57-12\.3 hoàn thành/);
    expect((await rig.store.item('NQ57-12.3' as ItemCode))!.item.status).toBe('done');
    expect(await rig.store.claimOf('NQ57-12.3' as ItemCode)).toBeNull();
  });

  it('with two files sends each once, then the message with the buttons, across a failure and a restart', async () => {
    await sendFile(MEASURED, 'do-kiem.pdf', 'NQ57-10.2 80% đã đo kiểm');
    await sendFile(DECISION, 'quyet-dinh.pdf', 'NQ57-10.2 xong, quyết định nghiệm thu');
    const docsBefore = docsTo(P03).length;
    // The message after the files fails once: the files already delivered must not go again.
    rig.fake.failNext(
      'sendMessage',
      { status: 500, description: 'Internal Server Error' },
      1,
      (p) => String(p['chat_id']) === String(P03),
    );
    const first = startWorker();
    await waitUntil(() => rig.fake.calls.some((c) => c.method === 'sendMessage' && c.status === 500));
    await first.stop();
    const second = startWorker();
    await second.drain();
    await second.stop();

    const docs = docsTo(P03).slice(docsBefore);
    expect(docs.map((d) => d.filename)).toEqual(['do-kiem.pdf', 'quyet-dinh.pdf']);
    expect(docs[0]!.bytes!.equals(MEASURED)).toBe(true);
    expect(docs[1]!.bytes!.equals(DECISION)).toBe(true);
    expect(docs.map((d) => d.caption)).toEqual([undefined, undefined]);
    const asks = textsTo(P03).filter(
      (m) => m.plain.includes('Chờ xác nhận') && m.plain.includes('NQ57-10.2'),
    );
    expect(asks).toHaveLength(1);
    expect(asks[0]!.plain).toContain('Minh chứng: 2 tệp (xem trên trang của mục).');
    const buttons = (asks[0]!.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.text);
    expect(buttons).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
    const [row] = await rows<{ status: string; attempts: number }>(
      rig.db.db,
      `select status::text, attempts from outbox where idempotency_key like 'claim:%' and chat_id = '${P03}'
        order by id desc limit 1` as never,
    );
    expect(row).toEqual({ status: 'sent', attempts: 2 });
  });

  it('sends one file first and then the message with the buttons when the message is past a caption', async () => {
    // Another open task of P10's agency, and a note that makes the message longer than 1,024 characters.
    const [task] = await rows<{ code: ItemCode }>(
      rig.db.db,
      `select t.code from tasks t join people p on p.agency_id = t.agency_id
        where p.code = 'P10' and t.code not in ('NQ57-12.3', 'NQ57-10.2') and t.code like 'NQ57-%'
          and t.status <> 'done' order by t.code limit 1` as never,
    );
    const note = 'đã nghiệm thu từng hạng mục với đầy đủ biên bản của các xã '.repeat(20).trim();
    await sendFile(PDF, 'nghiem-thu.pdf', `${task!.code} xong, ${note}`);
    const docsBefore = docsTo(P03).length;
    const worker = startWorker();
    await worker.drain();
    await worker.stop();

    const docs = docsTo(P03).slice(docsBefore);
    expect(docs.map((d) => [d.filename, d.caption, d.reply_markup])).toEqual([
      ['nghiem-thu.pdf', undefined, undefined],
    ]);
    expect(docs[0]!.bytes!.equals(PDF)).toBe(true);
    const ask = textsTo(P03).find((m) => m.plain.includes(`báo ${task!.code}`));
    expect(ask!.plain).toContain(note);
    expect(ask!.message_id).toBeGreaterThan(docs[0]!.message_id);
    const buttons = (ask!.reply_markup as Keyboard).inline_keyboard[0]!.map((b) => b.text);
    expect(buttons).toEqual(['✅ Xác nhận', '↩️ Trả lại']);
  });
});
