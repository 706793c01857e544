// Who is asking, as far as the network can tell: the TCP peer, and behind a trusted proxy the address and
// scheme it forwards. Forwarded headers from anyone else are ignored: any client can write them.
import { secretMatches } from '../secret.ts';
import type { Context, MiddlewareHandler } from 'hono';

export interface NetworkConfig {
  /** TRUST_PROXY: addresses of the reverse proxies whose X-Forwarded-For/-Proto are believed. */
  trustProxy: readonly string[];
  /** METRICS_ALLOW: addresses besides loopback that may scrape /metrics. */
  metricsAllow: readonly string[];
  /** METRICS_TOKEN: a bearer token that opens /metrics from anywhere. */
  metricsToken?: string;
}

export const NO_NETWORK_TRUST: NetworkConfig = { trustProxy: [], metricsAllow: [] };

/** One spelling per address: `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is 10.0.0.1, `[::1]` is ::1. */
export function normalAddress(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

const LOOPBACK_ADDRESS = /^(127(?:\.\d{1,3}){3}|::1)$/;

export function isLoopbackAddress(address: string): boolean {
  return LOOPBACK_ADDRESS.test(normalAddress(address));
}

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether HOST (the address the server binds) reaches this machine only. */
export function isLoopback(host: string): boolean {
  return LOOPBACK_HOST.test(host.trim());
}

/** How the console faces the network: whether it asks for a login, and whether its cookies are Secure. */
export interface ConsoleExposure {
  loginRequired: boolean;
  secureCookies: boolean;
}

/**
 * From HOST, TRUST_PROXY and INSECURE_COOKIES=1. Beyond loopback the console shows every programme to
 * the network, so it asks for a login; behind a proxy the peer is loopback but the visitor is not, so
 * the login stays on. Behind a TLS proxy the app sees only http, so it cannot tell https itself: beyond
 * loopback or behind a proxy a cookie is Secure, unless the operator turns that off on purpose.
 */
export function consoleExposure(env: {
  host: string;
  trustProxy: readonly string[];
  insecureCookies: boolean;
}): ConsoleExposure {
  const loginRequired = !isLoopback(env.host) || env.trustProxy.length > 0;
  return { loginRequired, secureCookies: loginRequired && !env.insecureCookies };
}

/** The TCP peer as @hono/node-server hands it over in the env; 'unknown' when there is none. */
export function peerAddress(c: Context): string {
  return envPeer(c.env);
}

/** The socket's address in a @hono/node-server env, normalised; 'unknown' without one. */
export function envPeer(env: unknown): string {
  const remote = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
  return remote ? normalAddress(remote) : 'unknown';
}

function trusted(config: NetworkConfig): Set<string> {
  return new Set(config.trustProxy.map(normalAddress));
}

/**
 * The client's address: the peer, or when the peer is a trusted proxy the right-most X-Forwarded-For
 * entry that is not itself a trusted proxy (entries left of it were written by the client and prove nothing).
 */
export function clientAddress(c: Context, config: NetworkConfig): string {
  return forwardedClient(peerAddress(c), c.req.header('x-forwarded-for'), config);
}

/** clientAddress without Hono: for the server's outermost handler, which sees only the socket and headers. */
export function forwardedClient(
  peer: string,
  forwardedFor: string | undefined | null,
  config: NetworkConfig,
): string {
  const proxies = trusted(config);
  if (!proxies.has(peer)) return peer;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '')
    .map(normalAddress);
  for (let i = hops.length - 1; i >= 0; i--) if (!proxies.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}

/** True when the browser reached us over https: seen directly, or said so by a trusted proxy. */
export function viaHttps(c: Context, config: NetworkConfig): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trusted(config).has(peerAddress(c))) return false;
  // The proxy nearest to us wrote the last value.
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}

/** /metrics: loopback and METRICS_ALLOW addresses, or anyone with the METRICS_TOKEN bearer; others 403. */
export function metricsAccess(config: NetworkConfig): MiddlewareHandler {
  const allow = new Set(config.metricsAllow.map(normalAddress));
  return async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (config.metricsToken !== undefined && secretMatches(config.metricsToken, token)) return next();
    const from = clientAddress(c, config);
    if (isLoopbackAddress(from) || allow.has(from)) return next();
    return c.text('Forbidden', 403);
  };
}
