// The console's login when it listens beyond this machine: admin password (scrypt), HMAC-signed session cookie, per-IP rate limit.
import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { NO_NETWORK_TRUST, peerAddress, viaHttps, type NetworkConfig } from './network.ts';

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

export interface AuthConfig {
  /** True when the server is bound to anything but loopback: every console page then asks for a login. */
  required: boolean;
  /** From WEB_ADMIN_PASSWORD; without it nobody can sign in. */
  passwordHash?: PasswordHash;
  /** Signs session cookies; a random one per process when absent (a restart signs everyone out). */
  sessionSecret?: Buffer;
  /** Login attempts allowed per IP per minute. Default 5. */
  triesPerMinute?: number;
  /** The caller's address; by default the TCP peer, or what a TRUST_PROXY proxy forwards. */
  clientIp?: (c: Context) => string;
  /** Cookies always `Secure` (behind a TLS proxy, or bound beyond loopback without INSECURE_COOKIES=1). */
  secureCookies?: boolean;
  /** Milliseconds, for the rate limit and session expiry; the real clock by default. */
  clock?: () => number;
}

export const SESSION_COOKIE = 'dondoc_session';
export const SESSION_TTL_MS = 12 * 3_600_000;
const KEY_LENGTH = 32;

/** Run once at start-up: only this hash of WEB_ADMIN_PASSWORD stays in memory. */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): PasswordHash {
  return { salt, hash: scryptSync(password.normalize('NFC'), salt, KEY_LENGTH) };
}

export function verifyPassword(candidate: string, stored: PasswordHash): boolean {
  const hash = scryptSync(candidate.normalize('NFC'), stored.salt, KEY_LENGTH);
  return timingSafeEqual(hash, stored.hash);
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function sessionToken(secret: Buffer, expiresAt: number): string {
  const payload = `v1.${expiresAt}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function validSession(secret: Buffer, token: string | undefined, now: number): boolean {
  if (!token) return false;
  const m = /^(v1\.(\d{1,16}))\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return false;
  const expected = Buffer.from(sign(secret, m[1]!));
  const given = Buffer.from(m[3]!);
  return given.length === expected.length && timingSafeEqual(given, expected) && Number(m[2]) > now;
}

/** A fixed one-minute window per IP; old windows are dropped as the map grows. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one try; returns the seconds to wait when over the limit, else 0. */
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

/** The TCP peer; app.ts passes the proxy-aware address instead. */
export const defaultClientIp = peerAddress;

export interface Auth {
  config: AuthConfig;
  secret: Buffer;
  limiter: RateLimiter;
  clock: () => number;
  signedIn(c: Context): boolean;
  /** Whether a cookie set on this response must carry `Secure`. */
  secureCookie(c: Context): boolean;
  /** Lets through a request with a valid session; otherwise 401 for data, a redirect to /login for pages. */
  guard: MiddlewareHandler;
}

export function createAuth(config: AuthConfig, network: NetworkConfig = NO_NETWORK_TRUST): Auth {
  const secret = config.sessionSecret ?? randomBytes(32);
  const clock = config.clock ?? Date.now;
  const signedIn = (c: Context) => validSession(secret, getCookie(c, SESSION_COOKIE), clock());
  return {
    config,
    secret,
    clock,
    limiter: new RateLimiter(config.triesPerMinute ?? 5),
    signedIn: (c) => config.required && signedIn(c),
    secureCookie: (c) => config.secureCookies === true || viaHttps(c, network),
    guard: async (c, next) => {
      if (!config.required || signedIn(c)) return next();
      const path = c.req.path;
      const wantsPage = c.req.method === 'GET' && !/^\/(api|reports|charts)\//.test(path);
      if (!wantsPage) return c.json({ error: 'login required' }, 401);
      const url = new URL(c.req.url);
      const params = new URLSearchParams({ next: `${url.pathname}${url.search}` });
      if (c.req.query('lang') === 'en') params.set('lang', 'en');
      return c.redirect(`/login?${params.toString()}`, 303);
    },
  };
}

/** Where to go after signing in: only a path on this site, never `//elsewhere`. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/dashboard';
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/**
 * With no login (bound to loopback), a page from another site could still reach the console through
 * DNS rebinding: such requests carry a foreign Host header, so only loopback names are answered.
 */
export function loopbackHostOnly(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const name = host.replace(/:\d+$/, '');
    if (!isLoopback(name)) return c.text('Forbidden host', 403);
    return next();
  };
}
