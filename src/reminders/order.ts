// Locale-free orderings, so a plan lists the same messages in the same order on every machine.
import { compareCodes } from '../core/format.ts';
import type { ItemView } from '../core/types.ts';

export { compareCodes };

/** Most overdue first, then soonest due: both are the earliest due date first. */
export function worstFirst(a: ItemView, b: ItemView): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.progress !== b.progress) return a.progress - b.progress;
  return compareCodes(a.code, b.code);
}
