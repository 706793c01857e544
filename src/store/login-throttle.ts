// Failed-login counters in the database, so every process answering /login shares one back-off.
import { inArray, lt, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { loginThrottle } from './schema.ts';

export interface ThrottleRow {
  key: string;
  failures: number;
  hourStart: Date;
  hourFailures: number;
  lockedUntil: Date | null;
}

/** What one more attempt makes of a key's row; pure, so the policy lives with the login (web/throttle.ts). */
export type ThrottleStep = (row: ThrottleRow, now: Date) => ThrottleRow;

/**
 * One login attempt against these keys, decided and counted atomically (rows locked in key order, so
 * two processes never interleave): when any key is locked, nothing is counted and the latest unlock
 * time comes back; otherwise every key counts the attempt as a failure up front, `step` sets its next
 * lock, and null comes back: the password may be checked. A correct one then calls `clearLogin`.
 */
export async function claimLogin(
  db: Db,
  keys: readonly string[],
  now: Date,
  step: ThrottleStep,
): Promise<Date | null> {
  const sorted = [...new Set(keys)].sort();
  return db.transaction(async (tx) => {
    // Counters idle a day are forgotten: addresses come and go.
    await tx.delete(loginThrottle).where(lt(loginThrottle.updatedAt, new Date(now.getTime() - 86_400_000)));
    await tx
      .insert(loginThrottle)
      .values(sorted.map((key) => ({ key, hourStart: now, updatedAt: now })))
      .onConflictDoNothing();
    const found = await tx
      .select()
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, sorted))
      .orderBy(loginThrottle.key)
      .for('update');
    const locks = found
      .map((r) => r.lockedUntil)
      .filter((d): d is Date => d !== null && d.getTime() > now.getTime());
    if (locks.length > 0) return new Date(Math.max(...locks.map((d) => d.getTime())));
    for (const r of found) {
      const next = step(r, now);
      await tx
        .update(loginThrottle)
        .set({
          failures: next.failures,
          hourStart: next.hourStart,
          hourFailures: next.hourFailures,
          lockedUntil: next.lockedUntil,
          updatedAt: now,
        })
        .where(sql`${loginThrottle.key} = ${r.key}`);
    }
    return null;
  });
}

/**
 * A correct password: `clear` (the account and the address) start afresh; `uncount` (the global key)
 * takes back the failure counted up front, keeping everyone else's.
 */
export async function clearLogin(
  db: Db,
  clear: readonly string[],
  uncount: readonly string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    if (clear.length > 0) await tx.delete(loginThrottle).where(inArray(loginThrottle.key, [...clear]));
    if (uncount.length > 0)
      await tx
        .update(loginThrottle)
        .set({
          failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
          hourFailures: sql`greatest(${loginThrottle.hourFailures} - 1, 0)`,
        })
        .where(inArray(loginThrottle.key, [...uncount]));
  });
}
