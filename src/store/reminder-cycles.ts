// The last completed slot of each reminder schedule: the guarded upsert that makes a cycle run once.
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from './db.ts';

/**
 * Records `slot` as done for schedule `name`, only if it is later than the one recorded. True for the
 * one caller whose statement advanced it; false for everyone else (concurrently or later).
 */
export async function claimSlot(db: DbOrTx, name: string, slot: Date, now: Date): Promise<boolean> {
  const result = await rows<{ name: string }>(
    db,
    sql`insert into reminder_cycles (name, last_slot, completed_at)
        values (${name}, ${slot.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)
        on conflict (name) do update set last_slot = excluded.last_slot, completed_at = excluded.completed_at
         where reminder_cycles.last_slot < excluded.last_slot
        returning name`,
  );
  return result.length === 1;
}

/** The last slot recorded for `name`, or null before the first. */
export async function lastSlot(db: DbOrTx, name: string): Promise<Date | null> {
  const [r] = await rows<{ at_ms: number | string }>(
    db,
    sql`select (extract(epoch from last_slot) * 1000)::float8 as at_ms from reminder_cycles where name = ${name}`,
  );
  return r ? new Date(Number(r.at_ms)) : null;
}
