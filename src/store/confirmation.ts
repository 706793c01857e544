// Confirmation by the tracking office (the setting and checkers: programs.ts): a checker's verdict
// on a reported "done" (confirm: done as of when it was reported; return: in progress, with why).
import { and, eq, sql } from 'drizzle-orm';
import { ConfirmationError, UnknownCodeError } from '../core/errors.ts';
import type { VerdictInput, VerdictResult, WaitingClaim } from '../core/ports.ts';
import type { ChannelName, ItemCode, Percent, PersonCode } from '../core/types.ts';
import { rows, type Db, type DbOrTx, type Tx } from './db.ts';
import { itemByCode } from './items.ts';
import { rollUpTargets } from './record-update.ts';
import { auditLog, history, people, targets, tasks } from './schema.ts';

/** The programme an item belongs to, with its confirmation setting. */
export async function programOfItem(
  tx: DbOrTx,
  item: { taskId: number | null; targetId: number | null },
): Promise<{ id: number; confirmation: boolean }> {
  const [r] = await rows<{ id: number; confirmation: boolean }>(
    tx,
    item.taskId !== null
      ? sql`select p.id, p.confirmation from tasks t join targets g on g.id = t.target_id
              join programs p on p.id = g.program_id where t.id = ${item.taskId}`
      : sql`select p.id, p.confirmation from targets g join programs p on p.id = g.program_id
             where g.id = ${item.targetId}`,
  );
  return r!;
}

const CHECKERS = (programId: number) => sql`
  select pe.id, pe.code from people pe
   where pe.role = 'admin'
      or exists (select 1 from program_checkers c where c.person_id = pe.id and c.program_id = ${programId})
   order by pe.code`;

export async function checkersOf(db: DbOrTx, code: ItemCode): Promise<PersonCode[]> {
  const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.code, code));
  const [target] = task
    ? []
    : await db.select({ id: targets.id }).from(targets).where(eq(targets.code, code));
  if (!task && !target) throw new UnknownCodeError('item', code);
  const program = await programOfItem(db, { taskId: task?.id ?? null, targetId: target?.id ?? null });
  const list = await rows<{ code: string }>(db, CHECKERS(program.id));
  return list.map((r) => r.code as PersonCode);
}

/** The item's waiting claim (who reported it, when, with what note), or null when none waits. */
export async function claimOf(db: DbOrTx, code: ItemCode): Promise<WaitingClaim | null> {
  const [r] = await rows<{
    id: number | string;
    at: Date | string;
    note: string | null;
    person: string | null;
  }>(
    db,
    sql`select h.id, h.at, h.note, pe.code as person
          from (select awaiting_claim_id as claim from tasks where code = ${code}
                union all select awaiting_claim_id from targets where code = ${code}) w
          join history h on h.id = w.claim and h.kind = 'claim'
          left join people pe on pe.id = h.person_id`,
  );
  if (!r) return null;
  return {
    claimId: Number(r.id),
    at: new Date(r.at),
    note: r.note,
    reporter: (r.person as PersonCode | null) ?? null,
  };
}

interface Waiting {
  taskId: number | null;
  targetId: number | null;
  /** The task's target, to roll up. */
  parentId: number | null;
  progress: Percent;
  claim: { id: number; at: Date; personId: number | null; note: string | null; channel: ChannelName | null };
  byId: number;
}

