// The Telegram and Zalo senders: how a Reply is cut and rendered, and what each failure means for the outbox.
import { afterEach, describe, expect, it } from 'vitest';
import { Telegraf } from 'telegraf';
import { createSendLimiter } from '../../src/channels/limiter.ts';
import { DeliveryError } from '../../src/channels/outbound.ts';
import { createTelegramOutbound } from '../../src/channels/telegram/outbound.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloOutbound, zaloText } from '../../src/channels/zalo/outbound.ts';
import type { Line, Reply } from '../../src/core/reply.ts';
import type { ItemCode, Percent } from '../../src/core/types.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { TOKEN } from './delivery.ts';

const ITEM = 'NQ57-12.3' as ItemCode;
const reply = (lines: Line[], withButtons = true): Reply => ({
  lang: 'vi',
  lines,
  buttons: withButtons
    ? [
        [
          {
            label: '✅ Xong',
            action: { kind: 'update', item: ITEM, status: 'done', percent: 100 as Percent },
          },
        ],
        [{ label: '🔔 Nhắc lại mai', action: { kind: 'snooze', item: ITEM } }],
      ]
    : [],
  about: ITEM,
});
/** 300 lines of ~40 characters with markup and characters HTML must escape: about 12,000 characters. */
const longLines: Line[] = Array.from({ length: 300 }, (_, i) => [
  `🔴 `,
  { b: `NQ57-${i}` },
  ` <việc> & “chậm” số ${i}`,
]);

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DeliveryError) return err;
    throw err;
  }
  throw new Error('expected a DeliveryError');
}

describe('the Telegram sender', () => {
  let fake: FakeTelegramApi;
  afterEach(() => fake.close());
  const limiter = () => createSendLimiter({ perSecond: 100, perChatPerSecond: 100 });
  const telegram = () => new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } }).telegram;

  it('cuts a long reply on line boundaries into messages Telegram accepts, buttons on the last one', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const sent: string[][] = [];
    const out = createTelegramOutbound({
      telegram: telegram(),
      limiter: limiter(),
      onSent: (_chat, ids) => void sent.push(ids),
    });
    const { messageIds } = await out.send('4242', reply(longLines));
    expect(messageIds.length).toBeGreaterThanOrEqual(3);
    expect(sent).toEqual([messageIds]);
    expect(fake.sent.map((m) => String(m.message_id))).toEqual(messageIds);
    expect(fake.sent.every((m) => m.plain.length <= 4096 && m.parse_mode === 'HTML')).toBe(true);
    expect(fake.sent.map((m) => m.plain).join('\n')).toBe(
      longLines
        .map((l) => l.map((s) => (typeof s === 'string' ? s : 'b' in s ? s.b : s.code)).join(''))
        .join('\n'),
    );
    expect(fake.sent.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(fake.sent.at(-1)?.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: '✅ Xong', callback_data: 'u|NQ57-12.3|d|100' }],
        [{ text: '🔔 Nhắc lại mai', callback_data: 's|NQ57-12.3' }],
      ],
    });
  });

  it('says a chat that blocked the bot is unreachable, and a refused message fatal', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const out = createTelegramOutbound({ telegram: telegram(), limiter: limiter() });
    fake.blockChat('77');
    expect(await failure(out.send('77', reply([['hi']])))).toMatchObject({ kind: 'unreachable' });
    expect(await failure(out.send('78', reply([], false)))).toMatchObject({ kind: 'fatal' });
  });

  it('asks for a retry after a 429, honouring retry_after and pausing the whole channel', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const lim = limiter();
    const out = createTelegramOutbound({ telegram: telegram(), limiter: lim });
    fake.failNext('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 3',
      retryAfter: 3,
    });
    const err = await failure(out.send('5', reply([['hi']])));
    expect(err).toMatchObject({ kind: 'retry', retryAfterMs: 3000 });
    expect(lim.stats().pausedUntil).not.toBeNull();
  });

  it('asks for a retry after a 500 or a refused connection, and reports a lost answer as unknown', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const out = createTelegramOutbound({ telegram: telegram(), limiter: limiter() });
    fake.failNext('sendMessage', { status: 500, description: 'Internal Server Error' });
    expect(await failure(out.send('5', reply([['hi']])))).toMatchObject({ kind: 'retry' });
    fake.failNext('sendMessage', 'drop-after');
    const lost = await failure(out.send('6', reply([['hi']])));
    expect(lost.kind).toBe('unknown');
    expect(lost.message).not.toContain(TOKEN);
    const url = fake.url;
    await fake.close();
    const nowhere = createTelegramOutbound({
      telegram: new Telegraf(TOKEN, { telegram: { apiRoot: url } }).telegram,
      limiter: limiter(),
    });
    const refused = await failure(nowhere.send('7', reply([['hi']])));
    expect(refused.kind).toBe('retry');
    expect(refused.message).not.toContain(TOKEN);
    fake = await startFakeTelegramApi({ token: TOKEN });
  });
});

