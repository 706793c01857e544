// Durable de-duplication of inbound chat updates: the first process to record a key handles the update.
import { lt, sql } from 'drizzle-orm';
import type { ConversationState } from '../core/ports.ts';
import type { KnownAtGate } from '../core/turn.ts';
import type { ChannelName } from '../core/types.ts';
import { rows, type DbOrTx } from './db.ts';
import { senderQuery, toPerson, type PersonRow } from './people.ts';
import { inboundSeen } from './schema.ts';

/** Who an update is from, for reading the sender and the chat's state in the gate's own statement. */
export interface InboundFrom {
  chatId: string;
  senderId: string;
}

type AdmitRow = Partial<PersonRow> & { first: boolean; state: ConversationState | string | null };

/**
 * Lets an update through the first time `key` is offered for `channel` (in this or any other process),
 * and in the same statement — one round trip instead of three — reads what handling it starts with:
 * the registered person behind `from.senderId` and the chat's conversation state. Null for a key seen
 * before. The insert does nothing on conflict, so two racing callers cannot both get through.
 */
/** The once-only insert with its database bound: what a messenger's redelivery gate is given. */
export type InboundAdmission = (
  channel: ChannelName,
  key: string,
  from: InboundFrom | null,
) => Promise<KnownAtGate | null>;

export function inboundAdmission(db: DbOrTx): InboundAdmission {
  return (channel, key, from) => admitInbound(db, channel, key, from);
}

export async function admitInbound(
  db: DbOrTx,
  channel: ChannelName,
  key: string,
  from: InboundFrom | null,
): Promise<KnownAtGate | null> {
  const [r] = await rows<AdmitRow>(
    db,
    sql`with taken as (
          insert into inbound_seen (channel, key) values (${channel}, ${key})
          on conflict do nothing returning key
        )
        select exists (select 1 from taken) as first, s.*,
               (select c.state from conversations c
                 where c.channel = ${channel} and c.chat_id = ${from?.chatId ?? null}) as state
          from (select 1) one
          left join lateral (${senderQuery(channel, from?.senderId ?? '')}) s on ${from !== null}`,
  );
  if (!r?.first) return null;
  // postgres.js parses jsonb; PGlite does too, but a driver may hand back the text.
  const state = typeof r.state === 'string' ? (JSON.parse(r.state) as ConversationState) : r.state;
  return { sender: r.code ? toPerson(r as PersonRow) : null, state: state ?? {} };
}

/** True the first time `key` is offered for `channel`, false ever after: the gate without the reads. */
export async function firstSeen(db: DbOrTx, channel: ChannelName, key: string): Promise<boolean> {
  return (await admitInbound(db, channel, key, null)) !== null;
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
