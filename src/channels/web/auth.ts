// The console's login when it listens beyond this machine: passwords (scrypt), sessions kept in the
// database (revocable, idle ones expire), and who the signed-in viewer is for the routes behind it.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { consoleScope, type ConsoleScope } from '../../core/permissions.ts';
import type { Person } from '../../core/ports.ts';
import type { PersonCode } from '../../core/types.ts';
import type { SessionRules } from '../../store/console-accounts.ts';
import type { ConsoleAccounts } from '../../store/console-port.ts';
import { isLoopback, NO_NETWORK_TRUST, peerAddress, viaHttps, type NetworkConfig } from './network.ts';
import { loginThrottle, type LoginThrottle } from './throttle.ts';

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

export interface AuthConfig {
  /** True when the server is bound to anything but loopback: every console page then asks for a login. */
  required: boolean;
  /** From WEB_ADMIN_PASSWORD (the bootstrap admin, account `admin`); people have their own passwords. */
  passwordHash?: PasswordHash;
  /** The caller's address; by default the TCP peer, or what a TRUST_PROXY proxy forwards. */
  clientIp?: (c: Context) => string;
  /** Cookies always `Secure` (behind a TLS proxy, or bound beyond loopback without INSECURE_COOKIES=1). */
  secureCookies?: boolean;
  /** Milliseconds, for the login back-off and session expiry; the real clock by default. */
  clock?: () => number;
}

export const SESSION_COOKIE = 'dondoc_session';
export const SESSION_RULES: SessionRules = { idleMs: 2 * 3_600_000, maxAgeMs: 12 * 3_600_000 };
const KEY_LENGTH = 32;

/** Run once at start-up: only this hash of WEB_ADMIN_PASSWORD stays in memory. */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): PasswordHash {
  return { salt, hash: scryptSync(password.normalize('NFC'), salt, KEY_LENGTH) };
}

export function verifyPassword(candidate: string, stored: PasswordHash): boolean {
  const hash = scryptSync(candidate.normalize('NFC'), stored.salt, KEY_LENGTH);
  return timingSafeEqual(hash, stored.hash);
}

/** A hash as stored in the database: `scrypt$salt$hash`, hex. */
export function encodeHash(h: PasswordHash): string {
  return `scrypt$${h.salt.toString('hex')}$${h.hash.toString('hex')}`;
}

export function decodeHash(text: string): PasswordHash | null {
  const m = /^scrypt\$([0-9a-f]{32})\$([0-9a-f]{64})$/.exec(text);
  return m ? { salt: Buffer.from(m[1]!, 'hex'), hash: Buffer.from(m[2]!, 'hex') } : null;
}

/**
 * At start-up: WEB_ADMIN_PASSWORD against the hash the database kept. A changed (or removed) password
 * ends the bootstrap admin's sessions in every process; the hash to check logins against comes back.
 */
export async function syncBootstrapAdmin(
  accounts: ConsoleAccounts,
  password: string | undefined,
  now: Date,
): Promise<{ hash: PasswordHash | undefined; revoked: number }> {
  const stored = await accounts.bootstrapHash();
  const known = stored === null ? null : decodeHash(stored);
  if (password === undefined) return { hash: undefined, revoked: await accounts.revokeSessionsOf(null, now) };
  if (known && verifyPassword(password, known)) return { hash: known, revoked: 0 };
  const hash = hashPassword(password);
  return { hash, revoked: await accounts.replaceBootstrapHash(encodeHash(hash), now) };
}

/** The TCP peer; app.ts passes the proxy-aware address instead. */
export const defaultClientIp = peerAddress;

/** Who is looking at the console. */
export interface Viewer {
  /** The person signed in; null for the bootstrap admin and for the local demo (no login). */
  person: Person | null;
  scope: ConsoleScope;
  /** An administrator (the bootstrap one, a person with role admin, or anyone on the loopback demo). */
  admin: boolean;
  /** The local demo on loopback without a login: the chat may act as anyone (`/chat?as=P02`). */
  demo: boolean;
  /** An administrator looking as this person (`?as=P32`): pages only, read-only, audited. */
  viewingAs?: boolean;
}

