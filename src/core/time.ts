// Local-day arithmetic: instants are stored in UTC, days are reasoned about in the configured zone.
import type { LocalDate } from './types.ts';

export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(tz, f);
  }
  return f;
}

export function isLocalDate(text: string): text is LocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The calendar day an instant falls on in `tz`. */
export function localDate(instant: Date, tz: string = DEFAULT_TZ): LocalDate {
  return formatter(tz).format(instant) as LocalDate;
}

export function addDays(day: LocalDate, n: number): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10) as LocalDate;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Shifts an instant by whole days (the demo loader keeps the province current this way). */
export function shiftInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * 86_400_000);
}
