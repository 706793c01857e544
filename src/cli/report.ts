// `dondoc report --out FILE.docx [--program CODE] [--agency CODE] [--period SPEC] [--now ISO] [--lang vi|en]`:
// the progress report a steering committee signs, for a period (default: this month to date).
import { writeFileSync } from 'node:fs';
import { monthToDate } from '../core/period-spec.ts';
import { localDate } from '../core/time.ts';
import type { AgencyCode } from '../core/types.ts';
import { renderReportDocx } from '../report/docx.ts';
import { renderReportXlsx } from '../report/xlsx.ts';
import { unknownCodes } from '../store/known-codes.ts';
import { reportSnapshot } from '../store/report-snapshot.ts';
import { parseNow, UsageError, withDb, type CliContext } from './context.ts';
import { issuerFlag } from './program.ts';
import { periodFlag, programFlag } from './ranking.ts';
import type { Flags } from './run.ts';

const USAGE =
  'usage: dondoc report --out FILE.docx|FILE.xlsx [--program CODE] [--agency CODE] [--period SPEC] [--now ISO] [--lang vi|en] [--issuer "SUPERIOR|BODY"]';

export async function reportCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const out = flags.out;
  if (positional.length > 0 || out === undefined) throw new UsageError(USAGE);
  if (!/\.(docx|xlsx)$/i.test(out)) throw new UsageError(USAGE);
  const lang = flags.lang ?? 'vi';
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang: vi or en, not ${lang}`);
  const issuer = issuerFlag(flags.issuer) ?? undefined;
  const tz = ctx.config.TZ_NAME;
  const today = localDate(parseNow(flags.now, ctx.now), tz);
  const period = periodFlag(flags, today, monthToDate);
  const bytes = await withDb(ctx, async (db) => {
    const program = await programFlag(db.db, flags);
    let agency: AgencyCode | null = null;
    if (flags.agency !== undefined) {
      const code = flags.agency.trim().toUpperCase();
      if ((await unknownCodes(db.db, 'agency', [code])).length > 0)
        throw new Error(`unknown agency: ${flags.agency}`);
      agency = code as AgencyCode;
    }
    const snapshot = await reportSnapshot(db.db, { program, agency, period, today, tz });
    return /\.xlsx$/i.test(out)
      ? renderReportXlsx(snapshot, lang)
      : renderReportDocx(snapshot, { lang, issuer });
  });
  writeFileSync(out, bytes);
  ctx.io.err(`wrote ${out} (${bytes.length} bytes, ${period.from}..${period.to} on ${today})`);
  return 0;
}
