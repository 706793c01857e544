// Which item a message the bot sent was about: remembered once it is delivered, for every sender alike.
import type { ChatRef, CoreStore } from './ports.ts';
import type { ChannelName, ItemCode } from './types.ts';

/**
 * Channels where people answer by writing after the bot's message rather than replying to it (Zalo has
 * no reply threading): there a bare "xong"/"80%" is about the chat's `lastItem`.
 */
const ANSWERED_AFTER: ReadonlySet<ChannelName> = new Set(['zalo']);

/**
 * Called by the channel pipeline after a reply went out and by the outbox worker after a reminder did:
 * each part's message id is remembered with the item (a reply to any part is about it), and on a
 * channel without reply threading the item becomes the chat's `lastItem`.
 */
export async function rememberSent(
  store: Pick<CoreStore, 'rememberBotMessage' | 'conversation' | 'saveConversation'>,
  chat: ChatRef,
  messageIds: readonly string[],
  about: ItemCode | null,
): Promise<void> {
  if (about === null || messageIds.length === 0) return;
  for (const id of messageIds) await store.rememberBotMessage(chat, id, about);
  if (!ANSWERED_AFTER.has(chat.channel)) return;
  const state = await store.conversation(chat);
  // The core already set it for its own answers about the item; then there is nothing to write.
  if (state.lastItem === about) return;
  await store.saveConversation(chat, { ...state, lastItem: about });
}
