// After a message about one item reaches a Zalo chat, remember that item so a bare "xong"/"80%" updates it.
import type { ChatRef, CoreStore } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';

/**
 * The `onSent` hook of the Zalo outbound. Zalo has no reply threading, so the core reads a message
 * without a code as being about the chat's `lastItem`: the item of the bot's last message about one.
 */
export function rememberLastItem(
  store: Pick<CoreStore, 'conversation' | 'saveConversation'>,
): (chatId: string, messageIds: string[], reply: Reply) => Promise<void> {
  return async (chatId, _messageIds, reply) => {
    if (reply.about === null) return;
    const chat: ChatRef = { channel: 'zalo', chatId };
    const state = await store.conversation(chat);
    // The core already set it for its own answers about an item; then there is nothing to write.
    if (state.lastItem === reply.about) return;
    await store.saveConversation(chat, { ...state, lastItem: reply.about });
  };
}
