import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashPassword,
  RateLimiter,
  safeNext,
  sessionToken,
  validSession,
  verifyPassword,
  isLoopback,
} from '../../src/channels/web/auth.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe('the login building blocks', () => {
  it('checks a password against its scrypt hash', () => {
    const stored = hashPassword('đúng-mật-khẩu');
    expect(verifyPassword('đúng-mật-khẩu', stored)).toBe(true);
    expect(verifyPassword('sai', stored)).toBe(false);
    expect(stored.hash.toString('hex')).not.toContain(Buffer.from('đúng').toString('hex'));
  });

  it('accepts a session only with its signature and before it expires', () => {
    const secret = Buffer.alloc(32, 7);
    const token = sessionToken(secret, 2_000);
    expect(validSession(secret, token, 1_999)).toBe(true);
    expect(validSession(secret, token, 2_000)).toBe(false);
    expect(validSession(Buffer.alloc(32, 8), token, 1_000)).toBe(false);
    expect(validSession(secret, token.replace('v1.2000', 'v1.9000'), 1_000)).toBe(false);
    expect(validSession(secret, undefined, 1_000)).toBe(false);
  });

  it('allows five tries a minute per address', () => {
    const limiter = new RateLimiter(5);
    for (let i = 0; i < 5; i++) expect(limiter.hit('a', 1_000 + i)).toBe(0);
    expect(limiter.hit('a', 1_010)).toBe(60);
    expect(limiter.hit('b', 1_010)).toBe(0);
    expect(limiter.hit('a', 61_000)).toBe(0);
  });

  it('sends people back only to a path of this site', () => {
    expect(safeNext('/dashboard?program=DA06')).toBe('/dashboard?program=DA06');
    expect(safeNext('//evil.example/')).toBe('/dashboard');
    expect(safeNext('/\\evil.example')).toBe('/dashboard');
    expect(safeNext('https://evil.example/')).toBe('/dashboard');
    expect(safeNext(undefined)).toBe('/dashboard');
  });

  it('tells loopback from the rest', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '127.1.2.3']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '192.168.1.5', '::', 'example.com']) expect(isLoopback(h), h).toBe(false);
  });
});

describe.each(dbKinds())('the console bound beyond loopback, on %s', (kind) => {
  let web: TestWeb;
  let ip = '10.0.0.1';
  beforeAll(async () => {
    web = await testWeb(kind, {
      required: true,
      passwordHash: hashPassword('s3cret-Hòa-An'),
      clientIp: () => ip,
    });
  });
  afterAll(() => web.close());

  const login = (password: string, next = '/dashboard?program=DA06') =>
    web.app.request('http://console.example/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://console.example' },
      body: new URLSearchParams({ password, next }).toString(),
    });

  it('sends a visitor without a session to the login page, and data requests get 401', async () => {
    const page = await web.get('/dashboard?program=NQ57');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fdashboard%3Fprogram%3DNQ57');
    for (const path of [
      '/api/dashboard',
      '/api/items/NQ57-12',
      '/reports/overdue.csv',
      '/charts/agencies.png?program=NQ57',
    ])
      expect((await web.get(path)).status, path).toBe(401);
    expect((await web.post('/api/chat', { person: 'P02', text: 'hi' })).status).toBe(401);
    expect((await web.get('/chat')).status).toBe(303);
    expect((await web.get('/')).status).toBe(303);
  });

  it('keeps /healthz and /metrics open: they show no programme data', async () => {
    expect((await web.get('/healthz')).status).toBe(200);
    expect((await web.get('/metrics')).status).toBe(200);
  });

  it('shows the login form, and answers a wrong password with 401', async () => {
    const form = await (await web.get('/login?next=%2Fchat')).text();
    expect(form).toContain('type="password"');
    expect(form).toContain('name="next" value="/chat"');
    ip = '10.0.0.2';
    const res = await login('wrong');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Mật khẩu không đúng.');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers the sixth try in a minute from one address with 429, even with the right password', async () => {
    ip = '10.0.0.3';
    for (let i = 0; i < 5; i++) expect((await login('wrong')).status).toBe(401);
    const res = await login('s3cret-Hòa-An');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    ip = '10.0.0.4';
    expect((await login('wrong')).status).toBe(401);
  });

  it('sets a signed, HttpOnly, SameSite=Strict session cookie for the right password, which opens the console', async () => {
    ip = '10.0.0.5';
    const res = await login('s3cret-Hòa-An');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard?program=DA06');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dondoc_session=v1\.\d+\.[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    const page = await web.get('/dashboard?program=DA06', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Đăng xuất');
    expect((await web.get('/api/dashboard', { headers: { cookie } })).status).toBe(200);
    const forged = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await web.get('/api/dashboard', { headers: { cookie: forged } })).status).toBe(401);
  });

  it('refuses a login form posted from another site', async () => {
    ip = '10.0.0.7';
    const res = await web.app.request('http://console.example/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'password=s3cret-H%C3%B2a-An',
    });
    expect(res.status).toBe(403);
  });

  it('never redirects off-site after signing in', async () => {
    ip = '10.0.0.6';
    const res = await login('s3cret-Hòa-An', '//evil.example/');
    expect(res.headers.get('location')).toBe('/dashboard');
  });
});

describe.each(dbKinds())('the console bound beyond loopback with no WEB_ADMIN_PASSWORD, on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind, { required: true });
  });
  afterAll(() => web.close());

  it('lets nobody in and says why', async () => {
    expect(await (await web.get('/login')).text()).toContain('WEB_ADMIN_PASSWORD');
    const res = await web.app.request('http://localhost/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: 'password=',
    });
    expect(res.status).toBe(401);
    expect((await web.get('/api/dashboard')).status).toBe(401);
  });
});
