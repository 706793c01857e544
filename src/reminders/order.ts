// Locale-free orderings, so a plan lists the same messages in the same order on every machine.
import type { ItemView } from '../core/types.ts';

const CHUNKS = /\d+|\D+/g;

/** Natural order of codes: `P2` before `P10`, `NQ57-2.1` before `NQ57-12.1`; plain code points otherwise. */
export function compareCodes(a: string, b: string): number {
  const xs = a.match(CHUNKS) ?? [];
  const ys = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  if (xs.length !== ys.length) return xs.length - ys.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most overdue first, then soonest due: both are the earliest due date first. */
export function worstFirst(a: ItemView, b: ItemView): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.progress !== b.progress) return a.progress - b.progress;
  return compareCodes(a.code, b.code);
}
