// Gathers what the leaders' dashboard shows, as plain data: the HTML page and /api/dashboard share it.
import { inScope, type ConsoleScope } from '../../core/permissions.ts';
import type { EvidenceView, ItemDetail } from '../../core/ports.ts';
import { daysBetween } from '../../core/time.ts';
import { parsePeriodSpec, periodEnd, yearToDate } from '../../core/period-spec.ts';
import type { AgencyRank } from '../../core/ranking.ts';
import type { ItemCode, ItemView, LocalDate, Period } from '../../core/types.ts';
import type { ConsoleStore } from '../../store/console-port.ts';
import type { AgencyBuckets, Change, ProgramBuckets } from '../../store/dashboard.ts';

export type Late<T> = T & { daysLate: number };

export interface DashboardData {
  today: LocalDate;
  programs: ProgramBuckets[];
  /** The programme shown; null when the province has none yet. */
  program: ProgramBuckets | null;
  /** Done targets over all targets, in percent (39.53… for NQ57 on the demo). */
  percentDone: number;
  agencies: AgencyBuckets[];
  overdueTargets: Late<ItemView>[];
  overdueTasks: Late<ItemView>[];
  week: { from: Date; to: Date; total: number; done: number; changes: Change[] };
  /** The programme's agencies by on-time rate, lowest first: the same query as `dondoc ranking`. */
  ranking: DashboardRanking;
}

export interface DashboardRanking {
  period: Period;
  /** B: the day the grid is read at. */
  end: LocalDate;
  /** The `?period=` asked for (null: none, the year to date). */
  spec: string | null;
  /** The `?period=` asked for, when it was not a period (the year to date is shown instead). */
  badSpec: string | null;
  rows: AgencyRank[];
}

/** `?period=` as the CLI reads `--period`; none (or one that is not a period) is the year to date. */
export function rankingPeriod(
  spec: string | null,
  today: LocalDate,
): { period: Period; badSpec: string | null } {
  if (spec === null || spec.trim() === '') return { period: yearToDate(today), badSpec: null };
  const period = parsePeriodSpec(spec);
  return period === null ? { period: yearToDate(today), badSpec: spec } : { period, badSpec: null };
}

export const WEEK_MS = 7 * 86_400_000;
/** The newest changes listed; the count covers them all. */
export const CHANGES_SHOWN = 10;

export function percentDone(p: ProgramBuckets | null): number {
  return p && p.targets.total > 0 ? (p.targets.done / p.targets.total) * 100 : 0;
}

function late(today: LocalDate) {
  return (item: ItemView): Late<ItemView> => ({
    ...item,
    daysLate: daysBetween(item.dueDate ?? today, today),
  });
}

/** Most late first, then by code. */
function byLateness(a: Late<ItemView>, b: Late<ItemView>): number {
  return b.daysLate - a.daysLate || a.code.localeCompare(b.code);
}

export async function loadDashboard(
  store: ConsoleStore,
  opts: { program: string | null; today: LocalDate; now: Date; period?: string | null },
): Promise<DashboardData> {
  const { period, badSpec } = rankingPeriod(opts.period ?? null, opts.today);
  const spec = opts.period?.trim() ? opts.period.trim() : null;
  const ranking: DashboardRanking = { period, end: periodEnd(period, opts.today), spec, badSpec, rows: [] };
  const programs = await store.programBuckets(opts.today, store.tz);
  const wanted = opts.program?.trim().toUpperCase();
  const program = programs.find((p) => p.program === wanted) ?? programs[0] ?? null;
  const to = opts.now;
  const from = new Date(to.getTime() - WEEK_MS);
  if (!program)
    return {
      today: opts.today,
      programs,
      program: null,
      percentDone: 0,
      agencies: [],
      overdueTargets: [],
      overdueTasks: [],
      week: { from, to, total: 0, done: 0, changes: [] },
      ranking,
    };
  const scope = { program: program.program, agency: null };
  const [agencies, targets, tasks, week, ranks] = await Promise.all([
    store.agencyBuckets(program.program, opts.today, store.tz),
    store.overdue(scope, 'target', opts.today),
    store.overdue(scope, 'task', opts.today),
    store.changesBetween(program.program, from, to, CHANGES_SHOWN),
    store.agencyRanking({ program: program.program, period, today: opts.today, tz: store.tz }),
  ]);
  return {
    today: opts.today,
    programs,
    program,
    percentDone: percentDone(program),
    agencies,
    overdueTargets: targets.map(late(opts.today)).sort(byLateness),
    overdueTasks: tasks.map(late(opts.today)).sort(byLateness),
    week: { from, to, ...week },
    ranking: { ...ranking, rows: ranks },
  };
}

export interface ItemPage {
  detail: ItemDetail;
  /** For a target: each task with its own recent history. */
  tasks: { item: ItemView; history: ItemDetail['history'] }[];
  /** Files attached to the item itself, newest first (each downloads from the item's page). */
  evidence: EvidenceView[];
}

/**
 * An item's page within a console scope: an item outside it is not found (its existence is not told),
 * and a target shows only the tasks and updates within the scope.
 */
export async function loadItem(
  store: ConsoleStore,
  code: string,
  scope: ConsoleScope = { all: true },
): Promise<ItemPage | null> {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{0,15}-\d{1,4}(?:\.\d{1,4})?$/.test(upper)) return null;
  const found = await store.item(upper as ItemCode);
  if (!found || !inScope(scope, found.item)) return null;
  const children = found.children.filter((child) => inScope(scope, child));
  const shown = new Set<string>([found.item.code, ...children.map((child) => child.code)]);
  const detail = scope.all
    ? found
    : { ...found, children, recent: found.recent.filter((r) => r.item === null || shown.has(r.item)) };
  const tasks = await Promise.all(
    detail.children.map(async (child) => ({
      item: child,
      history: (await store.item(child.code))?.history ?? [],
    })),
  );
  return { detail, tasks, evidence: await store.evidenceOf(found.item.code) };
}
