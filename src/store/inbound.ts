// Durable de-duplication of inbound chat updates: the first process to record a key handles the update.
import type { ChannelName } from '../core/types.ts';
import type { DbOrTx } from './db.ts';
import { inboundSeen } from './schema.ts';

/**
 * True the first time `key` is offered for `channel`, false ever after (in this or any other process):
 * one insert that does nothing on conflict, so two racing callers cannot both get true.
 */
export async function firstSeen(db: DbOrTx, channel: ChannelName, key: string): Promise<boolean> {
  const inserted = await db
    .insert(inboundSeen)
    .values({ channel, key })
    .onConflictDoNothing()
    .returning({ key: inboundSeen.key });
  return inserted.length > 0;
}
