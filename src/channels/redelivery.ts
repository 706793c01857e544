// Lets each inbound update through once: the in-memory seen-set first, then the database for every process.
import type { ChannelName } from '../core/types.ts';
import type { DbOrTx } from '../store/db.ts';
import { firstSeen } from '../store/inbound.ts';
import { createSeenSet } from './seen-set.ts';

/** Resolves true the first time a key is offered for a channel, false for a redelivery. */
export type RedeliveryGate = (channel: ChannelName, key: string) => Promise<boolean>;

export function createRedeliveryGate(db: DbOrTx, capacity = 10_000): RedeliveryGate {
  const seen = createSeenSet(capacity);
  return async (channel, key) => {
    // A redelivery to this process costs no query; one to another process is caught by the insert.
    if (!seen.firstTime(`${channel}:${key}`)) return false;
    return firstSeen(db, channel, key);
  };
}
