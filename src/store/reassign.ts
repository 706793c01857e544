// reassign: give a task to another person — assignee (and agency, when it changes hands across agencies) and audit, one transaction.
import { eq } from 'drizzle-orm';
import { NotATaskError, UnknownCodeError } from '../core/errors.ts';
import type { ReassignInput, ReassignResult } from '../core/ports.ts';
import type { Db } from './db.ts';
import { itemByCode } from './items.ts';
import { agencies, auditLog, people, targets, tasks } from './schema.ts';

/**
 * The task follows its new assignee's agency: the agency owns what its people do (reminders, digests,
 * escalation). History keeps status reports only (its kind enum has no re-assignment), so the change is
 * recorded in the audit log: who, from which channel, the assignee and agency before and after.
 * Throws UnknownCodeError (task or person) or NotATaskError (a target's code) and writes nothing.
 */
export async function reassign(db: Db, input: ReassignInput): Promise<ReassignResult> {
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select({ id: tasks.id, assigneeId: tasks.assigneeId, agencyId: tasks.agencyId })
      .from(tasks)
      .where(eq(tasks.code, input.task))
      .for('update');
    if (!task) {
      const [target] = await tx.select({ id: targets.id }).from(targets).where(eq(targets.code, input.task));
      if (target) throw new NotATaskError(input.task);
      throw new UnknownCodeError('item', input.task);
    }
    const [assignee] = await tx
      .select({ id: people.id, agencyId: people.agencyId, agency: agencies.code })
      .from(people)
      .innerJoin(agencies, eq(agencies.id, people.agencyId))
      .where(eq(people.code, input.assignee));
    if (!assignee) throw new UnknownCodeError('person', input.assignee);
    let byId: number | null = null;
    if (input.by !== null) {
      const [by] = await tx.select({ id: people.id }).from(people).where(eq(people.code, input.by));
      if (!by) throw new UnknownCodeError('person', input.by);
      byId = by.id;
    }
    const before = (await itemByCode(tx, input.task))!;
    if (task.assigneeId === assignee.id) return { before, after: before, changed: false, changeId: null };

    await tx
      .update(tasks)
      .set({ assigneeId: assignee.id, agencyId: assignee.agencyId })
      .where(eq(tasks.id, task.id));
    const [audit] = await tx
      .insert(auditLog)
      .values({
        at: input.at,
        personId: byId,
        actor: input.by ?? 'cli',
        channel: input.channel,
        action: 'reassign',
        entity: 'task',
        entityCode: input.task,
        before: { assignee: before.assignee?.code ?? null, agency: before.agency },
        after: { assignee: input.assignee, agency: assignee.agency },
      })
      .returning({ id: auditLog.id });
    const after = (await itemByCode(tx, input.task))!;
    return { before, after, changed: true, changeId: audit!.id };
  });
}
