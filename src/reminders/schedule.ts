// Which days reminders go out on, and on which of those days a task deserves a mention.
import type { ItemView, LocalDate } from '../core/types.ts';
import {
  type Holiday,
  type LocalTime,
  WORK_WEEK,
  addDays,
  daysBetween,
  isWorkingDay,
  weekdayOf,
} from './calendar.ts';
import { type ReminderRules, isQuiet } from './rules.ts';
import type { SkipReason } from './model.ts';

/** A holiday break plus weekends is at most ~11 days; a year bounds any search for the next reminder day. */
const SEARCH_LIMIT_DAYS = 366;

/** Why no reminder may go out on `day` under these rules, ignoring the time of day. */
export function dayBlock(
  day: LocalDate,
  rules: ReminderRules,
  holidays: readonly Holiday[],
): SkipReason | null {
  if (rules.workingDaysOnly && !isWorkingDay(day, holidays, WORK_WEEK)) return 'non_working_day';
  if (!rules.weekdays.includes(weekdayOf(day))) return 'weekday_not_enabled';
  return null;
}

/** Why no reminder may go out at this moment: the day first, then the hour. */
export function momentBlock(
  day: LocalDate,
  time: LocalTime,
  rules: ReminderRules,
  holidays: readonly Holiday[],
): SkipReason | null {
  return (
    dayBlock(day, rules, holidays) ??
    (isQuiet(time.hour, time.minute, rules.quietHours) ? 'quiet_hours' : null)
  );
}

/** The schedule of one programme on one day: the nearest reminder days either side of it. */
export class ReminderDays {
  readonly #rules: ReminderRules;
  readonly #holidays: readonly Holiday[];

  constructor(rules: ReminderRules, holidays: readonly Holiday[]) {
    this.#rules = rules;
    this.#holidays = holidays;
  }

  isReminderDay(day: LocalDate): boolean {
    return dayBlock(day, this.#rules, this.#holidays) === null;
  }

  /**
   * Whether `day` is the first reminder day of its Monday–Sunday week: a Monday, or the first reminder
   * day after a Monday (and the days after it) that was a holiday or not enabled.
   */
  isFirstOfWeek(day: LocalDate): boolean {
    if (!this.isReminderDay(day)) return false;
    for (let n = 1; n < weekdayOf(day); n++) if (this.isReminderDay(addDays(day, -n))) return false;
    return true;
  }

  /** Days from `day` to the next reminder day after it (1 when tomorrow is one). */
  daysToNext(day: LocalDate): number {
    for (let n = 1; n <= SEARCH_LIMIT_DAYS; n++) if (this.isReminderDay(addDays(day, n))) return n;
    return 1;
  }

  /** Days from the previous reminder day before `day` to `day`. */
  daysSincePrevious(day: LocalDate): number {
    for (let n = 1; n <= SEARCH_LIMIT_DAYS; n++) if (this.isReminderDay(addDays(day, -n))) return n;
    return 1;
  }

  /** Reminder days in `(from, to]`. */
  countBetween(from: LocalDate, to: LocalDate): number {
    let count = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isReminderDay(d)) count++;
    return count;
  }
}

export type Mention = 'overdue' | 'due' | 'stale';

/**
 * Why `task` is mentioned to its assignee on `today` (a reminder day), or null.
 * - overdue: on the first reminder day after the due date, then every `overdueEveryDays` reminder days;
 * - due: on the due day, and on each lead day; a lead day that is not a reminder day (a weekend,
 *   a holiday) is brought forward to the last reminder day before it, so "1 day before" a Monday
 *   deadline is said on Friday rather than never;
 * - stale: in progress with no update for `staleDays`, then every 7 days after; a crossing that
 *   falls on a day off is said on the next reminder day.
 */
export function mentionOf(
  task: ItemView,
  today: LocalDate,
  updatedOn: LocalDate,
  rules: ReminderRules,
  days: ReminderDays,
): Mention | null {
  if (task.status === 'done') return null;
  // An ongoing task has no deadline to remind of; only its silence is.
  if (task.dueDate !== null) {
    const left = daysBetween(today, task.dueDate);
    if (left < 0) {
      if (rules.overdueEveryDays <= 1) return 'overdue';
      const nth = days.countBetween(task.dueDate, today); // 1 on the first reminder day after the due date
      if ((nth - 1) % rules.overdueEveryDays === 0) return 'overdue';
    } else {
      if (left === 0) return 'due';
      const ahead = days.daysToNext(today);
      if (rules.leadDays.some((lead) => lead <= left && lead > left - ahead)) return 'due';
    }
  }
  if (task.status === 'in_progress') {
    const silent = daysBetween(updatedOn, today);
    if (silent >= rules.staleDays) {
      const since = days.daysSincePrevious(today);
      const k = Math.max(0, Math.floor((silent - since - rules.staleDays) / 7) + 1);
      if (rules.staleDays + 7 * k <= silent) return 'stale';
    }
  }
  return null;
}
