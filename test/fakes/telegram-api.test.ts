import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Input, Markup, Telegraf, TelegramError } from 'telegraf';
import { classifySendError, withRetries } from '../../src/channels/backoff.ts';
import { createSendLimiter } from '../../src/channels/limiter.ts';
import {
  checkTelegramHtml,
  postWebhookUpdate,
  startFakeTelegramApi,
  type FakeTelegramApi,
  type FakeTelegramOptions,
} from './telegram-api.ts';

const TOKEN = '123456789:TEST-token_for-dondoc';

async function waitUntil(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

let fake: FakeTelegramApi;
let bot: Telegraf;

async function useFake(options: Partial<FakeTelegramOptions> = {}): Promise<void> {
  await fake.close();
  fake = await startFakeTelegramApi({ token: TOKEN, ...options });
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } });
}

beforeEach(async () => {
  fake = await startFakeTelegramApi({ token: TOKEN });
  bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } });
});

afterEach(async () => {
  await fake.close();
});

describe('fake Telegram Bot API with the real telegraf client', () => {
  it('answers getMe, and 401 for a wrong token', async () => {
    const me = await bot.telegram.getMe();
    expect(me).toMatchObject({ id: 123456789, is_bot: true, username: 'dondoc_test_bot' });
    const stranger = new Telegraf('1:wrong', { telegram: { apiRoot: fake.url } });
    const error = await rejection(stranger.telegram.getMe());
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({ code: 401, description: 'Unauthorized' });
  });

  it('sends HTML with an inline keyboard: increasing message ids per chat, Message objects back', async () => {
    const keyboard = Markup.inlineKeyboard([[Markup.button.callback('Xong', 'done:NQ57-12')]]);
    const first = await bot.telegram.sendMessage(42, '<b>Chỉ tiêu</b> NQ57-12 &amp; 3', {
      parse_mode: 'HTML',
      ...keyboard,
    });
    const second = await bot.telegram.sendMessage(42, 'again');
    const elsewhere = await bot.telegram.sendMessage(-100, 'group');
    expect(first).toMatchObject({
      message_id: 1,
      chat: { id: 42, type: 'private' },
      text: 'Chỉ tiêu NQ57-12 & 3',
      reply_markup: { inline_keyboard: [[{ text: 'Xong', callback_data: 'done:NQ57-12' }]] },
    });
    expect(typeof first.date).toBe('number');
    expect(second.message_id).toBe(2);
    expect(elsewhere).toMatchObject({ message_id: 1, chat: { id: -100, type: 'group' } });
    expect(fake.sent[0]).toMatchObject({
      chat_id: 42,
      text: '<b>Chỉ tiêu</b> NQ57-12 &amp; 3',
      plain: 'Chỉ tiêu NQ57-12 & 3',
      parse_mode: 'HTML',
      message_id: 1,
      reply_markup: { inline_keyboard: [[{ text: 'Xong', callback_data: 'done:NQ57-12' }]] },
    });
    // telegraf posts JSON for plain calls.
    expect(fake.calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
  });

  it('delivers pushed updates to a polling bot: a command, a text reply and a callback query', async () => {
    const errors: unknown[] = [];
    bot.catch((error) => void errors.push(error));
    bot.start((ctx) => ctx.reply(`Xin chào ${ctx.from.first_name}`));
    bot.on('text', (ctx) =>
      ctx.reply(`Bạn viết: ${ctx.message.text}`, {
        reply_parameters: { message_id: ctx.message.message_id },
        ...Markup.inlineKeyboard([[Markup.button.callback('OK', 'ok')]]),
      }),
    );
    bot.action('ok', async (ctx) => {
      await ctx.answerCbQuery('Đã ghi nhận');
      await ctx.editMessageText('Đã xác nhận ✅');
    });
    fake.pushUpdate(fake.makeTextUpdate({ fromId: 7, text: '/start', firstName: 'Lan', languageCode: 'vi' }));
    const launched = bot.launch();
    try {
      await fake.waitForCall((c) => c.method === 'getUpdates');
      await waitUntil(() => fake.sent.length === 1);
      expect(fake.sent[0]).toMatchObject({ chat_id: 7, text: 'Xin chào Lan' });

      const update = fake.makeTextUpdate({ fromId: 7, text: 'tiến độ NQ57' });
      fake.pushUpdate(update);
      await waitUntil(() => fake.sent.length === 2);
      const reply = fake.sent[1];
      expect(reply).toMatchObject({
        chat_id: 7,
        text: 'Bạn viết: tiến độ NQ57',
        reply_to_message_id: update.message.message_id,
      });

      fake.pushUpdate(
        fake.makeCallbackUpdate({ fromId: 7, chatId: 7, data: 'ok', messageId: reply?.message_id ?? 0 }),
      );
      await waitUntil(() => fake.edited.length === 1);
      expect(fake.callbackAnswers).toMatchObject([{ text: 'Đã ghi nhận' }]);
      expect(fake.edited[0]).toMatchObject({
        method: 'editMessageText',
        chat_id: 7,
        message_id: reply?.message_id,
        text: 'Đã xác nhận ✅',
      });
    } finally {
      bot.stop('test');
      await launched;
    }
    expect(errors).toEqual([]);
    // Stopping confirmed every update: nothing is left pending.
    expect(fake.pendingUpdates).toEqual([]);
  });

  it('surfaces 429 as a TelegramError with parameters.retry_after, and 5xx with the HTTP status text', async () => {
    fake.failNext('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 3',
      retryAfter: 3,
    });
    const flood = await rejection(bot.telegram.sendMessage(1, 'x'));
    expect(flood).toBeInstanceOf(TelegramError);
    expect(flood).toMatchObject({
      code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
      on: { method: 'sendMessage' },
    });
    expect(classifySendError(flood)).toEqual({ retry: true, afterMs: 3000 });

    fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway: upstream' });
    const gateway = await rejection(bot.telegram.sendMessage(1, 'x'));
    // telegraf does not read the body of a 5xx: the description is res.statusText.
    expect(gateway).toBeInstanceOf(TelegramError);
    expect(gateway).toMatchObject({ code: 502, description: 'Bad Gateway' });
    expect(classifySendError(gateway)).toEqual({ retry: true });
    expect(fake.sent).toEqual([]);
    await bot.telegram.sendMessage(1, 'x');
    expect(fake.sent).toHaveLength(1);
  });

  it("'drop' kills the connection: telegraf throws FetchError ECONNRESET, classified ambiguous", async () => {
    fake.failNext('sendMessage', 'drop');
    const dropped = await rejection(bot.telegram.sendMessage(5, 'lost?'));
    expect(dropped).not.toBeInstanceOf(TelegramError);
    expect(dropped).toMatchObject({ name: 'FetchError', code: 'ECONNRESET' });
    expect(classifySendError(dropped)).toEqual({ retry: false, ambiguous: true });
    expect(fake.sent).toEqual([]);

    fake.failNext('sendMessage', 'drop-after');
    await rejection(bot.telegram.sendMessage(5, 'delivered, answer lost'));
    expect(fake.sent.map((m) => m.text)).toEqual(['delivered, answer lost']);
  });

  it('enforces flood limits with 429 retry_after and counts them', async () => {
    await useFake({ limits: { perSecond: 5, perChatPerSecond: 1 } });
    await bot.telegram.sendMessage(1, 'ok');
    const perChat = await rejection(bot.telegram.sendMessage(1, 'same chat too soon'));
    expect(perChat).toMatchObject({
      code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    for (let chat = 2; chat <= 5; chat++) await bot.telegram.sendMessage(chat, 'ok');
    const global = await rejection(bot.telegram.sendMessage(6, 'sixth in a second'));
    expect(global).toMatchObject({ code: 429, parameters: { retry_after: 1 } });
    // Like Telegram, flood control keeps refusing until retry_after has passed.
    expect(await rejection(bot.telegram.sendMessage(7, 'still flooding'))).toMatchObject({ code: 429 });
    expect(fake.tooManyRequestsCount).toBe(3);
    expect(fake.sent.map((m) => m.chat_id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('a limiter at the ceiling gets every message through without a single 429', async () => {
    await useFake({ limits: { perSecond: 20, perChatPerSecond: 1 } });
    const limiter = createSendLimiter({ perSecond: 20, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        limiter.schedule({ id: String(100 + (i % 10)), group: false }, () =>
          bot.telegram.sendMessage(100 + (i % 10), `m${i}`),
        ),
      ),
    );
    const elapsed = performance.now() - started;
    expect(fake.tooManyRequestsCount).toBe(0);
    expect(fake.sent).toHaveLength(30);
    // 3 messages per chat at 1/s: the last starts 2 s after the first.
    expect(elapsed).toBeGreaterThanOrEqual(1990);
    expect(elapsed).toBeLessThan(2800);
  });

  it('withRetries around limiter.schedule, pausing on retry_after, recovers from a 429', async () => {
    const limiter = createSendLimiter({ perSecond: 30, perChatPerSecond: 1 });
    fake.failNext('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 1',
      retryAfter: 1,
    });
    const started = performance.now();
    const message = await withRetries(
      () => limiter.schedule({ id: '5', group: false }, () => bot.telegram.sendMessage(5, 'nhắc việc')),
      {
        retries: 2,
        baseMs: 50,
        maxMs: 1000,
        isRetryable: classifySendError,
        onRetry: ({ decision }) => decision.afterMs !== undefined && limiter.pause(decision.afterMs),
      },
    );
    expect(message.message_id).toBe(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(999);
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
    expect(fake.sent).toHaveLength(1);
  });

  it("checks HTML like Telegram: '<b>x' is refused, '&lt;b&gt;' is text", async () => {
    const broken = await rejection(bot.telegram.sendMessage(1, '<b>x', { parse_mode: 'HTML' }));
    expect(broken).toMatchObject({
      code: 400,
      description: "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
    });
    const unsupported = await rejection(
      bot.telegram.sendMessage(1, 'Hạn: <2025-12-31>', { parse_mode: 'HTML' }),
    );
    expect(unsupported).toMatchObject({
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "2025-12-31" at byte offset 7',
    });
    const ok = await bot.telegram.sendMessage(1, '&lt;b&gt; is fine', { parse_mode: 'HTML' });
    expect(ok.text).toBe('<b> is fine');
    expect(fake.sent.map((m) => m.text)).toEqual(['&lt;b&gt; is fine']);
  });

  it('HTML checker details', () => {
    const ok = (text: string) => checkTelegramHtml(text);
    expect(ok('<b>đậm</b> <i>nghiêng</i> <u>x</u> <s>y</s> <tg-spoiler>z</tg-spoiler>')).toEqual({
      ok: true,
      plain: 'đậm nghiêng x y z',
    });
    expect(ok('<a href="https://x.vn/?a=1&amp;b=2">link</a> <code>c</code> <pre>p</pre>')).toMatchObject({
      ok: true,
    });
    expect(
      ok('<pre><code class="language-ts">x</code></pre><blockquote expandable>q</blockquote>'),
    ).toMatchObject({
      ok: true,
    });
    expect(ok('<span class="tg-spoiler">s</span>')).toMatchObject({ ok: true });
    expect(ok('A & B &nbsp; &#39;q&#x27; &quot;')).toEqual({ ok: true, plain: "A & B &nbsp; 'q' \"" });
    expect(ok('a > b')).toMatchObject({ ok: true });
    expect(ok('a < b')).toMatchObject({ ok: false, error: 'Unsupported start tag "" at byte offset 2' });
    expect(ok('x<br>y')).toMatchObject({ ok: false, error: 'Unsupported start tag "br" at byte offset 1' });
    expect(ok('<b><i>x</b></i>')).toMatchObject({
      ok: false,
      error: 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
    });
    expect(ok('x</b>')).toMatchObject({ ok: false, error: 'Unexpected end tag at byte offset 1' });
    expect(ok('<span>s</span>')).toMatchObject({ ok: false });
    expect(ok('<b')).toMatchObject({ ok: false, error: 'Unclosed start tag at byte offset 0' });
  });

  it('refuses text over 4096 characters (counted after entity parsing) and empty text', async () => {
    await bot.telegram.sendMessage(1, 'a'.repeat(4096));
    await bot.telegram.sendMessage(1, `<b>${'ă'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    const long = await rejection(bot.telegram.sendMessage(1, 'a'.repeat(4097)));
    expect(long).toMatchObject({ code: 400, description: 'Bad Request: message is too long' });
    const empty = await rejection(bot.telegram.sendMessage(1, '<b> </b>', { parse_mode: 'HTML' }));
    expect(empty).toMatchObject({ code: 400, description: 'Bad Request: message text is empty' });
    expect(fake.sent).toHaveLength(2);
  });

  it('refuses callback_data over 64 bytes (UTF-8 bytes, not characters)', async () => {
    const send = (data: string) =>
      bot.telegram.sendMessage(1, 'k', Markup.inlineKeyboard([[Markup.button.callback('b', data)]]));
    await send('x'.repeat(64));
    expect(await rejection(send('x'.repeat(65)))).toMatchObject({
      code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    expect(await rejection(send('đ'.repeat(33)))).toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
  });

  it('answers 403 for a chat that blocked the bot', async () => {
    fake.blockChat(99);
    const error = await rejection(bot.telegram.sendMessage(99, 'hi'));
    expect(error).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(classifySendError(error)).toEqual({ retry: false });
    fake.unblockChat(99);
    await bot.telegram.sendMessage(99, 'hi');
  });

  it('accepts sendPhoto as multipart with a Buffer, recording caption and byte length', async () => {
    const bytes = Buffer.alloc(3000, 7);
    const message = await bot.telegram.sendPhoto(8, Input.fromBuffer(bytes, 'chart.png'), {
      caption: '<b>Biểu đồ</b> tiến độ',
      parse_mode: 'HTML',
      ...Markup.inlineKeyboard([[Markup.button.callback('Chi tiết', 'detail')]]),
    });
    expect(message.photo[0]?.file_size).toBe(3000);
    expect(fake.photos).toMatchObject([
      {
        chat_id: 8,
        caption: '<b>Biểu đồ</b> tiến độ',
        parse_mode: 'HTML',
        filename: 'chart.png',
        byteLength: 3000,
        reply_markup: { inline_keyboard: [[{ text: 'Chi tiết', callback_data: 'detail' }]] },
      },
    ]);
    await bot.telegram.sendPhoto(8, 'AgACAgIAAxkBAAI-file-id');
    expect(fake.photos[1]).toMatchObject({ file: 'AgACAgIAAxkBAAI-file-id', message_id: 2 });
    const long = await rejection(bot.telegram.sendPhoto(8, 'id', { caption: 'c'.repeat(1025) }));
    expect(long).toMatchObject({ description: 'Bad Request: message caption is too long' });
  });

  it('records setMyCommands per language and answers getMyCommands', async () => {
    await bot.telegram.setMyCommands([{ command: 'tiendo', description: 'Xem tiến độ' }], {
      language_code: 'vi',
    });
    await bot.telegram.setMyCommands([{ command: 'status', description: 'Progress' }]);
    expect(fake.commands).toMatchObject([
      { language_code: 'vi', commands: [{ command: 'tiendo' }] },
      { commands: [{ command: 'status' }] },
    ]);
    expect(await bot.telegram.getMyCommands({ language_code: 'vi' })).toEqual([
      { command: 'tiendo', description: 'Xem tiến độ' },
    ]);
    const invalid = await rejection(bot.telegram.setMyCommands([{ command: 'Tiến_độ', description: 'x' }]));
    expect(invalid).toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
    await bot.telegram.setChatMenuButton({ menuButton: { type: 'commands' } });
    expect(await bot.telegram.getChatMenuButton()).toEqual({ type: 'commands' });
  });

  it('edits: refuses "message is not modified", answers a callback query only once', async () => {
    const m = await bot.telegram.sendMessage(3, 'v1');
    await bot.telegram.editMessageText(3, m.message_id, undefined, 'v2');
    const same = await rejection(bot.telegram.editMessageText(3, m.message_id, undefined, 'v2'));
    expect(same).toMatchObject({ code: 400 });
    expect(String((same as TelegramError).description)).toMatch(/^Bad Request: message is not modified/);
    await bot.telegram.editMessageReplyMarkup(3, m.message_id, undefined, {
      inline_keyboard: [[{ text: 'a', callback_data: 'a' }]],
    });
    expect(fake.edited.map((e) => e.method)).toEqual(['editMessageText', 'editMessageReplyMarkup']);
    await bot.telegram.answerCbQuery('cb-1', 'ok');
    expect(await rejection(bot.telegram.answerCbQuery('cb-1'))).toMatchObject({ code: 400 });
    await bot.telegram.deleteMessage(3, m.message_id);
    expect(await rejection(bot.telegram.deleteMessage(3, m.message_id))).toMatchObject({
      description: 'Bad Request: message to delete not found',
    });
  });

  it('long polling over raw HTTP: offset confirms, timeout waits then answers [], unknown methods 404', async () => {
    const call = async (method: string, body: unknown) => {
      const res = await fetch(`${fake.url}/bot${TOKEN}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const u1 = fake.pushUpdate(fake.makeTextUpdate({ fromId: 1, text: 'a' }));
    const u2 = fake.pushUpdate(fake.makeTextUpdate({ fromId: 1, text: 'b' }));
    expect((await call('getUpdates', { limit: 1 })).json['result']).toEqual([u1]);
    expect((await call('getUpdates', { offset: u1.update_id + 1 })).json['result']).toEqual([u2]);
    expect(fake.pendingUpdates).toEqual([u2]);
    const t0 = performance.now();
    expect((await call('getUpdates', { offset: u2.update_id + 1, timeout: 1 })).json).toEqual({
      ok: true,
      result: [],
    });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    // A waiting poll is answered as soon as an update arrives.
    const waiting = call('getUpdates', { offset: u2.update_id + 1, timeout: 10 });
    await fake.waitForCall((c) => c.method === 'getUpdates' && c.params['timeout'] === 10);
    const u3 = fake.pushUpdate(fake.makeTextUpdate({ fromId: 1, text: 'c' }));
    expect((await waiting).json['result']).toEqual([u3]);
    expect(await call('sendCarrierPigeon', {})).toEqual({
      status: 404,
      json: { ok: false, error_code: 404, description: 'Not Found: method not found' },
    });
  });

  it('webhook: setWebhook blocks getUpdates with 409; postWebhookUpdate reaches webhookCallback with the secret', async () => {
    const handled: string[] = [];
    bot.on('text', async (ctx) => {
      handled.push(ctx.message.text);
      await ctx.reply('nhận');
    });
    const server = http.createServer(bot.webhookCallback('/hook', { secretToken: 's3cret' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await bot.telegram.setWebhook(hook, { secret_token: 's3cret' });
      expect(fake.webhook).toMatchObject({ url: hook, secret_token: 's3cret' });
      expect((await bot.telegram.getWebhookInfo()).url).toBe(hook);
      expect(await rejection(bot.telegram.callApi('getUpdates', {}))).toMatchObject({ code: 409 });

      const wrong = await postWebhookUpdate(hook, fake.makeTextUpdate({ fromId: 2, text: 'x' }), 'nope');
      expect(wrong.status).toBe(403);
      const right = await postWebhookUpdate(
        hook,
        fake.makeTextUpdate({ fromId: 2, text: 'báo cáo' }),
        's3cret',
      );
      expect(right.status).toBe(200);
      expect(handled).toEqual(['báo cáo']);
      expect(fake.sent).toMatchObject([{ chat_id: 2, text: 'nhận' }]);

      await bot.telegram.deleteWebhook();
      expect(fake.webhook).toBeNull();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('failRandomly injects failures with the given probability', async () => {
    await useFake({ random: () => 0.1 });
    fake.failRandomly('sendMessage', 0.5, 500);
    expect(await rejection(bot.telegram.sendMessage(1, 'x'))).toMatchObject({ code: 500 });
    fake.failRandomly('sendMessage', 0.05, 500);
    await bot.telegram.sendMessage(1, 'x');
    fake.failRandomly('sendMessage', 0, 500);
    fake.failNext('*', { status: 400, description: 'Bad Request: chat not found' }, 2);
    expect(await rejection(bot.telegram.getMe())).toMatchObject({ code: 400 });
    expect(await rejection(bot.telegram.sendMessage(1, 'x'))).toMatchObject({ code: 400 });
    await bot.telegram.sendMessage(1, 'x');
    expect(fake.sent).toHaveLength(2);
  });
});
