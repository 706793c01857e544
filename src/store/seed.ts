// Loads a province (the demo or another folder in its format) into the store, idempotently.
import { and, eq, inArray, sql } from 'drizzle-orm';
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
    for (const p of data.programs) {
      const row = { code: p.code, nameVi: p.name_vi, nameEn: p.name_en, aliases: p.aliases };
      await tx.insert(programs).values(row).onConflictDoUpdate({ target: programs.code, set: row });
    }
    const agencyId = new Map<string, number>();
    for (const a of data.agencies) {
      const row = { code: a.code, nameVi: a.name_vi, nameEn: a.name_en, kind: a.kind, aliases: a.aliases };
      const [r] = await tx
        .insert(agencies)
        .values(row)
        .onConflictDoUpdate({ target: agencies.code, set: row })
        .returning({ id: agencies.id });
      agencyId.set(a.code, r!.id);
    }
    for (const a of data.agencies) {
      const parentId = a.parent_code ? agencyId.get(a.parent_code) : null;
      if (parentId === undefined) throw new Error(`agency ${a.code}: unknown parent ${a.parent_code}`);
      await tx.update(agencies).set({ parentId }).where(eq(agencies.code, a.code));
    }
    const personId = new Map<string, number>();
    for (const p of data.people) {
      const agency = agencyId.get(p.agency_code);
      if (agency === undefined) throw new Error(`person ${p.code}: unknown agency ${p.agency_code}`);
      const row = {
        code: p.code,
        fullName: p.full_name,
        role: p.role,
        agencyId: agency,
        titleVi: p.title_vi,
        titleEn: p.title_en,
        lang: p.lang,
        telegramUsername: p.telegram_username,
        zaloUserId: p.zalo_user_id,
      };
      const [r] = await tx
        .insert(people)
        .values(row)
        .onConflictDoUpdate({ target: people.code, set: row })
        .returning({ id: people.id });
      personId.set(p.code, r!.id);
    }
    for (const [code, id] of agencyId) {
      const staff = data.people.filter((p) => p.agency_code === code && p.role === 'staff');
      staff.sort((a, b) => headRank(a.title_vi) - headRank(b.title_vi) || a.code.localeCompare(b.code));
      const head = staff[0];
      await tx
        .update(agencies)
        .set({ headPersonId: head ? personId.get(head.code)! : null })
        .where(eq(agencies.id, id));
    }
    const programId = new Map(
      (await tx.select({ id: programs.id, code: programs.code }).from(programs)).map((r) => [r.code, r.id]),
    );
    const targetId = new Map<string, number>();
    for (const t of data.targets) {
      const program = programId.get(t.program_code);
      const lead = agencyId.get(t.lead_agency_code);
      if (program === undefined || lead === undefined)
        throw new Error(`target ${t.code}: unknown programme or agency`);
      const due = day(t.due_date);
      const row = {
        code: t.code.toUpperCase(),
        programId: program,
        titleVi: t.title_vi,
        titleEn: t.title_en,
        leadAgencyId: lead,
        unit: t.unit,
        targetValue: t.target_value,
        currentValue: t.current_value,
        startDate: startOf(due),
        dueDate: due,
        status: t.status,
        progress: 0,
        updatedAt: at(t.updated_at),
      };
      const [r] = await tx
        .insert(targets)
        .values(row)
        .onConflictDoUpdate({ target: targets.code, set: row })
        .returning({ id: targets.id });
      targetId.set(row.code, r!.id);
    }
    const taskId = new Map<string, number>();
    for (const t of data.tasks) {
      const target = targetId.get(t.target_code.toUpperCase());
      const agency = agencyId.get(t.agency_code);
      const assignee = t.assignee_code ? personId.get(t.assignee_code) : null;
      if (target === undefined || agency === undefined || assignee === undefined) {
        throw new Error(`task ${t.code}: unknown target, agency or assignee`);
      }
      const due = day(t.due_date);
      const row = {
        code: t.code.toUpperCase(),
        targetId: target,
        titleVi: t.title_vi,
        titleEn: t.title_en,
        agencyId: agency,
        assigneeId: assignee,
        startDate: startOf(due),
        dueDate: due,
        status: t.status,
        progress: t.progress,
        updatedAt: at(t.updated_at),
      };
      const [r] = await tx
        .insert(tasks)
        .values(row)
        .onConflictDoUpdate({ target: tasks.code, set: row })
        .returning({ id: tasks.id });
      taskId.set(row.code, r!.id);
    }
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
