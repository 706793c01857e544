// Bounded in-memory LRU of seen inbound update keys: the fast in-process guard against redelivery.
// Durable de-duplication across processes belongs to the database; this only spares it the common case.

export interface SeenSet {
  /** True the first time an id is offered; false while it is still remembered. Refreshes its recency. */
  firstTime(id: string): boolean;
  has(id: string): boolean;
  readonly size: number;
}

export function createSeenSet(capacity: number): SeenSet {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`seen-set capacity must be a positive integer, got ${capacity}`);
  }
  // A Map iterates in insertion order, so re-inserting on each hit makes its first key the least recent.
  const seen = new Map<string, true>();
  return {
    firstTime(id: string): boolean {
      if (seen.has(id)) {
        seen.delete(id);
        seen.set(id, true);
        return false;
      }
      seen.set(id, true);
      if (seen.size > capacity) {
        const oldest = seen.keys().next();
        if (!oldest.done) seen.delete(oldest.value);
      }
      return true;
    },
    has: (id) => seen.has(id),
    get size() {
      return seen.size;
    },
  };
}
