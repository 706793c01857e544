// Reads targets and tasks as ItemViews: one SQL shape for every question about items.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Level, Scope } from '../core/ports.ts';
import type {
  ItemView,
  ItemCode,
  AgencyCode,
  LocalDate,
  Percent,
  PersonCode,
  ProgramCode,
  ItemStatus,
  Named,
} from '../core/types.ts';
import { rows, type DbOrTx } from './db.ts';
import { targets, tasks } from './schema.ts';

interface ItemRow {
  kind: 'target' | 'task';
  code: string;
  title_vi: string;
  title_en: string;
  program: string;
  agency: string;
  agency_vi: string;
  agency_en: string;
  assignee_code: string | null;
  assignee_name: string | null;
  due: string | null;
  due_text: string | null;
  start: string;
  status: ItemStatus;
  progress: number;
  updated_at: Date | string;
  completed_at: Date | string | null;
  awaiting_since: Date | string | null;
  co: Array<{ vi: string; en: string }> | string | null;
  deliverable: string | null;
  unit: string | null;
  target_value: number | null;
  current_value: number | null;
}

/** An item's co-operating agencies as a JSON list of names, in the plan's order (`t` is the item). */
export const coNames = (table: 'task_co_agencies' | 'target_co_agencies', column: 'task_id' | 'target_id') =>
  sql.raw(`(select coalesce(json_agg(json_build_object('vi', ca.name_vi, 'en', ca.name_en)
             order by c.position, ca.code), '[]'::json)
             from ${table} c join agencies ca on ca.id = c.agency_id where c.${column} = t.id) as co`);

const TASKS = sql`
  select 'task' as kind, t.code, t.title_vi, t.title_en, p.code as program, a.code as agency,
         a.name_vi as agency_vi, a.name_en as agency_en, pe.code as assignee_code, pe.full_name as assignee_name,
         t.due_date::text as due, t.due_text, t.start_date::text as start, t.status::text as status, t.progress::int as progress,
         t.updated_at, t.completed_at, t.awaiting_since, ${coNames('task_co_agencies', 'task_id')},
         t.deliverable, null::text as unit, null::float8 as target_value, null::float8 as current_value
    from tasks t
    join targets tg on tg.id = t.target_id
    join programs p on p.id = tg.program_id
    join agencies a on a.id = t.agency_id
    left join people pe on pe.id = t.assignee_id`;

const TARGETS = sql`
  select 'target' as kind, t.code, t.title_vi, t.title_en, p.code as program, a.code as agency,
         a.name_vi as agency_vi, a.name_en as agency_en, null::text as assignee_code, null::text as assignee_name,
         t.due_date::text as due, t.due_text, t.start_date::text as start, t.status::text as status, t.progress::int as progress,
         t.updated_at, t.completed_at, t.awaiting_since, ${coNames('target_co_agencies', 'target_id')},
         t.deliverable, t.unit, t.target_value::float8 as target_value, t.current_value::float8 as current_value
    from targets t
    join programs p on p.id = t.program_id
    join agencies a on a.id = t.lead_agency_id`;

function toView(r: ItemRow): ItemView {
  return {
    kind: r.kind,
    code: r.code as ItemCode,
    title: { vi: r.title_vi, en: r.title_en || r.title_vi },
    program: r.program as ProgramCode,
    agency: r.agency as AgencyCode,
    agencyName: { vi: r.agency_vi, en: r.agency_en },
    assignee: r.assignee_code ? { code: r.assignee_code as PersonCode, name: r.assignee_name ?? '' } : null,
    dueDate: r.due as LocalDate | null,
    dueText: r.due_text,
    startDate: r.start as LocalDate,
    status: r.status,
    progress: r.progress as Percent,
    updatedAt: new Date(r.updated_at),
    completedAt: r.completed_at === null ? null : new Date(r.completed_at),
    awaitingSince: r.awaiting_since === null ? null : new Date(r.awaiting_since),
    coAgencies: (typeof r.co === 'string' ? (JSON.parse(r.co) as Named[]) : r.co) ?? [],
    deliverable: r.deliverable,
    indicator:
      r.unit === null
        ? null
        : { unit: r.unit, target: Number(r.target_value), current: Number(r.current_value) },
  };
}

/** Filters by programme and agency; both null means the whole province. */
export function scopeFilter(scope: Scope): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.program) parts.push(sql`p.code = ${scope.program}`);
  if (scope.agency) parts.push(sql`a.code = ${scope.agency}`);
  return sql.join(parts, sql` and `);
}

export async function selectItems(
  db: DbOrTx,
  level: Level,
  where: SQL,
  orderBy: SQL = sql`t.due_date, t.code`,
  limit?: number,
): Promise<ItemView[]> {
  const base = level === 'task' ? TASKS : TARGETS;
  const lim = limit === undefined ? sql`` : sql` limit ${limit}`;
  const result = await rows<ItemRow>(db, sql`${base} where ${where} order by ${orderBy}${lim}`);
  return result.map(toView);
}

export async function itemByCode(db: DbOrTx, code: ItemCode): Promise<ItemView | null> {
  const [task] = await selectItems(db, 'task', sql`t.code = ${code}`);
  if (task) return task;
  const [target] = await selectItems(db, 'target', sql`t.code = ${code}`);
  return target ?? null;
}

/**
 * How history and evidence rows point at an item: the task's id, or else the target's (codes never clash
 * between the two); both null when no item has the code.
 */
export async function itemRef(
  db: DbOrTx,
  code: ItemCode,
): Promise<{ taskId: number | null; targetId: number | null }> {
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, code));
  if (task) return { taskId: task.id, targetId: null };
  const [target] = await db.select({ id: targets.id }).from(targets).where(eq(targets.code, code));
  return { taskId: null, targetId: target?.id ?? null };
}
