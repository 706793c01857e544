// Per-chat memory: conversation state, which bot message was about which item, snoozes, explanations.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { UnknownCodeError } from '../core/errors.ts';
import type { ChatRef, ConversationState, ExplanationRequest } from '../core/ports.ts';
import type { ChannelName, ItemCode, LocalDate, PersonCode } from '../core/types.ts';
import { type Db, type DbOrTx } from './db.ts';
import { itemByCode, itemRef } from './items.ts';
import { personByCode } from './people.ts';
import {
  auditLog,
  botMessages,
  conversations,
  explanationRequests,
  history,
  people,
  snoozes,
  tasks,
} from './schema.ts';

export async function conversation(db: DbOrTx, chat: ChatRef): Promise<ConversationState> {
  const [r] = await db
    .select({ state: conversations.state })
    .from(conversations)
    .where(and(eq(conversations.channel, chat.channel), eq(conversations.chatId, chat.chatId)));
  return (r?.state as ConversationState | undefined) ?? {};
}

export async function saveConversation(db: DbOrTx, chat: ChatRef, state: ConversationState): Promise<void> {
  await db
    .insert(conversations)
    .values({ channel: chat.channel, chatId: chat.chatId, state, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [conversations.channel, conversations.chatId],
      set: { state, updatedAt: new Date() },
    });
}

export async function itemOfBotMessage(
  db: DbOrTx,
  chat: ChatRef,
  messageId: string,
): Promise<ItemCode | null> {
  const [r] = await db
    .select({ item: botMessages.itemCode })
    .from(botMessages)
    .where(
      and(
        eq(botMessages.channel, chat.channel),
        eq(botMessages.chatId, chat.chatId),
        eq(botMessages.messageId, messageId),
      ),
    );
  return (r?.item as ItemCode | undefined) ?? null;
}

export async function rememberBotMessage(
  db: DbOrTx,
  chat: ChatRef,
  messageId: string,
  item: ItemCode,
): Promise<void> {
  await db
    .insert(botMessages)
    .values({ channel: chat.channel, chatId: chat.chatId, messageId, itemCode: item })
    .onConflictDoUpdate({
      target: [botMessages.channel, botMessages.chatId, botMessages.messageId],
      set: { itemCode: item },
    });
}

export async function snooze(
  db: DbOrTx,
  person: PersonCode,
  item: ItemCode,
  until: LocalDate,
): Promise<void> {
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.code, person));
  if (!p) throw new UnknownCodeError('person', person);
  if (!(await itemByCode(db, item))) throw new UnknownCodeError('item', item);
  await db
    .insert(snoozes)
    .values({ personId: p.id, itemCode: item, until })
    .onConflictDoUpdate({ target: [snoozes.personId, snoozes.itemCode], set: { until } });
}

/** Whom to ask: a task's assignee, or the head of a target's lead agency. */
async function personToAsk(db: DbOrTx, item: ItemCode): Promise<number | null> {
  const [t] = await db.select({ id: tasks.assigneeId }).from(tasks).where(eq(tasks.code, item));
  if (t) return t.id;
  const r = await db.execute(
    sql`select a.head_person_id as id from targets t join agencies a on a.id = t.lead_agency_id where t.code = ${item}`,
  );
  const list = (Array.isArray(r) ? r : (r as unknown as { rows: { id: number | null }[] }).rows) as {
    id: number | null;
  }[];
  return list[0]?.id ?? null;
}

async function toRequest(
  db: DbOrTx,
  row: typeof explanationRequests.$inferSelect,
): Promise<ExplanationRequest> {
  const [by] = await db.select({ code: people.code }).from(people).where(eq(people.id, row.requestedById));
  const [asked] = row.askedPersonId
    ? await db.select({ code: people.code }).from(people).where(eq(people.id, row.askedPersonId))
    : [];
  return {
    id: row.id,
    item: row.itemCode as ItemCode,
    requestedBy: (await personByCode(db, by!.code as PersonCode))!,
    asked: asked ? await personByCode(db, asked.code as PersonCode) : null,
    requestedAt: row.requestedAt,
  };
}

export async function requestExplanation(
  db: Db,
  item: ItemCode,
  by: PersonCode,
  at: Date,
): Promise<ExplanationRequest> {
  const view = await itemByCode(db, item);
  if (!view) throw new UnknownCodeError('item', item);
  const [requester] = await db.select({ id: people.id }).from(people).where(eq(people.code, by));
  if (!requester) throw new UnknownCodeError('person', by);
  const asked = await personToAsk(db, item);
  return db.transaction(async (tx) => {
    // One open request per item and leader: asking again re-sends the same request.
    const [open] = await tx
      .select()
      .from(explanationRequests)
      .where(
        and(
          eq(explanationRequests.itemCode, item),
          eq(explanationRequests.requestedById, requester.id),
          isNull(explanationRequests.answeredAt),
        ),
      );
    const row =
      open ??
      (
        await tx
          .insert(explanationRequests)
          .values({ itemCode: item, requestedById: requester.id, askedPersonId: asked, requestedAt: at })
          .returning()
      )[0]!;
    if (!open) {
      await tx.insert(history).values({
        ...(await itemRef(tx, item)),
        kind: 'explanation_request',
        personId: requester.id,
        at,
        channel: null,
      });
      await tx.insert(auditLog).values({
        personId: requester.id,
        actor: by,
        action: 'request_explanation',
        entity: view.kind,
        entityCode: item,
      });
    }
    return toRequest(tx, row);
  });
}

export async function openExplanationFor(
  db: DbOrTx,
  person: PersonCode,
  item: ItemCode | null,
): Promise<ExplanationRequest | null> {
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.code, person));
  if (!p) return null;
  const [row] = await db
    .select()
    .from(explanationRequests)
    .where(
      and(
        eq(explanationRequests.askedPersonId, p.id),
        isNull(explanationRequests.answeredAt),
        item ? eq(explanationRequests.itemCode, item) : sql`true`,
      ),
    )
    .orderBy(sql`${explanationRequests.requestedAt} desc`)
    .limit(1);
  return row ? toRequest(db, row) : null;
}

export async function answerExplanation(
  db: Db,
  requestId: number,
  answer: string,
  at: Date,
  source: { channel: ChannelName; messageId: string | null },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [req] = await tx
      .select()
      .from(explanationRequests)
      .where(eq(explanationRequests.id, requestId))
      .for('update');
    if (!req || req.answeredAt) return;
    await tx
      .update(explanationRequests)
      .set({ answeredAt: at, answer })
      .where(eq(explanationRequests.id, requestId));
    await tx.insert(history).values({
      ...(await itemRef(tx, req.itemCode as ItemCode)),
      kind: 'explanation',
      personId: req.askedPersonId,
      at,
      note: answer,
      channel: source.channel,
      messageId: source.messageId,
    });
    await tx.insert(auditLog).values({
      personId: req.askedPersonId,
      actor: 'chat',
      channel: source.channel,
      action: 'explain',
      entity: 'explanation_request',
      entityCode: req.itemCode,
    });
  });
}
