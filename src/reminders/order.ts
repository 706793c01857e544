// Locale-free orderings, so a plan lists the same messages in the same order on every machine.
import { compareCodes, compareDue } from '../core/format.ts';
import type { ItemView } from '../core/types.ts';

export { compareCodes };

/** Most overdue first, then soonest due: both are the earliest due date first. */
export function worstFirst(a: ItemView, b: ItemView): number {
  // Ongoing items (no due day) after every dated one.
  const byDue = compareDue(a.dueDate, b.dueDate);
  if (byDue !== 0) return byDue;
  if (a.progress !== b.progress) return a.progress - b.progress;
  return compareCodes(a.code, b.code);
}
