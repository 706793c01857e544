// The row checks targets and tasks share (code, titles, names, dates, status), and an item's new dates.
import { resolveDeadline } from '../../core/deadline.ts';
import { localDate } from '../../core/time.ts';
import type { ItemStatus, LocalDate } from '../../core/types.ts';
import { FUTURE_SLACK_MS } from '../record-update.ts';
import type { Cells } from './cells.ts';
import { fold } from './fold.ts';
import type { Named, TaskState } from './store-state.ts';
import { parseDay, parseInstant, parseStatus } from './values.ts';
import { isoInZone } from './zone.ts';

export function readCode(cells: Cells, problems: string[], re: RegExp): string | null {
  const code = cells.text('code').toUpperCase();
  if (code === '') {
    problems.push('code is empty');
    return null;
  }
  if (!re.test(code)) problems.push(`code "${code}" may only have letters, digits and - . / _`);
  return code;
}

export function readTitle(cells: Cells, problems: string[]): string {
  const title = cells.text('title_vi');
  if (title === '') problems.push('title_vi is empty');
  return title;
}

/** title_en is optional: a sheet without the column keeps the stored one. */
export function readTitleEn(cells: Cells, before: { titleEn: string } | null): string {
  return cells.has('title_en') ? cells.text('title_en') : (before?.titleEn ?? '');
}

/** A programme or agency, by code or by one of its names or aliases (folded). */
export function readNamed(
  cells: Cells,
  column: 'program_code' | 'lead_agency_code' | 'agency_code',
  set: Named,
  noun: 'programme' | 'agency',
  problems: string[],
): string | null {
  const value = cells.text(column);
  if (value === '') {
    problems.push(`${column} is empty`);
    return null;
  }
  const upper = value.toUpperCase();
  const code = set.ids.has(upper) ? upper : (set.byName.get(fold(value)) ?? null);
  if (code === null) problems.push(`unknown ${noun} "${value}"`);
  return code;
}

/** A deadline read: the day (null for an ongoing item) and the words when they are not a plain date. */
export interface Due {
  date: LocalDate | null;
  text: string | null;
}

/** A date, or a deadline as plans write it ("Quý III/2025", "Thường xuyên"; docs/counting.md). */
export function readDue(cells: Cells, problems: string[]): Due | null {
  if (cells.blank('due_date')) {
    problems.push('due_date is empty');
    return null;
  }
  const raw = cells.raw('due_date') ?? null;
  const day = parseDay(raw);
  if (day !== null) return { date: day, text: null };
  const text = cells.text('due_date');
  const written = typeof raw === 'string' ? resolveDeadline(text) : null;
  if (written === null) {
    problems.push(
      `due_date "${text}" is not a date (YYYY-MM-DD or dd/mm/yyyy) nor a deadline a plan writes (Quý III/2025, Thường xuyên…)`,
    );
    return null;
  }
  return { date: written.kind === 'day' ? written.due : null, text };
}

export function readStatus(cells: Cells, problems: string[]): ItemStatus | null {
  if (cells.blank('status')) return null;
  const s = parseStatus(cells.raw('status') ?? null);
  if (s === null) {
    problems.push(
      `status "${cells.text('status')}" is not one of not_started, in_progress, done, blocked ` +
        '(chưa bắt đầu, đang thực hiện, hoàn thành, vướng mắc)',
    );
  }
  return s;
}

export function readUpdatedAt(cells: Cells, problems: string[], now: Date, stored: Date | null): Date | null {
  if (cells.blank('updated_at')) return null;
  const at = parseInstant(cells.raw('updated_at') ?? null);
  if (at === null) problems.push(`updated_at "${cells.text('updated_at')}" is not a date and time`);
  else if (at.getTime() > now.getTime() + FUTURE_SLACK_MS && at.getTime() !== stored?.getTime()) {
    // What the store already holds is no news, even when the clock given is earlier.
    problems.push(`updated_at ${isoInZone(at)} is in the future`);
  }
  return at;
}

/** The updated_at an item ends with: the file's when it states a new one; now when its status moves. */
export function nextUpdatedAt(
  before: { status: ItemStatus; progress: number; updatedAt: Date } | null,
  after: { status: ItemStatus; progress: number },
  given: Date | null,
  now: Date,
): { at: Date; explicit: Date | null } {
  if (before === null) return { at: given ?? now, explicit: null };
  if (given !== null && given.getTime() !== before.updatedAt.getTime()) return { at: given, explicit: given };
  const moved = before.status !== after.status || before.progress !== after.progress;
  return { at: moved ? now : before.updatedAt, explicit: null };
}

/**
 * An item keeps its start unless its new due date comes first; a new one starts with its due year
 * (an ongoing one, with no due date, with the year of the import).
 */
export function startDateFor(
  before: { startDate: LocalDate } | null,
  due: LocalDate | null,
  now: Date,
): LocalDate {
  if (before && (due === null || before.startDate <= due)) return before.startDate;
  return `${(due ?? localDate(now)).slice(0, 4)}-01-01` as LocalDate;
}

/**
 * The dates a row gives an item, and what no plan row changes (deliverable, note, co-operating agencies)
 * kept as stored.
 */
export function datesAndKept(
  before: Pick<TaskState, 'startDate' | 'dueDate' | 'dueText' | 'deliverable' | 'note' | 'coAgencies'> | null,
  due: Due,
  now: Date,
): Pick<TaskState, 'startDate' | 'dueDate' | 'dueText' | 'deliverable' | 'note' | 'coAgencies'> {
  return {
    startDate: startDateFor(before, due.date, now),
    dueDate: due.date,
    // A plain date equal to the stored day keeps the words it was written as (an export re-imported).
    dueText: due.text ?? (before !== null && before.dueDate === due.date ? before.dueText : null),
    deliverable: before?.deliverable ?? null,
    note: before?.note ?? null,
    coAgencies: before?.coAgencies ?? [],
  };
}
