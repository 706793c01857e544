// createTelegramBot(deps): the telegraf bot, its sender and its lifecycle (long polling, or a webhook on our server).
import type { Hono } from 'hono';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { ChartSource, ReportSource } from '../../core/files.ts';
import type { ConversationDeps } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import type { Logger } from '../../logger.ts';
import { createSendLimiter, type SendLimiter, type SendLimiterOptions } from '../limiter.ts';
import { errorFields } from '../log.ts';
import type { OutboundChannel } from '../outbound.ts';
import { run, type PipelineDeps } from '../pipeline.ts';
import type { RedeliveryGate } from '../redelivery.ts';
import { telegramAdapter } from './adapter.ts';
import { createChatQueue } from './chat-queue.ts';
import { setCommandMenu } from './commands.ts';
import type { BotIdentity } from './incoming.ts';
import { createTelegramOutbound } from './outbound.ts';
import { startPolling, type Polling } from './polling.ts';
import { DEFAULT_RETRY, retryingLimiter, type RetryPolicy } from './retry.ts';
import { loggableUpdateId, unusableReason } from './usable.ts';
import { WEBHOOK_PATH, webhookRoutes } from './webhook.ts';

/** Only these updates are asked for: everything else would be fetched to be ignored. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export interface TelegramBotDeps {
  token: string;
  /** Default https://api.telegram.org. */
  apiRoot?: string;
  store: CoreStore;
  /** Lets each update through once, in this process or any other (built by the composition root). */
  firstSeen: RedeliveryGate;
  now: () => Date;
  tz: string;
  notify: ConversationDeps['notify'];
  /** Counts every handled message. */
  observe?: PipelineDeps['observe'];
  logger: Logger;
  /** Webhook mode: Telegram posts updates to `url` with `secret` in its header. Unset: long polling. */
  webhook?: { url: string; secret: string } | null;
  /** The channel's one limiter; by default one at Telegram's limits (30/s, 1/s per chat, 20/min per group). */
  limiter?: SendLimiter;
  limits?: SendLimiterOptions;
  retry?: Partial<RetryPolicy>;
  /** Show "typing…" when an answer takes longer than this. Default 300 ms. */
  typingDelayMs?: number;
  pollTimeoutSec?: number;
  /** The largest evidence file kept (FILE_MAX_MB); default 20 MB. */
  fileMaxBytes?: number;
  /** Enables /chart. */
  chart?: ChartSource | null;
  /** Enables /baocao and /report. */
  report?: ReportSource | null;
}

export interface TelegramBot {
  bot: Telegraf;
  /** For the outbox worker: the same limiter, no retries of its own (the outbox retries durably). */
  outbound: OutboundChannel;
  limiter: SendLimiter;
  /** Set in webhook mode: POST /telegram/webhook, to mount on the HTTP server with `app.route('/', …)`. */
  webhook: Hono | null;
  /** Connects (getMe, menu, then polling or setWebhook), retrying until it works or stop() is called. */
  start(): Promise<void>;
  /** Stops taking updates and waits for those being handled. Leaves a webhook set, so Telegram keeps updates. */
  stop(): Promise<void>;
  /** Takes one update as polling or the webhook would: once per update_id, in order per chat. */
  takeUpdate(update: Update): Promise<void>;
}

function chatKeyOf(update: Update): string {
  if ('message' in update) return `c${update.message.chat.id}`;
  if ('callback_query' in update) {
    const q = update.callback_query;
    return `c${q.message?.chat.id ?? q.from.id}`;
  }
  return `u${update.update_id}`;
}

