// Loads a province (the demo or another folder in its format) into the store, idempotently.
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { addDays, daysBetween, localDate, shiftInstant } from '../core/time.ts';
import type { LocalDate } from '../core/types.ts';
import { SCHEMA_LOCK, type Db, type Tx } from './db.ts';
import type { ProvinceData } from './demo-files.ts';
import { agencies, auditLog, history, people, programs, targets, tasks } from './schema.ts';

export const DEMO_REFERENCE_DAY = '2025-07-15' as LocalDate;

/** Whom an agency digest goes to: the highest-ranking title among its people. */
const HEAD_TITLES = [
  /^giám đốc/i,
  /^chủ tịch/i,
  /^chánh văn phòng/i,
  /^trưởng ban/i,
  /^phó giám đốc/i,
  /^phó chủ tịch/i,
  /^phó chánh/i,
  /^phó trưởng ban/i,
];
function headRank(title: string): number {
  const i = HEAD_TITLES.findIndex((re) => re.test(title.trim()));
  return i === -1 ? HEAD_TITLES.length : i;
}

export interface SeedResult {
  programs: number;
  agencies: number;
  people: number;
  targets: number;
  tasks: number;
  updatesAdded: number;
  shiftDays: number;
}

type Coded = typeof programs | typeof agencies | typeof people | typeof targets | typeof tasks;

/**
 * Inserts or updates every row in one statement (a province is a few thousand rows; one round trip
 * each made the first start seconds slower) and returns each row's id by code.
 */
async function upsert<T extends Coded>(
  tx: Tx,
  table: T,
  values: Array<T['$inferInsert'] & { code: string }>,
): Promise<Map<string, number>> {
  if (values.length === 0) return new Map();
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const set = Object.fromEntries(
    Object.keys(values[0]!)
      .filter((key) => key !== 'code')
      .map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]),
  );
  const coded = table as typeof programs;
  const result = await tx
    .insert(coded)
    .values(values as (typeof programs.$inferInsert)[])
    .onConflictDoUpdate({ target: coded.code, set })
    .returning({ id: coded.id, code: coded.code });
  return new Map(result.map((r) => [r.code, r.id]));
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
    await upsert(
      tx,
      programs,
      data.programs.map((p) => ({ code: p.code, nameVi: p.name_vi, nameEn: p.name_en, aliases: p.aliases })),
    );
    const agencyId = await upsert(
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
    const idOf = (ids: Map<string, number>, code: string, what: string): number => {
      const id = ids.get(code.toUpperCase());
      if (id === undefined) throw new Error(`${what}: unknown code ${code}`);
      return id;
    };
    const personId = await upsert(
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
    // Parents and heads need every agency and person first; one statement sets them all.
    const links = data.agencies.map((a) => {
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
    const targetId = await upsert(
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
        };
      }),
    );
    const taskId = await upsert(
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
        };
      }),
    );
    // Target progress is the mean of its tasks' progress, as recordUpdate keeps it.
    await tx.execute(sql`
      update targets t set progress = s.p
      from (select target_id, round(avg(progress))::int as p from tasks group by target_id) s
      where s.target_id = t.id and t.id in ${[...targetId.values(), -1]}`);

    const ids = [...taskId.values()];
    const existing = new Set(
      (
        await tx
          .select({ taskId: history.taskId, at: history.at })
          .from(history)
          .where(and(inArray(history.taskId, ids.length ? ids : [-1]), eq(history.kind, 'update')))
      ).map((r) => `${r.taskId}@${r.at.getTime()}`),
    );
    const fresh = data.updates
      .map((u) => ({
        taskId: taskId.get(u.task_code.toUpperCase()),
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
    if (fresh.length > 0 || existing.size === 0) {
      await tx.insert(auditLog).values({
        actor: 'seed',
        action: 'seed',
        entity: 'province',
        after: {
          programs: data.programs.length,
          tasks: data.tasks.length,
          updatesAdded: fresh.length,
          shift,
        },
      });
    }
    return {
      programs: data.programs.length,
      agencies: data.agencies.length,
      people: data.people.length,
      targets: data.targets.length,
      tasks: data.tasks.length,
      updatesAdded: fresh.length,
      shiftDays: shift,
    };
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
