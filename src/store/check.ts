// The store's invariants, checked against the data: what `dondoc check` and the tests assert.
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from './db.ts';
import { targetRollup } from './record-update.ts';

export interface Inconsistency {
  kind: 'task_vs_history' | 'target_rollup';
  code: string;
  /** What the row says and what it should say, in one readable line. */
  detail: string;
}

/**
 * A task's status and progress must equal its latest history row that set them (tasks no one has
 * updated yet have none), and a target with tasks must carry the roll-up recordUpdate computes.
 */
export async function findInconsistencies(db: DbOrTx): Promise<Inconsistency[]> {
  const taskRows = await rows<{ code: string; status: string; progress: number; hs: string; hp: number }>(
    db,
    sql`
      select t.code, t.status::text as status, t.progress, h.status::text as hs, h.progress as hp
        from tasks t
        join lateral (
          select status, progress from history
           where task_id = t.id and kind = 'update' and status is not null
           order by at desc, id desc limit 1) h on true
       where h.status <> t.status or h.progress <> t.progress
       order by t.code`,
  );
  const targetRows = await rows<{ code: string; status: string; progress: number; rs: string; rp: number }>(
    db,
    sql`
      select g.code, g.status::text as status, g.progress, s.status as rs, s.progress as rp
        from targets g
        join (${targetRollup()}) s on s.target_id = g.id
       where s.status <> g.status::text or s.progress <> g.progress
       order by g.code`,
  );
  return [
    ...taskRows.map((r) => ({
      kind: 'task_vs_history' as const,
      code: r.code,
      detail: `task says ${r.status} ${r.progress}%, its latest update says ${r.hs} ${r.hp}%`,
    })),
    ...targetRows.map((r) => ({
      kind: 'target_rollup' as const,
      code: r.code,
      detail: `target says ${r.status} ${r.progress}%, its tasks roll up to ${r.rs} ${r.rp}%`,
    })),
  ];
}