export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const { store, logger } = deps;
  // telegraf is the Bot API client only: updates go through the channel pipeline, not its middleware.
  const bot = new Telegraf(deps.token, {
    telegram: { apiRoot: deps.apiRoot ?? 'https://api.telegram.org', webhookReply: false },
  });
  // The bot's id is the token's first part: known before getMe, and never a secret.
  const botId = deps.token.split(':')[0] ?? '';
  const limiter = deps.limiter ?? createSendLimiter(deps.limits);
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY,
    ...deps.retry,
    onRetry: ({ attempt, delayMs, afterMs }) =>
      logger.warn(
        { channel: 'telegram', attempt, delayMs, afterMs },
        'telegram: send failed before delivery, retrying',
      ),
  };
  const outbound = createTelegramOutbound({ telegram: bot.telegram, limiter });
  const me = (): BotIdentity => ({
    id: bot.botInfo?.id ?? Number(botId),
    username: bot.botInfo?.username ?? '',
  });
  const core: ConversationDeps = {
    store,
    now: deps.now,
    tz: deps.tz,
    notify: deps.notify,
    ...(deps.fileMaxBytes ? { fileMaxBytes: deps.fileMaxBytes } : {}),
    // Telegram takes uploads: a chart comes as a photo, a report as its document.
    files: { chart: deps.chart ?? null, report: deps.report ?? null, uploads: true },
  };
  const adapter = telegramAdapter({
    // Replies to a message retry what certainly did not go out; the outbox retries on its own.
    outbound: createTelegramOutbound({ telegram: bot.telegram, limiter: retryingLimiter(limiter, policy) }),
    telegram: bot.telegram,
    me,
    botId,
    logger,
    typingDelayMs: deps.typingDelayMs ?? 300,
  });
  const pipeline: PipelineDeps = {
    core,
    logger,
    firstSeen: deps.firstSeen,
    ...(deps.observe ? { observe: deps.observe } : {}),
  };

  const queue = createChatQueue();
  let stopping = false;
  const abort = new AbortController();
  let polling: Polling | null = null;

  async function takeUpdate(update: Update): Promise<void> {
    // From getUpdates as from the webhook: a shape the handlers cannot read is skipped before anything is stored.
    const reason = unusableReason(update);
    if (reason !== null) {
      logger.warn(
        { channel: 'telegram', updateId: loggableUpdateId(update), reason },
        'telegram: update ignored',
      );
      return;
    }
    if (stopping) throw new Error('telegram bot is stopping');
    // A webhook retry, or a second process behind the same webhook: handled by whoever records it first.
    await queue.run(chatKeyOf(update), async () => {
      await run(pipeline, adapter, update);
    });
  }

  /** Retries `fn` with back-off until it works or stop() is called; false when stopped first. */
  async function persist(stage: string, fn: () => Promise<void>): Promise<boolean> {
    for (let failures = 0; !abort.signal.aborted; failures++) {
      try {
        await fn();
        return true;
      } catch (err) {
        const delayMs = Math.min(30_000, 1000 * 2 ** failures);
        logger.error(
          { channel: 'telegram', stage, delayMs, err: errorFields(err) },
          'telegram: start-up call failed, retrying',
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
      }
    }
    return false;
  }

  const webhook = deps.webhook ?? null;
  return {
    bot,
    outbound,
    limiter,
    webhook: webhook ? webhookRoutes({ secret: webhook.secret, onUpdate: takeUpdate, logger }) : null,
    takeUpdate,

    async start() {
      const up = await persist('getMe', async () => {
        bot.botInfo = await bot.telegram.getMe();
      });
      if (!up) return;
      await setCommandMenu(bot.telegram, deps.chart != null, logger, deps.report != null);
      if (webhook) {
        if (new URL(webhook.url).pathname !== WEBHOOK_PATH) {
          logger.warn(
            { channel: 'telegram', path: WEBHOOK_PATH },
            'telegram: the webhook URL does not end in the path this server answers; a proxy must forward it there',
          );
        }
        const set = await persist('setWebhook', async () => {
          await bot.telegram.setWebhook(webhook.url, {
            secret_token: webhook.secret,
            allowed_updates: [...ALLOWED_UPDATES],
          });
        });
        if (set)
          logger.info(
            { channel: 'telegram', mode: 'webhook', bot: bot.botInfo?.username },
            'telegram: bot started',
          );
        return;
      }
      if (stopping) return;
      polling = startPolling({
        telegram: bot.telegram,
        onUpdate: takeUpdate,
        logger,
        allowedUpdates: ALLOWED_UPDATES,
        ...(deps.pollTimeoutSec !== undefined ? { timeoutSec: deps.pollTimeoutSec } : {}),
      });
      logger.info(
        { channel: 'telegram', mode: 'polling', bot: bot.botInfo?.username },
        'telegram: bot started',
      );
    },

    async stop() {
      stopping = true;
      abort.abort();
      await polling?.stop();
      await queue.idle();
    },
  };
}
