// `dondoc import` and `dondoc export`: a province's plan spreadsheet in, the status report out.
import { writeFileSync } from 'node:fs';
import { localDate } from '../core/time.ts';
import type { ProgramCode } from '../core/types.ts';
import { exportReport } from '../store/export-report.ts';
import { planWords } from '../core/catalogue/plan-import.ts';
import { importPlanFile } from '../store/import/plan-file.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import { importFile, printRows } from './import-file.ts';
import { langFlag } from './people-files.ts';
import type { Flags } from './run.ts';

export async function importCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const path = positional[0];
  if (!path || positional.length > 1 || !/\.(csv|xlsx)$/i.test(path))
    throw new UsageError(
      'usage: dondoc import FILE.csv|FILE.xlsx [--program CODE] [--dry-run] [--json] [--lang vi|en]',
    );
  const lang = langFlag(flags.lang);
  const w = planWords(lang);
  const report = await importFile(ctx, flags, path, 'holds no plan that can be read', (db, file) =>
    importPlanFile(db, file, { dryRun: flags.dryRun, now: ctx.now(), lang, program: flags.program ?? null }),
  );
  const { created, updated, unchanged, skipped, errors } = report;
  const totals = { created, updated, unchanged, skipped, errors };
  printRows(ctx, flags, report.rows, w);
  if (flags.json) ctx.io.out(JSON.stringify(totals));
  else {
    if (report.unknownAgencies.length > 0) {
      ctx.io.out(w.unknownHead);
      for (const u of report.unknownAgencies)
        ctx.io.out(`  ${w.unknownList(u.written, u.places.join(', '), u.closest)}`);
    }
    const head = errors > 0 ? w.nothingWritten(errors) : report.applied ? w.done : w.dryRun;
    ctx.io.out(`${head}: ${w.totals(totals, report.applied)}`);
  }
  if (errors > 0) {
    ctx.io.err(`nothing imported: ${errors} row(s) with errors`);
    return 1;
  }
  return 0;
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
