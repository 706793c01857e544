// The HTTP limits in one place: body caps read as streams, server timeouts, and in-flight webhook calls
// per source, so neither a huge body nor a slow or flooding client can cost memory or hold the server.
import type { ServerOptions } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';

export const LIMITS = {
  /** A Telegram update is a few kilobytes; anything far bigger is not from Telegram. */
  telegramWebhookBytes: 1024 * 1024,
  /** A Zalo update is a few hundred bytes. */
  zaloWebhookBytes: 256 * 1024,
  /** The console's login and logout forms. */
  consoleFormBytes: 16 * 1024,
  /** One chat message as JSON. */
  chatJsonBytes: 32 * 1024,
  /** A plan or people list uploaded to the console's /imports/check (the README promises 10 MB). */
  uploadBytes: 10 * 1024 * 1024,
  /** Any other body the app accepts. */
  defaultBytes: 64 * 1024,
  /** Headers must arrive within this (slowloris sends them a byte at a time). */
  headersTimeoutMs: 10_000,
  /** The whole request, body included. */
  requestTimeoutMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: 5_000,
  /** Webhook calls one source address may have in flight; Telegram itself uses at most 40 connections. */
  webhookInFlightPerSource: 40,
  /** Console chat messages one signed-in person may send per minute (a person types far fewer). */
  chatMessagesPerMinute: 30,
} as const;

/** A fixed one-minute window per key, in memory (per process); old windows are dropped as the map grows. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now: number): number {
    if (this.windows.size > 10_000) {
      for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
    }
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.limit ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }
}

/** Node's server options carrying the timeouts above; given to @hono/node-server's `serverOptions`. */
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: LIMITS.headersTimeoutMs,
  requestTimeout: LIMITS.requestTimeoutMs,
  keepAliveTimeout: LIMITS.keepAliveTimeoutMs,
};

/** The request's declared length, or null when it is chunked (or says nothing usable). */
function declaredLength(req: Request): number | null {
  const v = req.headers.get('content-length');
  if (v === null || !/^\d{1,16}$/.test(v.trim())) return null;
  return Number(v);
}

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes` (null then): a
 * chunked body of any size costs at most `maxBytes` of memory. A declared length over the cap is refused
 * without reading a byte.
 */
export async function readBodyLimited(req: Request, maxBytes: number): Promise<string | null> {
  const declared = declaredLength(req);
  if (declared !== null && declared > maxBytes) return null;
  if (req.body === null) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A refusal is answered at once; what the client still sends is discarded by Node as it arrives (never
 * kept), until it stops or LIMITS.requestTimeoutMs passes. Closing instead would reset the connection
 * and could lose the answer before the client reads it.
 */
export function refusal(
  status: 401 | 413 | 503,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ ok: false, description }), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export const tooLarge = (): Response => refusal(413, 'Payload Too Large');
export const unauthorized = (): Response => refusal(401, 'Unauthorized');

export interface GuardedWebhook {
  /** Checked on the headers alone, before any byte of the body is read. */
  authorized: (req: Request) => boolean;
  maxBytes: number;
  /** Called with the whole body once it is known to be within the cap. */
  handle: (req: Request, body: string) => Promise<Response>;
  /** Told of every refusal (no secret, too large), for the log. */
  onRefused?: (why: 'unauthorized' | 'too large') => void;
}

/** A webhook as a Fetch handler: 401 before reading, 413 as soon as the body passes its cap. */
export function guardedWebhook(w: GuardedWebhook): (req: Request) => Promise<Response> {
  return async (req) => {
    if (!w.authorized(req)) {
      w.onRefused?.('unauthorized');
      return unauthorized();
    }
    const body = await readBodyLimited(req, w.maxBytes);
    if (body === null) {
      w.onRefused?.('too large');
      return tooLarge();
    }
    return w.handle(req, body);
  };
}

/**
 * At most `limit` calls in flight per source (the key); the next gets 503 with Retry-After, which
 * Telegram and Zalo both retry. Keys are dropped when their last call ends, so the map stays small.
 */
export function inFlightCeiling(
  limit: number,
): <T>(key: string, run: () => Promise<T>) => Promise<T | Response> {
  const inFlight = new Map<string, number>();
  return async (key, run) => {
    const n = inFlight.get(key) ?? 0;
    if (n >= limit) return refusal(503, 'Too Many Concurrent Requests', { 'Retry-After': '1' });
    inFlight.set(key, n + 1);
    try {
      return await run();
    } finally {
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left <= 0) inFlight.delete(key);
      else inFlight.set(key, left);
    }
  };
}

export type FetchHandler = (req: Request, env?: unknown) => Response | Promise<Response>;

/** The server's outermost handler with the in-flight ceiling on the requests `applies` picks (webhooks). */
export function withInFlightCeiling(
  fetch: FetchHandler,
  opts: { applies: (req: Request) => boolean; source: (req: Request, env: unknown) => string; limit: number },
): FetchHandler {
  const ceiling = inFlightCeiling(opts.limit);
  return (req, env) =>
    opts.applies(req) ? ceiling(opts.source(req, env), async () => fetch(req, env)) : fetch(req, env);
}

/**
 * The cap on each path's body, first match wins; the web app applies it to every request that has one
 * (a route with a bigger need, such as an upload, gets its own row here).
 */
export const BODY_LIMITS: readonly (readonly [RegExp, number])[] = [
  [/^\/telegram\/webhook$/, LIMITS.telegramWebhookBytes],
  [/^\/zalo\/webhook$/, LIMITS.zaloWebhookBytes],
  [/^\/api\/chat$/, LIMITS.chatJsonBytes],
  [/^\/log(in|out)$/, LIMITS.consoleFormBytes],
  [/^\/imports\/check$/, LIMITS.uploadBytes],
];

export function bodyLimitFor(path: string): number {
  return BODY_LIMITS.find(([re]) => re.test(path))?.[1] ?? LIMITS.defaultBytes;
}

/** The body as a stream that errors once it passes `maxBytes`; `over()` tells whether it did. */
function cappedStream(body: ReadableStream<Uint8Array>, maxBytes: number) {
  let total = 0;
  let over = false;
  const reader = body.getReader();
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        total += value.byteLength;
        if (total > maxBytes) {
          over = true;
          await reader.cancel().catch(() => undefined);
          return controller.error(new Error('body over its limit'));
        }
        controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
      // Pull only when the route reads: nothing is read ahead for a route that never asks.
    },
    { highWaterMark: 0 },
  );
  return { stream, over: () => over };
}

/**
 * Hono middleware capping every body by path (bodyLimitFor). Unlike hono's bodyLimit it reads nothing
 * itself: the body stays a stream, so a route that refuses first (login required, wrong secret) never
 * reads it, and a route that reads it gets an error past the cap, answered 413 whatever the route made
 * of it. A declared length over the cap is 413 at once. `page` may answer a person's form (a page in
 * Vietnamese rather than JSON) for the paths it knows; null leaves the JSON answer.
 */
export function bodyCaps(
  limitFor: (path: string) => number = bodyLimitFor,
  page: (c: Context) => Response | null = () => null,
): MiddlewareHandler {
  const tooBig = (c: Context) => page(c) ?? Response.json({ error: 'payload too large' }, { status: 413 });
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body === null) return next();
    const max = limitFor(c.req.path);
    const declared = declaredLength(raw);
    if (declared !== null && declared > max) return tooBig(c);
    const capped = cappedStream(raw.body, max);
    c.req.raw = new Request(raw, { body: capped.stream, duplex: 'half' } as RequestInit);
    await next();
    if (capped.over()) c.res = tooBig(c);
  };
}
