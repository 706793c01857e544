// Sends a Reply to a Telegram chat through the channel's limiter, and says what a failure means for the outbox.
import { Input, TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { encodeAction } from '../../core/actions.ts';
import { paginate, renderHtml, renderPlain, type Reply } from '../../core/reply.ts';
import { scrubSecrets } from '../../logger.ts';
import { classifySendError } from '../backoff.ts';
import type { SendLimiter } from '../limiter.ts';
import {
  DeliveryError,
  type DocumentFile,
  type OutboundChannel,
  type PartProgress,
  type Photo,
  type SentMessage,
} from '../outbound.ts';

/** Telegram's limit on one message's text, after entity parsing. */
export const TELEGRAM_MAX_TEXT = 4096;
/** Telegram's limit on a photo's caption, after entity parsing. */
export const TELEGRAM_MAX_CAPTION = 1024;

export interface TelegramOutboundOptions {
  /** telegraf's API client: `new Telegraf(token, { telegram: { apiRoot } }).telegram`. */
  telegram: Telegram;
  limiter: SendLimiter;
  /**
   * Called after every part of a reply went out, e.g. to remember which item a message was about. It must
   * handle its own errors: one thrown here is ignored, since the message is already delivered.
   */
  onSent?: (chatId: string, messageIds: string[], reply: Reply) => void | Promise<void>;
  /** A send that has not answered by then is abandoned as `unknown` (it may have been delivered). Default 30 s. */
  timeoutMs?: number;
}

/** The reply as HTML messages of at most 4,096 visible characters, split on line boundaries. */
export function telegramParts(reply: Reply): string[] {
  return paginate(reply.lines, TELEGRAM_MAX_TEXT).map(renderHtml);
}

/** The same messages as the person reads them: `telegramParts` without the markup. */
export function telegramReadableParts(reply: Reply): string[] {
  return paginate(reply.lines, TELEGRAM_MAX_TEXT).map(renderPlain);
}

export function inlineKeyboard(reply: Reply): InlineKeyboardMarkup | undefined {
  if (reply.buttons.length === 0) return undefined;
  return {
    inline_keyboard: reply.buttons.map((row) =>
      row.map((b) => ({ text: b.label, callback_data: encodeAction(b.action) })),
    ),
  };
}

/** "chat not found" (never started, account deleted) is as final as a block. */
const GONE = /chat not found|user is deactivated|bot was blocked|bot can't initiate/i;

/** What a telegraf failure means for the outbox; see DeliveryError. */
export function deliveryErrorOf(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof TelegramError) {
    const code = err.code;
    const text = scrubSecrets(`telegram ${code}: ${err.description}`);
    if (code === 403 || (code === 400 && GONE.test(err.description)))
      return new DeliveryError('unreachable', text);
    if (code === 429) {
      const after = err.parameters?.retry_after;
      return new DeliveryError('retry', text, after === undefined ? undefined : after * 1000);
    }
    if (code >= 500) return new DeliveryError('retry', text);
    return new DeliveryError('fatal', text);
  }
  const decision = classifySendError(err);
  const text = scrubSecrets(`telegram network: ${err instanceof Error ? err.message : String(err)}`);
  if (decision.retry) return new DeliveryError('retry', text, decision.afterMs);
  // Written and never answered, or a failure we cannot place: it may have been delivered.
  return new DeliveryError('unknown', text);
}

const isGroup = (chatId: string): boolean => chatId.startsWith('-');

/** telegraf types its signal with the abort-controller polyfill's class; Node's own is what it gets at run time. */
type TelegrafSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];
const timeoutSignal = (ms: number): TelegrafSignal => AbortSignal.timeout(ms) as unknown as TelegrafSignal;

/** What a file's message carries besides the file: its caption and its buttons, each only when there is one. */
interface CaptionFields {
  caption?: string;
  parse_mode?: 'HTML';
  reply_markup?: InlineKeyboardMarkup;
}

export function createTelegramOutbound(opts: TelegramOutboundOptions): OutboundChannel {
  const { telegram, limiter } = opts;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  /** One API call through the limiter; its failure classified for the outbox. */
  async function call(chatId: string, request: () => Promise<{ message_id: number }>): Promise<string> {
    try {
      const message = await limiter.schedule({ id: chatId, group: isGroup(chatId) }, request);
      return String(message.message_id);
    } catch (err) {
      const failure = deliveryErrorOf(err);
      // Flood control is per bot: hold every send of this channel, not just this chat's.
      if (failure.retryAfterMs !== undefined) limiter.pause(failure.retryAfterMs);
      throw failure;
    }
  }

  function sendPart(chatId: string, text: string, markup: InlineKeyboardMarkup | undefined): Promise<string> {
    return call(chatId, () =>
      telegram.callApi(
        'sendMessage',
        {
          chat_id: chatId,
          text,
          parse_mode: 'HTML',
          ...(markup === undefined ? {} : { reply_markup: markup }),
        },
        { signal: timeoutSignal(timeoutMs) },
      ),
    );
  }

  /**
   * A file with the reply as its caption, in one message: a caption is one short text, so anything past
   * Telegram's limit is cut on a line boundary; the buttons, where given, ride under it.
   */
  async function sendFile(
    chatId: string,
    caption: Reply,
    markup: InlineKeyboardMarkup | undefined,
    request: (extra: CaptionFields, signal: TelegrafSignal) => Promise<{ message_id: number }>,
  ): Promise<SentMessage> {
    const text = paginate(caption.lines, TELEGRAM_MAX_CAPTION).map(renderHtml)[0] ?? '';
    const extra: CaptionFields = {
      ...(text === '' ? {} : { caption: text, parse_mode: 'HTML' as const }),
      ...(markup === undefined ? {} : { reply_markup: markup }),
    };
    const id = await call(chatId, () => request(extra, timeoutSignal(timeoutMs)));
    return { messageIds: [id] };
  }

  return {
    name: 'telegram',
    async send(chatId: string, reply: Reply, progress?: PartProgress): Promise<SentMessage> {
      const parts = telegramParts(reply);
      const markup = inlineKeyboard(reply);
      const messageIds: string[] = [];
      for (let i = progress?.delivered ?? 0; i < parts.length; i++) {
        // The buttons ride on the last part, under the whole text they answer.
        const id = await sendPart(chatId, parts[i] ?? '', i === parts.length - 1 ? markup : undefined);
        messageIds.push(id);
        await progress?.onPart(i, id);
      }
      if (messageIds.length === 0) return { messageIds };
      try {
        await opts.onSent?.(chatId, messageIds, reply);
      } catch {
        // Delivered is delivered: a failing hook must not make the outbox send it again.
      }
      return { messageIds };
    },
    sendPhoto: (chatId: string, photo: Photo, caption: Reply): Promise<SentMessage> =>
      sendFile(chatId, caption, undefined, (extra, signal) =>
        telegram.callApi(
          'sendPhoto',
          { chat_id: chatId, photo: Input.fromBuffer(photo.png, photo.filename), ...extra },
          { signal },
        ),
      ),
    sendDocument: (chatId: string, file: DocumentFile, caption: Reply): Promise<SentMessage> =>
      sendFile(chatId, caption, inlineKeyboard(caption), (extra, signal) =>
        telegram.callApi(
          'sendDocument',
          { chat_id: chatId, document: Input.fromBuffer(file.bytes, file.filename), ...extra },
          { signal },
        ),
      ),
    fitsCaption: (reply: Reply): boolean => paginate(reply.lines, TELEGRAM_MAX_CAPTION).length <= 1,
  };
}
