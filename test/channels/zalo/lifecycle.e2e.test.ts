// Starting and stopping the Zalo bot, and one bad update never stopping it.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createSendLimiter } from '../../../src/channels/limiter.ts';
import { createZaloBot } from '../../../src/channels/zalo/bot.ts';
import { messages } from '../../../src/core/messages.ts';
import type { PersonCode } from '../../../src/core/types.ts';
import type { Store } from '../../../src/store/store.ts';
import { startFakeZaloApi } from '../../fakes/zalo-api.ts';
import { NOW, SECRET, startZaloE2E, TZ } from './e2e-harness.ts';
import { TOKEN, waitFor } from './helpers.ts';

const USER = 'zalo-user-p07';

describe('the Zalo bot’s life', () => {
  it('in polling mode deletes any webhook first, then polls; stop ends the poll', async () => {
    const h = await startZaloE2E('pglite', 'polling', {
      beforeStart: (fake) => fake.setWebhookInfo({ url: 'https://old.example/hook', secret_token: SECRET }),
    });
    try {
      const methods = h.fake.calls.map((c) => c.method);
      expect(methods.slice(0, 2)).toEqual(['deleteWebhook', 'getUpdates']);
      expect(h.fake.webhookInfo().url).toBe('');
      expect(h.bot.mode).toBe('polling');
      // Polling mode serves no webhook.
      const server = new Hono();
      if (h.bot.webhook) server.route('/', h.bot.webhook);
      expect((await server.request('http://x/zalo/webhook', { method: 'POST' })).status).toBe(404);

      await h.bot.stop();
      const polls = h.fake.calls.filter((c) => c.method === 'getUpdates').length;
      await waitFor(() => h.fake.waitingPolls() === 0);
      await new Promise((r) => setTimeout(r, 50));
      expect(h.fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
    } finally {
      await h.close();
    }
  });

  it('answers a message whose handling failed with “try again”, logs where without the text, and goes on', async () => {
    let failNext = false;
    const h = await startZaloE2E('pglite', 'polling', {
      wrapStore: (store: Store) => ({
        ...store,
        lexicon: () => {
          if (failNext) {
            failNext = false;
            return Promise.reject(new Error('database went away'));
          }
          return store.lexicon();
        },
      }),
    });
    try {
      await h.register('P07' as PersonCode, USER);
      failNext = true;
      expect(await h.say(USER, 'tiến độ NQ57-12 bí mật', { messageId: 'boom-1' })).toEqual([
        messages('vi').errorTryAgain,
      ]);
      const line = h.log.find((l) => l.msg === 'zalo: update failed');
      expect(line?.level).toBe('error');
      expect(line?.obj).toMatchObject({ channel: 'zalo', chatId: USER, messageId: 'boom-1' });
      expect(JSON.stringify(h.log)).not.toContain('bí mật');
      expect(JSON.stringify(h.log)).not.toContain(TOKEN);

      const next = await h.say(USER, 'tiến độ NQ57-12');
      expect(next[0]).toContain('Chỉ tiêu NQ57-12');
    } finally {
      await h.close();
    }
  });

  it('in webhook mode keeps running when setWebhook is refused, and says so in the log', async () => {
    const h = await startZaloE2E('pglite', 'webhook', {
      beforeStart: (fake) =>
        fake.failNext('setWebhook', {
          status: 400,
          body: { ok: false, error_code: 400, description: 'Bad Request' },
        }),
    });
    try {
      expect(h.log.some((l) => l.level === 'error' && l.msg === 'zalo: setWebhook failed')).toBe(true);
      await h.register('P07' as PersonCode, USER);
      expect((await h.say(USER, 'việc của tôi'))[0]).toMatch(/^📋 Bạn có 1 nhiệm vụ/);
    } finally {
      await h.close();
    }
  });

  it('refuses a webhook secret Zalo would refuse, naming the variable', async () => {
    const fake = await startFakeZaloApi({ token: TOKEN });
    try {
      const make = (secret: string) => () =>
        createZaloBot({
          token: TOKEN,
          apiRoot: fake.url,
          webhookSecret: secret,
          firstSeen: {} as never,
          core: {
            store: {} as never,
            now: () => NOW,
            tz: TZ,
            notify: { notify: async () => ({ queued: [] }) },
          },
          limiter: createSendLimiter(),
        });
      expect(make('short')).toThrow(/^ZALO_WEBHOOK_SECRET: must be 8-256 characters/);
      expect(make('x'.repeat(257))).toThrow(/ZALO_WEBHOOK_SECRET/);
      expect(make(SECRET)).not.toThrow();
    } finally {
      await fake.close();
    }
  });
});
