// The planner's input as the store reads it from the demo province, and the plan it leads to.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode, ProgramCode } from '../../src/core/types.ts';
import { DEFAULT_HOLIDAYS, DEFAULT_RULES, leaderDigest, planReminders } from '../../src/reminders/index.ts';
import { loadChatTargets, loadPlanInput } from '../../src/store/reminder-input.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { demoInput } from './demo.ts';
import { NOW, TZ, registerPeople } from './delivery.ts';

describe.each(dbKinds())('loadPlanInput on %s (demo province)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  it('reads 36 people, 22 agencies with their heads, 70 targets and 178 tasks, done ones included', async () => {
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.people).toHaveLength(36);
    expect(input.agencies).toHaveLength(22);
    expect(input.items.filter((i) => i.kind === 'target')).toHaveLength(70);
    expect(input.items.filter((i) => i.kind === 'task')).toHaveLength(178);
    expect(input.items.some((i) => i.status === 'done')).toBe(true);
    expect(input.agencies.filter((a) => a.head !== null).length).toBeGreaterThan(10);
    expect(input.agencies.filter((a) => a.parent === null).length).toBeGreaterThan(0);
  });

  it('gives the README’s digest numbers: NQ57 17/43 done, 9 overdue, 3 due this week', async () => {
    const input = await loadPlanInput(t.db, NOW, TZ);
    const digest = leaderDigest(
      input.items,
      '2025-07-15' as never,
      input.programs.map((p) => p.code),
    );
    expect(digest.programs).toEqual([
      { program: 'NQ57', total: 43, done: 17, overdue: 9, dueThisWeek: 3, percentDone: 39.5 },
      { program: 'DA06', total: 12, done: 5, overdue: 3, dueThisWeek: 1, percentDone: 41.7 },
      { program: 'CDS25', total: 15, done: 6, overdue: 3, dueThisWeek: 1, percentDone: 40 },
    ]);
  });

  it('uses the built-in holidays and rules while their tables are empty', async () => {
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.holidays).toBe(DEFAULT_HOLIDAYS);
    expect(input.rules).toEqual({ defaults: { ...DEFAULT_RULES }, byProgram: {} });
  });

  it('knows each person’s latest update of each task, as the demo updates say', async () => {
    const fromDb = await loadPlanInput(t.db, NOW, TZ);
    const fromCsv = demoInput(NOW);
    const key = (u: { item: string; person: string; at: Date }) =>
      `${u.item}|${u.person}|${u.at.toISOString()}`;
    expect(fromDb.lastUpdateBy.map(key).sort()).toEqual(fromCsv.lastUpdateBy.map(key).sort());
  });

  it('lists nobody as reachable before anyone registers, so nothing is planned', async () => {
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.people.every((p) => p.channels.length === 0)).toBe(true);
    expect(planReminders(input).messages).toEqual([]);
  });

  it('plans what the CSV-built demo plans once the same people are registered on the same messengers', async () => {
    const csv = demoInput(NOW);
    const telegram = csv.people.filter((p) => p.channels.includes('telegram')).map((p) => p.code);
    const zalo = csv.people.filter((p) => p.channels.includes('zalo')).map((p) => p.code);
    await registerPeople(t.db, { channel: 'telegram', only: telegram });
    await registerPeople(t.db, { channel: 'zalo', only: zalo });
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.people.map((p) => [p.code, p.channels]).sort()).toEqual(
      csv.people.map((p) => [p.code, p.channels]).sort(),
    );
    // Sorted: targets' progress (a tie-breaker of the order) is rolled up in the store, estimated in the CSV input.
    const summary = (m: { person: string; kind: string; items: string[] }) =>
      `${m.person} ${m.kind} ${[...m.items].sort().join(',')}`;
    const fromDb = planReminders(input).messages.map(summary);
    expect(fromDb.length).toBeGreaterThan(10);
    // The seed names a head for every agency from its roster; the CSV test input only directors and chairs.
    expect(planReminders({ ...csv, agencies: input.agencies }).messages.map(summary)).toEqual(fromDb);
  });

  it('reaches a person only on their preferred messenger when they registered on it', async () => {
    const both = (await loadChatTargets(t.db)).get('P01' as PersonCode) ?? [];
    expect(both.map((c) => c.channel).sort()).toEqual(['telegram', 'zalo']);
    await t.db.execute(sql`update people set preferred_channel = 'zalo' where code = 'P01'`);
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.people.find((x) => x.code === 'P01')?.channels).toEqual(['zalo']);
    await t.db.execute(sql`update people set preferred_channel = 'web' where code = 'P01'`);
    const fallback = await loadPlanInput(t.db, NOW, TZ);
    expect(fallback.people.find((x) => x.code === 'P01')?.channels.sort()).toEqual(['telegram', 'zalo']);
  });

  it('lays stored rules over the defaults, per programme, and reads stored holidays, snoozes and open explanation requests', async () => {
    await t.db.execute(
      sql`insert into reminder_rules (program_id, rules) values (null, '{"staleDays": 10, "bogus": 1}')`,
    );
    await t.db.execute(
      sql`insert into reminder_rules (program_id, rules)
          select id, '{"weekdays": [1,2,3,4,5,6], "leadDays": "not a list"}' from programs where code = 'DA06'`,
    );
    await t.db.execute(
      sql`insert into holidays (day, name_vi, name_en) values ('2025-09-02', 'Quốc khánh', 'National Day')`,
    );
    await t.db.execute(
      sql`insert into snoozes (person_id, item_code, until) select id, 'NQ57-12.3', '2025-07-16' from people where code = 'P10'`,
    );
    await t.db.execute(
      sql`insert into explanation_requests (item_code, requested_by_id, requested_at)
          select 'NQ57-12', id, '2025-07-14T09:00:00+07:00' from people where code = 'P01'`,
    );
    await t.db.execute(sql`update people set unreachable_since = now() where code = 'P05'`);
    const input = await loadPlanInput(t.db, NOW, TZ);
    expect(input.rules.defaults).toEqual({ ...DEFAULT_RULES, staleDays: 10 });
    expect(input.rules.byProgram).toEqual({ ['DA06' as ProgramCode]: { weekdays: [1, 2, 3, 4, 5, 6] } });
    expect(input.holidays).toEqual([{ date: '2025-09-02', name_vi: 'Quốc khánh', name_en: 'National Day' }]);
    expect(input.snoozes).toEqual([{ person: 'P10', item: 'NQ57-12.3', until: '2025-07-16' }]);
    expect(input.pendingExplanations).toEqual([
      { item: 'NQ57-12', requestedBy: 'P01', requestedAt: new Date('2025-07-14T02:00:00Z') },
    ]);
    expect(input.unreachable).toEqual(['P05']);
  });
});
