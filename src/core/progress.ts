// The one rule for what an update leaves: the core asks before applying it, the store applies it.
import type { ItemStatus } from './types.ts';

/** What status and progress an update leaves: done ⇔ 100 %, a bare percent means in progress. */
export function resolveUpdate(
  before: { status: ItemStatus; progress: number },
  given: { status: ItemStatus | null; progress: number | null },
): { status: ItemStatus; progress: number } {
  if (given.status === null && given.progress === null) return before; // a note only
  if (given.status === 'done' || given.progress === 100) return { status: 'done', progress: 100 };
  if (given.status === 'not_started') return { status: 'not_started', progress: 0 };
  const status = given.status ?? 'in_progress';
  // Anything not done stays under 100, as the database requires.
  return { status, progress: Math.min(given.progress ?? before.progress, 99) };
}
