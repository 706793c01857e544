// Cell values: dates, instants, numbers, percents and statuses as plan sheets write them.
import { addDays, DEFAULT_TZ, isLocalDate } from '../../core/time.ts';
import type { ItemStatus, LocalDate } from '../../core/types.ts';
import { cellText, dayOfDate } from './cells.ts';
import { fold } from './fold.ts';
import type { Raw } from './read-sheets.ts';
import { fromWall } from './zone.ts';

/** How sheets write each status, folded. */
const STATUS_WORDS = new Map<string, ItemStatus>([
  ['not started', 'not_started'],
  ['chua bat dau', 'not_started'],
  ['chua thuc hien', 'not_started'],
  ['chua trien khai', 'not_started'],
  ['in progress', 'in_progress'],
  ['dang thuc hien', 'in_progress'],
  ['dang trien khai', 'in_progress'],
  ['dang tien hanh', 'in_progress'],
  ['dang lam', 'in_progress'],
  ['done', 'done'],
  ['completed', 'done'],
  ['complete', 'done'],
  ['hoan thanh', 'done'],
  ['da hoan thanh', 'done'],
  ['xong', 'done'],
  ['da xong', 'done'],
  ['blocked', 'blocked'],
  ['vuong mac', 'blocked'],
  ['dang vuong mac', 'blocked'],
  ['co vuong mac', 'blocked'],
  ['gap kho khan', 'blocked'],
  ['kho khan vuong mac', 'blocked'],
  ['bi vuong mac', 'blocked'],
]);

// Excel counts days from 1899-12-30 (serial 25569 is 1970-01-01); 2,958,465 is 9999-12-31.
const EXCEL_DAY_ZERO = '1899-12-30' as LocalDate;
const EXCEL_UNIX_EPOCH = 25569;
const isExcelSerial = (n: number): boolean => n >= 1 && n < 2_958_466;

export function parseDay(raw: Raw): LocalDate | null {
  let candidate: string;
  if (raw instanceof Date) candidate = dayOfDate(raw);
  else if (typeof raw === 'number') {
    // An Excel serial day number in a cell without a date format.
    if (!isExcelSerial(raw)) return null;
    candidate = addDays(EXCEL_DAY_ZERO, Math.floor(raw));
  } else {
    const s = cellText(raw);
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
    if (m) candidate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
      candidate = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    } else return null;
  }
  return isLocalDate(candidate) ? candidate : null;
}

export function parseInstant(raw: Raw): Date | null {
  if (raw instanceof Date) return fromWall(raw.getTime(), DEFAULT_TZ);
  if (typeof raw === 'number') {
    if (!isExcelSerial(raw)) return null;
    return fromWall(Math.round((raw - EXCEL_UNIX_EPOCH) * 86_400_000), DEFAULT_TZ);
  }
  const s = cellText(raw);
  let m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s,
    );
  let parts: number[];
  let zone: string | undefined;
  if (m) {
    parts = [m[1], m[2], m[3], m[4], m[5], m[6]].map((p) => Number(p ?? 0));
    parts.push(Math.round(Number(m[7] ?? 0) * 1000));
    zone = m[8];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s))) {
    parts = [m[3], m[2], m[1], m[4], m[5], m[6]].map((p) => Number(p ?? 0));
    parts.push(0);
  } else return null;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0] = parts;
  const day = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isLocalDate(day) || h > 23 || mi > 59 || sec > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (zone === undefined) return fromWall(wall, DEFAULT_TZ);
  if (/^z$/i.test(zone)) return new Date(wall);
  const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const offset = (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * 60_000 * (zm[1] === '-' ? -1 : 1);
  return new Date(wall - offset);
}

export function parseNumber(raw: Raw): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const s = cellText(raw).replace(/\s/g, '');
  let normal: string;
  if (/^-?\d+(\.\d+)?$/.test(s)) normal = s;
  else if (/^-?\d+,\d+$/.test(s))
    normal = s.replace(',', '.'); // Vietnamese decimal comma
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

export function parseStatus(raw: Raw): ItemStatus | null {
  return STATUS_WORDS.get(fold(cellText(raw))) ?? null;
}

/** A percent: a number, or text with a trailing "%" ("50%"; a percent-formatted cell is already 50). */
export function parsePercent(raw: Raw): number | null {
  return typeof raw === 'string' ? parseNumber(raw.replace(/%\s*$/, '')) : parseNumber(raw);
}
