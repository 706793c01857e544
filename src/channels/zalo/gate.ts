// Lets each Zalo message through once: the in-memory seen-set first, then the database for every process.
import type { DbOrTx } from '../../store/db.ts';
import { firstSeen } from '../../store/inbound.ts';
import { createSeenSet } from './dedupe.ts';

/** Resolves true the first time a message id is offered, false for a redelivery. */
export type UpdateGate = (messageId: string) => Promise<boolean>;

export function createUpdateGate(db: DbOrTx, capacity = 10_000): UpdateGate {
  const seen = createSeenSet(capacity);
  return async (messageId) => {
    // A redelivery to this process costs no query; one to another process is caught by the insert.
    if (!seen.firstTime(messageId)) return false;
    return firstSeen(db, 'zalo', messageId);
  };
}
