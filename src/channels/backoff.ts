// Retrying an outgoing send: exponential backoff with full jitter, honouring the server's own wait.
//
// IDEMPOTENCE RULE — read before writing an `isRetryable`:
// Chat APIs (Telegram, Zalo) have no idempotency key, so sending a message twice shows it twice.
// A retry is therefore only allowed when the previous attempt CERTAINLY did not deliver:
//   - HTTP 429 (flood control rejects the request before doing anything),
//   - HTTP 5xx answered by the API front before/without delivering,
//   - the connection was never made (ECONNREFUSED, DNS failure, unreachable host).
// An AMBIGUOUS failure — the request was written and then the answer never came (timeout, connection
// reset, "socket hang up", abort) — may or may not have delivered. Retrying it risks a duplicate, not
// retrying risks a loss; that choice belongs to the caller (a reminder may be duplicated, an answer to
// "/status" may be lost). `classifySendError` reports such failures as `{ retry: false, ambiguous: true }`
// so a caller can opt in explicitly; `withRetries` itself never guesses.

/** What `isRetryable` answers for one failure. */
export interface RetryDecision {
  /** True only when the failed attempt certainly did not deliver (see the rule above). */
  retry: boolean;
  /** Wait at least this long before the next attempt (e.g. Telegram's `retry_after` × 1000). */
  afterMs?: number;
  /** The attempt may have been delivered; informative, `withRetries` does not retry unless `retry`. */
  ambiguous?: boolean;
}

export interface RetryOptions {
  /** Retries after the first attempt: `retries: 3` makes at most 4 attempts. */
  retries: number;
  /** Backoff base: attempt n (0-based) waits a uniform random time in [0, min(maxMs, baseMs·2ⁿ)). */
  baseMs: number;
  /** Ceiling of the exponential part. A server-given `afterMs` is honoured even when larger. */
  maxMs: number;
  isRetryable: (err: unknown, attempt: number) => RetryDecision;
  /** Give up instead of waiting when the server asks for a longer wait than this. Default: no limit. */
  maxAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform [0, 1); injectable for deterministic tests. */
  random?: () => number;
  /** Called before each wait, e.g. to log or to `pause()` the channel's limiter on a 429. */
  onRetry?: (info: { error: unknown; attempt: number; delayMs: number; decision: RetryDecision }) => void;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter delay for 0-based retry `attempt`: uniform in [0, min(maxMs, baseMs·2^attempt)). */
export function fullJitterDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `fn` until it succeeds, a failure is not retryable, or `retries` retries are spent; then the last
 * error is rethrown unchanged (so callers still see e.g. telegraf's TelegramError with its fields).
 * `fn` receives the 0-based attempt number.
 */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAfterMs = options.maxAfterMs ?? Number.POSITIVE_INFINITY;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.retries) throw error;
      const decision = options.isRetryable(error, attempt);
      if (!decision.retry) throw error;
      let delayMs: number;
      if (decision.afterMs !== undefined && Number.isFinite(decision.afterMs)) {
        if (decision.afterMs > maxAfterMs) throw error;
        delayMs = Math.max(0, decision.afterMs);
      } else {
        delayMs = fullJitterDelay(attempt, options.baseMs, options.maxMs, random);
      }
      options.onRetry?.({ error, attempt, delayMs, decision });
      await sleep(delayMs);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function numberField(obj: Record<string, unknown>, key: string): number | undefined {
  const v = obj[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Connection never established: the request cannot have reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** The request may have been written before the failure: delivery unknown. */
const AMBIGUOUS_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/**
 * Classifies a send failure by the rule at the top of this file. Understands telegraf's TelegramError
 * (`response.error_code`, `response.parameters.retry_after` in seconds), node-fetch's FetchError
 * (`name: 'FetchError'`, `code` like ECONNREFUSED/ECONNRESET, `type: 'request-timeout'`), AbortError, and
 * errors with a `cause` chain (undici's "fetch failed") or an HTTP `status`/`response.status` (axios).
 */
export function classifySendError(err: unknown): RetryDecision {
  for (let e: unknown = err, depth = 0; isRecord(e) && depth < 5; e = e['cause'], depth++) {
    const response = isRecord(e['response']) ? e['response'] : undefined;
    const status =
      (response && (numberField(response, 'error_code') ?? numberField(response, 'status'))) ??
      numberField(e, 'status') ??
      numberField(e, 'statusCode');
    if (status !== undefined) {
      if (status === 429) {
        const params = response && isRecord(response['parameters']) ? response['parameters'] : undefined;
        const retryAfter = params ? numberField(params, 'retry_after') : undefined;
        return retryAfter !== undefined ? { retry: true, afterMs: retryAfter * 1000 } : { retry: true };
      }
      if (status >= 500 && status <= 599) return { retry: true };
      return { retry: false };
    }
    const code = typeof e['code'] === 'string' ? e['code'] : undefined;
    if (code !== undefined && NOT_SENT_CODES.has(code)) return { retry: true };
    if (code !== undefined && AMBIGUOUS_CODES.has(code)) return { retry: false, ambiguous: true };
    if (e['name'] === 'AbortError' || e['type'] === 'request-timeout' || e['name'] === 'TimeoutError') {
      return { retry: false, ambiguous: true };
    }
    if (typeof e['message'] === 'string' && /socket hang up/i.test(e['message'])) {
      return { retry: false, ambiguous: true };
    }
  }
  return { retry: false };
}
