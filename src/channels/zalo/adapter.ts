// Zalo as the pipeline reads it: an update in (text only; no threading, no buttons), plain text out.
import type { Hono } from 'hono';
import type { ChannelLogger } from '../log.ts';
import type { OutboundChannel } from '../outbound.ts';
import type { ChannelAdapter } from '../pipeline.ts';
import type { TypingIndicator } from '../typing.ts';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloClient } from './client.ts';
import { toIncoming } from './incoming.ts';
import { sendRetrying, type RetryOptions } from './replies.ts';

export interface ZaloAdapterDeps {
  outbound: OutboundChannel;
  /** Only sendChatAction is used, for the typing indicator. */
  client: Pick<ZaloClient, 'sendChatAction'>;
  logger?: ChannelLogger;
  typing?: Omit<TypingIndicator, 'show'>;
  retry?: RetryOptions;
  webhook?: Hono | null;
}

export function zaloAdapter(deps: ZaloAdapterDeps): ChannelAdapter<ZaloUpdate> {
  return {
    name: 'zalo',
    toIncoming(update, receivedAt) {
      const message = toIncoming(update, receivedAt);
      if (message === null) {
        deps.logger?.debug({ channel: 'zalo', event: update.event_name }, 'zalo: update ignored');
        return null;
      }
      // Zalo redelivers a message it thinks was not taken; its id is unique per bot.
      const log = { messageId: message.messageId, event: update.event_name };
      return { message, key: message.messageId, log };
    },
    send: (chatId, reply) => sendRetrying(deps.outbound, chatId, reply, deps.retry),
    typing: { show: (chatId) => deps.client.sendChatAction(chatId), ...deps.typing },
    webhook: deps.webhook ?? null,
  };
}
