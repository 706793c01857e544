// Sends one reply to a Zalo chat, retrying only a send that certainly did not go out.
import type { Reply } from '../../core/reply.ts';
import { withRetries } from '../backoff.ts';
import { DeliveryError, type OutboundChannel, type SentMessage } from '../outbound.ts';
import { zaloText } from './outbound.ts';
import { splitForZalo } from './split.ts';

export interface RetryOptions {
  /** Retries of a one-part reply refused with `retry` (429, 5xx, refused connection). Default 2. */
  retries?: number;
  baseMs?: number;
}

/**
 * Sends the reply through the channel's outbound (its limiter, its renderer). A reply of one part that
 * failed with `retry` is sent again, since nothing of it was shown; a longer one is not, because its
 * first parts may already be on screen.
 */
export function sendRetrying(
  outbound: OutboundChannel,
  chatId: string,
  reply: Reply,
  opts: RetryOptions = {},
): Promise<SentMessage> {
  const onePart = splitForZalo(zaloText(reply)).length <= 1;
  return withRetries(() => outbound.send(chatId, reply), {
    retries: onePart ? (opts.retries ?? 2) : 0,
    baseMs: opts.baseMs ?? 500,
    maxMs: 4000,
    maxAfterMs: 30_000,
    isRetryable: (err) =>
      err instanceof DeliveryError && err.kind === 'retry'
        ? { retry: true, ...(err.retryAfterMs === undefined ? {} : { afterMs: err.retryAfterMs }) }
        : { retry: false },
  });
}
