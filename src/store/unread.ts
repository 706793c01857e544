// Messages the bot did not understand (or asked about): kept for an admin to label, never shown to others.
import { desc, eq, sql } from 'drizzle-orm';
import type { UnreadMessage } from '../core/ports.ts';
import type { DbOrTx } from './db.ts';
import { unreadMessages } from './schema.ts';

/** How many are kept at most: the oldest go first, so a flood of nonsense cannot grow the table forever. */
export const MAX_UNREAD = 5000;

export async function keepUnread(db: DbOrTx, m: UnreadMessage): Promise<void> {
  await db.insert(unreadMessages).values(m);
  await db.execute(
    sql`delete from unread_messages where id <= (select max(id) from unread_messages) - ${MAX_UNREAD}`,
  );
}

export interface UnreadRow extends UnreadMessage {
  id: number;
  label: string | null;
}

/** The newest first. */
export function listUnread(db: DbOrTx, limit = 200): Promise<UnreadRow[]> {
  return db
    .select({
      id: unreadMessages.id,
      at: unreadMessages.at,
      text: unreadMessages.text,
      role: unreadMessages.role,
      channel: unreadMessages.channel,
      outcome: unreadMessages.outcome,
      label: unreadMessages.label,
    })
    .from(unreadMessages)
    .orderBy(desc(unreadMessages.at), desc(unreadMessages.id))
    .limit(limit) as Promise<UnreadRow[]>;
}

/** Records what a message meant; false when there is no such message. */
export async function labelUnread(db: DbOrTx, id: number, label: string, at: Date): Promise<boolean> {
  const done = await db
    .update(unreadMessages)
    .set({ label, labelledAt: at })
    .where(eq(unreadMessages.id, id))
    .returning({ id: unreadMessages.id });
  return done.length > 0;
}
