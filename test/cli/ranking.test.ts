// Issue 14: `dondoc ranking` — the agencies' on-time rate (tracking model) for a period, lowest first.
// Every expectation below was computed by hand from the demo's CSV files: a task counts when it is
// due on or before the period's end B and was not finished before its start A; on time = finished on
// or before its due day (and by B); overdue = not done at B and due before B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');

interface Rank {
  agency: string;
  on_time_rate: number | null;
  done_on_time: number;
  done_late: number;
  open_in_time: number;
  open_overdue: number;
  ongoing: number;
}

/** agency, on time, late, open in time, overdue — in the expected order. */
type Row = [string, number, number, number, number];

const YEAR_TO_DATE: Row[] = [
  ['X-BACPHONG', 0, 0, 0, 2],
  ['X-TANPHU', 0, 0, 0, 2],
  ['X-DONGSON', 0, 0, 0, 1],
  ['SGDDT', 2, 1, 0, 3],
  ['STC', 2, 0, 0, 2],
  ['BQLKKT', 1, 0, 0, 1],
  ['SVHTTDL', 2, 1, 0, 1],
  ['SYT', 4, 1, 0, 2],
  ['TTHCC', 3, 0, 1, 1],
  ['CA', 7, 1, 0, 3],
  ['SNV', 9, 1, 0, 4],
  ['SKHCN', 26, 3, 1, 10],
  ['SCT', 2, 0, 0, 1],
  ['LUUTRU', 2, 0, 0, 1],
  ['SNNMT', 3, 0, 0, 1],
  ['VPUB', 6, 1, 0, 1],
  ['STP', 3, 1, 0, 0],
  ['P-LONGTHANH', 2, 0, 0, 0],
  ['P-NGOCLAM', 1, 0, 0, 0],
  ['X-MYLOC', 0, 0, 0, 0],
];

// NQ57 in the second quarter, judged at 30/6: tasks finished in July were not done yet then.
const NQ57_Q2: Row[] = [
  ['SGDDT', 1, 0, 2, 1],
  ['STC', 1, 0, 1, 1],
  ['BQLKKT', 1, 0, 1, 0],
  ['SYT', 1, 1, 0, 0],
  ['CA', 2, 0, 1, 0],
  ['SCT', 2, 0, 1, 0],
  ['STP', 2, 1, 0, 0],
  ['LUUTRU', 2, 0, 1, 0],
  ['SKHCN', 16, 2, 5, 0],
  ['SNV', 5, 1, 0, 1],
  ['VPUB', 4, 1, 0, 0],
  ['P-LONGTHANH', 1, 0, 0, 0],
  ['SNNMT', 3, 0, 0, 0],
  ['SVHTTDL', 2, 0, 0, 0],
  ['TTHCC', 3, 0, 0, 0],
  ['P-NGOCLAM', 0, 0, 0, 0],
  ['X-BACPHONG', 0, 0, 0, 0],
  ['X-DONGSON', 0, 0, 0, 0],
  ['X-TANPHU', 0, 0, 0, 0],
];

function expected(list: Row[]): Rank[] {
  return list.map(([agency, onTime, late, inTime, overdue]) => {
    const due = onTime + late + inTime + overdue;
    return {
      agency,
      on_time_rate: due === 0 ? null : onTime / due,
      done_on_time: onTime,
      done_late: late,
      open_in_time: inTime,
      open_overdue: overdue,
      ongoing: 0,
    };
  });
}

describe.each(dbKinds())('dondoc ranking on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  const run = (...argv: string[]) => runCommand(argv, { now: NOW, db: t });
  const json = async (...argv: string[]): Promise<Rank[]> => {
    const r = await run('ranking', '--json', ...argv);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    return r.out.map((l) => JSON.parse(l) as Rank);
  };

  it('with no period ranks the year to date, lowest rate first, ties by more overdue then name', async () => {
    expect(await json('--now', '2025-07-15')).toEqual(expected(YEAR_TO_DATE));
    expect(await json('--now', '2025-07-15', '--period', '2025')).toEqual(expected(YEAR_TO_DATE));
  });

  it('judges a past quarter at its last day, for one programme', async () => {
    const got = await json('--now', '2025-07-15', '--program', 'nq57', '--period', '2025-Q2');
    expect(got).toEqual(expected(NQ57_Q2));
    const range = await json(
      '--now',
      '2025-07-15',
      '--program',
      'NQ57',
      '--period',
      '2025-04-01..2025-06-30',
    );
    expect(range).toEqual(got);
  });

  it('prints a table with names and rates for a person', async () => {
    const r = await run('ranking', '--now', '2025-07-15');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^#\tagency\ton-time/);
    expect(r.out[1]).toBe('1\tX-BACPHONG\t0.0 %\t0\t0\t2\t2\tXã Bắc Phong');
    expect(r.out).toContain('12\tSKHCN\t65.0 %\t26\t3\t10\t40\tSở Khoa học và Công nghệ');
    expect(r.err).toEqual(['period 2025-01-01..2025-07-15, judged on 2025-07-15']);
  });

  it('refuses a period it cannot read (exit 2) and a programme it does not know (exit 1)', async () => {
    const bad = await run('ranking', '--period', '2025-Q5');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/^--period: not a period/);
    const unknown = await run('ranking', '--program', 'XYZ');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toEqual(['error: unknown programme: XYZ']);
  });
});
