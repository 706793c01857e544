// A Telegram message or button press as the core's IncomingMessage; reads Telegram's entities, never the words.
import type { CallbackQuery, Message, MessageEntity } from 'telegraf/types';
import { FileError } from '../../core/errors.ts';
import type { IncomingMessage } from '../../core/index.ts';
import type { IncomingFile } from '../../core/turn.ts';
import type { ButtonAction } from '../../core/reply.ts';
import type { ItemCode } from '../../core/types.ts';
import { langOfCode } from './texts.ts';

/** Who the bot is, from getMe. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** The words of a message (text, or a photo's caption) with their entities, or null for anything else. */
function wordsOf(message: Message): { text: string; entities: MessageEntity[] } | null {
  if ('text' in message) return { text: message.text, entities: message.entities ?? [] };
  if ('caption' in message && typeof message.caption === 'string') {
    return { text: message.caption, entities: message.caption_entities ?? [] };
  }
  return null;
}

const slice = (text: string, e: MessageEntity): string => text.slice(e.offset, e.offset + e.length);

function isGroupChat(type: string): boolean {
  return type === 'group' || type === 'supergroup';
}

/**
 * In a group the bot speaks when spoken to: an @mention of it, a command meant for it ("/tonghop" or
 * "/tonghop@thisbot", not "/tonghop@otherbot") or a reply to one of its messages.
 */
export function isAddressed(message: Message, me: BotIdentity): boolean {
  const words = wordsOf(message);
  if (words === null) return false;
  const name = `@${me.username}`.toLowerCase();
  for (const e of words.entities) {
    if (e.type === 'mention' && slice(words.text, e).toLowerCase() === name) return true;
    if (e.type === 'text_mention' && e.user.id === me.id) return true;
    if (e.type === 'bot_command' && e.offset === 0) {
      const at = slice(words.text, e).split('@')[1];
      if (at === undefined || `@${at}`.toLowerCase() === name) return true;
    }
  }
  return 'reply_to_message' in message && message.reply_to_message?.from?.id === me.id;
}

/** The text without the bot's own @mentions ("@dondoc_bot quá hạn?" → "quá hạn?"), everything else kept. */
export function textForCore(message: Message, me: BotIdentity): string {
  const words = wordsOf(message);
  if (words === null) return '';
  const name = `@${me.username}`.toLowerCase();
  const mentions = words.entities
    .filter((e) => e.type === 'mention' && slice(words.text, e).toLowerCase() === name)
    .sort((a, b) => b.offset - a.offset);
  let text = words.text;
  for (const e of mentions) text = `${text.slice(0, e.offset)}${text.slice(e.offset + e.length)}`;
  return mentions.length > 0 ? text.replace(/\s{2,}/g, ' ').trim() : text;
}

/** The id of the bot message this one replies to, or null. */
export function repliedBotMessage(message: Message, me: BotIdentity): string | null {
  if (!('reply_to_message' in message)) return null;
  const replied = message.reply_to_message;
  if (replied === undefined || replied.from?.id !== me.id) return null;
  return String(replied.message_id);
}

/** Telegram message ids are per chat; the core's redelivery check needs one unique per channel. */
export const messageKey = (chatId: number | string, messageId: number): string => `${chatId}:${messageId}`;

export function incomingText(
  message: Message,
  me: BotIdentity,
  replyToItem: ItemCode | null,
  at: Date,
): IncomingMessage {
  return {
    channel: 'telegram',
    chatId: String(message.chat.id),
    chatKind: isGroupChat(message.chat.type) ? 'group' : 'private',
    senderId: String(message.from?.id ?? message.chat.id),
    text: textForCore(message, me),
    messageId: messageKey(message.chat.id, message.message_id),
    replyToItem,
    action: null,
    addressed: isAddressed(message, me),
    langHint: langOfCode(message.from?.language_code),
    at,
  };
}

/** Telegram's one-line refusal of a file over the Bot API's download limit (20 MB). */
const TOO_BIG = /too big/i;

/**
 * The photo (its largest size) or document a message carries, as the core's IncomingFile: fetched
 * with getFile and a bounded download only when the core keeps it.
 */
export function fileOf(
  message: Message,
  fetchFile: (fileId: string) => Promise<URL>,
  download: (url: URL, maxBytes: number) => Promise<Uint8Array>,
): IncomingFile | null {
  let ref: { id: string; name: string; size: number | null } | null = null;
  if ('photo' in message && Array.isArray(message.photo) && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1]!;
    ref = { id: largest.file_id, name: '', size: largest.file_size ?? null };
  } else if ('document' in message && message.document) {
    const d = message.document;
    ref = { id: d.file_id, name: d.file_name ?? '', size: d.file_size ?? null };
  }
  if (ref === null) return null;
  const { id } = ref;
  return {
    name: ref.name,
    declaredSize: ref.size,
    async load(maxBytes) {
      let url: URL;
      try {
        url = await fetchFile(id);
      } catch (err) {
        const text = err instanceof Error ? err.message : '';
        throw new FileError(TOO_BIG.test(text) ? 'too_large' : 'unavailable', 'getFile');
      }
      return download(url, maxBytes);
    },
  };
}

/** The chat a button press answers in: the message's chat, or the presser's private chat (inline messages). */
export function callbackChat(query: CallbackQuery): { chatId: string; chatKind: 'private' | 'group' } {
  const chat = query.message?.chat;
  if (chat === undefined) return { chatId: String(query.from.id), chatKind: 'private' };
  return { chatId: String(chat.id), chatKind: isGroupChat(chat.type) ? 'group' : 'private' };
}

export function incomingAction(query: CallbackQuery, action: ButtonAction, at: Date): IncomingMessage {
  return {
    channel: 'telegram',
    ...callbackChat(query),
    senderId: String(query.from.id),
    text: '',
    // A callback query id is unique per bot: a redelivered press is recorded once.
    messageId: `cb:${query.id}`,
    replyToItem: null,
    action,
    addressed: true,
    langHint: langOfCode(query.from.language_code),
    at,
  };
}