/** Locks the item and checks that `input.by` may give a verdict on its waiting claim. */
async function waitingClaim(tx: Tx, input: VerdictInput): Promise<Waiting> {
  const [by] = await tx.select({ id: people.id }).from(people).where(eq(people.code, input.by));
  if (!by) throw new UnknownCodeError('person', input.by);
  const cols = {
    id: tasks.id,
    claimId: tasks.awaitingClaimId,
    progress: tasks.progress,
    targetId: tasks.targetId,
  };
  const [task] = await tx.select(cols).from(tasks).where(eq(tasks.code, input.item)).for('update');
  const [target] = task
    ? []
    : await tx
        .select({ id: targets.id, claimId: targets.awaitingClaimId, progress: targets.progress })
        .from(targets)
        .where(eq(targets.code, input.item))
        .for('update');
  const row = task ?? target;
  if (!row) throw new UnknownCodeError('item', input.item);
  if (row.claimId === null) throw new ConfirmationError('not_awaiting');
  if (input.claimId !== null && input.claimId !== row.claimId) throw new ConfirmationError('stale');
  const ids = { taskId: task?.id ?? null, targetId: task ? null : target!.id };
  const program = await programOfItem(tx, ids);
  const checkers = await rows<{ id: number }>(tx, CHECKERS(program.id));
  if (!checkers.some((c) => c.id === by.id)) throw new ConfirmationError('not_checker');
  const [claim] = await tx
    .select({
      id: history.id,
      at: history.at,
      personId: history.personId,
      note: history.note,
      channel: history.channel,
    })
    .from(history)
    .where(and(eq(history.id, row.claimId), eq(history.kind, 'claim')));
  if (!claim) throw new ConfirmationError('not_awaiting');
  // The tracking office checks an agency's claim: never the person who made it.
  if (claim.personId === by.id) throw new ConfirmationError('own_report');
  return { ...ids, parentId: task?.targetId ?? null, progress: row.progress as Percent, claim, byId: by.id };
}

async function finish(tx: Tx, w: Waiting, input: VerdictInput, action: string): Promise<VerdictResult> {
  if (w.parentId !== null) await rollUpTargets(tx, [w.parentId]);
  const item = (await itemByCode(tx, input.item))!;
  await tx.insert(auditLog).values({
    at: input.at,
    personId: w.byId,
    actor: input.by,
    channel: input.channel,
    action,
    entity: w.taskId !== null ? 'task' : 'target',
    entityCode: input.item,
    before: { claim: w.claim.id, reportedAt: w.claim.at.toISOString() },
    after: { status: item.status, progress: item.progress, reason: input.reason ?? null },
  });
  const [reporter] = w.claim.personId
    ? await tx.select({ code: people.code }).from(people).where(eq(people.id, w.claim.personId))
    : [];
  return {
    item,
    reporter: (reporter?.code as PersonCode | undefined) ?? null,
    reportedAt: w.claim.at,
    claimId: w.claim.id,
  };
}

const CLEAR = { awaitingSince: null, awaitingClaimId: null };

/** Done as of the claim: its update row is written with the reporter and the time they reported it. */
export async function confirmClaim(db: Db, input: VerdictInput): Promise<VerdictResult> {
  return db.transaction(async (tx) => {
    const w = await waitingClaim(tx, input);
    const at = w.claim.at;
    await tx.insert(history).values({
      taskId: w.taskId,
      targetId: w.targetId,
      kind: 'update',
      personId: w.claim.personId,
      at,
      progress: 100,
      status: 'done',
      note: w.claim.note,
      channel: w.claim.channel,
      messageId: null,
    });
    const set = { status: 'done' as const, progress: 100, completedAt: at, ...CLEAR };
    if (w.taskId !== null) {
      await tx
        .update(tasks)
        .set({ ...set, updatedAt: sql`greatest(${tasks.updatedAt}, ${at.toISOString()}::timestamptz)` })
        .where(eq(tasks.id, w.taskId));
    } else {
      await tx
        .update(targets)
        .set({ ...set, updatedAt: sql`greatest(${targets.updatedAt}, ${at.toISOString()}::timestamptz)` })
        .where(eq(targets.id, w.targetId!));
    }
    return finish(tx, w, input, 'confirm');
  });
}

/** Back to in progress at its progress before the claim, the checker's reason in its history. */
export async function returnClaim(db: Db, input: VerdictInput & { reason: string }): Promise<VerdictResult> {
  return db.transaction(async (tx) => {
    const w = await waitingClaim(tx, input);
    await tx.insert(history).values({
      taskId: w.taskId,
      targetId: w.targetId,
      kind: 'update',
      personId: w.byId,
      at: input.at,
      progress: w.progress,
      status: 'in_progress',
      note: input.reason,
      channel: input.channel,
      messageId: null,
    });
    const set = { status: 'in_progress' as const, progress: w.progress, updatedAt: input.at, ...CLEAR };
    if (w.taskId !== null) await tx.update(tasks).set(set).where(eq(tasks.id, w.taskId));
    else await tx.update(targets).set(set).where(eq(targets.id, w.targetId!));
    return finish(tx, w, input, 'return');
  });
}
