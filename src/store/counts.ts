// The status grid and the work status counted in SQL: the one set of columns behind every count the
// store returns (chat summary, dashboard, export, digests). The rule is core/grid.ts's gridCell.
import { sql, type SQL } from 'drizzle-orm';
import type { Counts } from '../core/grid.ts';
import type { LocalDate } from '../core/types.ts';

/** The columns of a `Counts` over the rows of alias `t` (a tasks or targets row) at `today`. */
export function countColumns(today: LocalDate, tz: string, t: SQL = sql.raw('t')): SQL {
  const finishedOn = sql`(${t}.completed_at at time zone ${tz})::date`;
  return sql`count(${t}.id)::int as total,
    count(*) filter (where ${t}.status = 'not_started')::int as not_started,
    count(*) filter (where ${t}.status = 'in_progress')::int as in_progress,
    count(*) filter (where ${t}.status = 'blocked')::int as blocked,
    count(*) filter (where ${t}.status = 'done')::int as done,
    count(*) filter (where ${t}.status = 'done' and ${t}.due_date is not null
                       and (${t}.completed_at is null or ${finishedOn} <= ${t}.due_date))::int as done_on_time,
    count(*) filter (where ${t}.status = 'done' and ${finishedOn} > ${t}.due_date)::int as done_late,
    count(*) filter (where ${t}.status <> 'done' and ${t}.due_date >= ${today})::int as open_in_time,
    count(*) filter (where ${t}.status <> 'done' and ${t}.due_date < ${today})::int as overdue,
    count(${t}.id) filter (where ${t}.due_date is null)::int as ongoing,
    count(*) filter (where ${t}.status <> 'done' and ${t}.awaiting_since is not null)::int as awaiting`;
}

export interface CountRow {
  total: number;
  not_started: number;
  in_progress: number;
  blocked: number;
  done: number;
  done_on_time: number;
  done_late: number;
  open_in_time: number;
  overdue: number;
  ongoing: number;
  awaiting: number;
}

export function toCounts(r: CountRow | undefined): Counts {
  return {
    total: r?.total ?? 0,
    notStarted: r?.not_started ?? 0,
    inProgress: r?.in_progress ?? 0,
    blocked: r?.blocked ?? 0,
    done: r?.done ?? 0,
    doneOnTime: r?.done_on_time ?? 0,
    doneLate: r?.done_late ?? 0,
    openInTime: r?.open_in_time ?? 0,
    overdue: r?.overdue ?? 0,
    ongoing: r?.ongoing ?? 0,
    awaiting: r?.awaiting ?? 0,
  };
}
