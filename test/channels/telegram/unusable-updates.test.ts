// An update the bot cannot use is acknowledged (200) and logged, never retried forever, and nothing is stored.
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src/store/db.ts';
import { dbKinds } from '../../helpers/db.ts';
import { SECRET, startRig, type Rig } from './helpers.ts';

const P10 = 1010;
const user = { id: P10, is_bot: false, first_name: 'Người dùng', language_code: 'vi' };
const chat = { id: P10, type: 'private', first_name: 'Người dùng' };
const date = 1752541200;

/** Bodies Telegram could post (or a forger with the secret could): JSON, but nothing the bot can act on. */
const UNUSABLE: Array<[string, string]> = [
  ['a message that is empty', '{"update_id":5,"message":{}}'],
  [
    'a message with no chat',
    JSON.stringify({ update_id: 6, message: { message_id: 1, date, from: user, text: 'việc của tôi' } }),
  ],
  [
    'a message with no sender',
    JSON.stringify({ update_id: 7, message: { message_id: 2, date, chat, text: 'việc của tôi' } }),
  ],
  [
    'a message whose chat id is not a number',
    JSON.stringify({
      update_id: 8,
      message: { message_id: 3, date, from: user, chat: { ...chat, id: 'x' }, text: 'hi' },
    }),
  ],
  [
    'a message whose text is not text',
    JSON.stringify({ update_id: 9, message: { message_id: 4, date, from: user, chat, text: 42 } }),
  ],
  [
    'a message with a language code that is not a string',
    JSON.stringify({
      update_id: 10,
      message: { message_id: 5, date, from: { ...user, language_code: 7 }, chat, text: 'việc của tôi' },
    }),
  ],
  [
    'a message with entities that are not a list',
    JSON.stringify({
      update_id: 11,
      message: { message_id: 6, date, from: user, chat, text: '/help', entities: { type: 'bot_command' } },
    }),
  ],
  [
    'a button press without data',
    JSON.stringify({ update_id: 12, callback_query: { id: 'cb-1', from: user, chat_instance: '1' } }),
  ],
  [
    'a button press without a sender',
    JSON.stringify({ update_id: 13, callback_query: { id: 'cb-2', data: 'pg|1|2' } }),
  ],
  [
    'an update of a kind the bot did not ask for',
    JSON.stringify({
      update_id: 14,
      edited_message: { message_id: 7, date, edit_date: date, from: user, chat, text: 'NQ57-12.3 100%' },
    }),
  ],
  ['an update of no kind at all', '{"update_id":15}'],
  [
    'a huge update_id',
    `{"update_id":123456789012345678901234567890,"message":{"message_id":8,"date":${date},"from":${JSON.stringify(user)},"chat":${JSON.stringify(chat)},"text":"NQ57-12.3 100%"}}`,
  ],
  ['a negative update_id', '{"update_id":-1,"message":{}}'],
  ['no update_id', '{"hello":1}'],
  ['null', 'null'],
  ['a list', '[1,2]'],
  ['a string', '"update"'],
];

describe.each(dbKinds())('unusable Telegram updates on %s', (kind) => {
  let webhook: Rig;
  let polling: Rig;
  const stored = async (rig: Rig) => {
    const [r] = await rows<Record<string, number | string>>(
      rig.db.db,
      `select (select count(*)::int from inbound_seen) seen, (select count(*)::int from history) history,
              (select count(*)::int from audit_log) audit, (select count(*)::int from conversations) conversations,
              (select count(*)::int from bot_messages) bot_messages,
              (select md5(string_agg(code || status || progress, ',' order by code)) from tasks) tasks` as never,
    );
    return r!;
  };
  const post = (rig: Rig, body: string) =>
    fetch(String(rig.fake.webhook?.['url']), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body,
    });

  beforeAll(async () => {
    [webhook, polling] = await Promise.all([
      startRig({ kind, mode: 'webhook' }),
      startRig({ kind, mode: 'polling' }),
    ]);
    await Promise.all([webhook.register('P10', P10), polling.register('P10', P10)]);
  });
  afterAll(() => Promise.all([webhook.close(), polling.close()]));

  it.each(UNUSABLE)('answers 200 to %s, logs it and stores nothing', async (_what, body) => {
    const before = {
      sent: webhook.fake.sent.length,
      calls: webhook.fake.calls.length,
      db: await stored(webhook),
    };
    const logs = webhook.logs.length;
    const res = await post(webhook, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(webhook.fake.calls.length).toBe(before.calls);
    expect(webhook.fake.sent.length).toBe(before.sent);
    expect(await stored(webhook)).toEqual(before.db);
    const logged = webhook.logs.slice(logs).join('');
    expect(logged).toContain('update ignored');
    // The log says why, never what the person wrote.
    expect(logged).not.toContain('NQ57-12.3');
    expect(logged).not.toContain('việc của tôi');
  });

  it('answers 400 to a body that is not JSON, and stores nothing', async () => {
    const before = await stored(webhook);
    for (const body of ['{"update_id":5,"message":', 'not json', '']) {
      expect((await post(webhook, body)).status).toBe(400);
    }
    expect(await stored(webhook)).toEqual(before);
  });

  it('still answers a usable update right after the unusable ones', async () => {
    const before = webhook.fake.sent.length;
    await webhook.say(P10, 'việc của tôi');
    expect(webhook.textsTo(P10, before)).toEqual([expect.stringMatching(/^📋 Bạn có \d+ nhiệm vụ/)]);
  });

  it('skips an unusable update in polling mode too, and goes on with the next one', async () => {
    const before = { sent: polling.fake.sent.length, db: await stored(polling) };
    // getUpdates hands out only the kinds asked for, with ids past the ones already confirmed.
    const shapes = UNUSABLE.filter(([what]) => !what.includes('update_id'))
      .map(([, body]) => JSON.parse(body) as unknown)
      .filter(
        (u): u is Record<string, unknown> =>
          typeof u === 'object' && u !== null && ('message' in u || 'callback_query' in u),
      );
    expect(shapes.length).toBeGreaterThan(8);
    for (const shape of shapes) {
      await polling.deliver({ ...shape, update_id: polling.fake.nextUpdateId() } as unknown as Update);
    }
    expect(polling.fake.sent.slice(before.sent).map((m) => m.plain)).toEqual([]);
    expect(await stored(polling)).toEqual(before.db);
    expect(polling.logs.join('')).toContain('update ignored');
    await polling.say(P10, 'việc của tôi');
    expect(polling.textsTo(P10, before.sent)).toEqual([expect.stringMatching(/^📋 Bạn có \d+ nhiệm vụ/)]);
  });
});
