// What the leaders' dashboard and the web console read that the chat port does not: counts per programme and agency, recent changes, people.
import { sql } from 'drizzle-orm';
import type {
  AgencyCode,
  ChannelName,
  HistoryKind,
  ItemCode,
  ItemStatus,
  Lang,
  LocalDate,
  Named,
  PersonCode,
  ProgramCode,
  Role,
} from '../core/types.ts';
import type { Counts } from '../core/grid.ts';
import { DEFAULT_TZ } from '../core/time.ts';
import { countColumns, rollupCountColumns, toCounts, type CountRow } from './counts.ts';
import { rows, type DbOrTx } from './db.ts';
import { rollupServes, type CountSource } from './rollup.ts';

/** The dashboard counts what the chat counts: the work status and the status grid (core/grid.ts). */
export type Buckets = Counts;

export interface ProgramBuckets {
  program: ProgramCode;
  name: Named;
  targets: Buckets;
  tasks: Buckets;
}

export interface AgencyBuckets {
  agency: AgencyCode;
  name: Named;
  tasks: Buckets;
}

type BucketRow = CountRow & { key: string; name_vi: string; name_en: string };

/** Every programme, in code order, with its targets and tasks bucketed as of `today`. */
export async function programBuckets(
  db: DbOrTx,
  today: LocalDate,
  tz: string = DEFAULT_TZ,
  source: CountSource = rollupServes(tz) ? 'rollup' : 'rows',
): Promise<ProgramBuckets[]> {
  const kept = source === 'rollup';
  const cols = kept ? rollupCountColumns(today) : countColumns(today, tz);
  const [targets, tasks] = await Promise.all([
    rows<BucketRow>(
      db,
      kept
        ? sql`select p.code as key, p.name_vi, p.name_en, ${cols}
                from programs p left join count_rollup r on r.program_id = p.id and r.level = 'target'
               group by p.id, p.code, p.name_vi, p.name_en order by p.id`
        : sql`select p.code as key, p.name_vi, p.name_en, ${cols}
                from programs p left join targets t on t.program_id = p.id
               group by p.id, p.code, p.name_vi, p.name_en order by p.id`,
    ),
    rows<BucketRow>(
      db,
      kept
        ? sql`select p.code as key, p.name_vi, p.name_en, ${cols}
                from count_rollup r join programs p on p.id = r.program_id
               where r.level = 'task' and r.n <> 0
               group by p.code, p.name_vi, p.name_en`
        : sql`select p.code as key, p.name_vi, p.name_en, ${cols}
                from tasks t join targets tg on tg.id = t.target_id join programs p on p.id = tg.program_id
               group by p.code, p.name_vi, p.name_en`,
    ),
  ]);
  const taskRows = new Map(tasks.map((r) => [r.key, r]));
  return targets.map((r) => ({
    program: r.key as ProgramCode,
    name: { vi: r.name_vi, en: r.name_en },
    targets: toCounts(r),
    tasks: toCounts(taskRows.get(r.key)),
  }));
}

/** A programme's tasks per agency, worst first (most overdue, then least done), then by code. */
export async function agencyBuckets(
  db: DbOrTx,
  program: ProgramCode,
  today: LocalDate,
  tz: string = DEFAULT_TZ,
  source: CountSource = rollupServes(tz) ? 'rollup' : 'rows',
): Promise<AgencyBuckets[]> {
  const counted =
    source === 'rollup'
      ? sql`select a.code as key, a.name_vi, a.name_en, ${rollupCountColumns(today)}
              from count_rollup r join programs p on p.id = r.program_id join agencies a on a.id = r.agency_id
             where p.code = ${program} and r.level = 'task' and r.n <> 0
             group by a.code, a.name_vi, a.name_en`
      : sql`select a.code as key, a.name_vi, a.name_en, ${countColumns(today, tz)}
              from tasks t join targets tg on tg.id = t.target_id join programs p on p.id = tg.program_id
              join agencies a on a.id = t.agency_id
             where p.code = ${program}
             group by a.code, a.name_vi, a.name_en`;
  const list = await rows<BucketRow>(
    db,
    sql`select * from (${counted}) c order by c.overdue desc, c.done::float / c.total asc, c.key`,
  );
  return list.map((r) => ({
    agency: r.key as AgencyCode,
    name: { vi: r.name_vi, en: r.name_en },
    tasks: toCounts(r),
  }));
}

