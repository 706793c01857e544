// Deadlines as plans write them ("Quý III/2025", "Thường xuyên") and the day each resolves to: the
// last day of what it names (docs/counting.md). Anything not in the table is refused, never guessed.
import { isLocalDate } from './time.ts';
import type { LocalDate } from './types.ts';

/** A resolved deadline: a day, or none for an ongoing task ("Thường xuyên"). */
export type Deadline = { kind: 'day'; due: LocalDate } | { kind: 'ongoing' };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ONGOING = new Set(['thuong xuyen', 'hang nam', 'hang quy', 'lien tuc', 'hang thang', 'dinh ky']);

/** Lower case, no diacritics (đ → d), runs of spaces as one; keeps the "/", "." and "-" dates use. */
function simplify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, ' ')
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/[.;,]+$/, '')
    .trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(y: number, m: number, d: number): LocalDate | null {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isLocalDate(s) ? s : null;
}

function monthEnd(y: number, m: number): LocalDate | null {
  if (m < 1 || m > 12) return null;
  return day(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

const yearOk = (y: number) => y >= 2000 && y <= 2100;

/** The day a plan's deadline names, or null when the text is not one of the written forms. */
export function resolveDeadline(written: string): Deadline | null {
  let s = simplify(written);
  if (s === '') return null;
  if (ONGOING.has(s.replace(/^(nhiem vu |thuc hien )/, ''))) return { kind: 'ongoing' };
  // "Trước 31/12/2025", "trước ngày 15/8/2025", "chậm nhất 15/8/2025", "Trong năm 2025", "Hoàn thành trong quý III/2025".
  s = s
    .replace(/^(hoan thanh )?(truoc|cham nhat|trong|den|han|vao)( la)?( ngay)? /, '')
    .replace(/^ngay /, '');

  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[3]);
    return yearOk(y) ? wrap(day(y, Number(m[2]), Number(m[1]))) : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return yearOk(Number(m[1])) ? wrap(day(Number(m[1]), Number(m[2]), Number(m[3]))) : null;
  // Months: "Tháng 11/2025", "tháng 11 năm 2025", "T11/2025", "11/2025".
  m = /^(?:thang ?|t)?(\d{1,2})(?:\/| nam )(\d{4})$/.exec(s);
  if (m) return yearOk(Number(m[2])) ? wrap(monthEnd(Number(m[2]), Number(m[1]))) : null;
  // Quarters: "Quý III/2025", "Quý 3/2025", "quý III năm 2025", "Q3/2025".
  m = /^(?:quy ?|q)(i{1,3}|iv|[1-4])(?:\/| nam |-)(\d{4})$/.exec(s);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const y = Number(m[2]);
    return yearOk(y) ? wrap(monthEnd(y, q * 3)) : null;
  }
  // Halves: "6 tháng đầu năm 2025" / "6 tháng cuối năm 2025".
  m = /^6 thang (dau|cuoi) nam (\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[2]);
    return yearOk(y) ? wrap(monthEnd(y, m[1] === 'dau' ? 6 : 12)) : null;
  }
  // Periods: "2025-2026", "2025 - 2030", "Giai đoạn 2025-2030".
  m = /^(?:giai doan )?(\d{4})-(\d{4})$/.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return yearOk(a) && yearOk(b) && a < b ? wrap(day(b, 12, 31)) : null;
  }
  // Years: "Năm 2025", "2025".
  m = /^(?:nam )?(\d{4})$/.exec(s);
  if (m) return yearOk(Number(m[1])) ? wrap(day(Number(m[1]), 12, 31)) : null;
  return null;
}

function wrap(due: LocalDate | null): Deadline | null {
  return due === null ? null : { kind: 'day', due };
}
