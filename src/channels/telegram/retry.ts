// The channel's limiter with retries around each single send: 429 (after retry_after), 5xx and refused connections.
import { classifySendError, withRetries } from '../backoff.ts';
import type { SendLimiter } from '../limiter.ts';

export interface RetryPolicy {
  /** Retries after the first attempt. Default 4. */
  retries: number;
  baseMs: number;
  maxMs: number;
  /** A 429 asking to wait longer than this is given up on (the reply would come too late). Default 60 s. */
  maxAfterMs: number;
  onRetry?: (info: { attempt: number; delayMs: number; afterMs: number | undefined }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseMs: 500, maxMs: 8000, maxAfterMs: 60_000 };

/**
 * A SendLimiter whose `schedule` retries the one send it was given, each attempt taking a fresh slot of
 * `base`. Only failures that certainly did not deliver are retried (backoff.ts's rule): a timeout or a
 * dropped connection after the request was written is not, so a retry never shows a message twice.
 * Wrapping the limiter, not the whole reply, retries one part of a long reply without resending the others.
 */
export function retryingLimiter(base: SendLimiter, policy: RetryPolicy = DEFAULT_RETRY): SendLimiter {
  return {
    schedule: (chat, send) =>
      withRetries(() => base.schedule(chat, send), {
        retries: policy.retries,
        baseMs: policy.baseMs,
        maxMs: policy.maxMs,
        maxAfterMs: policy.maxAfterMs,
        isRetryable: (err) => classifySendError(err),
        onRetry: ({ attempt, delayMs, decision }) => {
          // Flood control is per bot: every chat waits, not only this one.
          if (decision.afterMs !== undefined) base.pause(decision.afterMs);
          policy.onRetry?.({ attempt, delayMs, afterMs: decision.afterMs });
        },
      }),
    pause: (ms) => base.pause(ms),
    stats: () => base.stats(),
    idle: () => base.idle(),
  };
}
