// The status grid and the work status counted in SQL: the one set of columns behind every count the
// store returns (chat summary, dashboard, export, digests). The rule is core/grid.ts's gridCell.
// Each count is one predicate over (status, due day, finished late); a full count applies it to item
// rows, and the maintained roll-up (count_rollup, src/store/rollup.ts) to its buckets — the same
// predicates, so the two cannot drift apart in their rule, and `dondoc check` holds their data equal.
import { sql, type SQL } from 'drizzle-orm';
import type { Counts } from '../core/grid.ts';
import type { LocalDate } from '../core/types.ts';

/**
 * What a count looks at: the work status, the due day (null: ongoing), whether a done item finished
 * late, and whether a reported "done" waits for a checker's confirmation.
 */
interface CountFields {
  status: SQL;
  dueDate: SQL;
  late: SQL;
  awaiting: SQL;
}

const COUNTS: ReadonlyArray<readonly [keyof CountRow, (f: CountFields, today: LocalDate) => SQL]> = [
  ['total', () => sql`true`],
  ['not_started', (f) => sql`${f.status} = 'not_started'`],
  ['in_progress', (f) => sql`${f.status} = 'in_progress'`],
  ['blocked', (f) => sql`${f.status} = 'blocked'`],
  ['done', (f) => sql`${f.status} = 'done'`],
  // A done item with no recorded finish (data from before it was kept) counts as on time; an
  // ongoing one (no due day) is neither on time nor late.
  ['done_on_time', (f) => sql`${f.status} = 'done' and ${f.dueDate} is not null and not ${f.late}`],
  ['done_late', (f) => sql`${f.status} = 'done' and ${f.late}`],
  ['open_in_time', (f, today) => sql`${f.status} <> 'done' and ${f.dueDate} >= ${today}`],
  // Due today is not overdue.
  ['overdue', (f, today) => sql`${f.status} <> 'done' and ${f.dueDate} < ${today}`],
  ['ongoing', (f) => sql`${f.dueDate} is null`],
  ['awaiting', (f) => sql`${f.status} <> 'done' and ${f.awaiting}`],
];

/** Finished after its due day in `tz`: the bucket a done item keeps whatever the date. */
export function finishedLate(tz: string, t: SQL = sql.raw('t')): SQL {
  return sql`coalesce(${t}.status = 'done' and (${t}.completed_at at time zone ${tz})::date > ${t}.due_date, false)`;
}

function columns(fields: CountFields, today: LocalDate, agg: (pred: SQL) => SQL): SQL {
  return sql.join(
    COUNTS.map(([name, pred]) => sql`${agg(pred(fields, today))}::int as ${sql.identifier(name)}`),
    sql`, `,
  );
}

/** The columns of a `Counts` over the rows of alias `t` (a tasks or targets row) at `today`. */
export function countColumns(today: LocalDate, tz: string, t: SQL = sql.raw('t')): SQL {
  const fields = {
    status: sql`${t}.status`,
    dueDate: sql`${t}.due_date`,
    late: finishedLate(tz, t),
    awaiting: sql`${t}.awaiting_since is not null`,
  };
  // count(t.id), not count(*): a left join's missing row counts nothing.
  return columns(fields, today, (pred) => sql`count(${t}.id) filter (where ${pred})`);
}

/** The same columns over roll-up buckets of alias `r` (count_rollup rows: n items each). */
export function rollupCountColumns(today: LocalDate, r: SQL = sql.raw('r')): SQL {
  const fields = {
    status: sql`${r}.status`,
    dueDate: sql`${r}.due_date`,
    late: sql`${r}.late`,
    awaiting: sql`${r}.awaiting`,
  };
  return columns(fields, today, (pred) => sql`coalesce(sum(${r}.n) filter (where ${pred}), 0)`);
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
