// Evidence files: stored once per content (sha256), attached to an item and to the update they came with.
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { UnknownCodeError } from '../core/errors.ts';
import type { AttachInput, EvidenceFile, EvidenceView } from '../core/ports.ts';
import type { ChannelName, ItemCode, PersonCode } from '../core/types.ts';
import { rows, type Db, type DbOrTx, type Tx } from './db.ts';
import { itemRef } from './items.ts';
import { auditLog, evidence, files, people, targets, tasks } from './schema.ts';

export interface Attachment {
  item: { taskId: number | null; targetId: number | null };
  historyId: number | null;
  personId: number | null;
  at: Date;
  channel: ChannelName;
  messageId: string | null;
}

/** The file's row, inserted unless the same bytes are stored already. */
async function fileId(tx: Tx, file: EvidenceFile): Promise<number> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await tx
    .insert(files)
    .values({
      sha256,
      name: file.name,
      mimeType: file.mimeType,
      size: file.bytes.byteLength,
      bytes: file.bytes,
    })
    .onConflictDoNothing({ target: files.sha256 });
  const [row] = await tx.select({ id: files.id }).from(files).where(eq(files.sha256, sha256));
  return row!.id;
}

/** Attaches files inside the caller's transaction; false when this message's file is attached already. */
export async function attachFiles(tx: Tx, files: readonly EvidenceFile[], a: Attachment): Promise<boolean> {
  let added = false;
  for (const [i, file] of files.entries()) {
    const id = await fileId(tx, file);
    // One message, one key: the n-th file of a message is its own key so an album keeps every photo.
    const messageId = a.messageId === null ? null : i === 0 ? a.messageId : `${a.messageId}#${i}`;
    const inserted = await tx
      .insert(evidence)
      .values({
        fileId: id,
        taskId: a.item.taskId,
        targetId: a.item.targetId,
        historyId: a.historyId,
        personId: a.personId,
        name: file.name,
        at: a.at,
        channel: a.channel,
        messageId,
      })
      .onConflictDoNothing()
      .returning({ id: evidence.id });
    if (inserted.length > 0) added = true;
  }
  return added;
}

async function itemIds(
  tx: DbOrTx,
  code: ItemCode,
): Promise<{ taskId: number | null; targetId: number | null }> {
  const ref = await itemRef(tx, code);
  if (ref.taskId === null && ref.targetId === null) throw new UnknownCodeError('item', code);
  return ref;
}

/** A file sent alone about an item: attached and audited in one transaction. */
export async function attachEvidence(db: Db, input: AttachInput): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.code, input.person));
    if (!person) throw new UnknownCodeError('person', input.person);
    const item = await itemIds(tx, input.item);
    const added = await attachFiles(tx, [input.file], {
      item,
      historyId: null,
      personId: person.id,
      at: input.at,
      channel: input.channel,
      messageId: input.messageId,
    });
    if (added) {
      await tx.insert(auditLog).values({
        at: input.at,
        personId: person.id,
        actor: input.person,
        channel: input.channel,
        action: 'attach',
        entity: item.taskId !== null ? 'task' : 'target',
        entityCode: input.item,
        after: { name: input.file.name, type: input.file.mimeType, size: input.file.bytes.byteLength },
      });
    }
    return added;
  });
}

/** An item's evidence, newest first. */
export async function evidenceOf(db: DbOrTx, code: ItemCode): Promise<EvidenceView[]> {
  const item = await itemIds(db, code);
  const list = await db
    .select({
      id: evidence.id,
      fileId: evidence.fileId,
      name: evidence.name,
      mimeType: files.mimeType,
      size: files.size,
      at: evidence.at,
      person: people.code,
    })
    .from(evidence)
    .innerJoin(files, eq(files.id, evidence.fileId))
    .leftJoin(people, eq(people.id, evidence.personId))
    .where(item.taskId !== null ? eq(evidence.taskId, item.taskId) : eq(evidence.targetId, item.targetId!))
    .orderBy(desc(evidence.at), desc(evidence.id));
  return list.map((r) => ({ ...r, person: (r.person as PersonCode | null) ?? null }));
}

/** One attached file with its bytes (a download), when it belongs to the item named. */
export async function evidenceFile(
  db: DbOrTx,
  code: ItemCode,
  id: number,
): Promise<{ name: string; mimeType: string; bytes: Uint8Array } | null> {
  const [row] = await db
    .select({ name: evidence.name, mimeType: files.mimeType, bytes: files.bytes })
    .from(evidence)
    .innerJoin(files, eq(files.id, evidence.fileId))
    .leftJoin(tasks, eq(tasks.id, evidence.taskId))
    .leftJoin(targets, eq(targets.id, evidence.targetId))
    .where(and(eq(evidence.id, id), or(eq(tasks.code, code), eq(targets.code, code))));
  if (!row) return null;
  return { ...row, bytes: new Uint8Array(row.bytes) };
}

/** The bytes of stored files by id; an id no longer stored is absent from the map. */
export async function fileBytes(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Buffer>> {
  if (ids.length === 0) return new Map();
  const list = await db
    .select({ id: files.id, bytes: files.bytes })
    .from(files)
    .where(inArray(files.id, [...ids]));
  return new Map(list.map((r) => [r.id, Buffer.from(r.bytes)]));
}

/** How many files and evidence rows there are (tests: "nothing stored"). */
export async function evidenceCounts(db: DbOrTx): Promise<{ files: number; evidence: number }> {
  const [r] = await rows<{ files: number; evidence: number }>(
    db,
    sql`select (select count(*)::int from files) as files, (select count(*)::int from evidence) as evidence`,
  );
  return r!;
}
