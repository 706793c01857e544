// createZaloBot(deps) → {start(), stop(), webhook, outbound, takeUpdate}: the Zalo channel assembled, polling or webhook.
import type { Hono } from 'hono';
import type { ReportSource } from '../../core/files.ts';
import type { ConversationDeps } from '../../core/index.ts';
import type { SendLimiter } from '../limiter.ts';
import { SILENT } from '../log.ts';
import type { OutboundChannel } from '../outbound.ts';
import { run, type PipelineDeps } from '../pipeline.ts';
import type { RedeliveryGate } from '../redelivery.ts';
import type { TypingIndicator } from '../typing.ts';
import { zaloAdapter } from './adapter.ts';
import type { ZaloUpdate } from './api-types.ts';
import { createZaloClient, type ZaloClientOptions, type ZaloLogger } from './client.ts';
import { createZaloOutbound } from './outbound.ts';
import { startZaloPolling, type ZaloPolling } from './poller.ts';
import { ZALO_WEBHOOK_PATH, zaloWebhookRoutes } from './route.ts';
import { isZaloSecret } from './webhook.ts';

export { ZALO_WEBHOOK_PATH };

export interface ZaloBotDeps {
  token: string;
  /** ZALO_API_ROOT; the production root when unset. */
  apiRoot?: string;
  /** ZALO_WEBHOOK_SECRET: set → webhook mode, unset → long polling with getUpdates. */
  webhookSecret?: string;
  /** ZALO_WEBHOOK_URL: given to setWebhook on start; unset → the webhook is taken as registered already. */
  webhookUrl?: string;
  /** Lets each inbound message through once, in this process or any other (built by the composition root). */
  firstSeen: RedeliveryGate;
  /** What the conversation core needs: store, clock, zone, notifier. */
  core: ConversationDeps;
  /** Counts every handled message. */
  observe?: PipelineDeps['observe'];
  /** The Zalo channel's own limiter: every message this bot sends starts through it. */
  limiter: SendLimiter;
  logger?: ZaloLogger;
  /** Seconds Zalo holds one getUpdates open. Default 30. */
  pollTimeoutSec?: number;
  /** When "typing…" shows (default after 400 ms, every 4 s). */
  typing?: Omit<TypingIndicator, 'show'>;
  /** Enables /baocao and /report (the report's summary: Zalo takes no files from bots). */
  report?: ReportSource | null;
  /** Timeouts and back-off of the HTTP clients (tests shorten them). */
  http?: Pick<ZaloClientOptions, 'httpTimeoutMs' | 'retryBaseMs' | 'retryMaxMs' | 'maxRetries'>;
}

export interface ZaloBot {
  readonly mode: 'polling' | 'webhook';
  /** For the outbox worker's channel map; replies to incoming messages go through it too. */
  readonly outbound: OutboundChannel;
  /** Webhook mode: POST /zalo/webhook, to mount with `app.route('/', …)`; null in polling mode. */
  readonly webhook: Hono | null;
  /** One update end to end through the channel pipeline. */
  takeUpdate(update: ZaloUpdate): Promise<void>;
  /** Webhook mode: setWebhook. Polling mode: deleteWebhook, then the poll loop (in the background). */
  start(): Promise<void>;
  /** Ends polling after the update in hand; call before the database closes. */
  stop(): Promise<void>;
}

export function createZaloBot(deps: ZaloBotDeps): ZaloBot {
  const log = deps.logger;
  const secret = deps.webhookSecret;
  const mode = secret === undefined ? 'polling' : 'webhook';
  if (secret !== undefined && !isZaloSecret(secret)) {
    throw new Error('ZALO_WEBHOOK_SECRET: must be 8-256 characters (Zalo rule)');
  }
  const base = { token: deps.token, apiRoot: deps.apiRoot, logger: log, ...deps.http };
  // Polling and setWebhook may retry on their own; sends may not (a retried timeout could show twice).
  const api = createZaloClient(base);
  const sender = createZaloClient({ ...base, maxRetries: 0 });
  const outbound = createZaloOutbound({ client: sender, limiter: deps.limiter });
  const pipeline: PipelineDeps = {
    // Zalo's Bot API takes no files from bots: a report is answered with its summary.
    core: { ...deps.core, files: { report: deps.report ?? null, uploads: false } },
    logger: log ?? SILENT,
    firstSeen: deps.firstSeen,
    ...(deps.observe ? { observe: deps.observe } : {}),
  };
  const webhook =
    secret === undefined ? null : zaloWebhookRoutes({ secret, onUpdate: takeUpdate, logger: log });
  const adapter = zaloAdapter({
    outbound,
    client: sender,
    logger: log,
    typing: deps.typing,
    webhook,
  });
  async function takeUpdate(update: ZaloUpdate): Promise<void> {
    await run(pipeline, adapter, update);
  }

  let polling: ZaloPolling | null = null;

  return {
    mode,
    outbound,
    webhook,
    takeUpdate,
    async start() {
      if (secret === undefined) {
        polling ??= startZaloPolling({
          client: api,
          onUpdate: takeUpdate,
          logger: log,
          pollTimeoutSec: deps.pollTimeoutSec,
        });
        return;
      }
      if (deps.webhookUrl === undefined) {
        log?.warn({ channel: 'zalo' }, 'zalo: webhook mode without ZALO_WEBHOOK_URL; setWebhook not called');
        return;
      }
      if (URL.canParse(deps.webhookUrl) && new URL(deps.webhookUrl).pathname !== ZALO_WEBHOOK_PATH) {
        log?.warn(
          { channel: 'zalo', path: ZALO_WEBHOOK_PATH },
          'zalo: ZALO_WEBHOOK_URL does not end with our webhook path',
        );
      }
      // A failure here must not keep the console and Telegram down: it is logged, and Zalo keeps the
      // webhook it had (fix the settings and restart).
      try {
        await api.setWebhook(deps.webhookUrl, secret);
        log?.info({ channel: 'zalo', url: deps.webhookUrl }, 'zalo: webhook set');
      } catch (err) {
        log?.error(
          { channel: 'zalo', err: err instanceof Error ? err.message : String(err) },
          'zalo: setWebhook failed',
        );
      }
    },
    async stop() {
      const p = polling;
      polling = null;
      await p?.stop();
    },
  };
}
