// What a progress report shows, as one snapshot the store returns for (scope, period, day); the
// DOCX is a pure rendering of it (src/report). Every count is the status grid's (counts.ts), read at
// the period's end B as the agencies' ranking reads it, so the report and `dondoc ranking` agree.
import { sql, type SQL } from 'drizzle-orm';
import { gridCell, type Counts } from '../core/grid.ts';
import { addDays, daysBetween, localDate } from '../core/time.ts';
import { periodEnd } from '../core/period-spec.ts';
import type { AgencyRank } from '../core/ranking.ts';
import type {
  AgencyCode,
  Issuer,
  ItemCode,
  ItemStatus,
  LocalDate,
  Named,
  Period,
  ProgramCode,
} from '../core/types.ts';
import { countColumns, toCounts, type CountRow } from './counts.ts';
import { rows, type DbOrTx } from './db.ts';
import { agencyRanking, asOfEnd } from './ranking.ts';
import { coNames } from './items.ts';

export interface ReportScope {
  program: ProgramCode | null;
  agency: AgencyCode | null;
  period: Period;
  today: LocalDate;
  tz: string;
}

export interface ReportItem {
  code: ItemCode;
  title: Named;
  agency: AgencyCode;
  agencyName: Named;
  owner: string | null;
  /** The co-operating agencies (cơ quan phối hợp), in the plan's order. */
  coAgencies: Named[];
  dueDate: LocalDate;
  completedAt: Date | null;
  progress: number;
  status: ItemStatus;
  cell: 'done_on_time' | 'done_late' | 'open_in_time' | 'open_overdue';
  /** Days past the due day: at B for an overdue item, at its finish for one done late. */
  daysLate: number;
  /** Its latest note (an update's or an explanation), the reason a report gives. */
  note: string | null;
}

export interface Indicator {
  code: ItemCode;
  title: Named;
  unit: string;
  targetValue: number;
  currentValue: number;
}

export interface ReportSnapshot {
  scope: ReportScope;
  /** B: the day the grid is read at. */
  end: LocalDate;
  programName: Named | null;
  agencyName: Named | null;
  /** The province, from the provincial People's Committee's name ("Hòa An"). */
  province: string;
  /** The programme's own issuing body (`dondoc program CODE --issuer`); null: the default. */
  issuer: Issuer | null;
  targets: Counts;
  tasks: Counts;
  /** The same grid at the end of the day before the period began, to compare with. */
  previous: { end: LocalDate; targets: Counts; tasks: Counts };
  /** Targets in scope measured by an indicator, with its value as it is now ("41/68 xã"). */
  indicators: Indicator[];
  /** Overdue at B, or done late within the period: by agency, then most days late first. */
  late: ReportItem[];
  /** The league table: highest on-time rate first (tracking model). */
  ranking: AgencyRank[];
  blocked: ReportItem[];
  /** Every task in scope, by code. */
  items: ReportItem[];
}

type ItemRow = {
  code: string;
  title_vi: string;
  title_en: string;
  agency: string;
  agency_vi: string;
  agency_en: string;
  owner: string | null;
  co: Named[] | string | null;
  due_date: string;
  progress: number;
  status: string;
  completed_at: Date | string | null;
  note: string | null;
};

