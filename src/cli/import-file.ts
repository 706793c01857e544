// What `dondoc import` and `dondoc import-people` do alike: read the file, tell why one cannot be read at
// all, and print the report's rows, a line each or as JSON.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportOutcomeWords } from '../core/catalogue/import-outcome.ts';
import { ImportError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

/** One row of an import's report, as `--json` prints it. */
interface ReportRow {
  row: number;
  sheet: string;
  action: keyof ImportOutcomeWords['actionLabel'];
  codes: string[];
  message: string;
}

/**
 * Runs an import of the file at `path`. A file that cannot be read at all is printed as one error row (in the
 * report's own shape under --json) and thrown, `unreadable` saying what it is not.
 */
export async function importFile<R>(
  ctx: CliContext,
  flags: Pick<Flags, 'json'>,
  path: string,
  unreadable: string,
  run: (db: Db, file: { name: string; bytes: Buffer }) => Promise<R>,
): Promise<R> {
  const bytes = readFileSync(path);
  const name = basename(path);
  try {
    return await withDb(ctx, (db) => run(db.db, { name, bytes }));
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    if (flags.json)
      ctx.io.out(JSON.stringify({ row: 1, sheet: name, action: 'error', codes: [], message: err.message }));
    else ctx.io.out(err.message);
    throw new Error(`nothing imported: ${name} ${unreadable}`, { cause: err });
  }
}

/** The report's rows: each as JSON, or as a tab-separated line in the operator's language. */
export function printRows(
  ctx: CliContext,
  flags: Pick<Flags, 'json'>,
  rows: ReportRow[],
  w: ImportOutcomeWords,
): void {
  for (const r of rows) {
    if (flags.json) ctx.io.out(JSON.stringify(r));
    else
      ctx.io.out(
        `${w.rowLabel(r.sheet, r.row)}\t${w.actionLabel[r.action]}\t${r.codes.join(',') || '-'}\t${r.message}`,
      );
  }
}
