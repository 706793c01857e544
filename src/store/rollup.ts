// The maintained counts (count_rollup): how the store reads them, rebuilds them and checks them.
// Triggers on tasks and targets keep the table in step with every write (drizzle/0011_count_rollup.sql);
// this file holds the full recount that defines what the table must contain.
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TZ } from '../core/time.ts';
import { finishedLate } from './counts.ts';
import { rows, type Db, type DbOrTx } from './db.ts';

/** The zone the triggers judge "finished late" in; a store counting in another zone counts rows. */
export const ROLLUP_TZ = DEFAULT_TZ;

export function rollupServes(tz: string): boolean {
  return tz === ROLLUP_TZ;
}

/** The buckets a full recount gives: what count_rollup must hold (its rows with n ≠ 0). */
function recount(): SQL {
  return sql`
    select 'task'::text as level, g.program_id, t.agency_id, t.status, t.due_date,
           ${finishedLate(ROLLUP_TZ)} as late, t.awaiting_since is not null as awaiting, count(*)::int as n
      from tasks t join targets g on g.id = t.target_id group by 1, 2, 3, 4, 5, 6, 7
    union all
    select 'target'::text, t.program_id, t.lead_agency_id, t.status, t.due_date,
           ${finishedLate(ROLLUP_TZ)}, t.awaiting_since is not null, count(*)::int
      from targets t group by 1, 2, 3, 4, 5, 6, 7`;
}

/**
 * Replaces the roll-up with a full recount (nightly, `dondoc recount`, after a restore); in a
 * transaction of its own, or a savepoint of the caller's. The lock
 * waits for writers that already moved counts and holds later ones until the new counts are in, so
 * their moves land on top of the recount and none is lost or counted twice.
 */
export async function rebuildRollup(db: DbOrTx): Promise<{ buckets: number }> {
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`lock table count_rollup in exclusive mode`);
    await tx.execute(sql`delete from count_rollup`);
    const [r] = await rows<{ buckets: number }>(
      tx,
      sql`with ins as (
            insert into count_rollup (level, program_id, agency_id, status, due_date, late, awaiting, n)
            select * from (${recount()}) c order by 1, 2, 3, 4, 5, 6, 7 returning 1)
          select count(*)::int as buckets from ins`,
    );
    return { buckets: r?.buckets ?? 0 };
  });
}

export interface RollupDifference {
  level: string;
  program: string;
  agency: string;
  status: string;
  due: string | null;
  late: boolean;
  awaiting: boolean;
  kept: number;
  recounted: number;
}

/** Buckets where the maintained counts and a full recount disagree (none when the triggers are right). */
export function rollupDifferences(db: DbOrTx): Promise<RollupDifference[]> {
  return rows<RollupDifference>(
    db,
    sql`
      with kept as (select level, program_id, agency_id, status, due_date, late, awaiting, n
                      from count_rollup where n <> 0),
           fresh as (${recount()})
      select coalesce(k.level, f.level) as level, coalesce(p.code, '#' || coalesce(k.program_id, f.program_id)) as program,
             coalesce(a.code, '#' || coalesce(k.agency_id, f.agency_id)) as agency,
             coalesce(k.status, f.status)::text as status, coalesce(k.due_date, f.due_date)::text as due,
             coalesce(k.late, f.late) as late, coalesce(k.awaiting, f.awaiting) as awaiting,
             coalesce(k.n, 0) as kept, coalesce(f.n, 0) as recounted
        from kept k
        full join fresh f on f.level = k.level and f.program_id = k.program_id and f.agency_id = k.agency_id
                         and f.status = k.status and f.due_date is not distinct from k.due_date and f.late = k.late
                         and f.awaiting = k.awaiting
        left join programs p on p.id = coalesce(k.program_id, f.program_id)
        left join agencies a on a.id = coalesce(k.agency_id, f.agency_id)
       where coalesce(k.n, 0) <> coalesce(f.n, 0)
       order by 1, 2, 3, 4, 5, 6, 7`,
  );
}

/** Where a count is read: the maintained roll-up, or the item rows themselves (the definition). */
export type CountSource = 'rollup' | 'rows';
