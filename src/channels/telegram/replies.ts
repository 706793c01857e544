// Sends the core's replies to a chat, in order, and remembers which messages were about which item.
import type { CoreStore } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import type { Logger } from '../../logger.ts';
import { DeliveryError, type OutboundChannel } from '../outbound.ts';
import { errorFields } from './log.ts';

export interface ReplySender {
  /** Sends every reply; stops at the first that fails (later ones would arrive out of context). */
  send(chatId: string, replies: Reply[], context: { updateId: number }): Promise<void>;
}

export function createReplySender(deps: {
  outbound: OutboundChannel;
  store: Pick<CoreStore, 'rememberBotMessage'>;
  logger: Logger;
}): ReplySender {
  const { outbound, store, logger } = deps;
  return {
    async send(chatId, replies, context) {
      for (const reply of replies) {
        let messageIds: string[];
        try {
          ({ messageIds } = await outbound.send(chatId, reply));
        } catch (err) {
          const unreachable = err instanceof DeliveryError && err.kind === 'unreachable';
          logger[unreachable ? 'warn' : 'error'](
            { channel: 'telegram', chatId, updateId: context.updateId, err: errorFields(err) },
            'telegram: reply not delivered',
          );
          return;
        }
        if (reply.about === null) continue;
        const chat = { channel: 'telegram' as const, chatId };
        try {
          // Every part of a long reply: a reply to any of them is about the item.
          for (const id of messageIds) await store.rememberBotMessage(chat, id, reply.about);
        } catch (err) {
          logger.error(
            { channel: 'telegram', chatId, updateId: context.updateId, err: errorFields(err) },
            'telegram: could not remember which item a message was about',
          );
        }
      }
    },
  };
}
