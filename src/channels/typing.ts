// "typing…" in a chat while a slow answer is being built: after a short delay, renewed until it is done.
import type { ChannelName } from '../core/types.ts';
import type { ChannelLogger } from './log.ts';

/** A messenger's chat action, and when to show it. */
export interface TypingIndicator {
  /** Shows "typing…" once; the messenger fades it after a few seconds. */
  show(chatId: string): Promise<unknown>;
  /** Answers faster than this show no indicator. Default 400 ms; 0 shows it at once. */
  delayMs?: number;
  /** Sent again this often while the answer takes. Default 4 s (both messengers fade it after about 5). */
  repeatMs?: number;
}

/**
 * Runs `work`; if it is still running after the delay, shows the indicator until it ends. Best effort:
 * a chat action is not a message (it skips the send limiter), and its failure never fails the answer.
 */
export async function withTyping<T>(
  typing: TypingIndicator,
  chatId: string,
  work: () => Promise<T>,
  log?: { logger: ChannelLogger; channel: ChannelName },
): Promise<T> {
  const delayMs = typing.delayMs ?? 400;
  const repeatMs = typing.repeatMs ?? 4000;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const show = (): void => {
    if (done) return;
    // Not awaited: a call already on its way is short, and it must not delay the answer.
    typing.show(chatId).catch((err: unknown) => {
      log?.logger.debug(
        { channel: log.channel, chatId, err: err instanceof Error ? err.name : 'unknown' },
        `${log.channel}: typing indicator not shown`,
      );
    });
    timer = setTimeout(show, repeatMs);
  };
  if (delayMs <= 0) show();
  else timer = setTimeout(show, delayMs);
  try {
    return await work();
  } finally {
    done = true;
    clearTimeout(timer);
  }
}
