// Durable de-duplication of inbound chat updates: the first process to record a key handles the update.
import { lt } from 'drizzle-orm';
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

/**
 * Forgets keys seen before `before`. Messengers redeliver within hours (Telegram keeps an update for
 * 24 hours), so a week of keys is plenty and the table stays the size of a week's traffic.
 */
export async function forgetSeenBefore(db: DbOrTx, before: Date): Promise<number> {
  const removed = await db
    .delete(inboundSeen)
    .where(lt(inboundSeen.seenAt, before))
    .returning({ key: inboundSeen.key });
  return removed.length;
}
