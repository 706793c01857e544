// Webhook mode end to end: setWebhook on start, the secret on every call, and each update handled once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramBot } from '../../../src/channels/telegram/bot.ts';
import { createRedeliveryGate } from '../../../src/channels/redelivery.ts';
import { inboundAdmission } from '../../../src/store/inbound.ts';
import { secretMatches } from '../../../src/channels/secret.ts';
import { WEBHOOK_PATH } from '../../../src/channels/telegram/webhook.ts';
import { createLogger } from '../../../src/logger.ts';
import { rows } from '../../../src/store/db.ts';
import { createStore } from '../../../src/store/store.ts';
import { postWebhookUpdate } from '../../fakes/telegram-api.ts';
import { dbKinds } from '../../helpers/db.ts';
import { NOW, SECRET, startRig, TOKEN, TZ, type Rig } from './helpers.ts';

const P10 = 1010;

describe('the webhook secret', () => {
  it('matches only the configured secret, never an empty or missing one', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cret', 's3cre')).toBe(false);
    expect(secretMatches('s3cret', 's3cret ')).toBe(false);
    expect(secretMatches('s3cret', '')).toBe(false);
    expect(secretMatches('s3cret', null)).toBe(false);
    expect(secretMatches('s3cret', undefined)).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });
});

describe.each(dbKinds())('webhook mode on %s', (kind) => {
  let rig: Rig;
  let hook: string;
  const seen = async () => {
    const [r] = await rows<{ n: number }>(rig.db.db, `select count(*)::int n from inbound_seen` as never);
    return r!.n;
  };

  beforeAll(async () => {
    rig = await startRig({ kind, mode: 'webhook' });
    hook = String(rig.fake.webhook?.['url']);
    await rig.register('P10', P10);
  });
  afterAll(() => rig.close());

  it('set the webhook to our server with the secret, and never polls', () => {
    expect(hook).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${WEBHOOK_PATH}$`));
    expect(rig.fake.webhook).toMatchObject({
      secret_token: SECRET,
      allowed_updates: ['message', 'callback_query'],
    });
    expect(rig.fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('answers 401 to a wrong or missing secret and handles nothing', async () => {
    const before = { sent: rig.fake.sent.length, seen: await seen() };
    const update = rig.fake.makeTextUpdate({ fromId: P10, text: 'việc của tôi' });
    expect((await postWebhookUpdate(hook, update, 'wrong-secret')).status).toBe(401);
    expect((await postWebhookUpdate(hook, update)).status).toBe(401);
    expect((await postWebhookUpdate(hook, update, `${SECRET}x`)).status).toBe(401);
    expect(rig.fake.sent.length).toBe(before.sent);
    expect(await seen()).toBe(before.seen);
    // Not even remembered as seen: the genuine delivery of the same update is handled.
    expect((await postWebhookUpdate(hook, update, SECRET)).status).toBe(200);
    expect(rig.textsTo(P10, before.sent)).toHaveLength(1);
  });

  it('answers 400 to a body that is not JSON, 200 to JSON that is no update (so it is not redelivered)', async () => {
    const post = (body: string) =>
      fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
    const before = await seen();
    expect((await post('{"hello":')).status).toBe(400);
    expect((await post('{"hello":1}')).status).toBe(200);
    expect(await seen()).toBe(before);
  });

  it('handles an update Telegram delivers twice (a retry) once', async () => {
    const before = rig.fake.sent.length;
    const update = rig.fake.makeTextUpdate({ fromId: P10, text: 'NQ57-12.3 70%' });
    const answers = await Promise.all([
      postWebhookUpdate(hook, update, SECRET),
      postWebhookUpdate(hook, update, SECRET),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await postWebhookUpdate(hook, update, SECRET);
    expect(rig.textsTo(P10, before)).toEqual([expect.stringMatching(/^✅ NQ57-12\.3 .*: 60% → 70%/)]);
  });

  it('handles an update once when two processes behind one webhook both receive it', async () => {
    const second = createTelegramBot({
      token: TOKEN,
      apiRoot: rig.fake.url,
      store: createStore(rig.db.db, () => NOW),
      // Another process: its own in-memory seen-set, the same database.
      firstSeen: createRedeliveryGate(inboundAdmission(rig.db.db)),
      now: () => NOW,
      tz: TZ,
      notify: { notify: async () => ({ queued: [] }) },
      logger: createLogger('silent'),
      webhook: { url: hook, secret: SECRET },
    });
    const before = rig.fake.sent.length;
    const update = rig.fake.makeTextUpdate({ fromId: P10, text: 'việc của tôi' });
    await Promise.all([rig.telegram.takeUpdate(update), second.takeUpdate(update)]);
    expect(rig.textsTo(P10, before)).toHaveLength(1);
    await second.stop();
  });

  it('keeps the webhook set when it stops, so Telegram holds updates until the next start', async () => {
    await rig.telegram.stop();
    expect(rig.fake.webhook).toMatchObject({ url: hook });
    const res = await postWebhookUpdate(
      hook,
      rig.fake.makeTextUpdate({ fromId: P10, text: 'việc của tôi' }),
      SECRET,
    );
    // A stopping process does not take new work; Telegram delivers it again later.
    expect(res.status).toBe(500);
  });
});
