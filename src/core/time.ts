// Local-day arithmetic: instants are stored in UTC, days are reasoned about in the configured zone.
import type { LocalDate } from './types.ts';

export const DEFAULT_TZ = 'Asia/Ho_Chi_Minh';

// The zone's formatters, built once per zone (they are costly) and kept in one place, so every reading
// of a wall clock in the project (the day, the time, the offset) comes from here. The day alone has its
// own formatter because `format()` is six times faster than `formatToParts()` and days are read often.
interface ZoneFormats {
  day: Intl.DateTimeFormat;
  clock: Intl.DateTimeFormat;
}
const zones = new Map<string, ZoneFormats>();
function zone(tz: string): ZoneFormats {
  let z = zones.get(tz);
  if (!z) {
    const day = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    z = {
      day: new Intl.DateTimeFormat('en-CA', { timeZone: tz, ...day }),
      clock: new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        hourCycle: 'h23',
        ...day,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      }),
    };
    zones.set(tz, z);
  }
  return z;
}

/** An instant as `tz`'s wall clock shows it. */
export interface WallTime {
  day: LocalDate;
  year: number;
  month: number;
  date: number;
  hour: number;
  minute: number;
  second: number;
  /** The zone's offset from UTC then, e.g. "+07:00". */
  offset: string;
}

export function wallTime(instant: Date, tz: string = DEFAULT_TZ): WallTime {
  const v: Record<string, string> = {};
  for (const p of zone(tz).clock.formatToParts(instant)) v[p.type] = p.value;
  const year = v.year ?? '';
  const month = v.month ?? '';
  const date = v.day ?? '';
  return {
    day: `${year}-${month}-${date}` as LocalDate,
    year: Number(year),
    month: Number(month),
    date: Number(date),
    hour: Number(v.hour),
    minute: Number(v.minute),
    second: Number(v.second),
    // longOffset reads "GMT+07:00", or plain "GMT" where the zone is UTC itself.
    offset: (v.timeZoneName ?? '').replace(/^GMT/, '') || '+00:00',
  };
}

export function isLocalDate(text: string): text is LocalDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The calendar day an instant falls on in `tz`. */
export function localDate(instant: Date, tz: string = DEFAULT_TZ): LocalDate {
  return zone(tz).day.format(instant) as LocalDate;
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

/** The wall clock of an instant in `tz` and the zone's offset from UTC then, e.g. "+07:00". */
function wallClock(instant: Date, tz: string): { day: LocalDate; time: string; offset: string } {
  const w = wallTime(instant, tz);
  const two = (n: number): string => String(n).padStart(2, '0');
  return { day: w.day, time: `${two(w.hour)}:${two(w.minute)}:${two(w.second)}`, offset: w.offset };
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
