// The chart a programme is judged by: its tasks per agency in traffic-light buckets, for the page, /chart and digests.
import { formatDay } from '../../core/format.ts';
import type { Lang, LocalDate, ProgramCode } from '../../core/types.ts';
import { agencyBuckets, programBuckets, type AgencyBuckets } from '../../store/dashboard.ts';
import type { Db } from '../../store/db.ts';
import { LIGHT_COLORS, renderChartPng, type BarChart } from './charts.ts';
import { words } from './i18n.ts';

/** Done, in progress, overdue, not started: the order the bars stack in and the legend reads. */
export function agencyChart(
  agencies: AgencyBuckets[],
  opts: { lang: Lang; program: ProgramCode; today: LocalDate },
): BarChart {
  const w = words(opts.lang);
  return {
    title: w.chartTitle(opts.program),
    subtitle: w.chartSubtitle(formatDay(opts.today, opts.lang)),
    series: [
      { label: w.bucketDone, color: LIGHT_COLORS.green },
      { label: w.bucketInProgress, color: LIGHT_COLORS.orange, ink: '#1b2733' },
      { label: w.bucketOverdue, color: LIGHT_COLORS.red },
      { label: w.bucketNotStarted, color: LIGHT_COLORS.white, ink: '#1b2733' },
    ],
    rows: agencies.map((a) => ({
      label: a.name[opts.lang],
      values: [a.tasks.done, a.tasks.inProgress, a.tasks.overdue, a.tasks.notStarted],
    })),
    empty: w.chartEmpty,
  };
}

/** The chart of one programme, or null when there is no such programme. */
export async function programChart(
  db: Db,
  opts: { program: string; today: LocalDate; lang: Lang },
): Promise<BarChart | null> {
  const code = opts.program.trim().toUpperCase() as ProgramCode;
  const programs = await programBuckets(db, opts.today);
  if (!programs.some((p) => p.program === code)) return null;
  return agencyChart(await agencyBuckets(db, code, opts.today), { ...opts, program: code });
}

/** For Telegram's /chart and the leaders' weekly digest: the programme's chart as PNG bytes, or null. */
export async function programChartPng(
  db: Db,
  opts: { program: string; today: LocalDate; lang: Lang; width?: number },
): Promise<Buffer | null> {
  const chart = await programChart(db, opts);
  return chart ? renderChartPng(chart, { width: opts.width ?? 720 }) : null;
}
