// Writing a plan in the import's transaction: targets, tasks, the touched targets' roll-up, the audit.
import type { LocalDate } from '../../core/types.ts';
import type { Tx } from '../db.ts';
import { rollUpTargets } from '../record-update.ts';
import { TARGET_FIELDS, TASK_FIELDS, type Field } from './diff.ts';
import { writesOf, type Entry } from './entry.ts';
import type { Plan } from './plan.ts';
import type { StoreState } from './store-state.ts';
import { insertAudits, replaceCoAgencies, upsertTargets, upsertTasks } from './upserts.ts';
import { isoInZone } from './zone.ts';

const BATCH = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

interface Item {
  code: string;
  startDate: LocalDate;
  updatedAt: Date;
}

/** An item as the audit trail keeps it: its file columns by name, plus start_date. */
function snapshot<S extends Item>(s: S, fields: Array<Field<S>>): Record<string, string | number | null> {
  return {
    code: s.code,
    ...Object.fromEntries(fields.map(([column, get]) => [column, get(s)])),
    start_date: s.startDate,
    updated_at: isoInZone(s.updatedAt),
  };
}

function auditRows<S extends Item>(
  entity: 'target' | 'task',
  writes: Array<Entry<S> & { after: S }>,
  fields: Array<Field<S>>,
  at: string,
): Array<Record<string, unknown>> {
  return writes.map((e) => ({
    at,
    actor: 'import',
    action: e.before ? 'update' : 'create',
    entity,
    entity_code: e.after.code,
    before: e.before ? snapshot(e.before, fields) : null,
    after: { ...snapshot(e.after, fields), changes: e.changes },
  }));
}

/** Each written item's co-operating agencies as ids, for the rows the upsert returned. */
function coRows(
  batch: Array<{ after: { code: string; coAgencies: string[] } }>,
  saved: Array<{ id: number; code: string }>,
  st: StoreState,
): Array<{ id: number; agencyIds: number[] }> {
  const ids = new Map(saved.map((r) => [r.code, Number(r.id)]));
  return batch.flatMap(({ after }) => {
    const id = ids.get(after.code);
    if (id === undefined) return [];
    const agencyIds = after.coAgencies.map((c) => st.agencies.ids.get(c)).filter((v) => v !== undefined);
    return [{ id, agencyIds }];
  });
}

export async function applyPlan(tx: Tx, plan: Plan, st: StoreState, now: Date): Promise<void> {
  const targetWrites = writesOf(plan.targets);
  const taskWrites = writesOf(plan.tasks);
  const targetIds = new Map(st.targetIds);
  const id = (map: Map<string, number>, code: string | null): number => {
    const v = code === null ? undefined : map.get(code);
    if (v === undefined) throw new Error(`import: no id for ${code}`);
    return v;
  };

  for (const batch of chunks(targetWrites)) {
    const saved = await upsertTargets(
      tx,
      batch.map(({ after: s }) => ({
        code: s.code,
        program_id: id(st.programs.ids, s.program),
        title_vi: s.titleVi,
        title_en: s.titleEn,
        lead_agency_id: id(st.agencies.ids, s.lead),
        unit: s.unit,
        target_value: s.targetValue,
        current_value: s.currentValue,
        start_date: s.startDate,
        due_date: s.dueDate,
        due_text: s.dueText,
        field_vi: s.fieldVi,
        deliverable: s.deliverable,
        note: s.note,
        status: s.status,
        progress: s.progress,
        updated_at: s.updatedAt.toISOString(),
      })),
    );
    // New targets get their ids here; their tasks need them.
    for (const r of saved) targetIds.set(r.code, Number(r.id));
    await replaceCoAgencies(tx, 'target_co_agencies', coRows(batch, saved, st));
  }

  const personIds = new Map([...st.people].map(([code, p]) => [code, p.id]));
  for (const batch of chunks(taskWrites)) {
    const saved = await upsertTasks(
      tx,
      batch.map(({ after: s }) => ({
        code: s.code,
        target_id: id(targetIds, s.target),
        title_vi: s.titleVi,
        title_en: s.titleEn,
        agency_id: id(st.agencies.ids, s.agency),
        assignee_id: s.assignee === null ? null : id(personIds, s.assignee),
        start_date: s.startDate,
        due_date: s.dueDate,
        due_text: s.dueText,
        deliverable: s.deliverable,
        note: s.note,
        status: s.status,
        progress: s.progress,
        updated_at: s.updatedAt.toISOString(),
      })),
    );
    await replaceCoAgencies(tx, 'task_co_agencies', coRows(batch, saved, st));
  }

  const touchedIds = [...plan.touched].map((code) => targetIds.get(code)).filter((v) => v !== undefined);
  await rollUpTargets(tx, touchedIds);

  const at = now.toISOString();
  const audits = [
    ...auditRows('target', targetWrites, TARGET_FIELDS, at),
    ...auditRows('task', taskWrites, TASK_FIELDS, at),
  ];
  for (const batch of chunks(audits)) await insertAudits(tx, batch);
}
