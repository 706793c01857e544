// The import's SQL: upserts of targets and tasks by code and the audit rows, a batch per statement.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Tx } from '../db.ts';

/**
 * One statement per batch, whatever its size: the rows travel as one JSON parameter and Postgres
 * spreads them with jsonb_to_recordset (a few parameters instead of thousands, no per-row SQL).
 */
function recordset(list: unknown[], columns: string): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(${sql.raw(columns)})`;
}

/**
 * A plan file has no history: a row it brings in done was finished when the file says it last
 * changed; one already done keeps its own time; one it re-opens is no longer finished.
 */
const completedOnInsert = sql`case when status = 'done' then updated_at end`;
const completedOnUpdate = (table: SQL) =>
  sql`case when excluded.status <> 'done' then null
           when ${table}.status = 'done' then coalesce(${table}.completed_at, excluded.updated_at)
           else excluded.updated_at end`;

export async function upsertTargets(
  tx: Tx,
  list: Array<Record<string, unknown>>,
): Promise<Array<{ id: number; code: string }>> {
  return rows<{ id: number; code: string }>(
    tx,
    sql`insert into targets (code, program_id, title_vi, title_en, lead_agency_id, unit, target_value, current_value,
                             start_date, due_date, due_text, field_vi, deliverable, note, status, progress,
                             updated_at, completed_at)
        select code, program_id, title_vi, title_en, lead_agency_id, unit, target_value, current_value,
               start_date, due_date, due_text, field_vi, deliverable, note, status, progress, updated_at,
               ${completedOnInsert}
          from ${recordset(
            list,
            `code text, program_id int, title_vi text, title_en text, lead_agency_id int, unit text,
             target_value numeric, current_value numeric, start_date date, due_date date, due_text text,
             field_vi text, deliverable text, note text, status item_status, progress smallint,
             updated_at timestamptz`,
          )}
        on conflict (code) do update set
          program_id = excluded.program_id, title_vi = excluded.title_vi, title_en = excluded.title_en,
          lead_agency_id = excluded.lead_agency_id, unit = excluded.unit, target_value = excluded.target_value,
          current_value = excluded.current_value, start_date = excluded.start_date, due_date = excluded.due_date,
          due_text = excluded.due_text, field_vi = excluded.field_vi, deliverable = excluded.deliverable,
          note = excluded.note,
          status = excluded.status, progress = excluded.progress, updated_at = excluded.updated_at,
          completed_at = ${completedOnUpdate(sql.raw('targets'))}
        returning id, code`,
  );
}

export async function upsertTasks(
  tx: Tx,
  list: Array<Record<string, unknown>>,
): Promise<Array<{ id: number; code: string }>> {
  return rows<{ id: number; code: string }>(
    tx,
    sql`insert into tasks (code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date,
                           due_text, deliverable, note, status, progress, updated_at, completed_at)
        select code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date,
               due_text, deliverable, note, status, progress, updated_at, ${completedOnInsert}
          from ${recordset(
            list,
            `code text, target_id int, title_vi text, title_en text, agency_id int, assignee_id int,
             start_date date, due_date date, due_text text, deliverable text, note text, status item_status,
             progress smallint, updated_at timestamptz`,
          )}
        on conflict (code) do update set
          target_id = excluded.target_id, title_vi = excluded.title_vi, title_en = excluded.title_en,
          agency_id = excluded.agency_id, assignee_id = excluded.assignee_id, start_date = excluded.start_date,
          due_date = excluded.due_date, due_text = excluded.due_text, deliverable = excluded.deliverable,
          note = excluded.note, status = excluded.status, progress = excluded.progress,
          updated_at = excluded.updated_at, completed_at = ${completedOnUpdate(sql.raw('tasks'))}
        returning id, code`,
  );
}

export async function insertAudits(tx: Tx, list: Array<Record<string, unknown>>): Promise<void> {
  await tx.execute(
    sql`insert into audit_log (at, actor, action, entity, entity_code, before, after)
        select at, actor, action, entity, entity_code, before, after
          from ${recordset(
            list,
            'at timestamptz, actor text, action text, entity text, entity_code text, before jsonb, after jsonb',
          )}`,
  );
}

/** The co-operating agencies of the written items, replaced by the file's list (in its order). */
export async function replaceCoAgencies(
  tx: Tx,
  table: 'task_co_agencies' | 'target_co_agencies',
  list: Array<{ id: number; agencyIds: number[] }>,
): Promise<void> {
  if (list.length === 0) return;
  const column = sql.raw(table === 'task_co_agencies' ? 'task_id' : 'target_id');
  const ids = list.map((l) => l.id);
  await tx.execute(sql`delete from ${sql.raw(table)} where ${column} in ${ids}`);
  const pairs = list.flatMap((l) =>
    l.agencyIds.map((agency, position) => ({ item: l.id, agency, position })),
  );
  if (pairs.length === 0) return;
  await tx.execute(
    sql`insert into ${sql.raw(table)} (${column}, agency_id, position)
        select item, agency, position from ${recordset(pairs, 'item int, agency int, position smallint')}`,
  );
}
