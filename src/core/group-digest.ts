// "/bantin bật|tắt" ("/digest on|off") in a group chat: a leader or admin turns the group's daily digest on or off.
import { messages } from './messages.ts';
import { canManageGroupDigest } from './permissions.ts';
import type { GroupChat } from './ports.ts';
import type { Reply } from './reply.ts';
import { say, type Turn } from './turn.ts';
import type { GroupDigestControl } from './types.ts';

/** The group the message came from, when the bot can push to it; null for private chats, the web, the CLI. */
function groupChat(turn: Turn): GroupChat | null {
  const { channel, chatId, chatKind } = turn.msg;
  if (chatKind !== 'group' || (channel !== 'telegram' && channel !== 'zalo')) return null;
  return { channel, chatId };
}

/** Answers in the command's language: the group's, which the digest will be written in. */
export async function groupDigestCommand(turn: Turn, control: GroupDigestControl): Promise<Reply[]> {
  const lang = control.lang;
  const m = messages(lang);
  const chat = groupChat(turn);
  if (chat === null) return say({ lang }, m.digestGroupsOnly);
  const allowed = canManageGroupDigest(turn.person, lang);
  if (!allowed.ok) return say({ lang }, allowed.why);
  const { store } = turn.deps;
  if (control.on === null) return say({ lang }, m.digestUsage((await store.groupDigest(chat)) !== null));
  if (control.on) {
    const outcome = await store.subscribeGroupDigest({ chat, by: turn.person.code, lang, at: turn.msg.at });
    return say({ lang }, outcome === 'unchanged' ? m.digestAlreadyOn : m.digestOn);
  }
  const removed = await store.unsubscribeGroupDigest(chat, turn.person.code, turn.msg.at);
  return say({ lang }, removed ? m.digestOff : m.digestAlreadyOff);
}
