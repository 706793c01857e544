// What an update changes: one line per column that differs, as the report and the audit trail show it.
import type { Entry } from './entry.ts';
import type { TargetState, TaskState } from './store-state.ts';
import { isoInZone } from './zone.ts';

/** A column of the plan files and how to read it off an item. */
export type Field<S> = [column: string, get: (s: S) => string | number | null];

/** What targets and tasks both have, read the same way off either. */
type ItemState = TargetState | TaskState;
const TITLES: Array<Field<ItemState>> = [
  ['title_vi', (s) => s.titleVi],
  ['title_en', (s) => s.titleEn],
];
const DUE: Array<Field<ItemState>> = [
  ['due_date', (s) => s.dueDate],
  ['due_text', (s) => s.dueText],
];
/** The columns that close both files, from the deliverable to the progress. */
const CLOSING: Array<Field<ItemState>> = [
  ['deliverable', (s) => s.deliverable],
  ['note', (s) => s.note],
  ['co_agencies', (s) => s.coAgencies.join(';')],
  ['status', (s) => s.status],
  ['progress', (s) => s.progress],
];

/** The target columns an import can change, in targets.csv's order. */
export const TARGET_FIELDS: Array<Field<TargetState>> = [
  ['program_code', (s) => s.program],
  ...TITLES,
  ['lead_agency_code', (s) => s.lead],
  ['unit', (s) => s.unit],
  ['target_value', (s) => s.targetValue],
  ['current_value', (s) => s.currentValue],
  ...DUE,
  ['field_vi', (s) => s.fieldVi],
  ...CLOSING,
];
/** The task columns an import can change, in tasks.csv's order. */
export const TASK_FIELDS: Array<Field<TaskState>> = [
  ['target_code', (s) => s.target],
  ...TITLES,
  ['agency_code', (s) => s.agency],
  ['assignee_code', (s) => s.assignee],
  ...DUE,
  ...CLOSING,
];

/** A value as a change line shows it: long titles cut, blanks named, text with spaces quoted. */
const show = (v: string | number | null): string => {
  if (v === null || v === '') return '(blank)';
  if (typeof v === 'number') return String(v);
  const chars = [...v];
  return chars.length > 60 ? `"${chars.slice(0, 59).join('')}…"` : /\s/.test(v) ? `"${v}"` : v;
};

/** `due_date 2025-06-30 → 2025-09-30` for each column that differs; none for a new item. */
export function changesOf<S extends { updatedAt: Date }>(e: Entry<S>, fields: Array<Field<S>>): string[] {
  if (!e.before || !e.after) return [];
  const out: string[] = [];
  for (const [name, get] of fields) {
    const a = get(e.before);
    const b = get(e.after);
    if (a !== b) out.push(`${name} ${show(a)} → ${show(b)}`);
  }
  // Only a stated updated_at is a change: one the import derives follows from the other changes.
  if (e.explicitUpdatedAt) {
    out.push(`updated_at ${isoInZone(e.before.updatedAt)} → ${isoInZone(e.explicitUpdatedAt)}`);
  }
  return out;
}
