// A planned row: the item before and after the file's changes, or the problems that reject the row.
import type { ItemStatus } from '../../core/types.ts';
import type { ImportAction } from './report.ts';
import type { TargetState, TaskState } from './store-state.ts';

export interface Entry<S> {
  sheet: string;
  row: number;
  code: string | null;
  problems: string[];
  before: S | null;
  /** null while the row has problems. */
  after: S | null;
  changes: string[];
  /** The status the file states (null: blank or no column). */
  fileStatus: ItemStatus | null;
  /** updated_at the file states and that differs from the store's. */
  explicitUpdatedAt: Date | null;
}
export type TargetEntry = Entry<TargetState>;
export type TaskEntry = Entry<TaskState>;

/** Where a data row is: its sheet and row number. */
export interface RowPlace {
  sheet: string;
  row: number;
}

export function newEntry<S>(
  place: RowPlace,
  code: string | null,
  problems: string[],
  before: S | null,
  fileStatus: ItemStatus | null,
): Entry<S> {
  return { ...place, code, problems, before, after: null, changes: [], fileStatus, explicitUpdatedAt: null };
}

export const action = (e: Entry<unknown>): ImportAction =>
  e.problems.length > 0
    ? 'reject'
    : e.before === null
      ? 'create'
      : e.changes.length > 0
        ? 'update'
        : 'unchanged';

/** Whether the entry creates or updates its item. */
export function isWrite(e: Entry<unknown>): boolean {
  const a = action(e);
  return a === 'create' || a === 'update';
}

/** The entries to write. */
export function writesOf<S>(list: Entry<S>[]): Array<Entry<S> & { after: S }> {
  return list.filter(isWrite) as Array<Entry<S> & { after: S }>;
}
