import { describe, expect, it } from 'vitest';
import { TelegramError } from 'telegraf';
import { createSendLimiter, type ChatRef } from '../../src/channels/limiter.ts';
import { classifySendError, withRetries, type RetryDecision } from '../../src/channels/backoff.ts';

/** A manual clock: `sleep` registers a timer, `advance` fires due timers in order, flushing promises between. */
function fakeClock() {
  let t = 0;
  let seq = 0;
  const timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return {
    now: (): number => t,
    sleep: (ms: number): Promise<void> =>
      new Promise<void>((resolve) => {
        timers.push({ at: t + ms, seq: seq++, resolve });
      }),
    pending: (): number => timers.length,
    async advance(ms: number): Promise<void> {
      const end = t + ms;
      for (;;) {
        await flush();
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        t = Math.max(t, next.at);
        next.resolve();
      }
      t = end;
      await flush();
    },
  };
}

/** Largest number of starts inside any half-open window [x, x + windowMs). */
function maxInWindow(times: number[], windowMs: number, tolerance = 0): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs - tolerance) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

const priv = (id: string): ChatRef => ({ id, group: false });

describe('createSendLimiter', () => {
  it('never starts more than perSecond sends in any sliding 1 s window (fake clock, 200 sends at 50/s)', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 50,
      perChatPerSecond: 10,
      perGroupPerMinute: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: number[] = [];
    const done: Array<Promise<number>> = [];
    for (let i = 0; i < 200; i++) {
      done.push(
        limiter.schedule(priv(`c${i % 20}`), async () => {
          starts.push(clock.now());
          return i;
        }),
      );
    }
    await clock.advance(5000);
    expect(await Promise.all(done)).toHaveLength(200);
    expect(starts).toHaveLength(200);
    expect(maxInWindow(starts, 1000)).toBe(50);
    // Full speed: 50 at t=0, 50 at 1000, 50 at 2000, 50 at 3000.
    expect(Math.max(...starts)).toBe(3000);
    expect(limiter.stats()).toMatchObject({
      queued: 0,
      inFlight: 0,
      started: 200,
      succeeded: 200,
      failed: 0,
    });
  });

  it('keeps a rate that is no whole number: 28.5/s is 29 in any 1017.5 ms, never 30 in any 1 s (fake clock)', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 28.5,
      perChatPerSecond: 10,
      perGroupPerMinute: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: number[] = [];
    const done = Array.from({ length: 290 }, (_, i) =>
      limiter.schedule(priv(`c${i % 40}`), async () => void starts.push(clock.now())),
    );
    await clock.advance(20_000);
    await Promise.all(done);
    expect(starts).toHaveLength(290);
    expect(maxInWindow(starts, 1000)).toBe(29);
    expect(maxInWindow(starts, (1000 * 29) / 28.5 - 0.001)).toBe(29);
    // Ten bursts of 29, 1017.5 ms apart (timers fire on whole milliseconds): the last about 9.16 s in.
    expect(Math.max(...starts)).toBeGreaterThanOrEqual((9 * 1000 * 29) / 28.5);
    expect(Math.max(...starts)).toBeLessThanOrEqual(9 * 1018 + 10);
  });

  it('keeps the global ceiling with real timers and still reaches it', async () => {
    const limiter = createSendLimiter({
      perSecond: 50,
      perChatPerSecond: Infinity,
      perGroupPerMinute: Infinity,
    });
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        limiter.schedule(priv(`c${i % 7}`), async () => {
          starts.push(performance.now());
        }),
      ),
    );
    // 50 + 50 + 20: two full windows, the last batch starts 2 s after the first.
    expect(maxInWindow(starts, 1000, 0.5)).toBeLessThanOrEqual(50);
    const elapsed = Math.max(...starts) - t0;
    expect(elapsed).toBeGreaterThanOrEqual(1999);
    expect(elapsed).toBeLessThan(2600);
  });

  it('holds one private chat to 1 message per second and its margin, in order', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 30,
      perChatPerSecond: 1,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: Array<[number, number]> = [];
    const done = [0, 1, 2, 3, 4].map((n) =>
      limiter.schedule(priv('42'), async () => {
        starts.push([n, clock.now()]);
      }),
    );
    await clock.advance(10_000);
    await Promise.all(done);
    expect(starts).toEqual([
      [0, 0],
      [1, 1050],
      [2, 2100],
      [3, 3150],
      [4, 4200],
    ]);
  });

  it('by default spaces two messages to one chat at least 1.05 s apart, counted from the first one’s answer', async () => {
    const clock = fakeClock();
    // The defaults every messenger is built with; only the clock is the test's.
    const limiter = createSendLimiter({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const answered: number[] = [];
    // Each part takes 30 ms to be answered: a request reaches the server somewhere in that time.
    const part = () =>
      limiter.schedule(priv('42'), async () => {
        starts.push(clock.now());
        await clock.sleep(30);
        answered.push(clock.now());
      });
    const done = [part(), part(), part()];
    await clock.advance(10_000);
    await Promise.all(done);
    expect(starts).toEqual([0, 1080, 2160]);
    // Whenever the server saw part n (between its start and its answer), part n + 1 came ≥ 1.05 s later.
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]! - answered[i - 1]!).toBeGreaterThanOrEqual(1050);
    }
  });

  it('holds a group to 20 messages per minute', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 30,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: number[] = [];
    const other: number[] = [];
    const done: Array<Promise<void>> = [];
    for (let i = 0; i < 25; i++) {
      done.push(limiter.schedule({ id: '-100', group: true }, async () => void starts.push(clock.now())));
    }
    // A private chat is not held back by the group's minute ceiling.
    for (let i = 0; i < 3; i++) {
      done.push(limiter.schedule(priv('7'), async () => void other.push(clock.now())));
    }
    await clock.advance(130_000);
    await Promise.all(done);
    expect(starts).toHaveLength(25);
    // Its minute keeps the same margin as its second: 60.05 s.
    expect(maxInWindow(starts, 60_050)).toBe(20);
    expect(starts.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i * 1050));
    expect(starts[20]).toBe(60_050);
    expect(other).toEqual([0, 1050, 2100]);
  });

  it('serves chats with ready work round-robin: a 500-message chat does not starve others', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 10,
      perChatPerSecond: Infinity,
      perGroupPerMinute: Infinity,
      now: clock.now,
      sleep: clock.sleep,
    });
    const order: string[] = [];
    const done: Array<Promise<void>> = [];
    for (let i = 0; i < 500; i++) done.push(limiter.schedule(priv('A'), async () => void order.push('A')));
    for (let i = 0; i < 3; i++) done.push(limiter.schedule(priv('B'), async () => void order.push('B')));
    for (let i = 0; i < 3; i++) done.push(limiter.schedule(priv('C'), async () => void order.push('C')));
    await clock.advance(1);
    expect(order.join('')).toBe('ABCABCABCA');
    // A late-comer takes its turn right after A's, not after the 490 still queued for A.
    done.push(limiter.schedule(priv('D'), async () => void order.push('D')));
    await clock.advance(1000);
    expect(order.slice(10, 13)).toEqual(['A', 'D', 'A']);
    expect(limiter.stats().queued).toBe(487);
    await clock.advance(60_000);
    await Promise.all(done);
    expect(order).toHaveLength(507);
  });

  it('pause() blocks every chat until it ends, and extends but never shortens', async () => {
    const clock = fakeClock();
    const limiter = createSendLimiter({
      perSecond: 100,
      perChatPerSecond: 100,
      now: clock.now,
      sleep: clock.sleep,
    });
    const starts: Array<[string, number]> = [];
    const send = (id: string) => limiter.schedule(priv(id), async () => void starts.push([id, clock.now()]));
    await send('a');
    limiter.pause(2000);
    limiter.pause(500);
    expect(limiter.stats().pausedUntil).toBe(2000);
    const done = [send('a'), send('b'), send('c')];
    await clock.advance(1999);
    expect(starts).toEqual([['a', 0]]);
    await clock.advance(1);
    await Promise.all(done);
    expect(starts.slice(1)).toEqual([
      ['a', 2000],
      ['b', 2000],
      ['c', 2000],
    ]);
    expect(limiter.stats().pausedUntil).toBeNull();
  });

  it('passes results and failures through without retrying, and resolves idle()', async () => {
    const limiter = createSendLimiter({ perSecond: 100, perChatPerSecond: 100 });
    let calls = 0;
    const boom = new Error('boom');
    await expect(
      limiter.schedule(priv('x'), async () => {
        calls++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(
      limiter.schedule(priv('x'), () => {
        calls++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(limiter.schedule(priv('x'), async () => 'ok')).resolves.toBe('ok');
    expect(calls).toBe(2);
    await limiter.idle();
    expect(limiter.stats()).toMatchObject({ started: 3, succeeded: 1, failed: 2, inFlight: 0, queued: 0 });
  });

  it('rejects nonsensical limits', () => {
    expect(() => createSendLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => createSendLimiter({ perSecond: 0.5 })).toThrow(RangeError);
    expect(() => createSendLimiter({ perSecond: Number.NaN })).toThrow(RangeError);
    expect(() => createSendLimiter({ perChatPerSecond: 1.5 })).toThrow(RangeError);
    expect(() => createSendLimiter({ chatMarginMs: -1 })).toThrow(RangeError);
  });
});

describe('withRetries', () => {
  const sleeps = () => {
    const waited: number[] = [];
    return { waited, sleep: async (ms: number) => void waited.push(ms) };
  };

  it("honours the server's afterMs, even above maxMs", async () => {
    const { waited, sleep } = sleeps();
    let attempts = 0;
    const result = await withRetries(
      async () => {
        attempts++;
        if (attempts === 1) throw new Error('429');
        return 'sent';
      },
      { retries: 3, baseMs: 100, maxMs: 1000, sleep, isRetryable: () => ({ retry: true, afterMs: 5000 }) },
    );
    expect(result).toBe('sent');
    expect(waited).toEqual([5000]);
  });

  it('gives up after N retries with the last error, waiting full-jitter exponential delays', async () => {
    const { waited, sleep } = sleeps();
    let attempts = 0;
    const err = (n: number) => Object.assign(new Error(`fail ${n}`), { n });
    const run = withRetries(
      async () => {
        attempts++;
        throw err(attempts);
      },
      { retries: 3, baseMs: 100, maxMs: 250, sleep, random: () => 0.5, isRetryable: () => ({ retry: true }) },
    );
    await expect(run).rejects.toMatchObject({ message: 'fail 4' });
    expect(attempts).toBe(4);
    // uniform [0, min(maxMs, base·2ⁿ)) with random 0.5: 50, 100, 125.
    expect(waited).toEqual([50, 100, 125]);
  });

  it('does not retry a non-retryable or ambiguous failure', async () => {
    const { waited, sleep } = sleeps();
    let attempts = 0;
    const decisions: RetryDecision[] = [{ retry: false }, { retry: false, ambiguous: true }];
    for (const decision of decisions) {
      await expect(
        withRetries(
          async () => {
            attempts++;
            throw new Error('no');
          },
          { retries: 5, baseMs: 10, maxMs: 100, sleep, isRetryable: () => decision },
        ),
      ).rejects.toThrow('no');
    }
    expect(attempts).toBe(2);
    expect(waited).toEqual([]);
  });

  it('gives up when the server asks for a longer wait than maxAfterMs', async () => {
    const { waited, sleep } = sleeps();
    await expect(
      withRetries(
        async () => {
          throw new Error('flood');
        },
        {
          retries: 5,
          baseMs: 10,
          maxMs: 100,
          maxAfterMs: 10_000,
          sleep,
          isRetryable: () => ({ retry: true, afterMs: 60_000 }),
        },
      ),
    ).rejects.toThrow('flood');
    expect(waited).toEqual([]);
  });
});

describe('classifySendError', () => {
  it('retries only failures that certainly did not deliver', () => {
    const flood = new TelegramError({
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      parameters: { retry_after: 3 },
    });
    expect(classifySendError(flood)).toEqual({ retry: true, afterMs: 3000 });
    expect(classifySendError(new TelegramError({ error_code: 502, description: 'Bad Gateway' }))).toEqual({
      retry: true,
    });
    expect(
      classifySendError(
        new TelegramError({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
      ),
    ).toEqual({ retry: false });
    const refused = Object.assign(new Error('request failed, reason: connect ECONNREFUSED'), {
      name: 'FetchError',
      code: 'ECONNREFUSED',
    });
    expect(classifySendError(refused)).toEqual({ retry: true });
    const reset = Object.assign(new Error('request failed, reason: socket hang up'), {
      name: 'FetchError',
      code: 'ECONNRESET',
    });
    expect(classifySendError(reset)).toEqual({ retry: false, ambiguous: true });
    const undici = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    expect(classifySendError(undici)).toEqual({ retry: true });
    expect(classifySendError(new Error('whatever'))).toEqual({ retry: false });
  });
});