export interface Change {
  at: Date;
  item: ItemCode;
  level: 'target' | 'task';
  title: Named;
  person: { code: PersonCode; name: string } | null;
  kind: HistoryKind;
  status: ItemStatus | null;
  progress: number | null;
  note: string | null;
  channel: ChannelName | null;
}

interface ChangeRow {
  at: Date | string;
  code: string;
  level: 'target' | 'task';
  title_vi: string;
  title_en: string;
  person_code: string | null;
  person_name: string | null;
  kind: Change['kind'];
  status: ItemStatus | null;
  progress: number | null;
  note: string | null;
  channel: ChannelName | null;
}

/** A programme's history between two instants, both included, newest first. */
export async function changesBetween(
  db: DbOrTx,
  program: ProgramCode,
  from: Date,
  to: Date,
  limit = 50,
): Promise<{ changes: Change[]; total: number; done: number }> {
  const list = await rows<ChangeRow & { total: number; done: number }>(
    db,
    sql`select h.at, coalesce(tk.code, tg.code) as code,
               case when tk.id is null then 'target' else 'task' end as level,
               coalesce(tk.title_vi, tg.title_vi) as title_vi, coalesce(tk.title_en, tg.title_en) as title_en,
               pe.code as person_code, pe.full_name as person_name, h.kind::text as kind,
               h.status::text as status, h.progress::int as progress, h.note, h.channel::text as channel,
               count(*) over ()::int as total,
               count(*) filter (where h.status = 'done') over ()::int as done
          from history h
          left join tasks tk on tk.id = h.task_id
          join targets tg on tg.id = coalesce(tk.target_id, h.target_id)
          join programs p on p.id = tg.program_id
          left join people pe on pe.id = h.person_id
         where p.code = ${program} and h.at >= ${from.toISOString()} and h.at <= ${to.toISOString()}
         order by h.at desc, h.id desc limit ${limit}`,
  );
  return {
    total: list[0]?.total ?? 0,
    done: list[0]?.done ?? 0,
    changes: list.map((r) => ({
      at: new Date(r.at),
      item: r.code as ItemCode,
      level: r.level,
      title: { vi: r.title_vi, en: r.title_en || r.title_vi },
      person: r.person_code ? { code: r.person_code as PersonCode, name: r.person_name ?? '' } : null,
      kind: r.kind,
      status: r.status,
      progress: r.progress,
      note: r.note,
      channel: r.channel,
    })),
  };
}

export interface ConsolePerson {
  code: PersonCode;
  name: string;
  role: Role;
  lang: Lang;
  title: Named;
  agency: AgencyCode;
  agencyName: Named;
  agencyKind: 'province' | 'department' | 'commune' | 'ward' | 'center';
}

/** Everyone the console can act as, leaders first, then by code. */
export async function consolePeople(db: DbOrTx): Promise<ConsolePerson[]> {
  const list = await rows<{
    code: string;
    full_name: string;
    role: Role;
    lang: Lang;
    title_vi: string;
    title_en: string;
    agency: string;
    agency_vi: string;
    agency_en: string;
    agency_kind: ConsolePerson['agencyKind'];
  }>(
    db,
    sql`select pe.code, pe.full_name, pe.role::text as role, pe.lang::text as lang, pe.title_vi, pe.title_en,
               a.code as agency, a.name_vi as agency_vi, a.name_en as agency_en, a.kind::text as agency_kind
          from people pe join agencies a on a.id = pe.agency_id
         order by case pe.role when 'leader' then 0 when 'admin' then 1 else 2 end, pe.code`,
  );
  return list.map((r) => ({
    code: r.code as PersonCode,
    name: r.full_name,
    role: r.role,
    lang: r.lang,
    title: { vi: r.title_vi, en: r.title_en || r.title_vi },
    agency: r.agency as AgencyCode,
    agencyName: { vi: r.agency_vi, en: r.agency_en },
    agencyKind: r.agency_kind,
  }));
}

/** Outbox messages still waiting to go out (the queue depth /metrics reports). */
export async function outboxDepth(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from outbox where status = 'pending'`,
  );
  return r?.n ?? 0;
}
