// Imports a plan spreadsheet (CSV or XLSX, English or Vietnamese headers): all rows written, or none.
import { sql } from 'drizzle-orm';
import { ImportError } from '../../core/errors.ts';
import { SCHEMA_LOCK, type Db } from '../db.ts';
import { applyPlan } from './apply.ts';
import type { Entry } from './entry.ts';
import { layoutOf, type Layout, type LayoutFailure } from './layout.ts';
import { planImport } from './plan.ts';
import { readSheets } from './read-sheets.ts';
import { reportOf, reportRows, type ImportReport } from './report.ts';
import { loadState } from './store-state.ts';

export { COLUMN_LABELS_VI, TARGET_COLUMNS, TASK_COLUMNS } from './columns.ts';
export { fold } from './fold.ts';
export type { ImportAction, ImportReport, ImportRow } from './report.ts';
export { isoInZone } from './zone.ts';

/**
 * Imports targets and tasks from a plan file (CSV or XLSX). Every row is checked and reported; with
 * any row rejected, or on a dry run, nothing is written. Otherwise, in one transaction: upserts by code
 * (targets, then tasks), rolls the touched targets up from their tasks, one audit_log row per item.
 * Throws ImportError when the file cannot be read at all (not CSV/XLSX, no header row).
 */
export async function importPlan(
  db: Db,
  file: { name: string; bytes: Buffer },
  opts: { dryRun: boolean; now: Date },
): Promise<ImportReport> {
  const sheets = await readSheets(file);
  const laid = sheets
    .filter((s) => s.ownLayout !== false)
    .map(layoutOf)
    .filter((l) => l !== null);
  if (laid.length === 0) {
    throw new ImportError(
      `${file.name}: no sheet has a header row naming plan columns (code, title_vi, due_date…)`,
      [{ row: 1, problem: 'no header row' }],
    );
  }
  const layouts = laid.filter((l): l is Layout => 'columns' in l);
  const failures = laid.filter((l): l is LayoutFailure => !('columns' in l));
  const kinds = new Set(laid.map((l) => l.kind).filter((k) => k !== null));
  const kind: ImportReport['kind'] =
    kinds.size > 1 ? 'mixed' : kinds.has('tasks') ? 'tasks' : kinds.has('targets') ? 'targets' : 'mixed';
  if (failures.length > 0) {
    const rows = failures.map((f) => ({
      row: f.row,
      sheet: f.sheet,
      code: null,
      action: 'reject' as const,
      changes: [],
      problem: f.problem,
    }));
    return reportOf(kind, rows, false);
  }

  return db.transaction(async (tx) => {
    // The seed's lock: an import never interleaves with a demo load or another import.
    if (!opts.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    const st = await loadState(tx);
    const plan = planImport(layouts, st, opts.now);
    const rows = reportRows([...plan.targets, ...plan.tasks] as Array<Entry<unknown>>);
    const report = reportOf(kind, rows, false);
    if (report.rejected > 0 || opts.dryRun) return report;
    if (report.created + report.updated > 0) await applyPlan(tx, plan, st, opts.now);
    return { ...report, applied: true };
  });
}
