import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeHash,
  encodeHash,
  hashPassword,
  safeNext,
  syncBootstrapAdmin,
  verifyPassword,
} from '../../src/channels/web/auth.ts';
import { isLoopback } from '../../src/channels/web/network.ts';
import { sql } from 'drizzle-orm';
import { consoleAccounts } from '../../src/store/console-port.ts';
import { rows } from '../../src/store/db.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe('the login building blocks', () => {
  it('checks a password against its scrypt hash', () => {
    const stored = hashPassword('đúng-mật-khẩu');
    expect(verifyPassword('đúng-mật-khẩu', stored)).toBe(true);
    expect(verifyPassword('sai', stored)).toBe(false);
    expect(stored.hash.toString('hex')).not.toContain(Buffer.from('đúng').toString('hex'));
  });

  it('stores a hash as text and reads it back, refusing anything else', () => {
    const stored = hashPassword('đúng-mật-khẩu');
    const text = encodeHash(stored);
    expect(text).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(verifyPassword('đúng-mật-khẩu', decodeHash(text)!)).toBe(true);
    expect(decodeHash('plain')).toBeNull();
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
  let now = Date.parse('2025-07-15T01:00:00Z');
  beforeAll(async () => {
    web = await testWeb(kind, {
      required: true,
      passwordHash: hashPassword('s3cret-Hòa-An'),
      clientIp: () => ip,
      clock: () => now,
    });
  });
  afterAll(() => web.close());

  const login = (password: string, next = '/dashboard?program=DA06') =>
    web.app.request('http://console.example/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://console.example' },
      body: new URLSearchParams({ username: 'admin', password, next }).toString(),
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
    expect(await res.text()).toContain('Tài khoản hoặc mật khẩu không đúng.');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('answers the sixth try after five failures with 429, even with the right password, until the back-off is over', async () => {
    ip = '10.0.0.3';
    // With the one wrong try before, four: still under the five free ones.
    for (let i = 0; i < 3; i++) expect((await login('wrong')).status).toBe(401);
    const res = await login('s3cret-Hòa-An');
    expect(res.status).toBe(303);
    // The right password cleared the count; five more wrong ones lock the address and the account.
    for (let i = 0; i < 5; i++) expect((await login('wrong')).status).toBe(401);
    const locked = await login('s3cret-Hòa-An');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(30);
    now += 30_000;
    expect((await login('s3cret-Hòa-An')).status).toBe(303);
  });

  it('sets a random, HttpOnly, SameSite=Strict session cookie for the right password, which opens the console', async () => {
    ip = '10.0.0.5';
    const res = await login('s3cret-Hòa-An');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard?program=DA06');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dondoc_session=[A-Za-z0-9_-]{43};/);
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

  it('rejects a captured cookie once its session logged out', async () => {
    ip = '10.0.0.8';
    const cookie = (await login('s3cret-Hòa-An')).headers.get('set-cookie')!.split(';')[0]!;
    expect((await web.get('/api/dashboard', { headers: { cookie } })).status).toBe(200);
    const out = await web.app.request('http://console.example/logout', {
      method: 'POST',
      headers: { cookie, origin: 'http://console.example' },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/dondoc_session=;/);
    // The attacker kept a copy of the cookie: the database says it is revoked.
    expect((await web.get('/api/dashboard', { headers: { cookie } })).status).toBe(401);
    const [row] = await rows<{ revoked: boolean }>(
      web.database.db,
      sql`select revoked_at is not null as revoked from console_sessions order by id desc limit 1`,
    );
    expect(row!.revoked).toBe(true);
  });

  it('ends a session left idle for two hours, and keeps one in use', async () => {
    ip = '10.0.0.9';
    const busy = (await login('s3cret-Hòa-An')).headers.get('set-cookie')!.split(';')[0]!;
    const idle = (await login('s3cret-Hòa-An')).headers.get('set-cookie')!.split(';')[0]!;
    for (let i = 0; i < 3; i++) {
      now += 50 * 60_000;
      expect((await web.get('/api/dashboard', { headers: { cookie: busy } })).status).toBe(200);
    }
    expect((await web.get('/api/dashboard', { headers: { cookie: idle } })).status).toBe(401);
  });

  it("ends the bootstrap admin's sessions when WEB_ADMIN_PASSWORD changes, not when it stays", async () => {
    ip = '10.0.0.10';
    const first = await syncBootstrapAdmin(consoleAccounts(web.database.db), 'old-Hòa-An-1', new Date(now));
    const cookie = (await login('s3cret-Hòa-An')).headers.get('set-cookie')!.split(';')[0]!;
    const same = await syncBootstrapAdmin(consoleAccounts(web.database.db), 'old-Hòa-An-1', new Date(now));
    expect(same.revoked).toBe(0);
    expect(verifyPassword('old-Hòa-An-1', same.hash!)).toBe(true);
    expect(same.hash!.salt.equals(first.hash!.salt)).toBe(true);
    expect((await web.get('/api/dashboard', { headers: { cookie } })).status).toBe(200);
    const changed = await syncBootstrapAdmin(consoleAccounts(web.database.db), 'new-Hòa-An-2', new Date(now));
    expect(changed.revoked).toBeGreaterThan(0);
    expect((await web.get('/api/dashboard', { headers: { cookie } })).status).toBe(401);
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
