// Periods as reports and commands name them (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`, `FROM..TO`):
// a pure parser, so the CLI, the report and the chat read a period the same way.
import { isLocalDate } from './time.ts';
import type { LocalDate, Period } from './types.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

function lastDay(y: number, m: number): LocalDate {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}` as LocalDate;
}

function months(y: number, first: number, last: number): Period {
  return { from: `${y}-${pad(first)}-01` as LocalDate, to: lastDay(y, last) };
}

/** The period a spec names, or null when it is not one of the five forms (or not a real day). */
export function parsePeriodSpec(spec: string): Period | null {
  const text = spec.trim().toUpperCase();
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? months(Number(m[1]), mo, mo) : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return months(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m) return m[2] === '1' ? months(Number(m[1]), 1, 6) : months(Number(m[1]), 7, 12);
  m = /^(\d{4})$/.exec(text);
  if (m) return months(Number(m[1]), 1, 12);
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (m && isLocalDate(m[1]!) && isLocalDate(m[2]!) && m[1]! <= m[2]!) return { from: m[1], to: m[2] };
  return null;
}

/** The default of the ranking (CLI, chat, dashboard): 1 January to `today`. */
export function yearToDate(today: LocalDate): Period {
  return { from: `${today.slice(0, 4)}-01-01` as LocalDate, to: today };
}

/** The default of the report: the first of this month to `today`. */
export function monthToDate(today: LocalDate): Period {
  return { from: `${today.slice(0, 7)}-01` as LocalDate, to: today };
}

/** The day a period is judged at: its last day, or today when it has not ended (no future is known). */
export function periodEnd(period: Period, today: LocalDate): LocalDate {
  return period.to < today ? period.to : today;
}
