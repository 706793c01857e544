import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebApp } from '../../src/channels/web/app.ts';
import { encodeHash, hashPassword, type AuthConfig } from '../../src/channels/web/auth.ts';
import { createMetrics } from '../../src/channels/web/metrics.ts';
import { createOutboxNotifier } from '../../src/reminders/notifier.ts';
import { consolePerson, setConsolePassword } from '../../src/store/console-accounts.ts';
import { rows } from '../../src/store/db.ts';
import { consoleStore } from '../../src/store/console-port.ts';
import { createStore } from '../../src/store/store.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { NOW, peer, TZ } from './helpers.ts';

const SITE = 'http://console.example';

/** The console beyond loopback on a demo database, notifications through the real outbox. */
async function consoleOn(database: TestDatabase, clock: () => number) {
  const now = () => new Date(NOW);
  const store = createStore(database.db, now);
  const auth: AuthConfig = { required: true, passwordHash: hashPassword('admin-Hòa-An-1'), clock };
  return createWebApp({
    store: consoleStore(store),
    now,
    tz: TZ,
    notify: createOutboxNotifier(database.db),
    metrics: createMetrics(),
    auth,
  });
}

type App = Awaited<ReturnType<typeof consoleOn>>;

const form = (app: App, path: string, fields: Record<string, string>, from: string, cookie?: string) =>
  app.request(
    `${SITE}${path}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: SITE,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    },
    peer(from),
  );
const login = (app: App, username: string, password: string, from: string) =>
  form(app, '/login', { username, password, next: '/dashboard' }, from);
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
const get = (app: App, path: string, cookie: string, from = '10.1.0.1') =>
  app.request(`${SITE}${path}`, { headers: { cookie } }, peer(from));

describe.each(dbKinds())('console accounts, on %s', (kind) => {
  let database: TestDatabase;
  let app: App;
  let now = Date.parse('2025-07-15T01:00:00Z');
  beforeAll(async () => {
    database = await freshDatabase(kind, 'demo');
    app = await consoleOn(database, () => now);
  });
  afterAll(() => database.close());

  const inviteLink = async (person: string) => {
    const run = await runCommand(['console-invite', person, '--json'], {
      db: database,
      now: new Date(now),
      env: { CONSOLE_URL: 'https://dondoc.example.gov.vn/' },
    });
    return { ...run, json: run.code === 0 ? (JSON.parse(run.out[0]!) as { link: string }) : null };
  };

  it('prints a one-time link for a leader, and refuses staff with the reason', async () => {
    const run = await inviteLink('P02');
    expect(run.code).toBe(0);
    expect(run.json!.link).toMatch(
      /^https:\/\/dondoc\.example\.gov\.vn\/login\/password\?token=[A-Za-z0-9_-]{43}$/,
    );
    const staff = await inviteLink('P10');
    expect(staff.code).toBe(1);
    expect(staff.err.join('\n')).toContain('only leaders and administrators sign in to the console');
    const [stored] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from console_tokens where token_hash = ${run.json!.link.split('=')[1]!}`,
    );
    expect(stored!.n).toBe(0);
  });

  it('sets a password through the link once, then signs in by person code', async () => {
    const { json } = await inviteLink('P02');
    const path = new URL(json!.link).pathname + new URL(json!.link).search;
    const token = new URL(json!.link).searchParams.get('token')!;
    const page = await app.request(`${SITE}${path}`, {}, peer('10.1.0.1'));
    expect(await page.text()).toContain('Trần Quốc Thắng (P02)');
    const short = await form(app, '/login/password', { token, password: 'ngắn', again: 'ngắn' }, '10.1.0.1');
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('ít nhất 10 ký tự');
    const set = await form(
      app,
      '/login/password',
      { token, password: 'Chủ-tịch-2025!', again: 'Chủ-tịch-2025!' },
      '10.1.0.1',
    );
    expect(set.status).toBe(303);
    const again = await form(
      app,
      '/login/password',
      { token, password: 'Khác-hẳn-2025!', again: 'Khác-hẳn-2025!' },
      '10.1.0.1',
    );
    expect(again.status).toBe(404);
    expect((await login(app, 'P02', 'Khác-hẳn-2025!', '10.1.0.2')).status).toBe(401);
    const ok = await login(app, 'p02', 'Chủ-tịch-2025!', '10.1.0.2');
    expect(ok.status).toBe(303);
    expect((await get(app, '/api/dashboard', cookieOf(ok))).status).toBe(200);
    const stored = await consolePerson(database.db, 'P02');
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain('Chủ');
  });

  it('ends every session of a person whose password changes', async () => {
    const cookie = cookieOf(await login(app, 'P02', 'Chủ-tịch-2025!', '10.1.0.3'));
    expect((await get(app, '/api/dashboard', cookie)).status).toBe(200);
    const person = await consolePerson(database.db, 'P02');
    await setConsolePassword(
      database.db,
      person!.id,
      encodeHash(hashPassword('Mới-hơn-2025!!')),
      new Date(now),
    );
    expect((await get(app, '/api/dashboard', cookie)).status).toBe(401);
    expect((await login(app, 'P02', 'Mới-hơn-2025!!', '10.1.0.3')).status).toBe(303);
  });

  it("queues a one-time code on the person's messenger, says so, and lets it sign in once", async () => {
    await database.db.execute(
      sql`insert into chat_accounts (person_id, channel, external_user_id, chat_id)
          select id, 'telegram', '5520981134407762219', '5520981134407762219' from people where code = 'P03'`,
    );
    const p03 = await consolePerson(database.db, 'P03');
    await setConsolePassword(
      database.db,
      p03!.id,
      encodeHash(hashPassword('không-dùng-tới-1')),
      new Date(now),
    );
    const res = await form(app, '/login/code', { username: 'P03', next: '/dashboard' }, '10.1.0.4');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã xếp mã đăng nhập vào hàng gửi qua Telegram');
    const [queued] = await rows<{ payload: { reply: { lines: string[][] } } }>(
      database.db,
      sql`select o.payload from outbox o join people p on p.id = o.person_id where p.code = 'P03' order by o.id desc limit 1`,
    );
    const code = /\b(\d{6})\b/.exec(JSON.stringify(queued!.payload))![1]!;
    expect((await login(app, 'P03', code, '10.1.0.4')).status).toBe(303);
    expect((await login(app, 'P03', code, '10.1.0.4')).status).toBe(401);
    // P04 has no messenger linked: nothing is claimed as sent.
    const none = await form(app, '/login/code', { username: 'P04', next: '/dashboard' }, '10.1.0.4');
    expect(none.status).toBe(503);
    expect(await none.text()).toContain('Không gửi được mã');
    const staff = await form(app, '/login/code', { username: 'P10', next: '/dashboard' }, '10.1.0.4');
    expect(staff.status).toBe(404);
  });

  it('throttles 50 guesses from 10 addresses against one account; the right password works after the back-off', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++)
      statuses.push((await login(app, 'P02', `đoán-${i}`, `203.0.113.${i % 10}`)).status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBe(50 - checked);
    // The owner, from an address the attacker never used: still locked until the back-off is over.
    expect((await login(app, 'P02', 'Mới-hơn-2025!!', '198.51.100.7')).status).toBe(429);
    now += 30_000;
    expect((await login(app, 'P02', 'Mới-hơn-2025!!', '198.51.100.7')).status).toBe(303);
  });

  it('lets the right password through a locked address only after its back-off', async () => {
    for (const account of ['P05', 'P06', 'P07', 'P08', 'P09'])
      expect((await login(app, account, 'sai-mật-khẩu', '192.0.2.50')).status).toBe(401);
    expect((await login(app, 'P02', 'Mới-hơn-2025!!', '192.0.2.50')).status).toBe(429);
    now += 30_000;
    expect((await login(app, 'P02', 'Mới-hơn-2025!!', '192.0.2.50')).status).toBe(303);
  });

  it('shares the counters between processes on one database', async () => {
    const other = await consoleOn(database, () => now);
    for (let i = 0; i < 5; i++) await login(app, 'P03', 'sai-mật-khẩu', `198.51.100.${20 + i}`);
    expect((await login(other, 'P03', 'không-dùng-tới-1', '198.51.100.30')).status).toBe(429);
    now += 30_000;
    expect((await login(other, 'P03', 'không-dùng-tới-1', '198.51.100.30')).status).toBe(303);
  });

  it('chats only as the person signed in; an admin views as someone read-only, audited', async () => {
    now += 30 * 60_000;
    const p02 = cookieOf(await login(app, 'P02', 'Mới-hơn-2025!!', '10.1.0.5'));
    const chat = (cookie: string, person: string) =>
      app.request(
        `${SITE}/api/chat`,
        {
          method: 'POST',
          headers: { cookie, origin: SITE, 'content-type': 'application/json' },
          body: JSON.stringify({ person, text: 'tiến độ NQ57-12' }),
        },
        peer('10.1.0.5'),
      );
    expect((await chat(p02, 'P02')).status).toBe(200);
    expect((await chat(p02, 'P05')).status).toBe(403);
    const page = await (await get(app, '/chat?as=P05', p02)).text();
    expect(page).toContain('value="P02"');
    expect(page).not.toContain('value="P05"');

    const admin = cookieOf(await login(app, 'admin', 'admin-Hòa-An-1', '10.1.0.6'));
    expect((await get(app, '/chat', admin)).status).toBe(403);
    const viewed = await get(app, '/dashboard/items/NQ57-10.3?as=P32', admin);
    expect(viewed.status).toBe(404);
    expect((await get(app, '/dashboard/items/NQ57-14.2?as=P32', admin)).status).toBe(200);
    expect((await get(app, '/unread?as=P32', admin)).status).toBe(403);
    const posted = await form(app, '/unread/1?as=P32', { label: 'help' }, '10.1.0.6', admin);
    expect(posted.status).toBe(403);
    const audited = await rows<{ entity_code: string; after: { path: string } }>(
      database.db,
      sql`select entity_code, after from audit_log where action = 'view_as' order by id`,
    );
    expect(audited.map((a) => [a.entity_code, a.after.path])).toEqual([
      ['P32', '/dashboard/items/NQ57-10.3'],
      ['P32', '/dashboard/items/NQ57-14.2'],
      ['P32', '/unread'],
    ]);
  });

  it("answers a signed-in person's 31st chat message within a minute with 429, in their language", async () => {
    const p02 = cookieOf(await login(app, 'P02', 'Mới-hơn-2025!!', '10.1.0.7'));
    const send = (i: number) =>
      app.request(
        `${SITE}/api/chat`,
        {
          method: 'POST',
          headers: { cookie: p02, origin: SITE, 'content-type': 'application/json' },
          body: JSON.stringify({ person: 'P02', text: 'hướng dẫn', messageId: `rate-limit-${i}` }),
        },
        peer('10.1.0.7'),
      );
    // The previous test sent one message as P02 in this same minute of the injected clock.
    now += 60_000;
    for (let i = 0; i < 30; i++) expect((await send(i)).status).toBe(200);
    const over = await send(30);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as { error: string }).error).toBe(
      'Bạn gửi quá nhanh. Vui lòng đợi một chút rồi gửi lại.',
    );
    now += 60_000;
    expect((await send(31)).status).toBe(200);
  });
});
