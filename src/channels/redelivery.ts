// Lets each inbound update through once: the in-memory seen-set first, then the database for every process.
import type { KnownAtGate } from '../core/turn.ts';
import type { ChannelName } from '../core/types.ts';
import type { InboundAdmission, InboundFrom } from '../store/inbound.ts';
import { createSeenSet } from './seen-set.ts';

/**
 * Resolves the first time a key is offered for a channel with what the gate read beside it (the sender
 * and the chat's state, when `from` is given); null for a redelivery.
 */
export type RedeliveryGate = (
  channel: ChannelName,
  key: string,
  from: InboundFrom | null,
) => Promise<KnownAtGate | null>;

/** `admit` is the store's once-only insert, bound to its database by whoever builds the gate. */
export function createRedeliveryGate(admit: InboundAdmission, capacity = 10_000): RedeliveryGate {
  const seen = createSeenSet(capacity);
  return async (channel, key, from) => {
    // A redelivery to this process costs no query; one to another process is caught by the insert.
    if (!seen.firstTime(`${channel}:${key}`)) return null;
    return admit(channel, key, from);
  };
}
