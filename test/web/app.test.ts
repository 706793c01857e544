import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe.each(dbKinds())('the web app on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('answers /healthz with the database reachable', async () => {
    const res = await web.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: true });
  });

  it('serves /metrics in the Prometheus text format, counting chat messages and the outbox depth', async () => {
    await web.chat('P02', 'tổng hợp tiến độ NQ57');
    const res = await web.get('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE dondoc_messages_in_total counter\n');
    expect(text).toContain('dondoc_messages_in_total{channel="web"} 1\n');
    expect(text).toMatch(/dondoc_messages_out_total\{channel="web"\} [1-9]\d*\n/);
    expect(text).toContain('# TYPE dondoc_queue_depth gauge\ndondoc_queue_depth 0\n');
    expect(text).toContain('# TYPE dondoc_reminders_sent_total counter\n');
    expect(text).toContain('# TYPE dondoc_reminders_failed_total counter\n');
    expect(text).toContain('dondoc_reply_seconds_count{channel="web"} 1\n');
    expect(text).toContain('dondoc_http_requests_total{method="POST",route="/api/chat",status="200"} 1\n');
    // Every sample line is `name{labels} value` (the format ignores the blank lines between families).
    for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#')))
      expect(line).toMatch(/^[a-z_:]+(\{[^}]*\})? ([0-9.e+-]+|NaN|[+-]Inf)$/);
  });

  it('redirects / to the dashboard, keeping the language', async () => {
    expect((await web.get('/')).headers.get('location')).toBe('/dashboard');
    expect((await web.get('/?lang=en')).headers.get('location')).toBe('/dashboard?lang=en');
  });

  it('serves its stylesheet, script and icon itself: nothing comes from a CDN', async () => {
    for (const path of ['/assets/console.css', '/assets/chat.js', '/assets/icon.svg']) {
      expect((await web.get(path)).status, path).toBe(200);
    }
    const page = await (await web.get('/dashboard')).text();
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('sends a strict Content-Security-Policy with the pages', async () => {
    const res = await web.get('/dashboard');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers only loopback host names when there is no login (DNS rebinding)', async () => {
    expect((await web.get('/dashboard', { headers: { host: 'evil.example:3000' } })).status).toBe(403);
    expect((await web.get('/dashboard', { headers: { host: '127.0.0.1:3000' } })).status).toBe(200);
    expect((await web.get('/healthz', { headers: { host: 'evil.example' } })).status).toBe(200);
  });

  it('shows the chat page with the demo people grouped, leaders first, and a person chosen by ?as=', async () => {
    const page = await (await web.get('/chat?as=P32')).text();
    expect(page).toContain('<optgroup label="Lãnh đạo tỉnh">');
    expect(page).toContain('<optgroup label="Xã, phường">');
    expect(page).toMatch(
      /<option\s+value="P32"\s+data-role="staff"\s+selected\s*>\s*Nguyễn Văn Tâm — Chủ tịch UBND xã Tân Phú/,
    );
    expect(page).toContain('<script src="/assets/chat.js" defer></script>');
  });

  it('lists the people the console can act as', async () => {
    const { people } = (await (await web.get('/api/people')).json()) as {
      people: { code: string; role: string }[];
    };
    expect(people).toHaveLength(36);
    expect(people[0]).toMatchObject({ code: 'P01', role: 'leader' });
  });
});

describe.each(dbKinds())('the web app on an empty %s database', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind, undefined, undefined, 'empty');
  });
  afterAll(() => web.close());

  it('says in the reader’s language that there is no one to chat as yet, and how to load people', async () => {
    const vi = await web.get('/chat');
    expect(vi.status).toBe(503);
    expect(await vi.text()).toBe(
      'Chưa có ai trong danh sách: chạy `dondoc seed-demo` hoặc nhập danh sách đầu mối.',
    );
    const en = await web.get('/chat?lang=en');
    expect(en.status).toBe(503);
    expect(await en.text()).toBe(
      'No people loaded yet: run `dondoc seed-demo` or import the focal-point list.',
    );
  });
});
