// Shows "typing…" in a Zalo chat while a slow answer is being built; best effort, never fails the answer.
import type { ZaloClient, ZaloLogger } from './client.ts';

export interface TypingOptions {
  /** Answers faster than this show no indicator. Default 400 ms; 0 shows it at once. */
  delayMs?: number;
  /** The indicator fades on its own, so it is sent again this often. Default 4 s. */
  repeatMs?: number;
  logger?: ZaloLogger;
}

/** Runs `work`; if it is still running after `delayMs`, sends sendChatAction('typing') until it ends. */
export async function withTyping<T>(
  client: Pick<ZaloClient, 'sendChatAction'>,
  chatId: string,
  work: () => Promise<T>,
  opts: TypingOptions = {},
): Promise<T> {
  const delayMs = opts.delayMs ?? 400;
  const repeatMs = opts.repeatMs ?? 4000;
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  const show = (): void => {
    if (done) return;
    // Not awaited and not aborted: a call already on its way is short, and it must not delay the answer.
    client.sendChatAction(chatId).catch((err: unknown) => {
      opts.logger?.debug(
        { channel: 'zalo', chatId, err: err instanceof Error ? err.name : 'unknown' },
        'zalo: typing indicator not shown',
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
