// Long-poll loop for Zalo: one getUpdates at a time, each update handled before the next poll.
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloClient, ZaloLogger } from './client.ts';
import { ZaloApiError, ZaloNetworkError } from './errors.ts';

export interface ZaloPollingOptions {
  client: Pick<ZaloClient, 'deleteWebhook' | 'getUpdates'>;
  onUpdate: (update: ZaloUpdate) => Promise<void> | void;
  logger?: ZaloLogger;
  /** Seconds Zalo holds each poll open when nothing arrives. Default 30. */
  pollTimeoutSec?: number;
  /** Back-off after a failed poll: starts here, doubles, capped at backoffMaxMs. Defaults 1 s → 30 s. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export interface ZaloPolling {
  /** Aborts the in-flight poll and resolves once the loop has ended (after any update being handled). */
  stop(): Promise<void>;
}

// getUpdates has no offset: two loops on one bot would each take some of the updates. Guard per client.
const activeClients = new WeakSet<object>();

export function startZaloPolling(options: ZaloPollingOptions): ZaloPolling {
  const { client, onUpdate, logger: log } = options;
  const pollTimeoutSec = options.pollTimeoutSec ?? 30;
  const backoffMinMs = options.backoffMinMs ?? 1000;
  const backoffMaxMs = options.backoffMaxMs ?? 30_000;
  if (activeClients.has(client)) throw new Error('Zalo polling is already running for this client');
  activeClients.add(client);

  const abort = new AbortController();
  const signal = abort.signal;
  let failures = 0;

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });

  const backoff = async (stage: string, err: unknown): Promise<void> => {
    const delayMs = Math.min(backoffMaxMs, backoffMinMs * 2 ** failures);
    failures++;
    // Non-retryable errors (bad token, forbidden) will not heal alone: say so louder, but keep trying
    // slowly, so fixing the configuration does not need a restart of the whole process.
    const retryable = (err instanceof ZaloApiError || err instanceof ZaloNetworkError) && err.retryable;
    const entry = { stage, err: describe(err), failures, delayMs };
    if (retryable) log?.warn(entry, 'zalo polling: call failed, backing off');
    else log?.error(entry, 'zalo polling: call failed, backing off');
    await wait(delayMs);
  };

  const isAbort = (err: unknown): boolean =>
    signal.aborted || (err instanceof ZaloNetworkError && err.aborted);

  async function loop(): Promise<void> {
    // Polling and a webhook exclude each other, so the webhook goes first; retried until it works.
    while (!signal.aborted) {
      try {
        await client.deleteWebhook({ signal });
        failures = 0;
        break;
      } catch (err) {
        if (isAbort(err)) return;
        await backoff('deleteWebhook', err);
      }
    }
    log?.info({ pollTimeoutSec }, 'zalo polling: started');

    while (!signal.aborted) {
      let update: ZaloUpdate | null;
      try {
        update = await client.getUpdates(pollTimeoutSec, { signal });
        failures = 0;
      } catch (err) {
        if (isAbort(err)) return;
        await backoff('getUpdates', err);
        continue;
      }
      if (update === null) continue;
      try {
        await onUpdate(update);
      } catch (err) {
        // One bad update must not stop the bot; the context says which one without logging user text.
        log?.error(
          {
            err: describe(err),
            event: update.event_name,
            messageId: update.message?.message_id,
            chatId: update.message?.chat.id,
          },
          'zalo polling: onUpdate failed',
        );
      }
    }
  }

  const ended = loop()
    .catch((err: unknown) => {
      log?.error({ err: describe(err) }, 'zalo polling: loop crashed');
    })
    .finally(() => {
      activeClients.delete(client);
      log?.info({}, 'zalo polling: stopped');
    });

  return {
    stop(): Promise<void> {
      abort.abort();
      return ended;
    },
  };
}

/** A plain, loggable view of an error (our Zalo errors already have a token-free toJSON). */
function describe(err: unknown): unknown {
  if (err instanceof ZaloApiError || err instanceof ZaloNetworkError) return err.toJSON();
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return err;
}
