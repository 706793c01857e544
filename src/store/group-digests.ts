// Group chats subscribed to the daily province digest: subscribe, unsubscribe (both audited) and the planner's list.
import { and, eq, sql } from 'drizzle-orm';
import { UnknownCodeError } from '../core/errors.ts';
import type { GroupChat, GroupDigestSubscription } from '../core/ports.ts';
import type { Lang, PersonCode } from '../core/types.ts';
import type { PlanGroup } from '../reminders/model.ts';
import { rows, type Db, type DbOrTx, type Tx } from './db.ts';
import { auditLog, groupDigests, people } from './schema.ts';

const ofChat = (chat: GroupChat) =>
  and(eq(groupDigests.channel, chat.channel), eq(groupDigests.chatId, chat.chatId));

const chatCode = (chat: GroupChat): string => `${chat.channel}:${chat.chatId}`;

async function personId(tx: Tx, code: PersonCode): Promise<number> {
  const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.code, code));
  if (!p) throw new UnknownCodeError('person', code);
  return p.id;
}

export async function groupDigest(db: DbOrTx, chat: GroupChat): Promise<{ lang: Lang } | null> {
  const [r] = await db.select({ lang: groupDigests.lang }).from(groupDigests).where(ofChat(chat));
  return r ?? null;
}

/** One row per group (unique channel + chat id); subscribing again in another language switches it. */
export async function subscribeGroupDigest(
  db: Db,
  sub: GroupDigestSubscription,
): Promise<'added' | 'changed' | 'unchanged'> {
  return db.transaction(async (tx) => {
    const by = await personId(tx, sub.by);
    const [inserted] = await tx
      .insert(groupDigests)
      .values({
        channel: sub.chat.channel,
        chatId: sub.chat.chatId,
        subscribedById: by,
        lang: sub.lang,
        createdAt: sub.at,
      })
      .onConflictDoNothing({ target: [groupDigests.channel, groupDigests.chatId] })
      .returning({ id: groupDigests.id });
    let outcome: 'added' | 'changed' | 'unchanged' = 'added';
    let before: { lang: Lang } | null = null;
    if (!inserted) {
      const [row] = await tx.select().from(groupDigests).where(ofChat(sub.chat)).for('update');
      // Only an unsubscribe committed between the two statements gets here: the caller may try again.
      if (!row) throw new Error(`group digest of ${chatCode(sub.chat)} changed meanwhile`);
      before = { lang: row.lang };
      if (row.lang === sub.lang) return 'unchanged';
      await tx.update(groupDigests).set({ lang: sub.lang, subscribedById: by }).where(ofChat(sub.chat));
      outcome = 'changed';
    }
    await tx.insert(auditLog).values({
      at: sub.at,
      personId: by,
      actor: sub.by,
      channel: sub.chat.channel,
      action: 'group_digest_on',
      entity: 'group_chat',
      entityCode: chatCode(sub.chat),
      before,
      after: { lang: sub.lang },
    });
    return outcome;
  });
}

export async function unsubscribeGroupDigest(
  db: Db,
  chat: GroupChat,
  by: PersonCode,
  at: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = await personId(tx, by);
    const [removed] = await tx
      .delete(groupDigests)
      .where(ofChat(chat))
      .returning({ lang: groupDigests.lang });
    if (!removed) return false;
    await tx.insert(auditLog).values({
      at,
      personId: id,
      actor: by,
      channel: chat.channel,
      action: 'group_digest_off',
      entity: 'group_chat',
      entityCode: chatCode(chat),
      before: { lang: removed.lang },
    });
    return true;
  });
}

/** Every subscribed group on a messenger the bot pushes to, in a stable order. */
export async function loadGroupDigests(db: DbOrTx): Promise<PlanGroup[]> {
  const result = await rows<{ channel: PlanGroup['channel']; chat_id: string; lang: Lang }>(
    db,
    sql`select channel::text as channel, chat_id, lang::text as lang from group_digests
         where channel in ('telegram', 'zalo')
         order by channel, chat_id`,
  );
  return result.map((r) => ({ channel: r.channel, chatId: r.chat_id, lang: r.lang }));
}
