// Telegram as the pipeline reads it: an update (a message or a button press) in, a reply or a photo out.
import type { Telegram } from 'telegraf';
import type { CallbackQuery, Update } from 'telegraf/types';
import { decodeAction } from '../../core/actions.ts';
import { messages } from '../../core/messages.ts';
import { lineText, type Reply } from '../../core/reply.ts';
import { downloadLimited } from '../download.ts';
import { errorFields, type ChannelLogger } from '../log.ts';
import type { OutboundChannel } from '../outbound.ts';
import type { ChannelAdapter, Inbound } from '../pipeline.ts';
import {
  callbackChat,
  fileOf,
  incomingAction,
  incomingText,
  repliedBotMessage,
  type BotIdentity,
} from './incoming.ts';
import { channelTexts, langOfCode } from './texts.ts';

export interface TelegramAdapterDeps {
  /** Sends replies (with retries before delivery) and photos. */
  outbound: OutboundChannel;
  /** For chat actions and callback answers (neither is a message, so neither goes through the limiter). */
  telegram: Pick<Telegram, 'sendChatAction' | 'answerCbQuery' | 'getFileLink'>;
  /** Who the bot is: known after getMe. */
  me: () => BotIdentity;
  /** The bot's id, which keys its updates (update ids are per bot). */
  botId: string;
  logger: ChannelLogger;
  /** "typing…" appears when an answer takes longer than this. */
  typingDelayMs: number;
}

/** Telegram's limit on a callback answer's text. */
const MAX_TOAST = 200;

function toastOf(replies: readonly Reply[]): string | undefined {
  const first = replies[0]?.lines[0];
  if (first === undefined) return undefined;
  const text = lineText(first).trim();
  return text.length > MAX_TOAST ? `${text.slice(0, MAX_TOAST - 1)}…` : text || undefined;
}

export function telegramAdapter(deps: TelegramAdapterDeps): ChannelAdapter<Update> {
  const { outbound, telegram, logger } = deps;

  function buttonPress(query: CallbackQuery, updateId: number, at: Date): Inbound {
    const { chatId } = callbackChat(query);
    const lang = langOfCode(query.from.language_code) ?? 'vi';
    const answer = (text: string | undefined): Promise<unknown> =>
      telegram.answerCbQuery(query.id, text).catch((err: unknown) => {
        logger.warn(
          { channel: 'telegram', chatId, updateId, err: errorFields(err) },
          'telegram: callback answer failed',
        );
      });
    const action = 'data' in query ? decodeAction(query.data) : null;
    // Forged, truncated or from an older bot: say so, change nothing.
    if (action === null) {
      const stale = async (): Promise<void> => void (await answer(channelTexts(lang).staleButton));
      return { message: null, key: null, log: { updateId }, acknowledge: stale };
    }
    return {
      message: incomingAction(query, action, at),
      key: null,
      log: { updateId },
      // The toast answers the tap at once (a refusal reads there too); the full answer follows in the chat.
      acknowledge: async (replies) => {
        if (replies === null) await answer(messages(lang).errorTryAgain);
        else await answer(action.kind === 'page' ? undefined : toastOf(replies));
      },
    };
  }

  return {
    name: 'telegram',
    toIncoming(update, at) {
      const key = `${deps.botId}:${update.update_id}`;
      if ('callback_query' in update)
        return { ...buttonPress(update.callback_query, update.update_id, at), key };
      if (!('message' in update)) return null;
      const message = update.message;
      const me = deps.me();
      const file = fileOf(message, (id) => telegram.getFileLink(id), downloadLimited);
      const incoming = {
        ...incomingText(message, me, null, at),
        replyTo: repliedBotMessage(message, me),
        ...(file ? { file } : {}),
      };
      return { message: incoming, key, log: { updateId: update.update_id } };
    },
    send(chatId, reply) {
      if (reply.photo && outbound.sendPhoto) return outbound.sendPhoto(chatId, reply.photo, reply);
      if (reply.document && outbound.sendDocument)
        return outbound.sendDocument(chatId, reply.document, reply);
      return outbound.send(chatId, reply);
    },
    typing: {
      show: (chatId) => telegram.sendChatAction(chatId, 'typing'),
      delayMs: deps.typingDelayMs,
      repeatMs: 4500,
    },
  };
}
