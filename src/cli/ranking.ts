// `dondoc ranking [--program CODE] [--period SPEC] [--now ISO] [--json]`: the agencies' on-time rates,
// lowest first, for a period (default: the year to date, as the chat and the dashboard use).
import { parsePeriodSpec, periodEnd, yearToDate } from '../core/period-spec.ts';
import { localDate } from '../core/time.ts';
import type { LocalDate, Period, ProgramCode } from '../core/types.ts';
import type { DbOrTx } from '../store/db.ts';
import { unknownCodes } from '../store/known-codes.ts';
import { agencyRanking } from '../store/ranking.ts';
import { parseNow, UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

/** `--period`, or `fallback(today)` when none is given; a spec that is not a period is bad usage. */
export function periodFlag(flags: Flags, today: LocalDate, fallback: (d: LocalDate) => Period): Period {
  if (flags.period === undefined) return fallback(today);
  const period = parsePeriodSpec(flags.period);
  if (period === null)
    throw new UsageError(
      `--period: not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or FROM..TO): ${flags.period}`,
    );
  return period;
}

/** `--program` as the store spells it, or null for all; a code the store does not know fails (exit 1). */
export async function programFlag(db: DbOrTx, flags: Flags): Promise<ProgramCode | null> {
  if (flags.program === undefined) return null;
  const code = flags.program.trim().toUpperCase();
  if ((await unknownCodes(db, 'program', [code])).length > 0)
    throw new Error(`unknown programme: ${flags.program}`);
  return code as ProgramCode;
}

const percent = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(1)} %`);

export async function rankingCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  if (positional.length > 0) throw new UsageError('usage: dondoc ranking [--program CODE] [--period SPEC]');
  const tz = ctx.config.TZ_NAME;
  const today = localDate(parseNow(flags.now, ctx.now), tz);
  const period = periodFlag(flags, today, yearToDate);
  const list = await withDb(ctx, async (db) => {
    const program = await programFlag(db.db, flags);
    return agencyRanking(db.db, { program, period, today, tz });
  });
  if (!flags.json) ctx.io.out(`#\tagency\ton-time\ton time\tlate\toverdue\tdue\tname`);
  list.forEach((r, i) => {
    const c = r.counts;
    if (flags.json) {
      ctx.io.out(
        JSON.stringify({
          agency: r.agency,
          on_time_rate: r.onTimeRate,
          done_on_time: c.doneOnTime,
          done_late: c.doneLate,
          open_in_time: c.openInTime,
          open_overdue: c.overdue,
          ongoing: c.ongoing,
        }),
      );
    } else {
      ctx.io.out(
        [
          i + 1,
          r.agency,
          percent(r.onTimeRate),
          c.doneOnTime,
          c.doneLate,
          c.overdue,
          c.total,
          r.name.vi,
        ].join('\t'),
      );
    }
  });
  if (!flags.json) ctx.io.err(`period ${period.from}..${period.to}, judged on ${periodEnd(period, today)}`);
  return 0;
}
