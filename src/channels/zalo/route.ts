// POST /zalo/webhook as a Fetch handler (Request → Response), so Hono or any server can mount it.
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloLogger } from './client.ts';
import { handleZaloWebhook } from './webhook.ts';

/** A Zalo update is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 256 * 1024;

export interface ZaloWebhookRouteOptions {
  secret: string;
  onUpdate: (update: ZaloUpdate) => Promise<void>;
  logger?: ZaloLogger;
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export function zaloWebhookRoute(opts: ZaloWebhookRouteOptions): (req: Request) => Promise<Response> {
  return async (req) => {
    const declared = Number(req.headers.get('content-length') ?? '0');
    if (declared > MAX_BODY_BYTES) return json(413, { ok: false, description: 'Payload Too Large' });
    const body = await req.text();
    if (Buffer.byteLength(body) > MAX_BODY_BYTES)
      return json(413, { ok: false, description: 'Payload Too Large' });
    const res = await handleZaloWebhook({
      secret: opts.secret,
      headers: req.headers,
      body,
      onUpdate: opts.onUpdate,
      logger: opts.logger,
    });
    return json(res.status, res.body);
  };
}
