// POST /zalo/webhook as Hono routes, mounted on our server with app.route().
import { Hono } from 'hono';
import { guardedWebhook, LIMITS } from '../http-limits.ts';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloLogger } from './client.ts';
import { handleZaloBody, zaloCallAuthorized } from './webhook.ts';

/** Where serve.ts mounts the routes; ZALO_WEBHOOK_URL should end with it. */
export const ZALO_WEBHOOK_PATH = '/zalo/webhook';

export interface ZaloWebhookRouteOptions {
  secret: string;
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  logger?: ZaloLogger;
}

/** The secret header is checked (once) before any of the body is read; the body is read with a hard cap. */
export function zaloWebhookRoutes(opts: ZaloWebhookRouteOptions): Hono {
  const route = guardedWebhook({
    authorized: (req) => zaloCallAuthorized(opts.secret, req.headers),
    maxBytes: LIMITS.zaloWebhookBytes,
    onRefused: (why) => opts.logger?.warn({ channel: 'zalo', why }, 'zalo webhook: call refused'),
    handle: async (_req, body) => {
      const res = await handleZaloBody({ body, onUpdate: opts.onUpdate, logger: opts.logger });
      return Response.json(res.body, { status: res.status });
    },
  });
  const app = new Hono();
  app.post(ZALO_WEBHOOK_PATH, (c) => route(c.req.raw));
  return app;
}
