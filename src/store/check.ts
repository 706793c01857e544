// The store's invariants, checked against the data: what `dondoc check` and the tests assert.
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from './db.ts';
import { targetRollup } from './record-update.ts';
import { rollupDifferences } from './rollup.ts';

export interface Inconsistency {
  kind: 'task_vs_history' | 'target_rollup' | 'completion' | 'count_rollup';
  code: string;
  /** What the row says and what it should say, in one readable line. */
  detail: string;
}

/**
 * A task's status and progress must equal its latest history row that set them (tasks no one has
 * updated yet have none), a target with tasks must carry the roll-up recordUpdate computes, and
 * an item has a finishing time exactly when it is done (the status grid reads it), and the maintained
 * counts (count_rollup) must equal a full recount.
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
  const completionRows = await rows<{ code: string; status: string; completed: boolean }>(
    db,
    sql`
      select code, status::text as status, completed_at is not null as completed from (
        select code, status, completed_at from targets union all select code, status, completed_at from tasks) i
       where (status = 'done') <> (completed_at is not null)
       order by code`,
  );
  const countRows = await rollupDifferences(db);
  return [
    ...completionRows.map((r) => ({
      kind: 'completion' as const,
      code: r.code,
      detail: r.completed ? `${r.status} but has a finishing time` : 'done but has no finishing time',
    })),
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
    ...countRows.map((r) => ({
      kind: 'count_rollup' as const,
      code: `${r.program}/${r.agency}`,
      detail: `kept counts say ${r.kept} ${r.level}s ${r.status}${r.late ? ' late' : ''} due ${r.due ?? '—'}, a recount says ${r.recounted}`,
    })),
  ];
}
