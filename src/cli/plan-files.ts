// `dondoc import` and `dondoc export`: a province's plan spreadsheet in, the status report out.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError } from '../core/errors.ts';
import { localDate } from '../core/time.ts';
import type { ProgramCode } from '../core/types.ts';
import { exportReport } from '../store/export-report.ts';
import { importPlan } from '../store/import/index.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export async function importCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const path = positional[0];
  if (!path || !/\.(csv|xlsx)$/i.test(path))
    throw new UsageError('usage: dondoc import FILE.csv|FILE.xlsx [--dry-run]');
  const bytes = readFileSync(path);
  try {
    const report = await withDb(ctx, (db) =>
      importPlan(db.db, { name: basename(path), bytes }, { dryRun: flags.dryRun, now: ctx.now() }),
    );
    for (const row of report.rows) {
      if (flags.json) {
        ctx.io.out(JSON.stringify(row));
        continue;
      }
      const detail = row.problem ?? row.changes.join('; ');
      ctx.io.out(
        `${row.sheet} row ${row.row}\t${row.code ?? '-'}\t${row.action}${detail ? `\t${detail}` : ''}`,
      );
    }
    const totals = `${report.created} to create, ${report.updated} to update, ${report.unchanged} unchanged, ${report.rejected} rejected`;
    if (report.rejected > 0) {
      ctx.io.err(`nothing imported: ${report.rejected} row(s) rejected (${totals})`);
      return 1;
    }
    ctx.io.err(report.applied ? `imported: ${totals}` : `dry run, nothing written: ${totals}`);
    return 0;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    for (const r of err.rows) ctx.io.out(flags.json ? JSON.stringify(r) : `row ${r.row}\t${r.problem}`);
    throw err;
  }
}

export async function exportCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const path = positional[0];
  if (!path || !/\.xlsx$/i.test(path))
    throw new UsageError('usage: dondoc export FILE.xlsx [--program CODE]');
  const program = flags.program ? (flags.program.trim().toUpperCase() as ProgramCode) : null;
  const today = localDate(ctx.now(), ctx.config.TZ_NAME);
  const bytes = await withDb(ctx, (db) => exportReport(db.db, { program, today, tz: ctx.config.TZ_NAME }));
  writeFileSync(path, bytes);
  ctx.io.err(`wrote ${path} (${bytes.length} bytes, status on ${today})`);
  return 0;
}
