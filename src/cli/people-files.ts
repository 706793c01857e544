// `dondoc import-people`: a province's focal-point list in, with the report in the operator's language.
import type { Lang } from '../core/types.ts';
import { importPeople } from '../store/people-import/index.ts';
import { peopleWords } from '../core/catalogue/people-import.ts';
import { UsageError, type CliContext } from './context.ts';
import { importFile, printRows } from './import-file.ts';
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
  const report = await importFile(ctx, flags, path, 'is not a people list that can be read', (db, file) =>
    importPeople(db, file, { dryRun: flags.dryRun, now: ctx.now(), lang, actor: 'cli' }),
  );
  const { created, updated, unchanged, skipped, errors } = report;
  printRows(ctx, flags, report.rows, w);
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
