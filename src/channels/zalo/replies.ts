// Sends the core's replies to one Zalo chat in order, retrying only a send that certainly did not go out.
import type { Reply } from '../../core/reply.ts';
import { withRetries } from '../backoff.ts';
import { DeliveryError, type OutboundChannel } from '../outbound.ts';
import type { ZaloLogger } from './client.ts';
import { zaloText } from './outbound.ts';
import { splitForZalo } from './split.ts';

export interface SendRepliesOptions {
  logger?: ZaloLogger;
  /** The message being answered, for the log. */
  messageId: string | null;
  /** Retries of a one-part reply refused with `retry` (429, 5xx, refused connection). Default 2. */
  retries?: number;
  baseMs?: number;
}

/**
 * Sends each reply through the channel's outbound (its limiter, its renderer). A reply of one part
 * that failed with `retry` is sent again, since nothing of it was shown; a longer one is not, because
 * its first parts may already be on screen. The first failure stops the rest, so nothing arrives out of
 * order; it is logged with the chat and message id, never the text.
 */
export async function sendReplies(
  outbound: OutboundChannel,
  chatId: string,
  replies: Reply[],
  opts: SendRepliesOptions,
): Promise<boolean> {
  for (const reply of replies) {
    const onePart = splitForZalo(zaloText(reply)).length <= 1;
    try {
      await withRetries(() => outbound.send(chatId, reply), {
        retries: onePart ? (opts.retries ?? 2) : 0,
        baseMs: opts.baseMs ?? 500,
        maxMs: 4000,
        maxAfterMs: 30_000,
        isRetryable: (err) =>
          err instanceof DeliveryError && err.kind === 'retry'
            ? { retry: true, ...(err.retryAfterMs === undefined ? {} : { afterMs: err.retryAfterMs }) }
            : { retry: false },
      });
    } catch (err) {
      opts.logger?.error(
        {
          channel: 'zalo',
          chatId,
          messageId: opts.messageId,
          failure: err instanceof DeliveryError ? err.kind : 'unknown',
          err: err instanceof Error ? err.message : String(err),
        },
        'zalo: reply not delivered',
      );
      return false;
    }
  }
  return true;
}
