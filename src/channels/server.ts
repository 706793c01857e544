// The HTTP server every channel shares: Node's timeouts against slow clients, and a ceiling on webhook
// calls in flight per source; `dondoc serve` swaps the handler behind it as the app comes up.
import type { Server } from 'node:http';
import { serve as serveHttp } from '@hono/node-server';
import { type FetchHandler, LIMITS, SERVER_OPTIONS, withInFlightCeiling } from './http-limits.ts';
import { WEBHOOK_PATH } from './telegram/webhook.ts';
import { ZALO_WEBHOOK_PATH } from './zalo/bot.ts';
import { envPeer, forwardedClient, type NetworkConfig } from './web/network.ts';

const WEBHOOK_PATHS: ReadonlySet<string> = new Set([WEBHOOK_PATH, ZALO_WEBHOOK_PATH]);

export interface HttpServerOptions {
  hostname: string;
  port: number;
  /** Behind a trusted proxy the ceiling counts per forwarded client, not per proxy. */
  network: NetworkConfig;
  fetch: FetchHandler;
}

export function startHttpServer(opts: HttpServerOptions): Promise<Server> {
  const fetch = withInFlightCeiling(opts.fetch, {
    applies: (req) => req.method === 'POST' && WEBHOOK_PATHS.has(new URL(req.url).pathname),
    source: (req, env) => forwardedClient(envPeer(env), req.headers.get('x-forwarded-for'), opts.network),
    limit: LIMITS.webhookInFlightPerSource,
  });
  return new Promise<Server>((resolve, reject) => {
    const s = serveHttp(
      { fetch, hostname: opts.hostname, port: opts.port, serverOptions: SERVER_OPTIONS },
      () => resolve(s as Server),
    );
    s.once('error', reject);
  });
}
