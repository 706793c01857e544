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

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
function clockFormatter(tz: string): Intl.DateTimeFormat {
  let f = clockFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    clockFormatters.set(tz, f);
  }
  return f;
}

/** The wall clock of an instant in `tz` and the zone's offset from UTC then, e.g. "+07:00". */
function wallClock(instant: Date, tz: string): { day: LocalDate; time: string; offset: string } {
  const parts = clockFormatter(tz).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // longOffset reads "GMT+07:00", or plain "GMT" where the zone is UTC itself.
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return {
    day: localDate(instant, tz),
    time: `${part('hour')}:${part('minute')}:${part('second')}`,
    offset,
  };
}

/**
 * The same instant as toISOString, written in `tz`'s wall clock with its offset:
 * "2025-07-22T13:07:00.000+07:00" (milliseconds kept, so it parses back to the exact instant).
 */
export function localIso(instant: Date, tz: string = DEFAULT_TZ): string {
  const { day, time, offset } = wallClock(instant, tz);
  const ms = String(instant.getUTCMilliseconds()).padStart(3, '0');
  return `${day}T${time}.${ms}${offset}`;
}

/** An instant for a person to read: "2025-07-22 13:07 (Asia/Ho_Chi_Minh, UTC+7)". */
export function localDateTimeText(instant: Date, tz: string = DEFAULT_TZ): string {
  const { day, time, offset } = wallClock(instant, tz);
  const short = offset.replace(/^([+-])0?(\d+):00$/, '$1$2').replace(/^([+-])0?(\d+):/, '$1$2:');
  return `${day} ${time.slice(0, 5)} (${tz}, UTC${short})`;
}
