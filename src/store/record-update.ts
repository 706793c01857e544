// recordUpdate: validate, append history, update the item, roll its target up, audit — one transaction.
import { and, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { InvalidUpdateError, UnknownCodeError } from '../core/errors.ts';
import { resolveUpdate } from '../core/progress.ts';
import type { UpdateInput, UpdateResult } from '../core/ports.ts';
import type { Percent } from '../core/types.ts';
import { rows, type Db, type Tx } from './db.ts';
import { itemByCode } from './items.ts';
import { programOfItem } from './confirmation.ts';
import { attachFiles } from './evidence.ts';
import { auditLog, history, people, targets, tasks } from './schema.ts';

export const MAX_NOTE_CHARS = 2000;
/** Phones' clocks drift; a minute of slack is not "in the future" (imports allow the same). */
export const FUTURE_SLACK_MS = 60_000;

function validate(input: UpdateInput, now: Date): void {
  const p = input.progress;
  if (p !== null && (!Number.isInteger(p) || p < 0 || p > 100)) {
    throw new InvalidUpdateError('percent_out_of_range', String(p));
  }
  if (input.at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw new InvalidUpdateError('time_in_future');
  if (input.note !== null && input.note.length > MAX_NOTE_CHARS) {
    throw new InvalidUpdateError('note_too_long', `${input.note.length} > ${MAX_NOTE_CHARS}`);
  }
  if (input.status === null && input.progress === null && !input.note?.trim()) {
    throw new InvalidUpdateError('nothing_to_record');
  }
}

/**
 * The one definition of a target's roll-up from its tasks: status is done when all are (finished
 * when the last one was), blocked when any is, in progress once any has started. Progress is the
 * target's indicator where it has one (current / target value, capped at 100 %: "41/68 xã" is 60 %),
 * otherwise the mean of its tasks'. `where` narrows the tasks.
 */
export function targetRollup(where: SQL = sql`true`): SQL {
  return sql`
    select s.target_id, s.updated_at, s.completed_at, s.status,
           case when g.unit is not null and g.target_value > 0
                then least(100, round(g.current_value / g.target_value * 100))::int
                else s.progress end as progress
      from (select target_id, round(avg(progress))::int as progress, max(updated_at) as updated_at,
                   max(completed_at) as completed_at,
                   case when bool_and(status = 'done') then 'done'
                        when bool_or(status = 'blocked') then 'blocked'
                        when bool_or(status <> 'not_started') then 'in_progress'
                        else 'not_started' end as status
              from tasks where ${where} group by target_id) s
      join targets g on g.id = s.target_id`;
}

/** A target's status and progress follow its tasks (targets without tasks are left alone). */
export async function rollUpTargets(tx: Tx, targetIds: readonly number[]): Promise<void> {
  // Batches keep a statement's parameters well under Postgres's limit of 65,535.
  for (let i = 0; i < targetIds.length; i += 1000) {
    const batch = targetIds.slice(i, i + 1000);
    await tx.execute(sql`
      update targets t set
        progress = s.progress,
        status = s.status::item_status,
        current_value = case when t.unit is null then (case when s.status = 'done' then 1 else 0 end)
                             else t.current_value end,
        updated_at = greatest(t.updated_at, s.updated_at),
        -- Finished when its last task was; a target already done keeps its own time.
        completed_at = case when s.status <> 'done' then null
                            when t.status = 'done' then coalesce(t.completed_at, s.completed_at)
                            else s.completed_at end
      from (${targetRollup(sql`target_id in ${batch}`)}) s
      where t.id = s.target_id`);
  }
}

export async function recordUpdate(db: Db, input: UpdateInput, now: Date): Promise<UpdateResult> {
  validate(input, now);
  return db.transaction(async (tx) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.code, input.person));
    if (!person) throw new UnknownCodeError('person', input.person);

    const [task] = await tx
      .select({ id: tasks.id, targetId: tasks.targetId, status: tasks.status, progress: tasks.progress })
      .from(tasks)
      .where(eq(tasks.code, input.item))
      .for('update');
    const [target] = task
      ? []
      : await tx
          .select({ id: targets.id, status: targets.status, progress: targets.progress })
          .from(targets)
          .where(eq(targets.code, input.item))
          .for('update');
    const row = task ?? target;
    if (!row) throw new UnknownCodeError('item', input.item);
    // A target with tasks follows them (the roll-up): its status and progress are never set by hand,
    // or the next task update would silently undo it. A note is still welcome.
    if (target && (input.status !== null || input.progress !== null)) {
      const [child] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(eq(tasks.targetId, target.id))
        .limit(1);
      if (child) throw new InvalidUpdateError('target_has_tasks', input.item);
    }
    const before = { status: row.status, progress: row.progress as Percent };

    if (input.messageId !== null) {
      const [seen] = await tx
        .select({ id: history.id })
        .from(history)
        .where(
          and(
            eq(history.channel, input.channel),
            eq(history.messageId, input.messageId),
            inArray(history.kind, ['update', 'claim']),
          ),
        );
      if (seen) {
        const item = (await itemByCode(tx, input.item))!;
        return { before, item, target: null, duplicate: true };
      }
    }

    const noteOnly = input.status === null && input.progress === null;
    // The row is its latest status update's: one sent before that (delivered late, or two webhook
    // processes finishing out of order) would overwrite it and leave row and history disagreeing.
    if (!noteOnly) {
      const [newer] = await tx
        .select({ id: history.id })
        .from(history)
        .where(
          and(
            task ? eq(history.taskId, task.id) : eq(history.targetId, target!.id),
            inArray(history.kind, ['update', 'claim']),
            isNotNull(history.status),
            gt(history.at, input.at),
          ),
        )
        .limit(1);
      if (newer) throw new InvalidUpdateError('superseded', input.item);
    }
    const after = resolveUpdate(before, { status: input.status, progress: input.progress });
    const ids = { taskId: task ? task.id : null, targetId: task ? null : target!.id };
    // Under confirmation a "done" is a claim until a checker confirms it: the item stays as it was.
    const claim =
      after.status === 'done' && before.status !== 'done' && (await programOfItem(tx, ids)).confirmation;
    const [written] = await tx
      .insert(history)
      .values({
        ...ids,
        kind: claim ? 'claim' : 'update',
        personId: person.id,
        at: input.at,
        progress: noteOnly ? null : after.progress,
        status: noteOnly ? null : after.status,
        note: input.note,
        channel: input.channel,
        messageId: input.messageId,
      })
      .returning({ id: history.id });
    if (input.files?.length) {
      await attachFiles(tx, input.files, {
        item: ids,
        historyId: written!.id,
        personId: person.id,
        at: input.at,
        channel: input.channel,
        messageId: input.messageId,
      });
    }
    // Finished when it became done; a done item stays finished when it was; re-opened clears it.
    const completedAt = after.status !== 'done' ? null : before.status === 'done' ? undefined : input.at;
    // A claim waits (a newer claim replaces it); any other status update withdraws it.
    const set = claim
      ? { updatedAt: input.at, awaitingSince: input.at, awaitingClaimId: written!.id }
      : noteOnly
        ? { ...after, updatedAt: input.at, completedAt }
        : { ...after, updatedAt: input.at, completedAt, awaitingSince: null, awaitingClaimId: null };
    if (task) {
      await tx.update(tasks).set(set).where(eq(tasks.id, task.id));
      await rollUpTargets(tx, [task.targetId]);
    } else {
      await tx.update(targets).set(set).where(eq(targets.id, target!.id));
    }
    await tx.insert(auditLog).values({
      personId: person.id,
      actor: input.person,
      channel: input.channel,
      action: claim ? 'claim' : 'update',
      entity: task ? 'task' : 'target',
      entityCode: input.item,
      before,
      after: { ...after, note: input.note, ...(input.files?.length ? { files: input.files.length } : {}) },
    });
    const item = (await itemByCode(tx, input.item))!;
    const parent = task
      ? ((await rows<{ code: string }>(tx, sql`select code from targets where id = ${task.targetId}`))[0]
          ?.code ?? null)
      : null;
    return {
      before,
      item,
      target: parent ? await itemByCode(tx, parent as typeof input.item) : null,
      duplicate: false,
      claimId: claim ? written!.id : null,
    };
  });
}
