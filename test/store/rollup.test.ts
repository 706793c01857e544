// The maintained counts (count_rollup) are a cache of src/store/counts.ts: read from them, the
// summary and the dashboard give the numbers a full count of the item rows gives, at any date, and
// they stay equal to a recount through update, re-assignment, import-like bulk writes and deletions.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidUpdateError } from '../../src/core/errors.ts';
import type { Scope } from '../../src/core/ports.ts';
import type {
  AgencyCode,
  ItemCode,
  ItemStatus,
  LocalDate,
  Percent,
  PersonCode,
  Period,
  ProgramCode,
} from '../../src/core/types.ts';
import { agencyBuckets, programBuckets } from '../../src/store/dashboard.ts';
import { rows } from '../../src/store/db.ts';
import { summary } from '../../src/store/queries.ts';
import { rebuildRollup, rollupDifferences } from '../../src/store/rollup.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { dbKinds, expectConsistent, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const DAYS = ['2024-06-30', '2025-07-15', '2025-07-16', '2025-12-31', '2027-01-01'];
const PERIODS: Array<Period | null> = [
  null,
  { from: '2025-07-01' as LocalDate, to: '2025-09-30' as LocalDate },
  { from: '2025-01-01' as LocalDate, to: '2025-12-31' as LocalDate },
];

/** A small deterministic generator: the same traffic on every run and both databases. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

async function expectSameCounts(t: TestDatabase): Promise<void> {
  expect(await rollupDifferences(t.db)).toEqual([]);
  const [codes] = await rows<{ programs: string[]; agencies: string[] }>(
    t.db,
    sql`select (select array_agg(code order by code) from programs) as programs,
               (select array_agg(code order by code) from agencies) as agencies`,
  );
  const { programs, agencies } = codes!;
  const scopes: Scope[] = [
    { program: null, agency: null },
    ...programs.map((p) => ({ program: p as ProgramCode, agency: null })),
    ...agencies.slice(0, 2).map((a) => ({ program: null, agency: a as AgencyCode })),
  ];
  let nonEmpty = 0;
  for (const day of DAYS as LocalDate[]) {
    for (const scope of scopes) {
      for (const period of PERIODS) {
        const kept = await summary(t.db, scope, day, period, TZ, 'rollup');
        expect(kept).toEqual(await summary(t.db, scope, day, period, TZ, 'rows'));
        nonEmpty += kept.programs.reduce((n, p) => n + p.tasks.total, 0);
      }
    }
    expect(await programBuckets(t.db, day, TZ, 'rollup')).toEqual(
      await programBuckets(t.db, day, TZ, 'rows'),
    );
    for (const p of programs) {
      const program = p as ProgramCode;
      expect(await agencyBuckets(t.db, program, day, TZ, 'rollup')).toEqual(
        await agencyBuckets(t.db, program, day, TZ, 'rows'),
      );
    }
  }
  // Equal because there is something to count, not because both are empty.
  expect(nonEmpty).toBeGreaterThan(0);
}

describe.each(dbKinds())('maintained counts on %s', (kind) => {
  let t: TestDatabase;
  let store: Store;
  const NOW = new Date('2030-01-01T00:00:00Z');
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    store = createStore(t.db, () => NOW, TZ);
  });
  afterAll(() => t.close());

  it('equal a full count on the demo as loaded, at every date and in every scope', async () => {
    await expectSameCounts(t);
  }, 60_000);

  it('stay equal through random updates and re-assignments, each in its own transaction', async () => {
    const next = random(17);
    const tasks = await rows<{ code: string }>(t.db, sql`select code from tasks order by code`);
    const people = await rows<{ code: string }>(t.db, sql`select code from people order by code`);
    const statuses: Array<ItemStatus | null> = ['not_started', 'in_progress', 'blocked', 'done', null];
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let at = Date.parse('2025-07-16T00:00:00Z'); // after the demo's own updates
    let recorded = 0;
    for (let i = 0; i < 150; i++) {
      at += Math.floor(next() * 36) * 3_600_000; // up to a day and a half apart: some finish late
      const item = pick(tasks).code as ItemCode;
      if (next() < 0.15) {
        await store.reassign({
          task: item,
          assignee: pick(people).code as PersonCode,
          by: null,
          at: new Date(at),
          channel: 'cli',
        });
        continue;
      }
      const status = pick(statuses);
      const progress = status === 'done' ? 100 : status === null ? Math.floor(next() * 99) : null;
      try {
        await store.recordUpdate({
          item,
          person: pick(people).code as PersonCode,
          at: new Date(at),
          progress: progress as Percent | null,
          status,
          note: null,
          channel: 'cli',
          messageId: null,
        });
        recorded++;
      } catch (err) {
        if (!(err instanceof InvalidUpdateError)) throw err;
      }
    }
    expect(recorded).toBeGreaterThan(80);
    await expectSameCounts(t);
    await expectConsistent(t.db);
  }, 120_000);

  it('follow bulk writes, a target moved to another programme, and a target deleted with its tasks', async () => {
    await t.db
      .execute(sql`update tasks set status = 'done', progress = 100, completed_at = due_date + interval '3 days'
                            where id % 7 = 0 and status <> 'done'`);
    await t.db.execute(sql`update tasks set due_date = due_date + 30 where id % 5 = 0`);
    // Ongoing tasks (no due day) and targets, counted apart.
    await t.db.execute(sql`update tasks set due_date = null where id % 11 = 0`);
    await t.db.execute(sql`update targets set due_date = null where id % 4 = 0`);
    await t.db.execute(sql`update targets set program_id = (select max(id) from programs)
                            where id = (select min(id) from targets)`);
    await t.db.execute(sql`delete from targets where id = (select max(t.target_id) from tasks t)`);
    expect(await rollupDifferences(t.db)).toEqual([]);
    await expectSameCounts(t);
  });

  it('a rebuild gives the same counts, and check reports a bucket that drifted', async () => {
    await t.db.execute(
      sql`update count_rollup set n = n + 1 where id = (select min(id) from count_rollup where n > 0)`,
    );
    const drift = await rollupDifferences(t.db);
    expect(drift).toHaveLength(1);
    expect(drift[0]!.kept).toBe(drift[0]!.recounted + 1);
    const { buckets } = await rebuildRollup(t.db);
    expect(buckets).toBeGreaterThan(0);
    await expectSameCounts(t);
  });
});
