// The status grid: whether an item is on time, the one definition behind every count the bot shows.
// An item is in exactly one cell at a day D (see docs/counting.md); the work status says what is
// happening, the grid says whether it is on time. The store counts with the same rule in SQL
// (src/store/counts.ts), and a test holds the two to the same numbers on the demo.
import { localDate } from './time.ts';
import type { ItemStatus, LocalDate } from './types.ts';

export type GridCell = 'done_on_time' | 'done_late' | 'open_in_time' | 'open_overdue' | 'ongoing';

export const GRID_CELLS: readonly GridCell[] = [
  'done_on_time',
  'done_late',
  'open_in_time',
  'open_overdue',
  'ongoing',
];

export interface GridItem {
  status: ItemStatus;
  /** null: an ongoing task ("Thường xuyên"), counted apart. */
  dueDate: LocalDate | null;
  completedAt: Date | null;
  /**
   * A "done" reported under confirmation, waiting for a checker: the item is not done (its status
   * is still its own), so it sits in an open cell and is also counted on its own line.
   */
  awaitingSince?: Date | null;
}

/** Quá hạn (`open_overdue`): not done and its due day has passed; due today is not overdue. */
export function isOverdue(item: Pick<GridItem, 'status' | 'dueDate'>, today: LocalDate): boolean {
  return item.status !== 'done' && item.dueDate !== null && item.dueDate < today;
}

/**
 * The cell of `item` at `today`: done on or before its due day (in `tz`) is on time, after it late;
 * not done is in time while its due day has not passed, overdue after. Due today is not overdue.
 * A done item with no recorded finish (data from before it was kept) counts as on time.
 */
export function gridCell(item: GridItem, today: LocalDate, tz: string): GridCell {
  if (item.dueDate === null) return 'ongoing';
  if (item.status === 'done') {
    const finished = item.completedAt === null ? null : localDate(item.completedAt, tz);
    return finished !== null && finished > item.dueDate ? 'done_late' : 'done_on_time';
  }
  return isOverdue(item, today) ? 'open_overdue' : 'open_in_time';
}

/** Waiting for a checker's word on a reported "done" (never true of a done item). */
export function isAwaiting(item: Pick<GridItem, 'status' | 'awaitingSince'>): boolean {
  return item.status !== 'done' && item.awaitingSince != null;
}

/**
 * Every count the bot shows, for a set of items at a day: the work status (four that add up to
 * `total`) and the status grid (five that add up to `total`). `done` = doneOnTime + doneLate.
 */
export interface Counts {
  total: number;
  notStarted: number;
  inProgress: number;
  blocked: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  openInTime: number;
  /** Quá hạn: not done and its due day has passed (`open_overdue`). */
  overdue: number;
  ongoing: number;
  /** Chờ xác nhận: reported done, waiting for a checker; not done, so also in an open cell. */
  awaiting: number;
}

export const NO_COUNTS: Counts = {
  total: 0,
  notStarted: 0,
  inProgress: 0,
  blocked: 0,
  done: 0,
  doneOnTime: 0,
  doneLate: 0,
  openInTime: 0,
  overdue: 0,
  ongoing: 0,
  awaiting: 0,
};

const CELL_FIELD: Record<GridCell, keyof Counts> = {
  done_on_time: 'doneOnTime',
  done_late: 'doneLate',
  open_in_time: 'openInTime',
  open_overdue: 'overdue',
  ongoing: 'ongoing',
};
const STATUS_FIELD: Record<ItemStatus, keyof Counts> = {
  not_started: 'notStarted',
  in_progress: 'inProgress',
  blocked: 'blocked',
  done: 'done',
};

/** Counts of items already in memory (digests, previews); the store's SQL gives the same numbers. */
export function tally(items: Iterable<GridItem>, today: LocalDate, tz: string): Counts {
  const c = { ...NO_COUNTS };
  for (const item of items) {
    c.total++;
    c[STATUS_FIELD[item.status]]++;
    c[CELL_FIELD[gridCell(item, today, tz)]]++;
    if (isAwaiting(item)) c.awaiting++;
  }
  return c;
}

/** Counts of several disjoint sets added up (a province from its programmes). */
export function sumCounts(list: readonly Counts[]): Counts {
  const c = { ...NO_COUNTS };
  for (const one of list) for (const k of Object.keys(c) as Array<keyof Counts>) c[k] += one[k];
  return c;
}
