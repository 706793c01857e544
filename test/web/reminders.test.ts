// The console's reminders preview: each person and the full text of every message the next cycle sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/channels/web/auth.ts';
import { escapeText } from '../../src/channels/web/html.ts';
import { outboxStats } from '../../src/store/outbox.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds } from '../helpers/db.ts';
import { registerPeople } from '../reminders/delivery.ts';
import { NOW, testWeb, type TestWeb } from './helpers.ts';

/** The markup of one person's section of the page. */
function section(page: string, person: string): string {
  const start = page.indexOf(`data-testid="person-${person}"`);
  if (start < 0) return '';
  return page.slice(start, page.indexOf('</section>', start));
}

describe.each(dbKinds())('the reminders preview page, on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
    await registerPeople(web.database.db, { except: ['P08'] });
  });
  afterAll(() => web.close());

  it("lists tomorrow's messages per person, each in full, exactly as remind --dry-run renders them", async () => {
    const res = await web.get('/reminders');
    expect(res.status).toBe(200);
    const page = await res.text();
    // The app's clock says Tuesday 15 July: tomorrow's cycle is REMINDER_CRON's 08:00 on the 16th.
    expect(page).toContain('Tin nhắc việc dự kiến ngày 16/07/2025');
    expect(page).toContain('Lượt nhắc lúc 08:00');
    expect(page).toMatch(/aria-current="page"\s*>Nhắc việc<\/a/);
    const cli = await runCommand(['remind', '--dry-run', '--json', '--now', '2025-07-16T08:00:00+07:00'], {
      db: web.database,
      now: NOW,
    });
    const planned = cli.out.map((l) => JSON.parse(l) as { person: string; text: string | null });
    expect(planned.length).toBeGreaterThan(20);
    for (const m of planned) {
      const mine = section(page, m.person);
      if (m.text === null) expect(mine, m.person).toContain('tin này không gửi được');
      else expect(mine, m.person).toContain(`<pre class="message">${escapeText(m.text)}</pre>`);
    }
    expect(section(page, 'P02')).toContain('📊 Tổng hợp ngày 16/07/2025');
    const people = new Set(planned.map((m) => m.person)).size;
    expect(page).toContain(`${planned.length} tin nhắn cho ${people} người`);
    // A preview records nothing.
    expect(await outboxStats(web.database.db)).toEqual({ pending: 0, sent: 0, failed: 0, unreachable: 0 });
  });

  it('shows another day with ?day=, in English with ?lang=en, and says when no cycle runs', async () => {
    const en = await (await web.get('/reminders?day=2025-07-15&lang=en')).text();
    expect(en).toContain('Reminders planned for 15 Jul 2025');
    expect(en).toContain('The cycle at 08:00');
    expect(section(en, 'P02')).toContain('📊 Tổng hợp ngày 15/07/2025');
    // Saturday: REMINDER_CRON (working days at 08:00) does not run.
    const saturday = await (await web.get('/reminders?day=2025-07-19')).text();
    expect(saturday).toContain('Ngày này không có lượt nhắc việc nào');
    expect(saturday).not.toContain('data-testid="person-');
    const bad = await web.get('/reminders?day=2025-02-30');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Ngày không hợp lệ');
  });
});

describe.each(dbKinds())('the reminders preview beyond loopback, on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind, { required: true, passwordHash: hashPassword('s3cret-Hòa-An') });
  });
  afterAll(() => web.close());

  it('asks for the console login like every other page', async () => {
    const res = await web.get('/reminders?day=2025-07-16');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Freminders%3Fday%3D2025-07-16');
  });
});
