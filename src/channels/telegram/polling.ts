// Long polling: getUpdates in a loop, each batch handled (chats side by side) before the next poll confirms it.
import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.ts';
import { errorFields } from '../log.ts';

/** telegraf types its signal with the abort-controller polyfill's class; Node's own is what it gets at run time. */
type TelegrafSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];

export interface PollingOptions {
  telegram: Pick<Telegram, 'callApi' | 'deleteWebhook'>;
  onUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  allowedUpdates: readonly string[];
  /** Seconds Telegram holds a poll open when nothing arrives. Default 50. */
  timeoutSec?: number;
  /** Back-off after a failed poll: doubles from min to max. Defaults 1 s → 30 s. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export interface Polling {
  /** Aborts the waiting poll, lets the batch being handled finish, confirms it, and resolves. */
  stop(): Promise<void>;
}

export function startPolling(options: PollingOptions): Polling {
  const { telegram, onUpdate, logger } = options;
  const timeoutSec = options.timeoutSec ?? 50;
  const minMs = options.backoffMinMs ?? 1000;
  const maxMs = options.backoffMaxMs ?? 30_000;
  const abort = new AbortController();
  const signal = abort.signal;
  let offset = 0;
  let failures = 0;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });

  async function backoff(stage: string, err: unknown): Promise<void> {
    const retryAfter = err instanceof TelegramError ? err.parameters?.retry_after : undefined;
    const delayMs = retryAfter !== undefined ? retryAfter * 1000 : Math.min(maxMs, minMs * 2 ** failures);
    failures++;
    // 401 (token revoked) and 409 (another poller, or a webhook set elsewhere) will not heal alone: say so
    // loudly, but keep trying slowly, so fixing it does not need a restart.
    const loud = err instanceof TelegramError && (err.code === 401 || err.code === 409);
    logger[loud ? 'error' : 'warn'](
      { channel: 'telegram', stage, failures, delayMs, err: errorFields(err) },
      'telegram polling: call failed, backing off',
    );
    await wait(delayMs);
  }

  async function loop(): Promise<void> {
    // A webhook and polling exclude each other.
    while (!signal.aborted) {
      try {
        await telegram.deleteWebhook();
        failures = 0;
        break;
      } catch (err) {
        await backoff('deleteWebhook', err);
      }
    }
    if (!signal.aborted) logger.info({ channel: 'telegram', timeoutSec }, 'telegram polling: started');
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await telegram.callApi(
          'getUpdates',
          { offset, timeout: timeoutSec, allowed_updates: options.allowedUpdates as never },
          { signal: signal as unknown as TelegrafSignal },
        );
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        await backoff('getUpdates', err);
        continue;
      }
      // onUpdate is the per-update error boundary; a rejection here would be a bug, so it is still caught.
      await Promise.all(
        updates.map((update) =>
          onUpdate(update).catch((err: unknown) => {
            logger.error(
              { channel: 'telegram', updateId: update.update_id, err: errorFields(err) },
              'telegram polling: update failed',
            );
          }),
        ),
      );
      const last = updates.at(-1);
      if (last !== undefined) offset = last.update_id + 1;
    }
    // Confirm the handled batch, so a restart does not fetch it again.
    if (offset > 0)
      await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  const ended = loop()
    .catch((err: unknown) => {
      logger.error({ channel: 'telegram', err: errorFields(err) }, 'telegram polling: loop crashed');
    })
    .finally(() => logger.info({ channel: 'telegram' }, 'telegram polling: stopped'));

  return {
    stop(): Promise<void> {
      abort.abort();
      return ended;
    },
  };
}
