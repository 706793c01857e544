// The dashboard's league table: for the programme and period shown, the same agencies in the same
// order with the same counts as `dondoc ranking --json` on the same database and day (one query, one
// count definition), the year to date by default, and a clear line for a period that is not one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardData } from '../../src/channels/web/dashboard-data.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds } from '../helpers/db.ts';
import { NOW, testWeb, type TestWeb } from './helpers.ts';

interface CliRank {
  agency: string;
  on_time_rate: number | null;
  done_on_time: number;
  done_late: number;
  open_overdue: number;
}

describe.each(dbKinds())('the dashboard’s agency ranking on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  const cli = async (...argv: string[]): Promise<CliRank[]> => {
    const r = await runCommand(['ranking', '--json', '--now', '2025-07-15', ...argv], {
      now: NOW,
      db: web.database,
    });
    expect(r.code).toBe(0);
    return r.out.map((l) => JSON.parse(l) as CliRank);
  };
  const api = async (query: string) =>
    ((await (await web.get(`/api/dashboard?${query}`)).json()) as DashboardData).ranking;
  /** The table's rows as the page shows them: agency code, rate text, on time, late, overdue. */
  const table = async (query: string): Promise<string[][]> => {
    const page = await (await web.get(`/dashboard?${query}`)).text();
    const section = page.slice(page.indexOf('id="ranking"'));
    return [...section.matchAll(/<tr data-agency="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [
      m[1]!,
      ...[...m[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
        c[1]!
          .replace(/<svg[\s\S]*?<\/svg>/g, '')
          .replace(/<[^>]+>/g, '')
          .trim(),
      ),
    ]);
  };
  /** The shown rate ("37,5%", "40%", "–") as a share 0–1, to compare with the CLI's number. */
  const shown = (text: string): number | null =>
    text === '–' ? null : Math.round(Number(text.replace('%', '').replace(',', '.')) * 10) / 1000;
  const tenth = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 1000);

  for (const [label, query, argv] of [
    ['the year to date by default', 'program=NQ57', ['--program', 'NQ57']],
    ['a past quarter', 'program=NQ57&period=2025-Q2', ['--program', 'NQ57', '--period', '2025-Q2']],
    ['this month of DA06', 'program=DA06&period=2025-07', ['--program', 'DA06', '--period', '2025-07']],
  ] as const) {
    it(`${label}: the same agencies, order and counts as dondoc ranking`, async () => {
      const expected = await cli(...argv);
      expect(expected.length).toBeGreaterThan(3);
      const json = await api(query);
      expect(json.rows.map((r) => [r.agency, r.onTimeRate, r.counts.doneOnTime, r.counts.overdue])).toEqual(
        expected.map((r) => [r.agency, r.on_time_rate, r.done_on_time, r.open_overdue]),
      );
      expect((await table(query)).map((r) => [r[0], shown(r[3]!), r[4], r[5], r[6]])).toEqual(
        expected.map((r) => [
          r.agency,
          tenth(r.on_time_rate),
          String(r.done_on_time),
          String(r.done_late),
          String(r.open_overdue),
        ]),
      );
    });
  }

  it('a quarter is judged at its last day: NQ57 in Q2 leads with the Department of Education (1 on time, 1 overdue)', async () => {
    const json = await api('program=NQ57&period=2025-Q2');
    expect(json.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(json.end).toBe('2025-06-30');
    expect(json.rows[0]).toMatchObject({
      agency: 'SGDDT',
      counts: { doneOnTime: 1, doneLate: 0, overdue: 1 },
    });
  });

  it('a period that is not one is said so, and the year to date is shown', async () => {
    const page = await (await web.get('/dashboard?program=NQ57&period=2025-13')).text();
    expect(page).toContain('Kỳ “2025-13” không hợp lệ');
    const json = await api('program=NQ57&period=2025-13');
    expect(json.period).toEqual({ from: '2025-01-01', to: '2025-07-15' });
    expect(json.rows.map((r) => r.agency)).toEqual((await cli('--program', 'NQ57')).map((r) => r.agency));
    const en = await (await web.get('/dashboard?program=NQ57&lang=en')).text();
    expect(en).toContain('Agencies by on-time rate');
  });
});