export async function reportSnapshot(db: DbOrTx, scope: ReportScope): Promise<ReportSnapshot> {
  const end = periodEnd(scope.period, scope.today);
  const { tz } = scope;
  const inProgram = (programId: SQL): SQL =>
    scope.program === null
      ? sql`true`
      : sql`${programId} = (select id from programs where code = ${scope.program})`;
  const ofAgency = (agencyId: SQL): SQL =>
    scope.agency === null
      ? sql`true`
      : sql`${agencyId} = (select id from agencies where code = ${scope.agency})`;
  const tasksAt = asOfEnd('tasks', end, tz);
  const taskScope = sql`${inProgram(sql`(select program_id from targets where id = t.target_id)`)} and ${ofAgency(sql`t.agency_id`)}`;
  const before = addDays(scope.period.from, -1);
  const targetScope = sql`${inProgram(sql`t.program_id`)} and ${ofAgency(sql`t.lead_agency_id`)}`;
  const [targetCounts, taskCounts, items, names, ranking, prevTargets, prevTasks, indicators] =
    await Promise.all([
      rows<CountRow>(
        db,
        sql`select ${countColumns(end, tz)} from ${asOfEnd('targets', end, tz)} t
           where ${inProgram(sql`t.program_id`)} and ${ofAgency(sql`t.lead_agency_id`)}`,
      ),
      rows<CountRow>(db, sql`select ${countColumns(end, tz)} from ${tasksAt} t where ${taskScope}`),
      rows<ItemRow>(
        db,
        sql`select t.code, tk.title_vi, tk.title_en, a.code as agency, a.name_vi as agency_vi,
                 a.name_en as agency_en, pe.full_name as owner, t.due_date::text as due_date,
                 tk.progress::int as progress, t.status, t.completed_at,
                 (select h.note from history h where h.task_id = t.id and h.note is not null
                          and (h.at at time zone ${tz})::date <= ${end}
                   order by h.at desc, h.id desc limit 1) as note, ${coNames('task_co_agencies', 'task_id')}
            from ${tasksAt} t join tasks tk on tk.id = t.id join agencies a on a.id = t.agency_id
            left join people pe on pe.id = tk.assignee_id
           where ${taskScope}
           order by t.code`,
      ),
      rows<{
        program_vi: string | null;
        program_en: string | null;
        agency_vi: string | null;
        agency_en: string | null;
        province: string | null;
        issuer_superior: string | null;
        issuer_body: string | null;
      }>(
        db,
        sql`select (select name_vi from programs where code = ${scope.program}) as program_vi,
                 (select name_en from programs where code = ${scope.program}) as program_en,
                 (select issuer_superior from programs where code = ${scope.program}) as issuer_superior,
                 (select issuer_body from programs where code = ${scope.program}) as issuer_body,
                 (select name_vi from agencies where code = ${scope.agency}) as agency_vi,
                 (select name_en from agencies where code = ${scope.agency}) as agency_en,
                 (select regexp_replace(name_vi, '^(Ủy|Uỷ) ban nhân dân tỉnh ', '') from agencies
                   where kind = 'province' and name_vi ~ '^(Ủy|Uỷ) ban nhân dân tỉnh ' order by id limit 1)
                   as province`,
      ),
      agencyRanking(db, {
        program: scope.program,
        period: scope.period,
        today: scope.today,
        tz,
        order: 'league',
      }),
      rows<CountRow>(
        db,
        sql`select ${countColumns(before, tz)} from ${asOfEnd('targets', before, tz)} t where ${targetScope}`,
      ),
      rows<CountRow>(
        db,
        sql`select ${countColumns(before, tz)} from ${asOfEnd('tasks', before, tz)} t where ${taskScope}`,
      ),
      rows<{
        code: string;
        title_vi: string;
        title_en: string;
        unit: string;
        target_value: number;
        current_value: number;
      }>(
        db,
        sql`select t.code, t.title_vi, t.title_en, t.unit, t.target_value::float8 as target_value,
                 t.current_value::float8 as current_value
            from targets t where t.unit is not null and ${targetScope} order by t.code`,
      ),
    ]);
  const list = items.map((r): ReportItem => {
    const completedAt = r.completed_at === null ? null : new Date(r.completed_at);
    const dueDate = r.due_date as LocalDate;
    const cell = gridCell({ status: r.status as ItemStatus, dueDate, completedAt }, end, tz);
    const lateAt = completedAt === null ? end : localDate(completedAt, tz);
    return {
      code: r.code as ItemCode,
      title: { vi: r.title_vi, en: r.title_en || r.title_vi },
      agency: r.agency as AgencyCode,
      agencyName: { vi: r.agency_vi, en: r.agency_en },
      owner: r.owner,
      coAgencies: (typeof r.co === 'string' ? (JSON.parse(r.co) as Named[]) : r.co) ?? [],
      dueDate,
      completedAt,
      progress: r.progress,
      status: r.status as ItemStatus,
      cell: cell === 'ongoing' ? 'open_in_time' : cell,
      daysLate: Math.max(0, daysBetween(dueDate, lateAt)),
      note: r.note,
    };
  });
  const finishedInPeriod = (i: ReportItem): boolean =>
    i.cell === 'done_late' && i.completedAt !== null && localDate(i.completedAt, tz) >= scope.period.from;
  const late = list
    .filter((i) => i.cell === 'open_overdue' || finishedInPeriod(i))
    .sort(
      (a, b) =>
        a.agencyName.vi.localeCompare(b.agencyName.vi, 'vi') ||
        b.daysLate - a.daysLate ||
        a.code.localeCompare(b.code),
    );
  const n = names[0];
  return {
    scope,
    end,
    programName: n?.program_vi ? { vi: n.program_vi, en: n.program_en ?? n.program_vi } : null,
    agencyName: n?.agency_vi ? { vi: n.agency_vi, en: n.agency_en ?? n.agency_vi } : null,
    province: n?.province ?? '',
    issuer: n?.issuer_body == null ? null : { superior: n.issuer_superior ?? '', body: n.issuer_body },
    targets: toCounts(targetCounts[0]),
    tasks: toCounts(taskCounts[0]),
    previous: { end: before, targets: toCounts(prevTargets[0]), tasks: toCounts(prevTasks[0]) },
    indicators: indicators.map((r) => ({
      code: r.code as ItemCode,
      title: { vi: r.title_vi, en: r.title_en || r.title_vi },
      unit: r.unit,
      targetValue: Number(r.target_value),
      currentValue: Number(r.current_value),
    })),
    late,
    ranking: scope.agency === null ? ranking : ranking.filter((r) => r.agency === scope.agency),
    blocked: list.filter((i) => i.status === 'blocked'),
    items: list,
  };
}
