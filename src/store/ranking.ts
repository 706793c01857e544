// The agencies' league table in one query: the status grid (counts.ts) of each agency's tasks that
// the on-time rate looks at for a period [A, B] — due on or before B, not finished before A.
import { sql, type SQL } from 'drizzle-orm';
import { periodEnd } from '../core/period-spec.ts';
import { onTimeRate, rankAgencies, type AgencyRank } from '../core/ranking.ts';
import type { AgencyCode, LocalDate, Period, ProgramCode } from '../core/types.ts';
import { countColumns, toCounts, type CountRow } from './counts.ts';
import { rows, type DbOrTx } from './db.ts';

const COLUMNS = {
  tasks: sql.raw('id, code, target_id, agency_id, assignee_id, due_date'),
  targets: sql.raw('id, code, program_id, lead_agency_id, due_date'),
};

/**
 * The rows of `table` as they stood at the end of day `end`: one finished after it was not done
 * yet then (re-openings aside), so the status grid (countColumns) can be read at a past day.
 */
export function asOfEnd(table: 'tasks' | 'targets', end: LocalDate, tz: string): SQL {
  const finishedOn = sql`(completed_at at time zone ${tz})::date`;
  return sql`(select ${COLUMNS[table]},
                     case when ${finishedOn} > ${end} then 'in_progress' else status::text end as status,
                     case when ${finishedOn} > ${end} then null else completed_at end as completed_at,
                     case when (awaiting_since at time zone ${tz})::date <= ${end} then awaiting_since end
                       as awaiting_since
                from ${sql.raw(table)})`;
}

export interface RankingQuery {
  /** null: every programme. */
  program: ProgramCode | null;
  period: Period;
  today: LocalDate;
  tz: string;
  order?: 'attention' | 'league';
}

type RankRow = CountRow & { code: string; name_vi: string; name_en: string };

/**
 * Every agency with a task in scope, ranked. The grid is read at B = the period's end (today when it
 * has not ended); an agency whose tasks in scope are none due gets a null rate.
 */
export async function agencyRanking(db: DbOrTx, q: RankingQuery): Promise<AgencyRank[]> {
  const end = periodEnd(q.period, q.today);
  const inProgramOf = (alias: string) =>
    q.program === null
      ? sql`true`
      : sql`exists (select 1 from targets tg join programs p on p.id = tg.program_id
                     where tg.id = ${sql.raw(alias)}.target_id and p.code = ${q.program})`;
  const inProgram = inProgramOf('x');
  const inProgramT = inProgramOf('t');
  const atEnd = asOfEnd('tasks', end, q.tz);
  const finishedOn = sql`(t.completed_at at time zone ${q.tz})::date`;
  const list = await rows<RankRow>(
    db,
    sql`select a.code, a.name_vi, a.name_en, ${countColumns(end, q.tz)}
          from agencies a
          join (select distinct x.agency_id from tasks x where ${inProgram}) s on s.agency_id = a.id
          left join ${atEnd} t on t.agency_id = a.id and (${inProgramT}) and t.due_date <= ${end}
                                and (t.completed_at is null or ${finishedOn} >= ${q.period.from})
         group by a.id, a.code, a.name_vi, a.name_en`,
  );
  const ranks = list.map((r): AgencyRank => {
    const counts = toCounts(r);
    return {
      agency: r.code as AgencyCode,
      name: { vi: r.name_vi, en: r.name_en },
      counts,
      onTimeRate: onTimeRate(counts),
    };
  });
  return rankAgencies(ranks, q.order ?? 'attention');
}
