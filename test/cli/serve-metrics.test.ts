// `dondoc serve` with both messengers and the console: a message on each of Telegram (fake Bot API), Zalo
// (fake Zalo API) and the web chat goes through the one pipeline, so /metrics counts messages in and out and
// times the reply for each channel under its own label.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { createInvite, register } from '../../src/store/people.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { makeTextUpdate, startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { waitUntil } from '../channels/telegram/helpers.ts';
import { runCommand } from '../helpers/cli.ts';
import { metricsOnceMatching } from '../helpers/metrics.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TELEGRAM_TOKEN = '42:serve-metrics-token-not-secret';
const ZALO_TOKEN = 'zalo-serve-metrics-token-not-secret';
// A Sunday evening: no reminder is due, so the only traffic is the three messages below.
const NOW = new Date('2025-07-13T20:00:00+07:00');
const TG_CHAT = 1010;
const ZALO_USER = 'zalo-user-p07';

/** The one sample of `series` in a Prometheus text page. */
function sample(page: string, series: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no sample ${series} in:\n${page}`);
  return Number(line.slice(series.length + 1));
}

describe.each(dbKinds())('/metrics of dondoc serve with every channel, %s', (kind) => {
  let t: TestDatabase;
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;

  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    telegram = await startFakeTelegramApi({ token: TELEGRAM_TOKEN });
    zalo = await startFakeZaloApi({ token: ZALO_TOKEN });
    for (const [person, channel, id] of [
      ['P10', 'telegram', String(TG_CHAT)],
      ['P07', 'zalo', ZALO_USER],
    ] as const) {
      const { code } = await createInvite(t.db, person as PersonCode, NOW);
      await register(t.db, code, { channel, chatId: id, externalUserId: id }, NOW);
    }
  });
  afterAll(async () => {
    await telegram.close();
    await zalo.close();
    await t.close();
  });

  it('counts in, out and reply time for Telegram, Zalo and the web chat, each under its own label', async () => {
    const stops: Array<() => Promise<void>> = [];
    const { code, err } = await runCommand(['serve'], {
      env: {
        DONDOC_NOW: NOW.toISOString(),
        PORT: '0',
        TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        ZALO_BOT_TOKEN: ZALO_TOKEN,
        ZALO_API_ROOT: zalo.url,
      },
      now: NOW,
      db: t,
      onShutdown: (step) => void stops.push(step),
    });
    expect(code).toBe(0);
    const origin = /http:\/\/\S+?(?=\/$)/.exec(err.join('\n'))?.[0];
    if (!origin) throw new Error(`no console address in: ${err.join('\n')}`);
    try {
      const tgBefore = telegram.sent.length;
      telegram.pushUpdate(telegram.makeTextUpdate({ fromId: TG_CHAT, text: 'việc của tôi' }));
      await waitUntil(() => telegram.sent.slice(tgBefore).some((m) => m.chat_id === TG_CHAT), 20_000);

      const zaloBefore = zalo.sent.length;
      zalo.pushUpdate(makeTextUpdate('việc của tôi', { fromId: ZALO_USER, chatId: ZALO_USER }));
      await waitUntil(
        () =>
          zalo.sent.slice(zaloBefore).some((s) => s.method === 'sendMessage' && s.body.chat_id === ZALO_USER),
        20_000,
      );

      const res = await fetch(`${origin}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ person: 'P02', text: 'tổng hợp tiến độ NQ57' }),
      });
      expect(res.status).toBe(200);
      const { replies } = (await res.json()) as { replies: unknown[] };
      expect(replies.length).toBeGreaterThan(0);

      const page = await metricsOnceMatching(
        origin,
        ['telegram', 'zalo', 'web'].map(
          (channel) => new RegExp(`dondoc_reply_seconds_count\\{channel="${channel}"\\} 1\\b`),
        ),
      );
      for (const channel of ['telegram', 'zalo', 'web']) {
        expect(sample(page, `dondoc_messages_in_total{channel="${channel}"}`), channel).toBe(1);
        expect(
          sample(page, `dondoc_messages_out_total{channel="${channel}"}`),
          channel,
        ).toBeGreaterThanOrEqual(1);
        expect(sample(page, `dondoc_reply_seconds_count{channel="${channel}"}`), channel).toBe(1);
        expect(sample(page, `dondoc_reply_seconds_sum{channel="${channel}"}`), channel).toBeGreaterThan(0);
      }
    } finally {
      for (const step of stops) await step();
    }
  });
});
