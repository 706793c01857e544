// The reminder schedule: cron slots read with literal dates, and the guarded upsert that runs each slot once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromPostgresUrl, type DbOrTx } from '../../src/store/db.ts';
import { dueSlot, startScheduler } from '../../src/reminders/scheduler.ts';
import { claimSlot, lastSlot } from '../../src/store/reminder-cycles.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { TZ, quietLogger } from './delivery.ts';

const CRON = '0 8 * * 1-5';
const at = (iso: string): Date => new Date(iso);

describe('dueSlot', () => {
  it('is the latest weekday 08:00 in Hà Nội at or before now', () => {
    expect(dueSlot(CRON, TZ, at('2025-07-15T08:00:00+07:00'))).toEqual(at('2025-07-15T08:00:00+07:00'));
    expect(dueSlot(CRON, TZ, at('2025-07-15T07:59:59+07:00'))).toEqual(at('2025-07-14T08:00:00+07:00'));
    expect(dueSlot(CRON, TZ, at('2025-07-15T23:30:00+07:00'))).toEqual(at('2025-07-15T08:00:00+07:00'));
  });

  it('skips the weekend: on Sunday evening the due slot is Friday’s', () => {
    expect(dueSlot(CRON, TZ, at('2025-07-20T20:00:00+07:00'))).toEqual(at('2025-07-18T08:00:00+07:00'));
  });

  it('reads the expression in the configured zone, not the process’s', () => {
    expect(dueSlot(CRON, 'Europe/Paris', at('2025-07-15T08:30:00+02:00'))).toEqual(
      at('2025-07-15T08:00:00+02:00'),
    );
  });
});

describe.each(dbKinds())('slots claimed on %s', (kind) => {
  let t: TestDatabase;
  const logger = quietLogger();
  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
  });
  afterAll(() => t.close());

  it('lets exactly one of many concurrent claimers run a slot, and nobody run it again', async () => {
    const slot = at('2025-07-15T08:00:00+07:00');
    const now = at('2025-07-15T08:00:01+07:00');
    const other = t.url ? fromPostgresUrl(t.url, 'postgres', 4) : null;
    try {
      const dbs: DbOrTx[] = other ? [t.db, other.db, t.db, other.db] : [t.db, t.db, t.db, t.db];
      const won = await Promise.all(dbs.map((db) => claimSlot(db, 'claim-test', slot, now)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await claimSlot(t.db, 'claim-test', slot, now)).toBe(false);
      // An older slot never moves it back.
      expect(await claimSlot(t.db, 'claim-test', at('2025-07-14T08:00:00+07:00'), now)).toBe(false);
      expect(await lastSlot(t.db, 'claim-test')).toEqual(slot);
      expect(await claimSlot(t.db, 'claim-test', at('2025-07-16T08:00:00+07:00'), now)).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('runs a slot once although two schedulers start and tick together, and again not after a restart', async () => {
    const runs: Date[] = [];
    const now = () => at('2025-07-15T08:00:02+07:00');
    const other = t.url ? fromPostgresUrl(t.url, 'postgres', 2) : null;
    const start = (db: typeof t.db) =>
      startScheduler({
        db,
        cronExpr: CRON,
        tz: TZ,
        now,
        logger,
        name: 'twice',
        cron: false,
        onCycle: async (_tx, slot) => {
          runs.push(slot);
        },
      });
    try {
      const [a, b] = await Promise.all([start(t.db), start(other?.db ?? t.db)]);
      expect(await Promise.all([a.tick(), b.tick()])).toEqual(['taken', 'taken']);
      await Promise.all([a.stop(), b.stop()]);
      const restarted = await start(t.db);
      await restarted.stop();
      expect(runs).toEqual([at('2025-07-15T08:00:00+07:00')]);
    } finally {
      await other?.close();
    }
  });

  it('runs at start-up a slot missed by less than a day, and skips (but records) one missed by more', async () => {
    const runs: string[] = [];
    const boot = (name: string, iso: string) =>
      startScheduler({
        db: t.db,
        cronExpr: CRON,
        tz: TZ,
        now: () => at(iso),
        logger,
        name,
        cron: false,
        onCycle: async (_tx, slot) => {
          runs.push(`${name} ${slot.toISOString()}`);
        },
      }).then((s) => s.stop());

    // Down from Monday night to Tuesday 15:00: Tuesday 08:00 is 7 h late, so it runs.
    await boot('late', '2025-07-15T15:00:00+07:00');
    // Down from Friday to Tuesday 07:00: Monday 08:00 is 23 h late, it runs.
    await boot('monday', '2025-07-15T07:00:00+07:00');
    // Down from Friday to Sunday: Friday 08:00 is two days late, skipped.
    await boot('weekend', '2025-07-20T12:00:00+07:00');
    expect(runs).toEqual([
      `late ${at('2025-07-15T08:00:00+07:00').toISOString()}`,
      `monday ${at('2025-07-14T08:00:00+07:00').toISOString()}`,
    ]);
    // The skipped slot is recorded as seen, so the next start does not consider it again.
    expect(await lastSlot(t.db, 'weekend')).toEqual(at('2025-07-18T08:00:00+07:00'));
    await boot('weekend', '2025-07-20T13:00:00+07:00');
    expect(runs).toHaveLength(2);
  });

  it('ticks with node-cron and, with two schedulers on one database, runs every slot exactly once', async () => {
    const runs: number[] = [];
    const other = t.url ? fromPostgresUrl(t.url, 'postgres', 2) : null;
    const start = (db: typeof t.db) =>
      startScheduler({
        db,
        cronExpr: '* * * * * *', // every second
        tz: TZ,
        now: () => new Date(),
        logger,
        name: 'every-second',
        onCycle: async (_tx, slot) => {
          runs.push(slot.getTime());
        },
      });
    try {
      const schedulers = await Promise.all([start(t.db), start(other?.db ?? t.db)]);
      await new Promise((resolve) => setTimeout(resolve, 3200));
      await Promise.all(schedulers.map((s) => s.stop()));
      expect(runs.length).toBeGreaterThanOrEqual(3);
      expect(new Set(runs).size).toBe(runs.length);
      expect(runs.every((ms) => ms % 1000 === 0)).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('does not record a slot whose cycle failed, so the next start-up runs it', async () => {
    let fail = true;
    const runs: Date[] = [];
    const boot = () =>
      startScheduler({
        db: t.db,
        cronExpr: CRON,
        tz: TZ,
        now: () => at('2025-07-15T09:00:00+07:00'),
        logger,
        name: 'crashy',
        cron: false,
        onCycle: async (_tx, slot) => {
          if (fail) throw new Error('database went away mid-cycle');
          runs.push(slot);
        },
      }).then((s) => s.stop());
    await boot();
    expect(await lastSlot(t.db, 'crashy')).toBeNull();
    fail = false;
    await boot();
    expect(runs).toEqual([at('2025-07-15T08:00:00+07:00')]);
  });
});
