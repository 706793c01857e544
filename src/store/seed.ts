// Loads a province (the demo or another folder in its format) into the store, idempotently.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays, daysBetween, localDate, shiftInstant } from '../core/time.ts';
import type { LocalDate } from '../core/types.ts';
import { SCHEMA_LOCK, type Db, type Tx } from './db.ts';
import type { ProvinceData } from './demo-files.ts';
import { headRank } from './people-import/roles.ts';
import { rollUpTargets } from './record-update.ts';
import { agencies, auditLog, history, people, programs, targets, tasks } from './schema.ts';

export const DEMO_REFERENCE_DAY = '2025-07-15' as LocalDate;

/** What a load added; rows that were already there are counted in `kept` (tasks) and left alone. */
export interface SeedResult {
  programs: number;
  agencies: number;
  people: number;
  targets: number;
  tasks: number;
  /** Tasks already in the database, left exactly as they were. */
  kept: number;
  updatesAdded: number;
  shiftDays: number;
}

type Coded = typeof programs | typeof agencies | typeof people | typeof targets | typeof tasks;

interface Inserted {
  /** Every row's id by code, old and new. */
  ids: Map<string, number>;
  /** The codes this call created: rows already there are never touched, whatever the files say. */
  created: Set<string>;
}

/**
 * Inserts the rows that are missing, in one statement (a province is a few thousand rows; one round
 * trip each made the first start seconds slower), and leaves existing rows as they are: loading the
 * demo into a live database must never overwrite what people have recorded since.
 */
async function insertMissing<T extends Coded>(
  tx: Tx,
  table: T,
  values: Array<T['$inferInsert'] & { code: string }>,
): Promise<Inserted> {
  if (values.length === 0) return { ids: new Map(), created: new Set() };
  const coded = table as typeof programs;
  const created = await tx
    .insert(coded)
    .values(values as (typeof programs.$inferInsert)[])
    .onConflictDoNothing({ target: coded.code })
    .returning({ id: coded.id, code: coded.code });
  const codes = values.map((v) => v.code);
  const all = await tx
    .select({ id: coded.id, code: coded.code })
    .from(coded)
    .where(inArray(coded.code, codes));
  return { ids: new Map(all.map((r) => [r.code, r.id])), created: new Set(created.map((r) => r.code)) };
}

/** The plan's start for the "progress its time implies": the first day of the year the item is due. */
function startOf(due: LocalDate): LocalDate {
  return `${due.slice(0, 4)}-01-01` as LocalDate;
}

