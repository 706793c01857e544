// The ceiling on webhook calls in flight per source, through the real server (startHttpServer): one
// source holding LIMITS.webhookInFlightPerSource calls open is refused its next, while another is served.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/channels/http-limits.ts';
import { startHttpServer } from '../../src/channels/server.ts';
import { WEBHOOK_PATH } from '../../src/channels/telegram/webhook.ts';
import { waitUntil } from './telegram/helpers.ts';

// Behind the trusted proxy on loopback, the source is the forwarded client: two clients, one proxy.
const PROXY = '127.0.0.1';
const FLOODER = '198.51.100.7';
const OTHER = '203.0.113.20';

describe('webhook calls in flight per source', () => {
  let server: Server;
  let base: string;
  let entered = 0;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    server = await startHttpServer({
      hostname: PROXY,
      port: 0,
      network: { trustProxy: [PROXY], metricsAllow: [] },
      // Every webhook call is held open until the test releases them all.
      fetch: async () => {
        entered += 1;
        await held;
        return new Response('{"ok":true}', { headers: { 'Content-Type': 'application/json' } });
      },
    });
    const address = server.address();
    base = `http://${PROXY}:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    release();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = (client: string) =>
    fetch(`${base}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: '{"update_id":1}',
    });

  it('refuses the next call from a source at its ceiling with 503 and Retry-After, and serves another source', async () => {
    const limit = LIMITS.webhookInFlightPerSource;
    const flood = Array.from({ length: limit }, () => call(FLOODER));
    await waitUntil(() => entered === limit);

    const refused = await call(FLOODER);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(entered).toBe(limit);

    const other = call(OTHER);
    await waitUntil(() => entered === limit + 1);

    release();
    expect((await other).status).toBe(200);
    expect((await Promise.all(flood)).map((r) => r.status)).toEqual(Array(limit).fill(200));
    // Once its calls ended the flooding source is served again.
    expect((await call(FLOODER)).status).toBe(200);
  });
});
