// The oracle of every count on the demo: the status grid, the agencies' league table and the late
// items, read straight from the demo's CSV files by tracking.md's rules, with none of the store's
// code. The files' timestamps are written in +07:00 (demo/README.md), so a finish's local day is
// the first ten characters of `updated_at`; the demo re-opens nothing and finishes each done task
// with its latest update, so a task is done at day D when it is done now and finished on or before D.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const DEMO = join(import.meta.dirname, '../../demo');

type Row = Record<string, string>;

/** The rows of one of the demo's CSV files (header row → keys). */
export function demoRows(file: string): Row[] {
  return parse(readFileSync(join(DEMO, file)), { columns: true, bom: true }) as Row[];
}

export interface Grid {
  total: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  openInTime: number;
  overdue: number;
}

/** Which items count: one programme (null: all) and one lead agency (null: all). */
export interface DemoScope {
  program?: string | null;
  agency?: string | null;
}

interface Item {
  code: string;
  program: string;
  agency: string;
  due: string;
  /** The local day it was finished; null while not done. */
  finished: string | null;
}

const item = (r: Row, program: string, agency: string): Item => ({
  code: r['code']!,
  program,
  agency,
  due: r['due_date']!,
  finished: r['status'] === 'done' ? r['updated_at']!.slice(0, 10) : null,
});

let cache: { targets: Item[]; tasks: Item[] } | null = null;
function items(): { targets: Item[]; tasks: Item[] } {
  if (cache) return cache;
  const targets = demoRows('targets.csv');
  const programOf = new Map(targets.map((r) => [r['code']!, r['program_code']!]));
  cache = {
    targets: targets.map((r) => item(r, r['program_code']!, r['lead_agency_code']!)),
    tasks: demoRows('tasks.csv').map((r) => item(r, programOf.get(r['target_code']!)!, r['agency_code']!)),
  };
  return cache;
}

const inScope = (i: Item, s: DemoScope) =>
  (s.program == null || i.program === s.program) && (s.agency == null || i.agency === s.agency);

/** The cell of an item at the end of `day`: finished after `day` was not done yet then. */
export function demoCell(
  i: Pick<Item, 'due' | 'finished'>,
  day: string,
): 'done_on_time' | 'done_late' | 'open_in_time' | 'open_overdue' {
  if (i.finished !== null && i.finished <= day) return i.finished <= i.due ? 'done_on_time' : 'done_late';
  return i.due < day ? 'open_overdue' : 'open_in_time';
}

function tally(list: readonly Item[], day: string): Grid {
  const g: Grid = { total: 0, done: 0, doneOnTime: 0, doneLate: 0, openInTime: 0, overdue: 0 };
  const field = {
    done_on_time: 'doneOnTime',
    done_late: 'doneLate',
    open_in_time: 'openInTime',
    open_overdue: 'overdue',
  } as const;
  for (const i of list) {
    const cell = demoCell(i, day);
    g.total++;
    g[field[cell]]++;
    if (cell === 'done_on_time' || cell === 'done_late') g.done++;
  }
  return g;
}

/** The grid of the targets and the tasks in scope at the end of `day`. */
export function demoGrid(day: string, scope: DemoScope = {}): { targets: Grid; tasks: Grid } {
  const all = items();
  return {
    targets: tally(
      all.targets.filter((i) => inScope(i, scope)),
      day,
    ),
    tasks: tally(
      all.tasks.filter((i) => inScope(i, scope)),
      day,
    ),
  };
}

export interface DemoRank {
  agency: string;
  name: string;
  grid: Grid;
  /** doneOnTime / total; null when nothing was due. */
  rate: number | null;
}

/**
 * The league table for [from, to] read at day B = min(to, today): every agency with a task in the
 * programme; its tasks due on or before B and not finished before `from`, in their cell at B.
 * Highest rate first, no rate last; ties by more overdue, then by name (tracking.md).
 */
export function demoRanking(program: string | null, from: string, to: string, today: string): DemoRank[] {
  const end = to < today ? to : today;
  const tasks = items().tasks.filter((i) => inScope(i, { program }));
  const names = new Map(demoRows('agencies.csv').map((r) => [r['code']!, r['name_vi']!]));
  const collator = new Intl.Collator('vi');
  return [...new Set(tasks.map((i) => i.agency))]
    .map((agency): DemoRank => {
      const counted = tasks.filter(
        (i) => i.agency === agency && i.due <= end && (i.finished === null || i.finished >= from),
      );
      const grid = tally(counted, end);
      return {
        agency,
        name: names.get(agency)!,
        grid,
        rate: grid.total === 0 ? null : grid.doneOnTime / grid.total,
      };
    })
    .sort(
      (a, b) =>
        (b.rate ?? -1) - (a.rate ?? -1) ||
        b.grid.overdue - a.grid.overdue ||
        collator.compare(a.name, b.name),
    );
}

export interface DemoLate {
  code: string;
  cell: 'done_late' | 'open_overdue';
  daysLate: number;
  /** The latest note written on or before B; null when there is none. */
  note: string | null;
}

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Section II's items: the tasks in scope overdue at B, or done late within [from, B]. */
export function demoLate(scope: DemoScope, from: string, end: string): DemoLate[] {
  return items()
    .tasks.filter((i) => inScope(i, scope))
    .flatMap((i): DemoLate[] => {
      const cell = demoCell(i, end);
      if (cell === 'open_overdue')
        return [{ code: i.code, cell, daysLate: days(i.due, end), note: latestNote(i.code, end) }];
      if (cell === 'done_late' && i.finished! >= from)
        return [{ code: i.code, cell, daysLate: days(i.due, i.finished!), note: latestNote(i.code, end) }];
      return [];
    });
}

/** The latest note on a task written on or before `end`; null when there is none. */
function latestNote(code: string, end: string): string | null {
  return (
    demoRows('updates.csv')
      .filter((u) => u['task_code'] === code && u['note_vi'] !== '' && u['at']!.slice(0, 10) <= end)
      .sort((a, b) => a['at']!.localeCompare(b['at']!))
      .at(-1)?.['note_vi'] ?? null
  );
}

export interface DemoIndicator {
  code: string;
  title: string;
  unit: string;
  target: number;
  current: number;
}

/** The targets in scope measured by an indicator (a `unit`), by code, with their values now. */
export function demoIndicators(scope: DemoScope): DemoIndicator[] {
  return demoRows('targets.csv')
    .filter(
      (r) =>
        r['unit'] !== '' &&
        (scope.program == null || r['program_code'] === scope.program) &&
        (scope.agency == null || r['lead_agency_code'] === scope.agency),
    )
    .map((r) => ({
      code: r['code']!,
      title: r['title_vi']!,
      unit: r['unit']!,
      target: Number(r['target_value']),
      current: Number(r['current_value']),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Section IV's items: the tasks in scope that are blocked, with their latest note up to `end`. */
export function demoBlocked(
  scope: DemoScope,
  end: string,
): Array<{ code: string; title: string; agency: string; note: string | null }> {
  const blocked = new Map(
    demoRows('tasks.csv')
      .filter((r) => r['status'] === 'blocked')
      .map((r) => [r['code']!, r['title_vi']!]),
  );
  return items()
    .tasks.filter((i) => blocked.has(i.code) && inScope(i, scope))
    .map((i) => ({
      code: i.code,
      title: blocked.get(i.code)!,
      agency: i.agency,
      note: latestNote(i.code, end),
    }));
}