describe('the Telegram photo sender', () => {
  let fake: FakeTelegramApi;
  afterEach(() => fake.close());
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const caption: Reply = {
    lang: 'vi',
    lines: [['📈 ', { b: 'NQ57' }, ' — <tiến độ> & đơn vị']],
    buttons: [],
    about: null,
  };

  it('uploads the PNG with an HTML caption and classifies its failures as it does text', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const lim = createSendLimiter({ perSecond: 100, perChatPerSecond: 100 });
    const out = createTelegramOutbound({
      telegram: new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } }).telegram,
      limiter: lim,
    });
    const sendPhoto = out.sendPhoto?.bind(out);
    if (!sendPhoto) throw new Error('the Telegram sender must send photos');
    const { messageIds } = await sendPhoto('4242', { png, filename: 'NQ57.png' }, caption);
    expect(fake.photos).toMatchObject([
      {
        chat_id: 4242,
        message_id: Number(messageIds[0]),
        filename: 'NQ57.png',
        byteLength: png.length,
        caption: '📈 <b>NQ57</b> — &lt;tiến độ&gt; &amp; đơn vị',
        parse_mode: 'HTML',
      },
    ]);
    fake.blockChat('77');
    expect(await failure(sendPhoto('77', { png, filename: 'a.png' }, caption))).toMatchObject({
      kind: 'unreachable',
    });
    fake.failNext('sendPhoto', {
      status: 429,
      description: 'Too Many Requests: retry after 2',
      retryAfter: 2,
    });
    expect(await failure(sendPhoto('5', { png, filename: 'a.png' }, caption))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 2000,
    });
    expect(lim.stats().pausedUntil).not.toBeNull();
  });
});

describe('the Zalo sender', () => {
  let fake: FakeZaloApi;
  afterEach(() => fake.close());
  const ZTOKEN = 'zalo-test-token-123';
  const sender = () =>
    createZaloOutbound({
      client: createZaloClient({ token: ZTOKEN, apiRoot: fake.url, maxRetries: 0 }),
      limiter: createSendLimiter({ perSecond: 100, perChatPerSecond: 100 }),
    });

  it('sends plain text in Zalo-sized parts and turns the buttons into words to reply with', async () => {
    fake = await startFakeZaloApi({ token: ZTOKEN });
    expect(zaloText(reply([['Nhắc việc: ', { b: ITEM }]]))).toBe(
      'Nhắc việc: NQ57-12.3\nTrả lời bằng chữ: ✅ Xong · 🔔 Nhắc lại mai',
    );
    const { messageIds } = await sender().send('zchat', reply(longLines));
    expect(messageIds.length).toBeGreaterThanOrEqual(6);
    const texts = fake.sent.map((m) => String(m.body['text']));
    expect(texts.every((t) => t.length <= 2000 && !t.includes('<b>'))).toBe(true);
    expect(texts.at(-1)).toMatch(/Trả lời bằng chữ: ✅ Xong · 🔔 Nhắc lại mai$/);
  });

  it('maps Zalo’s failures as Telegram’s: 403 unreachable, 429 retry after its wait, 5xx retry, a dropped answer unknown', async () => {
    fake = await startFakeZaloApi({ token: ZTOKEN });
    const out = sender();
    fake.failNext('sendMessage', {
      status: 403,
      body: { ok: false, error_code: 403, description: 'user blocked the bot' },
    });
    expect(await failure(out.send('z1', reply([['hi']])))).toMatchObject({ kind: 'unreachable' });
    fake.failNext('sendMessage', {
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } },
    });
    expect(await failure(out.send('z2', reply([['hi']])))).toMatchObject({
      kind: 'retry',
      retryAfterMs: 2000,
    });
    fake.failNext('sendMessage', { status: 502, body: 'bad gateway' });
    expect(await failure(out.send('z3', reply([['hi']])))).toMatchObject({ kind: 'retry' });
    fake.failNext('sendMessage', 'drop');
    expect(await failure(out.send('z4', reply([['hi']])))).toMatchObject({ kind: 'unknown' });
    expect(fake.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(4);
  });
});
