import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/channels/web/dashboard-data.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe.each(dbKinds())('the dashboard on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('gives every programme the demo figures: NQ57 17/43 done (39.5%), 9 overdue, 117 tasks, 20 late', async () => {
    const data = (await (await web.get('/api/dashboard?program=nq57')).json()) as DashboardData;
    expect(data.today).toBe('2025-07-15');
    expect(data.program?.program).toBe('NQ57');
    expect(data.program?.targets).toMatchObject({ total: 43, done: 17, overdue: 9 });
    const t = data.program!.targets;
    // Two partitions of the same 43: the work status, and the status grid.
    expect(t.notStarted + t.inProgress + t.blocked + t.done).toBe(43);
    expect(t.doneOnTime + t.doneLate + t.openInTime + t.overdue + t.ongoing).toBe(43);
    expect(t.doneOnTime + t.doneLate).toBe(t.done);
    expect(data.percentDone).toBeCloseTo(39.53, 2);
    expect(data.program?.tasks).toMatchObject({ total: 117, overdue: 20 });
    expect(data.overdueTargets).toHaveLength(9);
    expect(data.overdueTasks).toHaveLength(20);
    const summary = Object.fromEntries(
      data.programs.map((p) => [
        p.program,
        [p.targets.total, p.targets.done, p.targets.overdue, p.tasks.total, p.tasks.overdue],
      ]),
    );
    expect(summary).toEqual({
      NQ57: [43, 17, 9, 117, 20],
      DA06: [12, 5, 3, 29, 8],
      CDS25: [15, 6, 3, 32, 8],
    });
  });

  it('lists overdue items most late first, with days late and owner', async () => {
    const data = (await (await web.get('/api/dashboard?program=NQ57')).json()) as DashboardData;
    const lateness = data.overdueTasks.map((t) => t.daysLate);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    expect(data.overdueTasks.every((t) => t.assignee !== null && t.daysLate > 0)).toBe(true);
    expect(data.overdueTargets[0]).toMatchObject({ code: 'NQ57-03', daysLate: 15 });
  });

  it('adds up the agencies to the programme, worst agency first', async () => {
    const data = (await (await web.get('/api/dashboard?program=NQ57')).json()) as DashboardData;
    expect(data.agencies.reduce((n, a) => n + a.tasks.total, 0)).toBe(117);
    expect(data.agencies.reduce((n, a) => n + a.tasks.overdue, 0)).toBe(20);
    const overdue = data.agencies.map((a) => a.tasks.overdue);
    expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  });

  it("shows the week's changes up to now, newest first", async () => {
    const data = (await (await web.get('/api/dashboard?program=NQ57')).json()) as DashboardData;
    expect(data.week.total).toBeGreaterThan(0);
    const times = data.week.changes.map((c) => Date.parse(String(c.at)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The demo has an update at 09:38 on the 15th: after 08:00, so not yet.
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse('2025-07-15T08:00:00+07:00'));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2025-07-08T08:00:00+07:00'));
  });

  it('renders the page in Vietnamese by default: 39,5%, the tiles, the chart and the overdue tables', async () => {
    const res = await web.get('/dashboard');
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<span class="pct" data-testid="percent">39,5%</span>');
    expect(page).toContain('17/43 chỉ tiêu hoàn thành');
    expect(page).toContain('Chỉ tiêu quá hạn (9)');
    expect(page).toContain('Nhiệm vụ quá hạn (20)');
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(page).toContain('href="/reports/status.xlsx?program=NQ57"');
    expect(page).toContain('href="/reports/overdue.csv?program=NQ57"');
  });

  it('switches to English with ?lang=en and keeps it in its links', async () => {
    const page = await (await web.get('/dashboard?program=DA06&lang=en')).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('41.7%');
    expect(page).toContain('5 of 12 targets done');
    expect(page).toContain('href="/dashboard?program=NQ57&amp;lang=en"');
    expect(page).toMatch(/href="\/dashboard\?program=DA06"\s+lang="vi"/);
  });

  it('drills down to a target, its tasks and their update history', async () => {
    const res = await web.get('/dashboard/items/nq57-12');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Phủ sóng 5G đến 100% xã, phường');
    for (const task of ['NQ57-12.1', 'NQ57-12.2', 'NQ57-12.3', 'NQ57-12.4'])
      expect(page).toContain(`data-testid="task-${task}"`);
    expect(page).toContain('“Đã lắp đặt 12/20 trạm BTS”');
    expect(page).toContain('Trịnh Thu Trang');

    const json = (await (await web.get('/api/items/NQ57-12')).json()) as {
      tasks: { item: { code: string }; history: unknown[] }[];
    };
    expect(json.tasks.map((t) => [t.item.code, t.history.length])).toEqual([
      ['NQ57-12.1', 1],
      ['NQ57-12.2', 2],
      ['NQ57-12.3', 3],
      ['NQ57-12.4', 0],
    ]);
  });

  it('drills down to a task with a link back to its target, and 404s an unknown code', async () => {
    const page = await (await web.get('/dashboard/items/NQ57-12.3')).text();
    expect(page).toContain('href="/dashboard/items/NQ57-12"');
    expect((await web.get('/dashboard/items/NQ57-999')).status).toBe(404);
    expect((await web.get('/dashboard/items/%3Cscript%3E')).status).toBe(404);
    expect((await web.get('/api/items/NQ57-999')).status).toBe(404);
  });

  it('serves the agency chart as SVG and as PNG', async () => {
    const svg = await web.get('/charts/agencies.svg?program=NQ57');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await svg.text()).toContain('Sở Khoa học và Công nghệ');
    const png = await web.get('/charts/agencies.png?program=NQ57&lang=en');
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await web.get('/charts/agencies.png?program=XYZ')).status).toBe(404);
  });
});
