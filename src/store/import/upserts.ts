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
                             start_date, due_date, status, progress, updated_at, completed_at)
        select code, program_id, title_vi, title_en, lead_agency_id, unit, target_value, current_value,
               start_date, due_date, status, progress, updated_at, ${completedOnInsert}
          from ${recordset(
            list,
            `code text, program_id int, title_vi text, title_en text, lead_agency_id int, unit text,
             target_value numeric, current_value numeric, start_date date, due_date date, status item_status,
             progress smallint, updated_at timestamptz`,
          )}
        on conflict (code) do update set
          program_id = excluded.program_id, title_vi = excluded.title_vi, title_en = excluded.title_en,
          lead_agency_id = excluded.lead_agency_id, unit = excluded.unit, target_value = excluded.target_value,
          current_value = excluded.current_value, start_date = excluded.start_date, due_date = excluded.due_date,
          status = excluded.status, progress = excluded.progress, updated_at = excluded.updated_at,
          completed_at = ${completedOnUpdate(sql.raw('targets'))}
        returning id, code`,
  );
}

export async function upsertTasks(tx: Tx, list: Array<Record<string, unknown>>): Promise<void> {
  await tx.execute(
    sql`insert into tasks (code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date,
                           status, progress, updated_at, completed_at)
        select code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date,
               status, progress, updated_at, ${completedOnInsert}
          from ${recordset(
            list,
            `code text, target_id int, title_vi text, title_en text, agency_id int, assignee_id int,
             start_date date, due_date date, status item_status, progress smallint, updated_at timestamptz`,
          )}
        on conflict (code) do update set
          target_id = excluded.target_id, title_vi = excluded.title_vi, title_en = excluded.title_en,
          agency_id = excluded.agency_id, assignee_id = excluded.assignee_id, start_date = excluded.start_date,
          due_date = excluded.due_date, status = excluded.status, progress = excluded.progress,
          updated_at = excluded.updated_at, completed_at = ${completedOnUpdate(sql.raw('tasks'))}`,
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
