// The words after /baocao or /report, read the same on every messenger: `[thang|quy] [CODE]`
// (English `[month|quarter] [CODE]`), this month or quarter to date, one programme or all.
import type { LocalDate } from '../core/types.ts';

export interface ReportWords {
  span: 'month' | 'quarter';
  program: string | null;
  /** Words that are neither a span nor a programme code (the usage line is the answer). */
  bad: boolean;
}

const MONTH = new Set(['thang', 'tháng', 'month']);
const QUARTER = new Set(['quy', 'quý', 'quarter']);

export function readReportWords(args: readonly string[]): ReportWords {
  let span: ReportWords['span'] = 'month';
  let program: string | null = null;
  let bad = false;
  for (const arg of args) {
    const lower = arg.toLowerCase();
    if (MONTH.has(lower)) span = 'month';
    else if (QUARTER.has(lower)) span = 'quarter';
    else if (program === null && /^[a-z][a-z0-9]{0,15}$/i.test(arg)) program = arg.toUpperCase();
    else bad = true;
  }
  return { span, program, bad };
}

/** `YYYY-MM` (this month) or `YYYY-Qn` (this quarter) of `today`. */
export function reportSpanPeriod(span: ReportWords['span'], today: LocalDate): string {
  if (span === 'month') return today.slice(0, 7);
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}
