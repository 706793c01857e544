// One target or task as the store holds it: what `dondoc show` prints and the item views read.
import { sql } from 'drizzle-orm';
import { gridCell, type GridCell } from '../core/grid.ts';
import type { ItemStatus, LocalDate } from '../core/types.ts';
import { rows, type DbOrTx } from './db.ts';

export interface Indicator {
  unit: string;
  target_value: number;
  current_value: number;
}

/** The shape of cli-and-env.md's `dondoc show --json`. */
export interface ShownItem {
  code: string;
  kind: 'target' | 'task';
  program: string;
  title_vi: string;
  title_en: string;
  lead_agency: string;
  co_agencies: string[];
  assignee: string | null;
  deliverable: string | null;
  due_text: string | null;
  due_date: LocalDate | null;
  deadline_state: GridCell;
  status: ItemStatus;
  progress: number;
  completed_at: string | null;
  indicator: Indicator | null;
  /** The field of work (plan section) a target is grouped under; null for a task. */
  field: string | null;
  note: string | null;
  /** The target a task belongs to; null for a target. */
  target: string | null;
  tasks: string[];
}

interface Row {
  kind: 'target' | 'task';
  code: string;
  program: string;
  title_vi: string;
  title_en: string;
  lead: string;
  co: string[] | null;
  assignee: string | null;
  deliverable: string | null;
  due_text: string | null;
  due: string | null;
  status: ItemStatus;
  progress: number;
  completed_at: Date | string | null;
  unit: string | null;
  target_value: number | null;
  current_value: number | null;
  field: string | null;
  note: string | null;
  target: string | null;
  tasks: string[] | null;
}

const TARGET = sql`
  select 'target' as kind, g.code, p.code as program, g.title_vi, g.title_en, a.code as lead,
         array(select ca.code from target_co_agencies c join agencies ca on ca.id = c.agency_id
                where c.target_id = g.id order by c.position, ca.code) as co,
         null::text as assignee, g.deliverable, g.due_text, g.due_date::text as due, g.status::text as status,
         g.progress::int as progress, g.completed_at, g.unit, g.target_value::float8 as target_value,
         g.current_value::float8 as current_value, g.field_vi as field, g.note, null::text as target,
         array(select k.code from tasks k where k.target_id = g.id order by k.id) as tasks
    from targets g join programs p on p.id = g.program_id join agencies a on a.id = g.lead_agency_id`;

const TASK = sql`
  select 'task' as kind, k.code, p.code as program, k.title_vi, k.title_en, a.code as lead,
         array(select ca.code from task_co_agencies c join agencies ca on ca.id = c.agency_id
                where c.task_id = k.id order by c.position, ca.code) as co,
         pe.code as assignee, k.deliverable, k.due_text, k.due_date::text as due, k.status::text as status,
         k.progress::int as progress, k.completed_at, null::text as unit, null::float8 as target_value,
         null::float8 as current_value, null::text as field, k.note, g.code as target, null::text[] as tasks
    from tasks k join targets g on g.id = k.target_id join programs p on p.id = g.program_id
    join agencies a on a.id = k.agency_id left join people pe on pe.id = k.assignee_id`;

/** The item with this code (either kind), its deadline state read at `today` in `tz`; null when none. */
export async function showItem(
  db: DbOrTx,
  code: string,
  today: LocalDate,
  tz: string,
): Promise<ShownItem | null> {
  const wanted = code.trim().toUpperCase();
  const [r] = await rows<Row>(
    db,
    sql`select * from (${TARGET} where g.code = ${wanted}) x
        union all select * from (${TASK} where k.code = ${wanted}) y`,
  );
  if (!r) return null;
  const completedAt = r.completed_at === null ? null : new Date(r.completed_at);
  const dueDate = r.due as LocalDate | null;
  return {
    code: r.code,
    kind: r.kind,
    program: r.program,
    title_vi: r.title_vi,
    title_en: r.title_en,
    lead_agency: r.lead,
    co_agencies: r.co ?? [],
    assignee: r.assignee,
    deliverable: r.deliverable,
    due_text: r.due_text,
    due_date: dueDate,
    deadline_state: gridCell({ status: r.status, dueDate, completedAt }, today, tz),
    status: r.status,
    progress: r.progress,
    completed_at: completedAt === null ? null : completedAt.toISOString(),
    indicator:
      r.unit === null
        ? null
        : { unit: r.unit, target_value: Number(r.target_value), current_value: Number(r.current_value) },
    field: r.field,
    note: r.note,
    target: r.target,
    tasks: r.kind === 'target' ? (r.tasks ?? []) : [],
  };
}
