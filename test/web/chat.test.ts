import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/channels/web/dashboard-data.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

const NQ57_OVERDUE_TARGETS = [
  'NQ57-03',
  'NQ57-04',
  'NQ57-07',
  'NQ57-08',
  'NQ57-21',
  'NQ57-29',
  'NQ57-36',
  'NQ57-39',
  'NQ57-40',
];

describe.each(dbKinds())('chatting through the console on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  const dashboard = async () =>
    (await (await web.get('/api/dashboard?program=NQ57')).json()) as DashboardData;

  it("shows a leader asking in Vietnamese NQ57's nine overdue targets, lights as dots", async () => {
    const [reply, ...rest] = await web.chat('P02', 'mục tiêu NQ57 nào quá hạn?');
    expect(rest).toEqual([]);
    for (const code of NQ57_OVERDUE_TARGETS) expect(reply!.html).toContain(`<code>${code}</code>`);
    expect(reply!.html).toContain('<span class="dot red" role="img" aria-label="🔴"></span>');
    expect(reply!.html).not.toContain('🔴 ');
  });

  it('answers the same question asked in English, in English', async () => {
    const [reply] = await web.chat('P03', 'which Resolution 57 targets are overdue');
    expect(reply!.html).toContain('<code>NQ57-03</code>');
    expect(reply!.html).toMatch(/overdue/i);
  });

  it("reflects on the dashboard a commune chairman's task done from the chat", async () => {
    const before = await dashboard();
    expect(before.program?.tasks.overdue).toBe(20);
    const [reply] = await web.chat('P32', 'NQ57-29.4 xong');
    expect(reply!.html).toContain('100%');
    const after = await dashboard();
    expect(after.program?.tasks.overdue).toBe(19);
    expect(after.overdueTasks.map((t) => t.code)).not.toContain('NQ57-29.4');
    expect(after.week.changes[0]).toMatchObject({
      item: 'NQ57-29.4',
      status: 'done',
      progress: 100,
      channel: 'web',
    });
    expect(after.week.done).toBe(before.week.done + 1);
    const page = await (await web.get('/dashboard/items/NQ57-29.4')).text();
    expect(page).toContain('Nguyễn Văn Tâm');
    expect(page).toContain('qua bảng điều khiển web');
  });

  it('sends back the core’s buttons and takes a press of one as the answer', async () => {
    const [ask] = await web.chat('P32', 'NQ57-29.4 50%');
    const labels = ask!.buttons.flat().map((b) => b.label);
    expect(labels).toEqual(['Có', 'Không']);
    const yes = ask!.buttons.flat().find((b) => b.label === 'Có')!;
    const res = await web.post('/api/chat', { person: 'P32', action: yes.action });
    expect(res.status).toBe(200);
    const item = (await (await web.get('/api/items/NQ57-29.4')).json()) as {
      detail: { item: { progress: number } };
    };
    expect(item.detail.item.progress).toBe(50);
  });

  it('records a resent message once', async () => {
    const body = { person: 'P33', text: 'NQ57-26.2 30%', messageId: 'resend-test-0001' };
    await web.post('/api/chat', body);
    await web.post('/api/chat', body);
    const { detail } = (await (await web.get('/api/items/NQ57-26.2')).json()) as {
      detail: { history: { progress: number | null; channel: string | null }[] };
    };
    expect(detail.history.filter((h) => h.channel === 'web' && h.progress === 30)).toHaveLength(1);
  });

  it('answers /baocao with the report’s summary and where to download the file, as Zalo does', async () => {
    const [reply, ...rest] = await web.chat('P02', '/baocao thang NQ57');
    expect(rest).toEqual([]);
    expect(reply!.html).toContain('báo cáo tình hình thực hiện tháng 7 năm 2025');
    expect(reply!.html).toContain('Số liệu tính đến ngày 15/07/2025.');
    expect(reply!.html).toContain('/reports/report.docx?program=NQ57&amp;period=2025-07');
    const [unknown] = await web.chat('P02', '/baocao XYZ');
    expect(unknown!.html).toBe('Không có chương trình XYZ. Các chương trình: CDS25, DA06, NQ57.');
  });

  it('refuses a forged button, an unknown person and a request with neither text nor action', async () => {
    expect((await web.post('/api/chat', { person: 'P02', action: 'u|<b>|d|100' })).status).toBe(400);
    expect((await web.post('/api/chat', { person: 'P99', text: 'hi' })).status).toBe(404);
    expect((await web.post('/api/chat', { person: 'P02' })).status).toBe(400);
    expect((await web.post('/api/chat', { person: 'P02', text: 'a', action: 'c|1' })).status).toBe(400);
    expect((await web.get('/api/chat', {})).status).toBe(404);
    const notJson = await web.app.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'person=P02',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a post from another site: a text/plain "JSON" form, or any body without the JSON type', async () => {
    const forged = JSON.stringify({ person: 'P10', text: 'NQ57-12.4 xong' });
    const crossSite = await web.app.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: forged,
    });
    expect(crossSite.status).toBe(403);
    const untyped = await web.app.request('http://localhost/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: forged,
    });
    expect(untyped.status).toBe(415);
    const item = (await (await web.get('/api/items/NQ57-12.4')).json()) as {
      detail: { item: { progress: number } };
    };
    expect(item.detail.item.progress).toBe(0);
  });

  it('escapes hostile text everywhere: the chat reply, the history, the dashboard and the chart', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const [reply] = await web.chat('P33', `NQ57-26.2 35% ${hostile}`);
    expect(reply!.html).not.toContain('<img');
    await web.database.db.execute(
      sql`update agencies set name_vi = ${`Xã <script>alert("x")</script>`} where code = 'X-BACPHONG'`,
    );
    await web.database.db.execute(
      sql`update tasks set title_vi = ${`Việc ${hostile}`} where code = 'NQ57-26.2'`,
    );
    for (const path of [
      '/dashboard',
      '/dashboard/items/NQ57-26.2',
      '/dashboard/items/NQ57-26',
      '/charts/agencies.svg?program=NQ57',
    ]) {
      const text = await (await web.get(path)).text();
      expect(text, path).not.toContain('<img src=x');
      expect(text, path).not.toContain('<script>alert');
    }
    const item = await (await web.get('/dashboard/items/NQ57-26.2')).text();
    expect(item).toContain('Việc &lt;img src=x onerror=alert(1)&gt;');
    expect(item).toContain('“&lt;img src=x onerror=alert(1)&gt;”');
    const page = await (await web.get('/dashboard')).text();
    expect(page).toContain('Xã &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
