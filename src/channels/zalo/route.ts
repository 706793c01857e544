// POST /zalo/webhook as a Fetch handler (Request → Response), so Hono or any server can mount it.
import { guardedWebhook, LIMITS } from '../http-limits.ts';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloLogger } from './client.ts';
import { handleZaloWebhook, secretMatches, ZALO_SECRET_HEADER } from './webhook.ts';

export interface ZaloWebhookRouteOptions {
  secret: string;
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  logger?: ZaloLogger;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The secret header is checked before any of the body is read; the body is read with a hard cap. */
export function zaloWebhookRoute(opts: ZaloWebhookRouteOptions): (req: Request) => Promise<Response> {
  return guardedWebhook({
    authorized: (req) => secretMatches(opts.secret, req.headers.get(ZALO_SECRET_HEADER) ?? undefined),
    maxBytes: LIMITS.zaloWebhookBytes,
    onRefused: (why) => opts.logger?.warn({ channel: 'zalo', why }, 'zalo webhook: call refused'),
    handle: async (req, body) => {
      const res = await handleZaloWebhook({
        secret: opts.secret,
        headers: req.headers,
        body,
        onUpdate: opts.onUpdate,
        logger: opts.logger,
      });
      return json(res.status, res.body);
    },
  });
}
