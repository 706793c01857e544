// A zone's wall clock and instants: a local time read as an instant, an instant written with its offset.
import { DEFAULT_TZ, wallTime } from '../../core/time.ts';

/** How far `tz`'s wall clock is ahead of UTC at an instant, in ms. */
function zoneOffset(ms: number, tz: string): number {
  const w = wallTime(new Date(ms), tz);
  const wall = Date.UTC(w.year, w.month - 1, w.date, w.hour, w.minute, w.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** A wall-clock time in `tz` (given as if it were UTC) as an instant. */
export function fromWall(wallMs: number, tz: string): Date {
  const first = wallMs - zoneOffset(wallMs, tz);
  return new Date(wallMs - zoneOffset(first, tz));
}

/** ISO 8601 with the zone's offset, as the demo files write timestamps: `2025-02-26T14:20:02+07:00`. */
export function isoInZone(at: Date, tz: string = DEFAULT_TZ): string {
  const offset = zoneOffset(at.getTime(), tz);
  const wall = new Date(at.getTime() + offset).toISOString();
  const body = at.getUTCMilliseconds() === 0 ? wall.slice(0, 19) : wall.slice(0, 23);
  const minutes = Math.round(Math.abs(offset) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  return `${body}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
