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

  it('answers 400 to a body that is not a Zalo update', async () => {
    const sentBefore = h.fake.sent.length;
    expect((await postWebhook(url, { secret: SECRET, body: '{not json' })).status).toBe(400);
    expect((await postWebhook(url, { secret: SECRET, body: { hello: 'world' } })).status).toBe(400);
    expect(h.fake.sent.length).toBe(sentBefore);
  });

  it('never writes the token or the secret into its log', () => {
    const all = JSON.stringify(h.log);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
