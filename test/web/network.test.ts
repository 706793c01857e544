// Who may scrape /metrics, and what a reverse proxy's forwarded headers are worth: only a TRUST_PROXY
// peer's X-Forwarded-For/-Proto count; anyone else's are ignored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/channels/web/auth.ts';
import { consoleExposure } from '../../src/channels/web/network.ts';
import { loadConfig } from '../../src/config.ts';
import { dbKinds } from '../helpers/db.ts';
import { peer, testWeb, type TestWeb } from './helpers.ts';

const TOKEN = 'scrape-token-0123456789';

describe.each(dbKinds())('/metrics on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(
      kind,
      { required: false },
      { trustProxy: ['10.0.0.2'], metricsAllow: ['10.0.0.7'], metricsToken: TOKEN },
    );
  });
  afterAll(() => web.close());

  it('answers loopback and METRICS_ALLOW addresses, refuses any other', async () => {
    for (const from of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.7'])
      expect((await web.get('/metrics', {}, from)).status, from).toBe(200);
    for (const from of ['10.0.0.8', '203.0.113.9', '::ffff:10.0.0.8'])
      expect((await web.get('/metrics', {}, from)).status, from).toBe(403);
  });

  it('opens to the METRICS_TOKEN bearer from anywhere, and to no other token', async () => {
    const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
    expect((await web.get('/metrics', bearer(TOKEN), '203.0.113.9')).status).toBe(200);
    expect((await web.get('/metrics', bearer(`${TOKEN}x`), '203.0.113.9')).status).toBe(403);
    expect((await web.get('/metrics', bearer(''), '203.0.113.9')).status).toBe(403);
  });

  it('ignores X-Forwarded-For from an untrusted peer, and reads it from a trusted proxy', async () => {
    const claims = (xff: string) => ({ headers: { 'x-forwarded-for': xff } });
    expect((await web.get('/metrics', claims('127.0.0.1'), '203.0.113.9')).status).toBe(403);
    // Through the proxy the client is the outside address, even when the client prepends a loopback one.
    expect((await web.get('/metrics', claims('127.0.0.1, 203.0.113.9'), '10.0.0.2')).status).toBe(403);
    expect((await web.get('/metrics', claims('10.0.0.7'), '10.0.0.2')).status).toBe(200);
  });
});

describe.each(dbKinds())('session cookies and forwarded headers, on %s', (kind) => {
  const login = (
    web: TestWeb,
    from: string,
    headers: Record<string, string> = {},
    password = 'pw-Hòa-An-42',
    username = 'admin',
  ) =>
    web.app.request(
      'http://console.example/login',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://console.example',
          ...headers,
        },
        body: new URLSearchParams({ username, password, next: '/dashboard' }).toString(),
      },
      peer(from),
    );
  const network = { trustProxy: ['10.0.0.2'], metricsAllow: [] };
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind, { required: true, passwordHash: hashPassword('pw-Hòa-An-42') }, network);
  });
  afterAll(() => web.close());

  it('marks the cookie Secure when a trusted proxy says https, not when anyone else says it', async () => {
    const proxied = await login(web, '10.0.0.2', { 'x-forwarded-proto': 'https' });
    expect(proxied.status).toBe(303);
    expect(proxied.headers.get('set-cookie')).toMatch(/; Secure/);
    const forged = await login(web, '203.0.113.9', { 'x-forwarded-proto': 'https' });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('marks every cookie Secure when the server says so (TRUST_PROXY set, or bound beyond loopback)', async () => {
    const strict = await testWeb(
      kind,
      { required: true, passwordHash: hashPassword('pw-Hòa-An-42'), secureCookies: true },
      network,
    );
    const res = await login(strict, '203.0.113.9');
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    await strict.close();
  });

  it('counts login tries per forwarded client behind the proxy, per peer for anyone else', async () => {
    // Five wrong tries from one client behind the proxy lock that client, not the next one (each try
    // names another account, so only the address counts up).
    const via = (client: string, i: number) =>
      login(web, '10.0.0.2', { 'x-forwarded-for': client }, 'wrong', `P0${i}`);
    for (let i = 0; i < 5; i++) expect((await via('198.51.100.1', i)).status).toBe(401);
    expect((await via('198.51.100.1', 5)).status).toBe(429);
    expect((await via('198.51.100.2', 6)).status).toBe(401);
    // A direct client cannot escape its own lock by writing X-Forwarded-For.
    for (let i = 0; i < 5; i++)
      await login(web, '203.0.113.50', { 'x-forwarded-for': `192.0.2.${i}` }, 'wrong', `P1${i}`);
    expect(
      (await login(web, '203.0.113.50', { 'x-forwarded-for': '192.0.2.99' }, 'wrong', 'P19')).status,
    ).toBe(429);
  });
});

describe('TRUST_PROXY, METRICS_ALLOW, METRICS_TOKEN and INSECURE_COOKIES in the environment', () => {
  it('reads address lists and refuses what is not an address, naming the variable', () => {
    const cfg = loadConfig({
      TRUST_PROXY: '127.0.0.1, ::1',
      METRICS_ALLOW: '10.0.0.5',
      INSECURE_COOKIES: '1',
    });
    expect(cfg.TRUST_PROXY).toEqual(['127.0.0.1', '::1']);
    expect(cfg.METRICS_ALLOW).toEqual(['10.0.0.5']);
    expect(cfg.INSECURE_COOKIES).toBe('1');
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/^TRUST_PROXY: /);
    expect(() => loadConfig({ METRICS_ALLOW: '10.0.0.0/8' })).toThrow(/^METRICS_ALLOW: /);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: /);
    expect(() => loadConfig({ INSECURE_COOKIES: 'yes' })).toThrow(/^INSECURE_COOKIES: /);
  });
});

describe('HOST, TRUST_PROXY and INSECURE_COOKIES decide the login and the Secure cookie', () => {
  const exposure = (host: string, trustProxy: string[] = [], insecureCookies = false) =>
    consoleExposure({ host, trustProxy, insecureCookies });

  it('on loopback: no login, and a cookie that may travel over plain http', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1'])
      expect(exposure(host), host).toEqual({ loginRequired: false, secureCookies: false });
  });

  it('bound beyond loopback (every interface or a public address): a login and Secure cookies', () => {
    for (const host of ['0.0.0.0', '::', '203.0.113.10', '192.168.1.5'])
      expect(exposure(host), host).toEqual({ loginRequired: true, secureCookies: true });
  });

  it('on loopback behind a trusted proxy: a login and Secure cookies (the proxy speaks TLS)', () => {
    expect(exposure('127.0.0.1', ['127.0.0.1'])).toEqual({ loginRequired: true, secureCookies: true });
  });

  it('INSECURE_COOKIES=1 drops Secure on purpose, and never the login', () => {
    expect(exposure('0.0.0.0', [], true)).toEqual({ loginRequired: true, secureCookies: false });
    expect(exposure('127.0.0.1', ['127.0.0.1'], true)).toEqual({
      loginRequired: true,
      secureCookies: false,
    });
  });
});
