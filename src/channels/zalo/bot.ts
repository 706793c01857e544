// createZaloBot(deps) → {start(), stop(), webhookRoute, outbound}: the Zalo channel assembled, polling or webhook.
import type { ConversationDeps } from '../../core/index.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { SendLimiter } from '../limiter.ts';
import type { OutboundChannel } from '../outbound.ts';
import type { ZaloUpdate } from './api-types.ts';
import { createZaloClient, type ZaloClientOptions, type ZaloLogger } from './client.ts';
import { createUpdateGate } from './gate.ts';
import { createZaloUpdateHandler } from './handler.ts';
import { zaloReportCommand, type ZaloReportSource } from './report-command.ts';
import { rememberLastItem } from './last-item.ts';
import { createZaloOutbound } from './outbound.ts';
import { startZaloPolling, type ZaloPolling } from './poller.ts';
import { zaloWebhookRoute } from './route.ts';
import type { TypingOptions } from './typing.ts';

export interface ZaloBotDeps {
  token: string;
  /** ZALO_API_ROOT; the production root when unset. */
  apiRoot?: string;
  /** ZALO_WEBHOOK_SECRET: set → webhook mode, unset → long polling with getUpdates. */
  webhookSecret?: string;
  /** ZALO_WEBHOOK_URL: given to setWebhook on start; unset → the webhook is taken as registered already. */
  webhookUrl?: string;
  /** For the durable once-only record of inbound messages. */
  db: DbOrTx;
  /** What the conversation core needs: store, clock, zone, notifier. */
  core: ConversationDeps;
  /** The Zalo channel's own limiter: every message this bot sends starts through it. */
  limiter: SendLimiter;
  logger?: ZaloLogger;
  /** Seconds Zalo holds one getUpdates open. Default 30. */
  pollTimeoutSec?: number;
  typing?: TypingOptions;
  /** Enables /baocao and /report (the report's summary: Zalo takes no files from bots). */
  report?: ZaloReportSource | null;
  /** Timeouts and back-off of the HTTP clients (tests shorten them). */
  http?: Pick<ZaloClientOptions, 'httpTimeoutMs' | 'retryBaseMs' | 'retryMaxMs' | 'maxRetries'>;
}

export interface ZaloBot {
  readonly mode: 'polling' | 'webhook';
  /** For the outbox worker's channel map; replies to incoming messages go through it too. */
  readonly outbound: OutboundChannel;
  /** Mount as POST /zalo/webhook (webhook mode); answers 404 in polling mode. */
  webhookRoute(req: Request): Promise<Response>;
  /** One update end to end; never throws. */
  handleUpdate(update: ZaloUpdate): Promise<void>;
  /** Webhook mode: setWebhook. Polling mode: deleteWebhook, then the poll loop (in the background). */
  start(): Promise<void>;
  /** Ends polling after the update in hand; call before the database closes. */
  stop(): Promise<void>;
}

/** Where serve.ts mounts webhookRoute; ZALO_WEBHOOK_URL should end with it. */
export const ZALO_WEBHOOK_PATH = '/zalo/webhook';

/** Zalo's rule for secret_token. */
const SECRET_LENGTH = { min: 8, max: 256 };

export function createZaloBot(deps: ZaloBotDeps): ZaloBot {
  const log = deps.logger;
  const secret = deps.webhookSecret;
  const mode = secret === undefined ? 'polling' : 'webhook';
  if (secret !== undefined && (secret.length < SECRET_LENGTH.min || secret.length > SECRET_LENGTH.max)) {
    throw new Error(
      `ZALO_WEBHOOK_SECRET: must be ${SECRET_LENGTH.min}-${SECRET_LENGTH.max} characters (Zalo rule)`,
    );
  }
  const base = { token: deps.token, apiRoot: deps.apiRoot, logger: log, ...deps.http };
  // Polling and setWebhook may retry on their own; sends may not (a retried timeout could show twice).
  const api = createZaloClient(base);
  const sender = createZaloClient({ ...base, maxRetries: 0 });

  const outbound = createZaloOutbound({
    client: sender,
    limiter: deps.limiter,
    onSent: rememberLastItem(deps.core.store),
  });
  const handleUpdate = createZaloUpdateHandler({
    core: deps.core,
    outbound,
    client: sender,
    gate: createUpdateGate(deps.db),
    logger: log,
    typing: deps.typing,
    ...(deps.report
      ? {
          before: zaloReportCommand({
            source: deps.report,
            store: deps.core.store,
            now: deps.core.now,
            tz: deps.core.tz,
          }),
        }
      : {}),
  });
  const route =
    secret === undefined
      ? async (): Promise<Response> => new Response(null, { status: 404 })
      : zaloWebhookRoute({ secret, onUpdate: handleUpdate, logger: log });

  let polling: ZaloPolling | null = null;

  return {
    mode,
    outbound,
    webhookRoute: route,
    handleUpdate,
    async start() {
      if (secret === undefined) {
        polling ??= startZaloPolling({
          client: api,
          onUpdate: handleUpdate,
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
