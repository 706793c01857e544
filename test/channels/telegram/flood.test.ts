// Flood control end to end: 429 retry_after and 5xx are retried, ambiguous failures are not, nothing arrives twice.
import { afterEach, describe, expect, it } from 'vitest';
import { Telegraf } from 'telegraf';
import { createSendLimiter } from '../../../src/channels/limiter.ts';
import { createTelegramOutbound } from '../../../src/channels/telegram/outbound.ts';
import { retryingLimiter } from '../../../src/channels/telegram/retry.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../../fakes/telegram-api.ts';
import { startRig, TOKEN, type Rig } from './helpers.ts';

/** mulberry32: the fake's random failures, the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function countsByText(fake: FakeTelegramApi, from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.sent.slice(from)) counts.set(m.plain, (counts.get(m.plain) ?? 0) + 1);
  return counts;
}

const PEOPLE = ['P07', 'P08', 'P09', 'P10', 'P13', 'P16', 'P18', 'P19'];
const QUESTIONS = [
  'tiến độ NQ57-03',
  'tiến độ NQ57-04',
  'tiến độ NQ57-07',
  'tiến độ NQ57-12',
  'tiến độ DA06-03',
  'tiến độ CDS25-08',
  'tổng hợp tiến độ NQ57',
  'tổng hợp tiến độ DA06',
];

describe('flood control and retries', () => {
  let rig: Rig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it('delivers every answer exactly once under injected 429s and 500s (webhook mode)', async () => {
    rig = await startRig({
      kind: 'pglite',
      mode: 'webhook',
      fake: { random: seeded(57) },
      bot: { retry: { retries: 8, baseMs: 20, maxMs: 200 } },
    });
    const r = rig;
    for (const [i, person] of PEOPLE.entries()) await r.register(person, 2000 + i);
    const from = r.fake.sent.length;
    r.fake.failNext('sendMessage', {
      status: 429,
      description: 'Too Many Requests: retry after 1',
      retryAfter: 1,
    });
    r.fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway' }, 2);
    r.fake.failRandomly('sendMessage', 0.3, 500);
    const started = performance.now();
    await Promise.all(PEOPLE.map((_, i) => r.say(2000 + i, QUESTIONS[i]!)));
    r.fake.clearFailures();

    const failed = r.fake.calls.filter(
      (c) => c.method === 'sendMessage' && c.status !== undefined && c.status >= 400,
    );
    expect(failed.some((c) => c.status === 429)).toBe(true);
    expect(failed.some((c) => c.status === 500)).toBe(true);
    // The 429 paused every chat for retry_after.
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    const counts = countsByText(r.fake, from);
    expect(counts.size).toBe(PEOPLE.length);
    for (const [, n] of counts) expect(n).toBe(1);
    for (const i of PEOPLE.keys()) expect(r.textsTo(2000 + i, from)).toHaveLength(1);
  });

  it('does not retry a send whose answer was lost after it ran: shown once, never twice (polling mode)', async () => {
    rig = await startRig({ kind: 'pglite', mode: 'polling' });
    await rig.register('P10', 1010);
    const from = rig.fake.sent.length;
    rig.fake.failNext('sendMessage', 'drop-after');
    await rig.say(1010, 'việc của tôi');
    await rig.say(1010, 'tiến độ NQ57-12.3');
    const texts = rig.textsTo(1010, from);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^📋 Bạn có 4 nhiệm vụ/);
    expect(texts[1]).toMatch(/^🟢 Nhiệm vụ NQ57-12\.3/);
    expect(rig.logs.join('')).toMatch(/"msg":"telegram: reply not delivered"/);
  });

  it('keeps to Telegram’s limits with the default limiter: one message a second per chat, no 429', async () => {
    rig = await startRig({
      kind: 'pglite',
      mode: 'webhook',
      fake: { limits: { perSecond: 30, perChatPerSecond: 1 } },
      bot: { limits: {} },
    });
    const r = rig;
    await r.register('P10', 1010);
    await r.register('P11', 1011);
    const started = performance.now();
    await Promise.all([
      r.say(1010, 'việc của tôi'),
      r.say(1010, 'tiến độ NQ57-12.3'),
      r.say(1010, 'quá hạn NQ57'),
      r.say(1011, 'my tasks'),
    ]);
    expect(r.fake.tooManyRequestsCount).toBe(0);
    expect(r.textsTo(1010)).toHaveLength(4);
    const times = r.fake.sent.filter((m) => m.chat_id === 1010).map((m) => m.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(900);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1900);
  });
});

describe('a long reply', () => {
  let fake: FakeTelegramApi;
  afterEach(() => fake.close());

  it('goes out in parts of at most 4,096 characters, and a failed part is retried alone', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN });
    const bot = new Telegraf(TOKEN, { telegram: { apiRoot: fake.url } });
    const limiter = retryingLimiter(createSendLimiter({ perChatPerSecond: 100 }), {
      retries: 3,
      baseMs: 10,
      maxMs: 50,
      maxAfterMs: 5000,
    });
    const outbound = createTelegramOutbound({ telegram: bot.telegram, limiter });
    const lines = Array.from({ length: 300 }, (_, i) => [`Dòng ${i} <&> `, { b: 'x'.repeat(30) }]);
    const reply: Reply = { lang: 'vi', lines, buttons: [], about: null };
    // The first part goes out; the second fails once and is sent again; the first is not.
    const second = fake
      .waitForCall((c) => c.method === 'sendMessage')
      .then(() => fake.failNext('sendMessage', { status: 500, description: 'Internal Server Error' }));
    const sent = await outbound.send('77', reply);
    await second;
    const calls = fake.calls.filter((c) => c.method === 'sendMessage').length;
    expect(sent.messageIds.length).toBeGreaterThanOrEqual(3);
    expect(fake.sent).toHaveLength(sent.messageIds.length);
    expect(calls).toBe(sent.messageIds.length + 1);
    for (const m of fake.sent) expect(m.plain.length).toBeLessThanOrEqual(4096);
    expect(fake.sent.map((m) => m.plain).join('\n')).toBe(
      lines.map((l) => `${l[0]}${'x'.repeat(30)}`).join('\n'),
    );
  });
});
