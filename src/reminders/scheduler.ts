// When the reminder cycle runs: node-cron only ticks; the database decides whether a slot is still due.
//
// Each slot (an instant REMINDER_CRON matches, read in TZ_NAME) is claimed by a guarded upsert on
// `reminder_cycles`: the row's `last_slot` only moves forward, and only the process whose statement moved
// it runs the cycle, in the same transaction. A restart, a second process or a late tick finds the
// slot already taken and does nothing; a crash mid-cycle rolls the claim back, so the slot is run again
// at the next start-up (if it is still less than a day late).
import cron, { type ScheduledTask } from 'node-cron';
import { CronExpressionParser } from 'cron-parser';
import { localDate } from '../core/time.ts';
import type { LocalDate } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { Db, DbOrTx } from '../store/db.ts';
import { fromWall } from '../store/import/zone.ts';
import { claimSlot } from '../store/reminder-cycles.ts';

export const DEFAULT_SCHEDULE_NAME = 'reminders';
const DAY_MS = 86_400_000;

/** The latest instant `cronExpr` matches at or before `now`, reading the expression in `tz`. */
export function dueSlot(cronExpr: string, tz: string, now: Date): Date {
  const expr = CronExpressionParser.parse(cronExpr, { tz, currentDate: new Date(now.getTime() + 1) });
  return expr.prev().toDate();
}

/** The first instant `cronExpr` matches on the local day `day` in `tz`; null when it matches none that day. */
export function firstSlotOn(cronExpr: string, tz: string, day: LocalDate): Date | null {
  const midnight = fromWall(Date.parse(`${day}T00:00:00Z`), tz);
  const expr = CronExpressionParser.parse(cronExpr, { tz, currentDate: new Date(midnight.getTime() - 1) });
  const slot = expr.next().toDate();
  return localDate(slot, tz) === day ? slot : null;
}

export type SlotOutcome = 'ran' | 'taken' | 'skipped';

export interface SchedulerOptions {
  db: Db;
  cronExpr: string;
  tz: string;
  now: () => Date;
  logger: Logger;
  /** Runs one cycle inside the claiming transaction: plan and enqueue with `tx`, nothing slow. */
  onCycle: (tx: DbOrTx, slot: Date) => Promise<void>;
  name?: string;
  /** A slot later than this when first seen is skipped, not run. Default one day. */
  maxLateMs?: number;
  /** Tests drive `tick()` themselves. Default true. */
  cron?: boolean;
}

export interface Scheduler {
  /** Runs the slot due at `at` (default now) if no one has; what happened. */
  tick(at?: Date): Promise<SlotOutcome>;
  stop(): Promise<void>;
}

/**
 * Starts ticking `cronExpr` in `tz`, after catching up: the latest slot, if never run, runs now when it
 * is less than `maxLateMs` late, and is recorded and skipped (with a log line) when older.
 */
export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  const { db, cronExpr, tz, logger } = opts;
  const name = opts.name ?? DEFAULT_SCHEDULE_NAME;
  const maxLateMs = opts.maxLateMs ?? DAY_MS;

  async function runSlot(slot: Date): Promise<SlotOutcome> {
    const now = opts.now();
    const lateMs = now.getTime() - slot.getTime();
    const context = { schedule: name, slot: slot.toISOString() };
    if (lateMs > maxLateMs) {
      if (await claimSlot(db, name, slot, now)) {
        logger.warn(
          { ...context, lateMs },
          'reminder cycle missed by more than a day: skipped, not run late',
        );
        return 'skipped';
      }
      return 'taken';
    }
    const ran = await db.transaction(async (tx) => {
      if (!(await claimSlot(tx, name, slot, now))) return false;
      await opts.onCycle(tx, slot);
      return true;
    });
    if (ran) logger.info({ ...context, lateMs }, 'reminder cycle ran');
    return ran ? 'ran' : 'taken';
  }

  function tick(at: Date = opts.now()): Promise<SlotOutcome> {
    return runSlot(dueSlot(cronExpr, tz, at));
  }

  try {
    await tick();
  } catch (err) {
    logger.error({ err, schedule: name }, 'reminder catch-up at start-up failed; ticking on');
  }

  let task: ScheduledTask | null = null;
  if (opts.cron !== false) {
    task = cron.schedule(
      cronExpr,
      async (ctx) => {
        // node-cron may fire a hair before the slot by our clock: never ask for an older slot than it fired for.
        const now = opts.now();
        const at = ctx.date.getTime() > now.getTime() ? ctx.date : now;
        try {
          await tick(at);
        } catch (err) {
          logger.error(
            { err, schedule: name },
            'reminder cycle failed; the slot will be retried at start-up',
          );
        }
      },
      { timezone: tz, name: `dondoc-${name}`, noOverlap: true },
    );
  }

  return {
    tick,
    async stop() {
      if (task) await task.destroy();
      task = null;
    },
  };
}
