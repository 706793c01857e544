// One update in, the core's answer out: a message (text, command, reply to the bot) or a button press.
import type { Telegram } from 'telegraf';
import type { CallbackQuery, Message } from 'telegraf/types';
import { decodeAction } from '../../core/actions.ts';
import { handleMessage, type ConversationDeps, type IncomingMessage } from '../../core/index.ts';
import { lineText, type Reply } from '../../core/reply.ts';
import type { Lang } from '../../core/types.ts';
import type { Logger } from '../../logger.ts';
import {
  callbackChat,
  incomingAction,
  incomingText,
  repliedBotMessage,
  type BotIdentity,
} from './incoming.ts';
import { errorFields } from './log.ts';
import type { ReplySender } from './replies.ts';
import { channelTexts, langOfCode } from './texts.ts';
import { whileTyping } from './typing.ts';

export interface HandlerDeps {
  core: ConversationDeps;
  replies: ReplySender;
  /** For chat actions and callback answers (neither is a message, so neither goes through the limiter). */
  telegram: Pick<Telegram, 'sendChatAction' | 'answerCbQuery'>;
  logger: Logger;
  /** "typing…" appears when an answer takes longer than this. */
  typingDelayMs: number;
  /** Handles a message before the core does (e.g. /chart); true when it did. */
  before?: (message: Message, incoming: IncomingMessage, updateId: number) => Promise<boolean>;
}

/** Telegram's limit on a callback answer's text. */
const MAX_TOAST = 200;

function toastOf(replies: Reply[]): string | undefined {
  const first = replies[0]?.lines[0];
  if (first === undefined) return undefined;
  const text = lineText(first).trim();
  return text.length > MAX_TOAST ? `${text.slice(0, MAX_TOAST - 1)}…` : text || undefined;
}

export interface Handlers {
  message(message: Message, me: BotIdentity, updateId: number): Promise<void>;
  callback(query: CallbackQuery, updateId: number): Promise<void>;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { core, replies, telegram, logger } = deps;

  /** The error boundary of one update: logged with its context (never its text), the person told. */
  async function failed(
    err: unknown,
    chatId: string,
    updateId: number,
    lang: Lang,
    tell: boolean,
  ): Promise<void> {
    logger.error({ channel: 'telegram', chatId, updateId, err: errorFields(err) }, 'telegram: update failed');
    if (!tell) return;
    const sorry: Reply = { lang, lines: [[channelTexts(lang).failed]], buttons: [], about: null };
    await replies.send(chatId, [sorry], { updateId }).catch(() => undefined);
  }

  return {
    async message(message, me, updateId) {
      const chatId = String(message.chat.id);
      const lang = langOfCode(message.from?.language_code) ?? 'vi';
      try {
        const repliedTo = repliedBotMessage(message, me);
        const item =
          repliedTo === null
            ? null
            : await core.store.itemOfBotMessage({ channel: 'telegram', chatId }, repliedTo);
        const incoming = incomingText(message, me, item, core.now());
        if (incoming.chatKind === 'group' && !incoming.addressed) return;
        // A command the channel answers itself (a chart being drawn) gets "typing…" too.
        const answer = await whileTyping(telegram, chatId, deps.typingDelayMs, async () => {
          if (deps.before && (await deps.before(message, incoming, updateId))) return [];
          return handleMessage(core, incoming);
        });
        await replies.send(chatId, answer, { updateId });
      } catch (err) {
        await failed(err, chatId, updateId, lang, message.chat.type === 'private');
      }
    },

    async callback(query, updateId) {
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
      if (action === null) {
        // Forged, truncated or from an older bot: say so, change nothing.
        await answer(channelTexts(lang).staleButton);
        return;
      }
      try {
        const answerReplies = await handleMessage(core, incomingAction(query, action, core.now()));
        // The toast answers the tap at once (a refusal reads there too); the full answer follows in the chat.
        await answer(action.kind === 'page' ? undefined : toastOf(answerReplies));
        await replies.send(chatId, answerReplies, { updateId });
      } catch (err) {
        await answer(channelTexts(lang).failed);
        await failed(err, chatId, updateId, lang, false);
      }
    },
  };
}