const DEMO: Viewer = { person: null, scope: { all: true }, admin: true, demo: true };
const BOOTSTRAP: Viewer = { person: null, scope: { all: true }, admin: true, demo: false };

export function viewerFor(person: Person): Viewer {
  return { person, scope: consoleScope(person), admin: person.role === 'admin', demo: false };
}

export interface Auth {
  config: AuthConfig;
  accounts: ConsoleAccounts;
  throttle: LoginThrottle;
  clock: () => number;
  signedIn(c: Context): boolean;
  /** The viewer the guard found for this request; the demo viewer on a console without login. */
  viewer(c: Context): Viewer | null;
  /** Whether a cookie set on this response must carry `Secure`. */
  secureCookie(c: Context): boolean;
  /** Opens a session (a person's id, or null for the bootstrap admin) and sets its cookie. */
  startSession(c: Context, personId: number | null): Promise<void>;
  /** Revokes this request's session in the database and clears the cookie. */
  endSession(c: Context): Promise<void>;
  /** Lets through a request with a live session; otherwise 401 for data, a redirect to /login for pages. */
  guard: MiddlewareHandler;
}

export function createAuth(
  config: AuthConfig,
  network: NetworkConfig = NO_NETWORK_TRUST,
  accounts: ConsoleAccounts,
  findPerson: (code: PersonCode) => Promise<Person | null>,
): Auth {
  const clock = config.clock ?? Date.now;
  const now = () => new Date(clock());
  // Keyed by the request object, which every sub-app of this app sees.
  const viewers = new WeakMap<Request, Viewer>();
  const secureCookie = (c: Context) => config.secureCookies === true || viaHttps(c, network);

  async function resolve(c: Context): Promise<Viewer | null> {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const session = await accounts.liveSession(token, now(), SESSION_RULES);
    if (!session) return null;
    const person = session.person === null ? null : await findPerson(session.person);
    if (session.person !== null && person === null) return null;
    return person ? viewerFor(person) : BOOTSTRAP;
  }

  /** `?as=CODE` from an administrator: the page as that person sees it; never a change, always audited. */
  async function viewAs(c: Context, admin: Viewer): Promise<Viewer | Response> {
    const code = c.req.query('as')?.toUpperCase();
    if (!admin.admin || code === undefined || code === admin.person?.code) return admin;
    if (c.req.method !== 'GET') return c.json({ error: 'view as is read-only' }, 403);
    const person = /^[A-Z0-9_-]{1,32}$/.test(code) ? await findPerson(code as PersonCode) : null;
    if (!person) return c.json({ error: 'unknown person' }, 404);
    await accounts.auditViewAs(admin.person?.id ?? null, person.code, c.req.path, now());
    return { ...viewerFor(person), admin: false, viewingAs: true };
  }

  return {
    config,
    accounts,
    clock,
    throttle: loginThrottle(accounts),
    signedIn: (c) => config.required && viewers.has(c.req.raw),
    viewer: (c) => (config.required ? (viewers.get(c.req.raw) ?? null) : DEMO),
    secureCookie,
    async startSession(c, personId) {
      const token = await accounts.createSession(personId, now());
      setCookie(c, SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Strict',
        secure: secureCookie(c),
        maxAge: SESSION_RULES.maxAgeMs / 1000,
      });
    },
    async endSession(c) {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await accounts.revokeSession(token, now());
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookie(c) });
    },
    guard: async (c, next) => {
      if (!config.required) return next();
      const known = viewers.get(c.req.raw);
      if (known) return next();
      const found = await resolve(c);
      if (found) {
        const viewer = await viewAs(c, found);
        if (viewer instanceof Response) return viewer;
        viewers.set(c.req.raw, viewer);
        return next();
      }
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
