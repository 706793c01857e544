// The Zalo client against the loopback fake: every method, error classification, retries, validation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTextUpdate } from '../../../src/channels/zalo/api-types.ts';
import { createZaloClient, type ZaloClientOptions } from '../../../src/channels/zalo/client.ts';
import { ZaloApiError, ZaloNetworkError, ZaloValidationError } from '../../../src/channels/zalo/errors.ts';
import { makeTextUpdate, startFakeZaloApi, type FakeZaloApi } from '../../fakes/zalo-api.ts';
import { TOKEN, recordingLogger } from './helpers.ts';

let fake: FakeZaloApi;

beforeEach(async () => {
  fake = await startFakeZaloApi({ token: TOKEN });
});
afterEach(async () => {
  await fake.close();
});

function client(extra: Partial<ZaloClientOptions> = {}) {
  return createZaloClient({ token: TOKEN, apiRoot: fake.url, retryBaseMs: 5, retryMaxMs: 20, ...extra });
}

const serverError = { status: 500, body: { ok: false, error_code: 500, description: 'Internal error' } };

describe('Zalo client methods', () => {
  it('getMe returns the bot account', async () => {
    const me = await client().getMe();
    expect(me.id).toBe('1459232241454765289');
    expect(me.account_name).toBe('bot.fake');
  });

  it('getUpdates returns the one pushed update and sends the timeout in seconds', async () => {
    fake.pushUpdate(makeTextUpdate('xin chào', { messageId: 'm1', chatId: 'c1' }));
    const update = await client().getUpdates(5);
    expect(update).not.toBeNull();
    expect(update && isTextUpdate(update) && update.message.text).toBe('xin chào');
    expect(update?.message?.chat.id).toBe('c1');
    expect(fake.calls[0]?.body).toEqual({ timeout: '5' });
  });

  it('getUpdates gives null when the long poll ends empty with 408', async () => {
    const started = Date.now();
    expect(await client().getUpdates(1)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('getUpdates gives null for a 408 answered with HTTP 408 too', async () => {
    fake.failNext('getUpdates', {
      status: 408,
      body: { ok: false, error_code: 408, description: 'Request timeout' },
    });
    expect(await client().getUpdates(30)).toBeNull();
  });

  it('getUpdates gives null for a bare HTTP 408 without a JSON body', async () => {
    fake.failNext('getUpdates', { status: 408, body: '' });
    expect(await client().getUpdates(30)).toBeNull();
  });

  it('getUpdates keeps an update with an unknown event name and extra fields', async () => {
    fake.pushUpdate({
      event_name: 'message.reaction.received',
      brand_new_field: { nested: true },
      message: { ...(makeTextUpdate('x').message as object), reaction: '❤️' },
    });
    const update = await client().getUpdates(5);
    expect(update?.event_name).toBe('message.reaction.received');
    expect(update && isTextUpdate(update)).toBe(false);
    expect((update as Record<string, unknown>).brand_new_field).toEqual({ nested: true });
  });

  it('getUpdates skips an unreadable update with a warning rather than throwing', async () => {
    const logger = recordingLogger();
    fake.pushUpdate({ something: 'else' });
    expect(await client({ logger }).getUpdates(5)).toBeNull();
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('getUpdates accepts numeric ids and reads them as strings', async () => {
    const u = makeTextUpdate('hi') as { message: Record<string, unknown> };
    fake.pushUpdate({ ...u, message: { ...u.message, message_id: 42, chat: { id: 7, chat_type: 'GROUP' } } });
    const update = await client().getUpdates(5);
    expect(update?.message?.message_id).toBe('42');
    expect(update?.message?.chat).toMatchObject({ id: '7', chat_type: 'GROUP' });
  });

  it('setWebhook, getWebhookInfo and deleteWebhook round-trip the webhook URL', async () => {
    const c = client();
    const set = await c.setWebhook('https://bot.example.test/zalo', 'secret-of-8-plus');
    expect(set.url).toBe('https://bot.example.test/zalo');
    expect(fake.webhookInfo().secret_token).toBe('secret-of-8-plus');
    expect((await c.getWebhookInfo()).url).toBe('https://bot.example.test/zalo');
    expect((await c.deleteWebhook()).url).toBe('');
    expect((await c.getWebhookInfo()).url).toBe('');
  });

  it('sendMessage returns increasing message ids and the fake records what was sent', async () => {
    const c = client();
    const a = await c.sendMessage('chat-1', 'một');
    const b = await c.sendMessage('chat-1', 'hai');
    expect(Number(b.messageId)).toBeGreaterThan(Number(a.messageId));
    expect(fake.sent).toEqual([
      { method: 'sendMessage', body: { chat_id: 'chat-1', text: 'một' } },
      { method: 'sendMessage', body: { chat_id: 'chat-1', text: 'hai' } },
    ]);
  });

  it('sendPhoto sends the URL, with the caption only when given', async () => {
    const c = client();
    const r = await c.sendPhoto('chat-1', 'https://img.example.test/a.png', 'Biểu đồ');
    await c.sendPhoto('chat-1', 'https://img.example.test/b.png');
    expect(r.messageId).toMatch(/\d+/);
    expect(fake.sent.map((s) => s.body)).toEqual([
      { chat_id: 'chat-1', photo: 'https://img.example.test/a.png', caption: 'Biểu đồ' },
      { chat_id: 'chat-1', photo: 'https://img.example.test/b.png' },
    ]);
  });

  it('sendChatAction sends the typing action', async () => {
    await client().sendChatAction('chat-1');
    expect(fake.sent).toEqual([{ method: 'sendChatAction', body: { chat_id: 'chat-1', action: 'typing' } }]);
  });
});

describe('Zalo client errors and retries', () => {
  it('treats ok:false with HTTP 200 as an error, and does not retry it', async () => {
    fake.failNext('sendMessage', {
      status: 200,
      body: { ok: false, error_code: 400, description: 'Bad chat' },
    });
    const err = await client()
      .sendMessage('c', 'hi')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ errorCode: 400, httpStatus: 200, retryable: false, description: 'Bad chat' });
    expect(fake.calls).toHaveLength(1);
  });

  it('does not retry a 401 from a bad token', async () => {
    const c = createZaloClient({ token: 'wrong-token-not-secret', apiRoot: fake.url, retryBaseMs: 5 });
    const err = await c.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ errorCode: 401, httpStatus: 401, retryable: false });
    expect(fake.calls).toHaveLength(1);
  });

  it('does not retry a 403', async () => {
    fake.failNext(
      'sendMessage',
      { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden' } },
      5,
    );
    await expect(client().sendMessage('c', 'hi')).rejects.toMatchObject({ errorCode: 403 });
    expect(fake.calls).toHaveLength(1);
  });

  it('retries 500s and succeeds', async () => {
    fake.failNext('sendMessage', serverError, 2);
    const logger = recordingLogger();
    const r = await client({ logger }).sendMessage('c', 'hi');
    expect(r.messageId).toBe('1');
    expect(fake.calls.map((c) => c.status)).toEqual([500, 500, 200]);
    expect(logger.lines.filter((l) => l.msg === 'zalo: retrying')).toHaveLength(2);
  });

  it('retries a 502 whose body is a proxy HTML page', async () => {
    fake.failNext('getMe', { status: 502, body: '<html>Bad Gateway</html>' });
    await expect(client().getMe()).resolves.toMatchObject({ account_name: 'bot.fake' });
    expect(fake.calls).toHaveLength(2);
  });

  it('retries dropped connections and succeeds', async () => {
    fake.failNext('sendMessage', 'drop', 2);
    await expect(client().sendMessage('c', 'hi')).resolves.toEqual({ messageId: '1' });
    expect(fake.calls.map((c) => c.status)).toEqual(['dropped', 'dropped', 200]);
    expect(fake.sent).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    fake.failNext('getMe', serverError, 10);
    const err = await client({ maxRetries: 2 })
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ errorCode: 500, retryable: true });
    expect(fake.calls).toHaveLength(3);
  });

  it('throws a network error when dropped connections outlast the retries', async () => {
    fake.failNext('getMe', 'drop', 10);
    const err = await client({ maxRetries: 1 })
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ retryable: true, aborted: false });
    expect(fake.calls).toHaveLength(2);
  });

  it('retries a 429 after the retry-after the server asks for', async () => {
    fake.failNext('sendMessage', {
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests' },
      headers: { 'Retry-After': '1' },
    });
    const started = Date.now();
    await expect(client().sendMessage('c', 'hi')).resolves.toEqual({ messageId: '1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.calls).toHaveLength(2);
  });

  it('retries a 429 without retry-after on the normal back-off', async () => {
    fake.failNext('sendMessage', {
      status: 429,
      body: { ok: false, error_code: 429, description: 'Slow down' },
    });
    await expect(client().sendMessage('c', 'hi')).resolves.toEqual({ messageId: '1' });
  });

  it('throws at once, with retryAfterSeconds, when retry-after exceeds maxRetryAfterMs', async () => {
    fake.failNext('sendMessage', {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests',
        parameters: { retry_after: 120 },
      },
    });
    const err = await client({ maxRetryAfterMs: 5000 })
      .sendMessage('c', 'hi')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errorCode: 429, retryAfterSeconds: 120 });
    expect(fake.calls).toHaveLength(1);
  });

  it('reports a 200 whose body is not an envelope as a non-retryable error', async () => {
    fake.failNext('getMe', { status: 200, body: 'hello' });
    await expect(client().getMe()).rejects.toMatchObject({ name: 'ZaloApiError', retryable: false });
  });

  it('aborts an in-flight long poll promptly when the signal fires', async () => {
    const controller = new AbortController();
    const poll = client().getUpdates(30, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    controller.abort();
    const err = await poll.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ aborted: true, retryable: false });
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('Zalo client text validation', () => {
  it('sendMessage rejects empty text before any HTTP call', async () => {
    await expect(client().sendMessage('c', '')).rejects.toBeInstanceOf(ZaloValidationError);
    expect(fake.calls).toHaveLength(0);
  });

  it('sendMessage rejects 2,001 characters before any HTTP call', async () => {
    const err = await client()
      .sendMessage('c', 'a'.repeat(2001))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloValidationError);
    expect(err).toMatchObject({ method: 'sendMessage', field: 'text' });
    expect(fake.calls).toHaveLength(0);
  });

  it('sendMessage accepts exactly 2,000 characters', async () => {
    await expect(client().sendMessage('c', 'a'.repeat(2000))).resolves.toEqual({ messageId: '1' });
  });

  it('sendMessage rejects an empty chat id', async () => {
    await expect(client().sendMessage('', 'hi')).rejects.toBeInstanceOf(ZaloValidationError);
  });

  it('sendPhoto rejects a caption over 2,000 characters', async () => {
    await expect(client().sendPhoto('c', 'https://x.test/a.png', 'a'.repeat(2001))).rejects.toBeInstanceOf(
      ZaloValidationError,
    );
    expect(fake.calls).toHaveLength(0);
  });
});
