// Sends a Reply to a Zalo chat as plain text through the channel's limiter; Zalo has no buttons, so they become a hint.
import { ZALO } from '../../core/catalogue/zalo.ts';
import { renderPlain, type Reply } from '../../core/reply.ts';
import type { SendLimiter } from '../limiter.ts';
import { DeliveryError, type OutboundChannel, type PartProgress, type SentMessage } from '../outbound.ts';
import type { ZaloClient } from './client.ts';
import { ZaloApiError, ZaloNetworkError, ZaloValidationError } from './errors.ts';
import { splitForZalo } from './split.ts';

export interface ZaloOutboundOptions {
  /**
   * Built with `maxRetries: 0`: the outbox decides retries, and a client retrying a dropped connection
   * on its own could send a message twice.
   */
  client: ZaloClient;
  limiter: SendLimiter;
}

/**
 * The reply as Zalo text: lines, then the buttons' labels as what to type instead. A checker's verdict
 * buttons are left out: typing "✅ Xác nhận" means nothing, and the message itself says to type
 * /xacnhan CODE or /tralai CODE.
 */
export function zaloText(reply: Reply): string {
  const text = renderPlain(reply.lines);
  const labels = reply.buttons
    .flat()
    .filter((b) => b.action.kind !== 'verdict')
    .map((b) => b.label);
  return labels.length === 0 ? text : `${text}\n${ZALO[reply.lang].typeInstead}${labels.join(' · ')}`;
}

/** The connection was never made: the message certainly did not go out. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const GONE = /block|not.?follow|not.?found|forbidden|chưa quan tâm|chặn/i;

/** What a Zalo client failure means for the outbox; see DeliveryError. */
export function zaloDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof ZaloApiError) {
    const text = `zalo ${err.errorCode}: ${err.description}`;
    const status = err.httpStatus ?? err.errorCode;
    if (status === 403 || err.errorCode === 403 || (status === 404 && GONE.test(err.description)))
      return new DeliveryError('unreachable', text);
    if (err.errorCode === 429 || status === 429) {
      const after = err.retryAfterSeconds;
      return new DeliveryError('retry', text, after === undefined ? undefined : after * 1000);
    }
    if (err.retryable) return new DeliveryError('retry', text);
    return new DeliveryError('fatal', text);
  }
  if (err instanceof ZaloNetworkError) {
    if (err.code !== undefined && NOT_SENT.has(err.code)) return new DeliveryError('retry', err.message);
    return new DeliveryError('unknown', err.message);
  }
  if (err instanceof ZaloValidationError) return new DeliveryError('fatal', err.message);
  return new DeliveryError('unknown', `zalo: ${err instanceof Error ? err.message : String(err)}`);
}

// The outbox knows only the chat id, and Zalo's ids do not tell a group from a person: bots message people.
const NOT_GROUP = false;

export function createZaloOutbound(opts: ZaloOutboundOptions): OutboundChannel {
  const { client, limiter } = opts;
  return {
    name: 'zalo',
    async send(chatId: string, reply: Reply, progress?: PartProgress): Promise<SentMessage> {
      const parts = splitForZalo(zaloText(reply));
      const messageIds: string[] = [];
      for (let i = progress?.delivered ?? 0; i < parts.length; i++) {
        const part = parts[i] ?? '';
        let id: string;
        try {
          const sent = await limiter.schedule({ id: chatId, group: NOT_GROUP }, () =>
            client.sendMessage(chatId, part),
          );
          id = sent.messageId;
        } catch (err) {
          const failure = zaloDeliveryError(err);
          if (failure.retryAfterMs !== undefined) limiter.pause(failure.retryAfterMs);
          throw failure;
        }
        messageIds.push(id);
        await progress?.onPart(i, id);
      }
      return { messageIds };
    },
  };
}
