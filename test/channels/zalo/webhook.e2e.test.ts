// Webhook mode over real HTTP: setWebhook on start, the secret header guards POST /zalo/webhook.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../../src/core/types.ts';
import { rows } from '../../../src/store/db.ts';
import { dbKinds } from '../../helpers/db.ts';
import { makeTextUpdate, postWebhook } from '../../fakes/zalo-api.ts';
import { nextMessageId, SECRET, startZaloE2E, WEBHOOK_URL, type ZaloE2E } from './e2e-harness.ts';
import { TOKEN } from './helpers.ts';

const USER = 'zalo-user-p07';

describe.each(dbKinds())('the Zalo webhook on %s', (kind) => {
  let h: ZaloE2E;
  let url: string;
  const seenCount = async (): Promise<number> =>
    (await rows<{ n: number }>(h.db.db, sql`select count(*)::int as n from inbound_seen`))[0]?.n ?? -1;

  const stored = async () =>
    (
      await rows<Record<string, number>>(
        h.db.db,
        sql`select (select count(*)::int from history) history, (select count(*)::int from audit_log) audit,
                   (select count(*)::int from conversations) conversations`,
      )
    )[0];

  beforeAll(async () => {
    h = await startZaloE2E(kind, 'webhook');
    url = h.webhookUrl!;
    await h.register('P07' as PersonCode, USER);
  });
  afterAll(() => h.close());

  it('registered its URL and secret with setWebhook on start, and never polls', () => {
    expect(h.fake.webhookInfo()).toMatchObject({ url: WEBHOOK_URL, secret_token: SECRET });
    expect(h.fake.calls.map((c) => c.method)).not.toContain('getUpdates');
    expect(h.bot.mode).toBe('webhook');
  });

  it.each([
    ['a wrong secret', 'not-the-secret-at-all'],
    ['a wrong secret of the same length', SECRET.slice(0, -1) + 'X'],
    ['no secret header', undefined],
  ])('answers 401 to %s and processes nothing', async (_what, secret) => {
    const sentBefore = h.fake.sent.length;
    const seenBefore = await seenCount();
    const update = makeTextUpdate('NQ57-12.4 50%', { fromId: USER, messageId: nextMessageId() });
    const res = await postWebhook(url, { secret, body: update });
    expect(res.status).toBe(401);
    expect(h.fake.sent.length).toBe(sentBefore);
    expect(await seenCount()).toBe(seenBefore);
    // The refused message id was not burnt: the genuine delivery is processed.
    const ok = await postWebhook(url, { secret: SECRET, body: update });
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    expect(h.textsTo(USER, sentBefore)).toHaveLength(1);
  });

  it('answers 400 to a body that is not JSON, and processes nothing', async () => {
    const sentBefore = h.fake.sent.length;
    const seenBefore = await seenCount();
    for (const body of ['{not json', '{"event_name":', '']) {
      expect((await postWebhook(url, { secret: SECRET, body })).status).toBe(400);
    }
    expect(h.fake.sent.length).toBe(sentBefore);
    expect(await seenCount()).toBe(seenBefore);
  });

  const from = { id: USER, display_name: 'P07' };
  const chat = { id: USER, chat_type: 'PRIVATE' };
  const text = 'NQ57-12.4 50%';
  it.each<[string, unknown]>([
    ['an object that is no update', { hello: 'world' }],
    [
      'a message with no chat',
      { event_name: 'message.text.received', message: { message_id: 'x1', from, text } },
    ],
    [
      'a message with no sender',
      { event_name: 'message.text.received', message: { message_id: 'x2', chat, text } },
    ],
    ['a message with no id', { event_name: 'message.text.received', message: { from, chat, text } }],
    [
      'a message whose chat has no type',
      { event_name: 'message.text.received', message: { message_id: 'x3', from, chat: { id: USER }, text } },
    ],
    [
      'a message whose text is not text',
      { event_name: 'message.text.received', message: { message_id: 'x4', from, chat, text: 42 } },
    ],
    ['a text event without a message', { event_name: 'message.text.received' }],
    [
      'an event of a kind the bot does not know',
      { event_name: 'bot.new.thing', message: { message_id: 'x5', from, chat, text } },
    ],
    ['an update without event_name', { message: { message_id: 'x6', from, chat, text } }],
    ['an ok:false envelope', { ok: false, error_code: 400, description: 'x' }],
    ['null', null],
    ['a list', [1, 2]],
  ])('answers 200 to %s, logs it and stores nothing', async (_what, body) => {
    const sentBefore = h.fake.sent.length;
    const seenBefore = await seenCount();
    const storedBefore = await stored();
    const logsBefore = h.log.length;
    const res = await postWebhook(url, { secret: SECRET, body });
    expect(res).toEqual({ status: 200, body: { ok: true } });
    expect(h.fake.sent.length).toBe(sentBefore);
    expect(await seenCount()).toBe(seenBefore);
    expect(await stored()).toEqual(storedBefore);
    const logged = h.log.slice(logsBefore);
    expect(logged.map((l) => l.msg)).toContainEqual(expect.stringContaining('update ignored'));
    expect(JSON.stringify(logged)).not.toContain(text);
  });

  it('still answers a usable update after the unusable ones', async () => {
    const sentBefore = h.fake.sent.length;
    const update = makeTextUpdate('việc của tôi', { fromId: USER, messageId: nextMessageId() });
    expect(await postWebhook(url, { secret: SECRET, body: update })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(h.textsTo(USER, sentBefore)).toEqual([expect.stringMatching(/^📋 Bạn có \d+ nhiệm vụ/)]);
  });

  it('never writes the token or the secret into its log', () => {
    const all = JSON.stringify(h.log);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
