// The words after /chart and /baocao (/report), read the same on every messenger: a programme code and,
// for a report, this month or this quarter.
import type { ChartControl, ReportControl } from '../types.ts';

/** "/chart nq57" → NQ57: the first word, in capitals; null when there is none. */
export function chartControl(args: readonly string[]): ChartControl {
  const first = args[0];
  return { kind: 'chart', program: first === undefined ? null : first.toUpperCase() };
}

const MONTH = new Set(['thang', 'tháng', 'month']);
const QUARTER = new Set(['quy', 'quý', 'quarter']);

/** `[thang|quy] [CODE]` (English `[month|quarter] [CODE]`), in either order: this month by default. */
export function reportControl(args: readonly string[]): ReportControl {
  const control: ReportControl = { kind: 'report', span: 'month', program: null, bad: false };
  for (const arg of args) {
    const lower = arg.toLowerCase();
    if (MONTH.has(lower)) control.span = 'month';
    else if (QUARTER.has(lower)) control.span = 'quarter';
    else if (control.program === null && /^[a-z][a-z0-9]{0,15}$/i.test(arg))
      control.program = arg.toUpperCase();
    else control.bad = true;
  }
  return control;
}
