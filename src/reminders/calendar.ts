// Wall-clock time, weekdays and the Vietnamese public-holiday table the reminder planner skips.
import { addDays, DEFAULT_TZ, isLocalDate, wallTime } from '../core/time.ts';
import type { LocalDate } from '../core/types.ts';

export { addDays, daysBetween, DEFAULT_TZ, isLocalDate, localDate } from '../core/time.ts';

/** 1 = Monday … 7 = Sunday (ISO 8601), so a work week is simply [1, 2, 3, 4, 5]. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WORK_WEEK: readonly Weekday[] = [1, 2, 3, 4, 5];

export interface LocalTime {
  hour: number;
  minute: number;
  weekday: Weekday;
}

export interface Holiday {
  date: LocalDate;
  name_vi: string;
  name_en: string;
}

export function asLocalDate(text: string): LocalDate {
  if (!isLocalDate(text)) throw new Error(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return text;
}

/** The wall-clock time and weekday of `instant` in `tz`. */
export function localTime(instant: Date, tz: string = DEFAULT_TZ): LocalTime {
  const { hour, minute, day } = wallTime(instant, tz);
  return { hour, minute, weekday: weekdayOf(day) };
}

export function weekdayOf(date: LocalDate): Weekday {
  // A local day has no zone: read on its UTC midnight, no offset can move it to another weekday.
  const js = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as Weekday;
}

/** The Sunday that closes `date`'s Monday–Sunday week (the week the bot's "tuần này" means). */
export function endOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 7 - weekdayOf(date));
}

export function holidayOn(date: LocalDate, holidays: readonly Holiday[]): Holiday | null {
  return holidays.find((h) => h.date === date) ?? null;
}

export function isWorkingDay(
  date: LocalDate,
  holidays: readonly Holiday[],
  workWeekdays: readonly number[] = WORK_WEEK,
): boolean {
  return workWeekdays.includes(weekdayOf(date)) && holidayOn(date, holidays) === null;
}

function span(from: string, to: string, name_vi: string, name_en: string): Holiday[] {
  const out: Holiday[] = [];
  for (let d = asLocalDate(from); d <= to; d = addDays(d, 1)) out.push({ date: d, name_vi, name_en });
  return out;
}
const day = (date: string, name_vi: string, name_en: string): Holiday[] => span(date, date, name_vi, name_en);

const NEW_YEAR = ['Tết Dương lịch', "New Year's Day"] as const;
const TET = ['Tết Nguyên đán', 'Lunar New Year (Tết)'] as const;
const HUNG_KINGS = ['Giỗ Tổ Hùng Vương', 'Hung Kings Commemoration Day'] as const;
const REUNIFICATION = ['Ngày Giải phóng miền Nam, thống nhất đất nước', 'Reunification Day'] as const;
const LABOUR = ['Ngày Quốc tế Lao động', 'International Labour Day'] as const;
const NATIONAL = ['Quốc khánh', 'National Day'] as const;
const SWAP = ['Nghỉ hoán đổi', 'Swapped day off'] as const;
const IN_LIEU = ['Nghỉ bù', 'Day off in lieu'] as const;

/**
 * Days public offices close, for 2025–2027. Edit it (or pass another table) when the government
 * announces a year's schedule: only the days listed are skipped. Weekend days inside a holiday
 * break are listed too, so the table reads like the official notice. Days off "in lieu" of a
 * holiday that falls on a weekend are included, because offices are closed then too.
 * Saturdays worked in exchange for a swapped day are not listed: reminders never run on
 * weekends anyway.
 */
export const DEFAULT_HOLIDAYS: readonly Holiday[] = [
  // 2025: the official schedule for civil servants.
  ...day('2025-01-01', ...NEW_YEAR),
  ...span('2025-01-25', '2025-02-02', ...TET), // 9 days, Sat 25 Jan – Sun 2 Feb
  ...day('2025-04-07', ...HUNG_KINGS), // 10/3 lunar
  ...day('2025-04-30', ...REUNIFICATION),
  ...day('2025-05-01', ...LABOUR),
  ...day('2025-05-02', ...SWAP), // Friday 2 May swapped with Saturday 26 April
  ...day('2025-09-01', ...NATIONAL),
  ...day('2025-09-02', ...NATIONAL),
  // 2026
  ...day('2026-01-01', ...NEW_YEAR),
  ...span('2026-02-14', '2026-02-22', ...TET), // 9 days for Tết Bính Ngọ, Sat 14 – Sun 22 Feb
  ...day('2026-04-26', ...HUNG_KINGS), // a Sunday…
  ...day('2026-04-27', ...IN_LIEU), // …so Monday is off in lieu
  ...day('2026-04-30', ...REUNIFICATION),
  ...day('2026-05-01', ...LABOUR),
  // The Labour Code gives 2/9 plus one adjacent day; 1/9 is assumed until the 2026 notice confirms it.
  ...day('2026-09-01', ...NATIONAL),
  ...day('2026-09-02', ...NATIONAL),
  // 2027: an estimate from the Labour Code and the lunar calendar, not yet an official schedule.
  ...day('2027-01-01', ...NEW_YEAR),
  ...span('2027-02-04', '2027-02-10', ...TET), // estimate: lunar new year is Sat 6 Feb 2027
  ...day('2027-04-16', ...HUNG_KINGS),
  ...day('2027-04-30', ...REUNIFICATION),
  ...day('2027-05-01', ...LABOUR), // a Saturday…
  ...day('2027-05-03', ...IN_LIEU), // …so Monday is off in lieu
  ...day('2027-09-01', ...NATIONAL),
  ...day('2027-09-02', ...NATIONAL),
];
