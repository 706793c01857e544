// The report of an import: what happens to each row, and the totals.
import { action, type Entry } from './entry.ts';

export type ImportAction = 'create' | 'update' | 'unchanged' | 'reject';

export interface ImportRow {
  /** The row as the spreadsheet numbers it (the header row of a CSV is row 1). */
  row: number;
  /** The sheet the row is on (a CSV: its file name), since an XLSX may carry a targets and a tasks sheet. */
  sheet: string;
  code: string | null;
  action: ImportAction;
  /** What an update changes, one line per column: `due_date 2025-06-30 → 2025-09-30`. */
  changes: string[];
  /** Why the row is rejected (every problem found, joined by "; "); null otherwise. */
  problem: string | null;
}

export interface ImportReport {
  kind: 'targets' | 'tasks' | 'mixed';
  rows: ImportRow[];
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** True only when the changes were written: no rejected row and not a dry run. */
  applied: boolean;
}

export function reportOf(kind: ImportReport['kind'], rows: ImportRow[], applied: boolean): ImportReport {
  const count = (a: ImportAction) => rows.filter((r) => r.action === a).length;
  return {
    kind,
    rows,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    rejected: count('reject'),
    applied,
  };
}

export function reportRows(entries: Array<Entry<unknown>>): ImportRow[] {
  return entries.map((e) => {
    const a = action(e);
    return {
      row: e.row,
      sheet: e.sheet,
      code: e.code,
      action: a,
      changes: a === 'update' ? e.changes : [],
      problem: e.problems.length > 0 ? e.problems.join('; ') : null,
    };
  });
}
