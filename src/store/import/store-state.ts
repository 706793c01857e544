// The store as the importer sees it: every item and reference by code, loaded once per import.
import type { ItemStatus, LocalDate } from '../../core/types.ts';
import type { Tx } from '../db.ts';
import { agencies, people, programs, targetCoAgencies, targets, taskCoAgencies, tasks } from '../schema.ts';
import { fold } from './fold.ts';

/** What targets and tasks both hold, as the importer compares them. */
interface ItemState {
  code: string;
  titleVi: string;
  titleEn: string;
  startDate: LocalDate;
  /** null: ongoing ("Thường xuyên"). */
  dueDate: LocalDate | null;
  /** The deadline as written, when it is not a plain date. */
  dueText: string | null;
  deliverable: string | null;
  note: string | null;
  /** Co-operating agencies' codes, in the plan's order. */
  coAgencies: string[];
  status: ItemStatus;
  progress: number;
  updatedAt: Date;
}
export interface TargetState extends ItemState {
  program: string;
  lead: string;
  /** The field of work (a plan's section) it is grouped under. */
  fieldVi: string | null;
  unit: string | null;
  targetValue: number;
  currentValue: number;
}
export interface TaskState extends ItemState {
  target: string;
  agency: string;
  assignee: string | null;
}

export interface Named {
  ids: Map<string, number>;
  /** Folded names and aliases → code; null when two codes share the name. */
  byName: Map<string, string | null>;
}
export interface StoreState {
  programs: Named;
  agencies: Named;
  people: Map<string, { id: number; agency: string; name: string }>;
  peopleByName: Map<string, string[]>;
  targets: Map<string, TargetState>;
  targetIds: Map<string, number>;
  tasks: Map<string, TaskState>;
}

function named(list: Array<{ id: number; code: string; nameVi: string; nameEn: string; aliases: string[] }>) {
  const ids = new Map(list.map((r) => [r.code, r.id]));
  const byName = new Map<string, string | null>();
  for (const r of list) {
    for (const name of [r.nameVi, r.nameEn, ...r.aliases]) {
      const f = fold(name);
      if (f === '') continue;
      const seen = byName.get(f);
      byName.set(f, seen === undefined || seen === r.code ? r.code : null);
    }
  }
  return { ids, byName };
}

function selectNamed(tx: Tx, table: typeof programs | typeof agencies) {
  const { id, code, nameVi, nameEn, aliases } = table;
  return tx.select({ id, code, nameVi, nameEn, aliases }).from(table);
}

/** Rows by their code, each as the importer sees it. */
function byCode<R extends { code: string }, S>(rows: R[], state: (row: R) => S): Map<string, S> {
  return new Map(rows.map((r) => [r.code, state(r)]));
}

/** The columns targets and tasks share, off a row of either table. */
function itemState(
  row: typeof targets.$inferSelect | typeof tasks.$inferSelect,
  cos: Map<number, string[]>,
): ItemState {
  return {
    code: row.code,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    startDate: row.startDate as LocalDate,
    dueDate: row.dueDate as LocalDate | null,
    dueText: row.dueText,
    deliverable: row.deliverable,
    note: row.note,
    coAgencies: cos.get(row.id) ?? [],
    status: row.status,
    progress: row.progress,
    updatedAt: row.updatedAt,
  };
}

export async function loadState(tx: Tx): Promise<StoreState> {
  const [programRows, agencyRows, personRows, targetRows, taskRows, targetCo, taskCo] = await Promise.all([
    selectNamed(tx, programs),
    selectNamed(tx, agencies),
    tx
      .select({ id: people.id, code: people.code, name: people.fullName, agencyId: people.agencyId })
      .from(people),
    tx.select().from(targets),
    tx.select().from(tasks),
    tx.select().from(targetCoAgencies).orderBy(targetCoAgencies.position),
    tx.select().from(taskCoAgencies).orderBy(taskCoAgencies.position),
  ]);
  const codeOf = (list: Array<{ id: number; code: string }>) => new Map(list.map((r) => [r.id, r.code]));
  const programCode = codeOf(programRows);
  const agencyCode = codeOf(agencyRows);
  const personCode = codeOf(personRows);
  const targetCode = codeOf(targetRows);
  const coOf = (list: Array<{ agencyId: number }>, id: (r: never) => number) => {
    const m = new Map<number, string[]>();
    for (const r of list) {
      const k = id(r as never);
      m.set(k, [...(m.get(k) ?? []), agencyCode.get(r.agencyId) ?? '']);
    }
    return m;
  };
  const targetCos = coOf(targetCo, (r: { targetId: number }) => r.targetId);
  const taskCos = coOf(taskCo, (r: { taskId: number }) => r.taskId);
  const peopleByName = new Map<string, string[]>();
  for (const p of personRows) {
    const f = fold(p.name);
    peopleByName.set(f, [...(peopleByName.get(f) ?? []), p.code]);
  }
  return {
    programs: named(programRows),
    agencies: named(agencyRows),
    people: new Map(
      personRows.map((p) => [p.code, { id: p.id, agency: agencyCode.get(p.agencyId) ?? '', name: p.name }]),
    ),
    peopleByName,
    targetIds: new Map(targetRows.map((t) => [t.code, t.id])),
    targets: byCode(targetRows, (t) => ({
      ...itemState(t, targetCos),
      program: programCode.get(t.programId) ?? '',
      lead: agencyCode.get(t.leadAgencyId) ?? '',
      fieldVi: t.fieldVi,
      unit: t.unit,
      targetValue: Number(t.targetValue),
      currentValue: Number(t.currentValue),
    })),
    tasks: byCode(taskRows, (t) => ({
      ...itemState(t, taskCos),
      target: targetCode.get(t.targetId) ?? '',
      agency: agencyCode.get(t.agencyId) ?? '',
      assignee: t.assigneeId === null ? null : (personCode.get(t.assigneeId) ?? null),
    })),
  };
}
