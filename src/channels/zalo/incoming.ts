// ZaloUpdate → the core's IncomingMessage: no parsing here, only who, where, when and the raw text.
import type { IncomingMessage } from '../../core/index.ts';
import type { IncomingFile } from '../../core/turn.ts';
import { downloadLimited } from '../download.ts';
import type { ZaloUpdate } from './api-types.ts';

/** Events that reach the core. Others (a future kind, a message-less event) are dropped. */
const MESSAGE_EVENTS = new Set([
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.unsupported.received',
]);

/**
 * The update as the core reads it, or null when there is nothing to answer. Images, stickers and
 * other non-text messages go in with empty text: the core answers its "did not understand" reply (or,
 * to an unknown sender, how to register), so the channel keeps no words of its own.
 */
export function toIncoming(update: ZaloUpdate, receivedAt: Date): IncomingMessage | null {
  const m = update.message;
  if (!m || !MESSAGE_EVENTS.has(update.event_name)) return null;
  // A bot's own echo (or another bot) is never a question.
  if (m.from.is_bot === true) return null;
  const isText = update.event_name === 'message.text.received' && typeof m.text === 'string';
  // A photo (its caption is the words) is evidence: fetched from its URL only when the core keeps it.
  const photoUrl = update.event_name === 'message.image.received' ? m.photo_url : undefined;
  const file: IncomingFile | null = photoUrl
    ? { name: '', declaredSize: null, load: (max) => downloadLimited(photoUrl, max) }
    : null;
  const text = isText ? (m.text ?? '') : file ? (m.caption ?? '') : '';
  const group = m.chat.chat_type.toUpperCase() === 'GROUP';
  return {
    channel: 'zalo',
    chatId: m.chat.id,
    chatKind: group ? 'group' : 'private',
    senderId: m.from.id,
    text,
    messageId: m.message_id,
    // Zalo has no reply threading and no buttons: the core falls back to the chat's lastItem.
    replyToItem: null,
    action: null,
    // In a group only a command is surely meant for the bot; Zalo reports no mentions.
    addressed: !group || text.trimStart().startsWith('/'),
    langHint: null,
    // Our clock, not Zalo's `date`: the store rejects updates dated in its future, and DONDOC_NOW rules.
    at: receivedAt,
    ...(file ? { file } : {}),
  };
}
