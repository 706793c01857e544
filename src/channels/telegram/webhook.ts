// Telegram's webhook calls: the secret header checked in constant time on every call, then the update handed on.
import { Hono } from 'hono';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger.ts';
import { guardedWebhook, LIMITS } from '../http-limits.ts';
import { errorFields } from '../log.ts';
import { secretMatches } from '../secret.ts';
import { loggableUpdateId, unusableReason } from './usable.ts';

export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';
export const WEBHOOK_PATH = '/telegram/webhook';

export interface WebhookCall {
  /** The body as text, of a call whose secret was checked. */
  body: string;
  onUpdate: (update: Update) => Promise<void>;
  logger: Logger;
}

export interface WebhookAnswer {
  status: 200 | 400 | 401 | 500;
  body: { ok: boolean; description?: string };
}

/**
 * 400 for a body that is not JSON; 200 for an update
 * the bot cannot use (logged, nothing stored: an error would have Telegram redeliver it forever); 500
 * only when a usable update could not be taken on (Telegram retries).
 */
export async function handleWebhookCall(call: WebhookCall): Promise<WebhookAnswer> {
  const { logger } = call;
  let update: unknown;
  try {
    update = JSON.parse(call.body);
  } catch {
    logger.warn({ channel: 'telegram' }, 'telegram webhook: body is not JSON');
    return { status: 400, body: { ok: false, description: 'Bad Request: not JSON' } };
  }
  const reason = unusableReason(update);
  if (reason !== null) {
    logger.warn(
      { channel: 'telegram', updateId: loggableUpdateId(update), reason },
      'telegram webhook: update ignored',
    );
    return { status: 200, body: { ok: true } };
  }
  const usable = update as Update;
  try {
    await call.onUpdate(usable);
  } catch (err) {
    logger.error(
      { channel: 'telegram', updateId: usable.update_id, err: errorFields(err) },
      'telegram webhook: update not taken on',
    );
    return { status: 500, body: { ok: false, description: 'Internal Server Error' } };
  }
  return { status: 200, body: { ok: true } };
}

/** The route our HTTP server mounts: POST /telegram/webhook; the secret before any byte of the body. */
export function webhookRoutes(opts: Omit<WebhookCall, 'body'> & { secret: string }): Hono {
  const app = new Hono();
  const route = guardedWebhook({
    authorized: (req) => secretMatches(opts.secret, req.headers.get(TELEGRAM_SECRET_HEADER)),
    maxBytes: LIMITS.telegramWebhookBytes,
    onRefused: (why) => opts.logger.warn({ channel: 'telegram', why }, 'telegram webhook: call refused'),
    handle: async (_req, body) => {
      const answer = await handleWebhookCall({ onUpdate: opts.onUpdate, logger: opts.logger, body });
      return Response.json(answer.body, { status: answer.status });
    },
  });
  app.post(WEBHOOK_PATH, (c) => route(c.req.raw));
  return app;
}
