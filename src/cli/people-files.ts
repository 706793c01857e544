// `dondoc import-people`: a province's focal-point list in, with the report in the operator's language.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportError } from '../core/errors.ts';
import type { Lang } from '../core/types.ts';
import { importPeople } from '../store/people-import/index.ts';
import { peopleWords } from '../core/catalogue/people-import.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export function langFlag(value: string | undefined): Lang {
  if (value === undefined || value === 'vi') return 'vi';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang: vi or en, not ${value}`);
}

export async function importPeopleCommand(
  ctx: CliContext,
  positional: string[],
  flags: Flags,
): Promise<number> {
  const path = positional[0];
  if (!path || positional.length > 1)
    throw new UsageError(
      'usage: dondoc import-people FILE.csv|FILE.xlsx [--dry-run] [--json] [--lang vi|en]',
    );
  const lang = langFlag(flags.lang);
  const w = peopleWords(lang);
  const bytes = readFileSync(path);
  let report;
  try {
    report = await withDb(ctx, (db) =>
      importPeople(
        db.db,
        { name: basename(path), bytes },
        { dryRun: flags.dryRun, now: ctx.now(), lang, actor: 'cli' },
      ),
    );
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    const message = err.message;
    if (flags.json)
      ctx.io.out(JSON.stringify({ row: 1, sheet: basename(path), action: 'error', codes: [], message }));
    else ctx.io.out(message);
    throw new Error(`nothing imported: ${basename(path)} is not a people list that can be read`, {
      cause: err,
    });
  }
  const { created, updated, unchanged, skipped, errors } = report;
  for (const r of report.rows) {
    if (flags.json) ctx.io.out(JSON.stringify(r));
    else
      ctx.io.out(
        `${w.rowLabel(r.sheet, r.row)}\t${w.actionLabel[r.action]}\t${r.codes.join(',') || '-'}\t${r.message}`,
      );
  }
  const totals = { created, updated, unchanged, skipped, errors };
  if (flags.json) ctx.io.out(JSON.stringify(totals));
  else {
    const head = errors > 0 ? w.nothingWritten(errors) : report.applied ? w.done : w.dryRun;
    ctx.io.out(`${head}: ${w.totals(totals)}`);
  }
  if (errors > 0) {
    ctx.io.err(`nothing imported: ${errors} row(s) with errors`);
    return 1;
  }
  return 0;
}
