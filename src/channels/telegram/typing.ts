// "typing…" in the chat while a slow answer is being built: after a short delay, renewed until it is done.
import type { Telegram } from 'telegraf';

/** Telegram shows a chat action for about 5 s; it is sent again just before that. */
const RENEW_MS = 4500;

/**
 * Runs `work`; if it has not finished after `delayMs`, shows "typing…" in the chat until it does.
 * The chat action is best effort (it is not a message, so it does not go through the send limiter).
 */
export async function whileTyping<T>(
  telegram: Pick<Telegram, 'sendChatAction'>,
  chatId: string,
  delayMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const show = (): void => {
    if (done) return;
    telegram.sendChatAction(chatId, 'typing').catch(() => undefined);
    timer = setTimeout(show, RENEW_MS);
  };
  timer = setTimeout(show, delayMs);
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
  }
}
