// One Zalo update end to end: once only, through the core (with "typing…"), replies out; never throws.
import { handleMessage, messages, type ConversationDeps, type IncomingMessage } from '../../core/index.ts';
import type { Reply } from '../../core/reply.ts';
import type { OutboundChannel } from '../outbound.ts';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloClient, ZaloLogger } from './client.ts';
import type { UpdateGate } from './gate.ts';
import { toIncoming } from './incoming.ts';
import { sendReplies } from './replies.ts';
import { withTyping, type TypingOptions } from './typing.ts';

export interface ZaloHandlerDeps {
  core: ConversationDeps;
  outbound: OutboundChannel;
  /** Only sendChatAction is used, for the typing indicator. */
  client: Pick<ZaloClient, 'sendChatAction'>;
  gate: UpdateGate;
  logger?: ZaloLogger;
  typing?: TypingOptions;
  /** Answers a message before the core does (/baocao); null leaves it to the core. */
  before?: (msg: IncomingMessage) => Promise<Reply[] | null>;
}

function errorReply(): Reply {
  // The sender's language is unknown once the core failed; Vietnamese is the province's.
  return { lang: 'vi', lines: [[messages('vi').errorTryAgain]], buttons: [], about: null };
}

/**
 * The error boundary per update: a failure is logged with the channel, chat and message id (never
 * the text or the token), the sender is told to try again, and the promise still resolves, so the
 * poller goes on and the webhook answers 200 (a redelivery would be dropped as seen anyway).
 */
export function createZaloUpdateHandler(deps: ZaloHandlerDeps): (update: ZaloUpdate) => Promise<void> {
  const { core, outbound, client, gate, logger: log } = deps;
  return async (update) => {
    const msg = toIncoming(update, core.now());
    if (msg === null) {
      log?.debug({ channel: 'zalo', event: update.event_name }, 'zalo: update ignored');
      return;
    }
    const ctx = { channel: 'zalo', chatId: msg.chatId, messageId: msg.messageId, event: update.event_name };
    let replies: Reply[];
    try {
      if (msg.messageId !== null && !(await gate(msg.messageId))) {
        log?.info(ctx, 'zalo: redelivered update skipped');
        return;
      }
      const work = async (): Promise<Reply[]> => (await deps.before?.(msg)) ?? handleMessage(core, msg);
      // A group message not meant for the bot gets no answer, so no "typing…" either.
      const answers = msg.chatKind === 'private' || msg.addressed;
      replies = answers
        ? await withTyping(client, msg.chatId, work, { ...deps.typing, logger: log })
        : await work();
    } catch (err) {
      log?.error(
        {
          ...ctx,
          err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err,
        },
        'zalo: update failed',
      );
      replies = msg.chatKind === 'private' ? [errorReply()] : [];
    }
    if (replies.length === 0) return;
    await sendReplies(outbound, msg.chatId, replies, { logger: log, messageId: msg.messageId });
  };
}
