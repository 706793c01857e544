// The agencies' league table in one query: the status grid (counts.ts) of each agency's tasks that
// the on-time rate looks at for a period [A, B] — due on or before B, not finished before A.
import { sql } from 'drizzle-orm';
import { periodEnd } from '../core/period-spec.ts';
import { onTimeRate, rankAgencies, type AgencyRank } from '../core/ranking.ts';
import type { AgencyCode, LocalDate, Period, ProgramCode } from '../core/types.ts';
import { countColumns, toCounts, type CountRow } from './counts.ts';
import { rows, type DbOrTx } from './db.ts';

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
  const finishedOn = sql`(completed_at at time zone ${q.tz})::date`;
  // Each task as it stood at B: one finished after B was not done yet then (re-openings aside).
  const atEnd = sql`(select id, agency_id, target_id, due_date,
                            case when ${finishedOn} > ${end} then 'in_progress' else status::text end as status,
                            case when ${finishedOn} > ${end} then null else completed_at end as completed_at
                       from tasks
                      where due_date <= ${end}
                        and (completed_at is null or ${finishedOn} >= ${q.period.from}))`;
  const list = await rows<RankRow>(
    db,
    sql`select a.code, a.name_vi, a.name_en, ${countColumns(end, q.tz)}
          from agencies a
          join (select distinct x.agency_id from tasks x where ${inProgram}) s on s.agency_id = a.id
          left join ${atEnd} t on t.agency_id = a.id and (${inProgramT})
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
