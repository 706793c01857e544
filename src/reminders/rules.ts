// When and how often people are reminded: the default rules and per-programme overrides.
import type { ProgramCode } from '../core/types.ts';

/** Local wall-clock times `HH:MM`; a window whose end is earlier than its start spans midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface ReminderRules {
  /** Days before the due date on which a task is mentioned (7, 3 and 1 days before it). */
  leadDays: number[];
  /** How far ahead agency digests look, and what counts as "due soon". */
  dueSoonDays: number;
  /** An overdue task nobody has updated for at least this many days goes up to the assignee's superior. */
  escalationDays: number;
  /** An in-progress task with no update for this many days is nudged, then once a week. */
  staleDays: number;
  /** A person who updated a task within this many days is not reminded about it. */
  noNagDays: number;
  /** The weekdays (1 = Mon … 7 = Sun) reminders go out on. */
  weekdays: number[];
  /** Skip weekends and public holidays even when `weekdays` enables them. */
  workingDaysOnly: boolean;
  quietHours: QuietHours | null;
  /** An overdue task is repeated every this many reminder days (1 = every working day). */
  overdueEveryDays: number;
}

export const DEFAULT_RULES: Readonly<ReminderRules> = Object.freeze({
  leadDays: [7, 3, 1],
  dueSoonDays: 7,
  escalationDays: 3,
  staleDays: 14,
  noNagDays: 2,
  weekdays: [1, 2, 3, 4, 5],
  workingDaysOnly: true,
  quietHours: { start: '21:00', end: '07:00' },
  overdueEveryDays: 1,
});

export type ProgramOverrides = Partial<Record<ProgramCode, Partial<ReminderRules>>>;

/**
 * The rules for one programme: its partial override laid over `defaults`. Keys set to
 * `undefined` keep the default, so an override built from optional config fields is safe.
 */
export function rulesFor(
  program: ProgramCode,
  overrides: ProgramOverrides,
  defaults: Readonly<ReminderRules> = DEFAULT_RULES,
): ReminderRules {
  const merged: ReminderRules = { ...defaults };
  const own = overrides[program];
  if (own) {
    for (const key of Object.keys(own) as (keyof ReminderRules)[]) {
      const value = own[key];
      if (value !== undefined) Object.assign(merged, { [key]: value });
    }
  }
  return merged;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` time. */
export function minutesOf(hhmm: string): number {
  const m = HH_MM.exec(hhmm);
  if (!m) throw new Error(`not a time of day (HH:MM): ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Start inclusive, end exclusive: with 21:00–07:00, 21:00 and 06:59 are quiet, 07:00 is not. */
export function isQuiet(hour: number, minute: number, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const t = hour * 60 + minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? t >= start && t < end : t >= start || t < end;
}
