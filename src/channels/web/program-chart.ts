// The chart a programme is judged by: its tasks per agency in traffic-light buckets, for the page, /chart and digests.
import { formatDay } from '../../core/format.ts';
import type { Lang, LocalDate, ProgramCode } from '../../core/types.ts';
import type { ChartData } from '../../store/console-port.ts';
import type { AgencyBuckets } from '../../store/dashboard.ts';
import { LIGHT_COLORS, renderChartPng, type BarChart } from './charts.ts';
import { words } from './i18n.ts';
import { GRID_SEGMENTS } from './widgets.ts';
import { messages } from '../../core/messages.ts';

/** The status grid per agency: done on time, done late, within deadline, overdue. */
export function agencyChart(
  agencies: AgencyBuckets[],
  opts: { lang: Lang; program: ProgramCode; today: LocalDate },
): BarChart {
  const w = words(opts.lang);
  const m = messages(opts.lang);
  return {
    title: w.chartTitle(opts.program),
    subtitle: w.chartSubtitle(formatDay(opts.today, opts.lang)),
    series: GRID_SEGMENTS.map((s) => ({
      label: m.gridCell(s.cell),
      color: LIGHT_COLORS[s.light],
      ...(s.light === 'green' || s.light === 'red' ? {} : { ink: '#1b2733' }),
    })),
    rows: agencies.map((a) => ({
      label: a.name[opts.lang],
      values: GRID_SEGMENTS.map((s) => a.tasks[s.field]),
    })),
    empty: w.chartEmpty,
  };
}

/** The chart of one programme, or null when there is no such programme. */
export async function programChart(
  data: ChartData,
  opts: { program: string; today: LocalDate; lang: Lang; tz?: string },
): Promise<BarChart | null> {
  const code = opts.program.trim().toUpperCase() as ProgramCode;
  const programs = await data.programBuckets(opts.today, opts.tz);
  if (!programs.some((p) => p.program === code)) return null;
  return agencyChart(await data.agencyBuckets(code, opts.today, opts.tz), { ...opts, program: code });
}

/** For Telegram's /chart and the leaders' weekly digest: the programme's chart as PNG bytes, or null. */
export async function programChartPng(
  data: ChartData,
  opts: { program: string; today: LocalDate; lang: Lang; width?: number },
): Promise<Buffer | null> {
  const chart = await programChart(data, opts);
  return chart ? renderChartPng(chart, { width: opts.width ?? 720 }) : null;
}