export async function seedProvince(
  db: Db,
  data: ProvinceData,
  opts: { shiftDays: number },
): Promise<SeedResult> {
  const shift = opts.shiftDays;
  const day = (d: string): LocalDate => addDays(d as LocalDate, shift);
  const at = (iso: string): Date => shiftInstant(new Date(iso), shift);

  return db.transaction(async (tx: Tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    const programRows = await insertMissing(
      tx,
      programs,
      data.programs.map((p) => ({ code: p.code, nameVi: p.name_vi, nameEn: p.name_en, aliases: p.aliases })),
    );
    const agencyRows = await insertMissing(
      tx,
      agencies,
      data.agencies.map((a) => ({
        code: a.code,
        nameVi: a.name_vi,
        nameEn: a.name_en,
        kind: a.kind,
        aliases: a.aliases,
      })),
    );
    const agencyId = agencyRows.ids;
    const idOf = (ids: Map<string, number>, code: string, what: string): number => {
      const id = ids.get(code.toUpperCase());
      if (id === undefined) throw new Error(`${what}: unknown code ${code}`);
      return id;
    };
    const personRows = await insertMissing(
      tx,
      people,
      data.people.map((p) => ({
        code: p.code,
        fullName: p.full_name,
        role: p.role,
        agencyId: idOf(agencyId, p.agency_code, `person ${p.code}`),
        titleVi: p.title_vi,
        titleEn: p.title_en,
        lang: p.lang,
        telegramUsername: p.telegram_username,
        zaloUserId: p.zalo_user_id,
      })),
    );
    const personId = personRows.ids;
    // Parents and heads need every agency and person first; one statement sets them all.
    const links = data.agencies
      .filter((a) => agencyRows.created.has(a.code))
      .map((a) => {
        const staff = data.people.filter((p) => p.agency_code === a.code && p.role === 'staff');
        staff.sort((x, y) => headRank(x.title_vi) - headRank(y.title_vi) || x.code.localeCompare(y.code));
        const parent = a.parent_code ? idOf(agencyId, a.parent_code, `agency ${a.code} parent`) : null;
        const head = staff[0] ? idOf(personId, staff[0].code, `agency ${a.code} head`) : null;
        return sql`(${idOf(agencyId, a.code, 'agency')}::int, ${parent}::int, ${head}::int)`;
      });
    if (links.length > 0) {
      await tx.execute(sql`update agencies a set parent_id = v.parent, head_person_id = v.head
        from (values ${sql.join(links, sql`, `)}) as v(id, parent, head) where a.id = v.id`);
    }
    const programId = new Map(
      (await tx.select({ id: programs.id, code: programs.code }).from(programs)).map((r) => [r.code, r.id]),
    );
    const targetRows = await insertMissing(
      tx,
      targets,
      data.targets.map((t) => {
        const due = day(t.due_date);
        return {
          code: t.code.toUpperCase(),
          programId: idOf(programId, t.program_code, `target ${t.code}`),
          titleVi: t.title_vi,
          titleEn: t.title_en,
          leadAgencyId: idOf(agencyId, t.lead_agency_code, `target ${t.code}`),
          unit: t.unit,
          targetValue: t.target_value,
          currentValue: t.current_value,
          startDate: startOf(due),
          dueDate: due,
          status: t.status,
          progress: 0,
          updatedAt: at(t.updated_at),
          // A province's files say when each item last changed; for a done one that is when it was finished.
          completedAt: t.status === 'done' ? at(t.updated_at) : null,
        };
      }),
    );
    const targetId = targetRows.ids;
    const taskRows = await insertMissing(
      tx,
      tasks,
      data.tasks.map((t) => {
        const due = day(t.due_date);
        return {
          code: t.code.toUpperCase(),
          targetId: idOf(targetId, t.target_code, `task ${t.code}`),
          titleVi: t.title_vi,
          titleEn: t.title_en,
          agencyId: idOf(agencyId, t.agency_code, `task ${t.code}`),
          assigneeId: t.assignee_code ? idOf(personId, t.assignee_code, `task ${t.code}`) : null,
          startDate: startOf(due),
          dueDate: due,
          status: t.status,
          progress: t.progress,
          updatedAt: at(t.updated_at),
          completedAt: t.status === 'done' ? at(t.updated_at) : null,
        };
      }),
    );
    const taskId = taskRows.ids;
    // Targets that gained tasks follow them, by the one roll-up recordUpdate keeps.
    const grown = data.tasks
      .filter((t) => taskRows.created.has(t.code.toUpperCase()))
      .map((t) => targetId.get(t.target_code.toUpperCase())!);
    await rollUpTargets(tx, [...new Set(grown)]);

    // History only for the tasks created now: an existing task's history is its own.
    const newTaskIds = [...taskRows.created].map((code) => taskId.get(code)!);
    const existing = new Set(
      (
        await tx
          .select({ taskId: history.taskId, at: history.at })
          .from(history)
          .where(
            and(inArray(history.taskId, newTaskIds.length ? newTaskIds : [-1]), eq(history.kind, 'update')),
          )
      ).map((r) => `${r.taskId}@${r.at.getTime()}`),
    );
    const fresh = data.updates
      .map((u) => ({
        taskId: taskRows.created.has(u.task_code.toUpperCase())
          ? taskId.get(u.task_code.toUpperCase())
          : undefined,
        personId: personId.get(u.person_code) ?? null,
        at: at(u.at),
        progress: u.progress,
        status: u.status,
        note: u.note_vi,
        kind: 'update' as const,
      }))
      .filter((u): u is typeof u & { taskId: number } => u.taskId !== undefined)
      .filter((u) => !existing.has(`${u.taskId}@${u.at.getTime()}`));
    for (let i = 0; i < fresh.length; i += 500) await tx.insert(history).values(fresh.slice(i, i + 500));
    const added = {
      programs: programRows.created.size,
      agencies: agencyRows.created.size,
      people: personRows.created.size,
      targets: targetRows.created.size,
      tasks: taskRows.created.size,
    };
    if (fresh.length > 0 || Object.values(added).some((n) => n > 0)) {
      await tx.insert(auditLog).values({
        actor: 'seed',
        action: 'seed',
        entity: 'province',
        after: { ...added, updatesAdded: fresh.length, shift },
      });
    }
    return { ...added, kept: data.tasks.length - added.tasks, updatesAdded: fresh.length, shiftDays: shift };
  });
}

/** Days to add so the demo's reference day becomes today; none when the clock is fixed by DONDOC_NOW. */
export function demoShift(now: Date, tz: string, clockFixed: boolean): number {
  return clockFixed ? 0 : daysBetween(DEMO_REFERENCE_DAY, localDate(now, tz));
}

/** True before any province was loaded: `serve` loads the demo then. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [first] = await db.select({ id: programs.id }).from(programs).limit(1);
  return first === undefined;
}

/**
 * Deletes every province row (plans, people, history, conversations, deliveries) so a load starts
 * over; reminder rules and holidays are configuration and stay. The reset itself is audited.
 */
export async function resetProvince(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    await tx.execute(sql`truncate programs, agencies, people, targets, tasks, history, audit_log,
      conversations, bot_messages, snoozes, explanation_requests, outbox, group_digests, chat_accounts,
      invites, inbound_seen, count_rollup restart identity cascade`);
    await tx.insert(auditLog).values({ actor: 'seed', action: 'reset', entity: 'province' });
  });
}
