// The questions of shared/spec/intent.md, as SQL: overdue, due in a window, one item, summaries, my tasks.
import { sql, type SQL } from 'drizzle-orm';
import type {
  AgencySummary,
  Counts,
  HistoryEntry,
  ItemDetail,
  Level,
  ProgramSummary,
  Scope,
  SummaryView,
} from '../core/ports.ts';
import { lexiconOf } from '../core/lexicon.ts';
import type {
  AgencyCode,
  ChannelName,
  ItemCode,
  ItemStatus,
  ItemView,
  Lexicon,
  LocalDate,
  Percent,
  Period,
  PersonCode,
  ProgramCode,
  UpdateView,
} from '../core/types.ts';
import { countColumns, rollupCountColumns, toCounts, type CountRow } from './counts.ts';
import { rows, type DbOrTx } from './db.ts';
import { itemByCode, scopeFilter, selectItems } from './items.ts';
import { rollupServes } from './rollup.ts';

export function overdue(db: DbOrTx, scope: Scope, level: Level, today: LocalDate): Promise<ItemView[]> {
  // Due today is not overdue; done never is.
  return selectItems(db, level, sql`t.status <> 'done' and t.due_date < ${today} and ${scopeFilter(scope)}`);
}

export function dueBetween(db: DbOrTx, scope: Scope, level: Level, period: Period): Promise<ItemView[]> {
  return selectItems(
    db,
    level,
    sql`t.status <> 'done' and t.due_date between ${period.from} and ${period.to} and ${scopeFilter(scope)}`,
  );
}

/**
 * The items in scope with one work status ("việc nào đang vướng"); done ones only when finished within
 * `period` (local days in `tz`) if one is given.
 */
export function byStatus(
  db: DbOrTx,
  scope: Scope,
  level: Level,
  status: ItemStatus,
  period: Period | null,
  tz: string,
): Promise<ItemView[]> {
  const finished =
    status === 'done' && period !== null
      ? sql` and (t.completed_at at time zone ${tz})::date between ${period.from} and ${period.to}`
      : sql``;
  return selectItems(db, level, sql`t.status = ${status}${finished} and ${scopeFilter(scope)}`);
}

export function openTasksOf(db: DbOrTx, person: PersonCode): Promise<ItemView[]> {
  return selectItems(db, 'task', sql`t.status <> 'done' and pe.code = ${person}`);
}

interface HistoryRow {
  at: Date | string;
  person_code: string | null;
  person_name: string | null;
  progress: number | null;
  status: ItemStatus | null;
  note: string | null;
  kind: UpdateView['kind'];
  channel: ChannelName | null;
  /** The task an update was reported on, when it is not the item itself. */
  task_code: string | null;
}

function historyEntry(h: HistoryRow): HistoryEntry {
  return {
    at: new Date(h.at),
    person: h.person_code ? { code: h.person_code as PersonCode, name: h.person_name ?? '' } : null,
    progress: h.progress === null ? null : (h.progress as Percent),
    status: h.status,
    note: h.note,
    kind: h.kind,
    channel: h.channel,
    item: h.task_code as ItemCode | null,
  };
}

/** The latest `limit` history rows matching `where`, as a subquery (each side uses its own index). */
function latest(where: SQL, limit: number): SQL {
  return sql`(select * from history where ${where} order by at desc, id desc limit ${limit})`;
}

/** History rows of `from` (a subquery of history rows), newest first; `task_code` set when `taskCodes` says so. */
function historyRows(db: DbOrTx, from: SQL, limit: number, taskCodes: boolean): Promise<HistoryRow[]> {
  const task = taskCodes ? sql`(select code from tasks where id = h.task_id)` : sql`null::text`;
  return rows<HistoryRow>(
    db,
    sql`select h.at, pe.code as person_code, pe.full_name as person_name, h.progress::int as progress,
               h.status::text as status, h.note, h.kind::text as kind, h.channel::text as channel,
               ${task} as task_code
          from ${from} h left join people pe on pe.id = h.person_id
         order by h.at desc, h.id desc limit ${limit}`,
  );
}

/** An item with its parent or tasks, its own latest updates and, for a target, its tasks' too. */
/** Every target and task code, for telling a person which real codes are close to one they mistyped. */
export async function itemCodes(db: DbOrTx): Promise<ItemCode[]> {
  const found = await rows<{ code: string }>(
    db,
    sql`select code from targets union all select code from tasks order by code`,
  );
  return found.map((r) => r.code as ItemCode);
}

export async function itemDetail(db: DbOrTx, code: ItemCode, historyLimit = 5): Promise<ItemDetail | null> {
  const item = await itemByCode(db, code);
  if (!item) return null;
  if (item.kind === 'task') {
    const own = latest(sql`task_id = (select id from tasks where code = ${code})`, historyLimit);
    const [rowsOwn, parent] = await Promise.all([
      historyRows(db, own, historyLimit, false),
      selectItems(db, 'target', sql`t.id = (select target_id from tasks where code = ${code})`),
    ]);
    const history = rowsOwn.map(historyEntry);
    return { item, parent: parent[0] ?? null, children: [], history, recent: history };
  }
  const target = sql`(select id from targets where code = ${code})`;
  const own = latest(sql`target_id = ${target}`, historyLimit);
  // Work is reported on tasks: a target's recent history is mostly its tasks' updates. Two indexed
  // subqueries, not one OR, which would read the whole history table.
  const ofTasks = latest(sql`task_id in (select id from tasks where target_id = ${target})`, historyLimit);
  const [rowsOwn, rowsRecent, children] = await Promise.all([
    historyRows(db, own, historyLimit, false),
    historyRows(db, sql`(${own} union all ${ofTasks})`, historyLimit, true),
    selectItems(db, 'task', sql`t.target_id = ${target}`, sql`t.code`),
  ]);
  return {
    item,
    parent: null,
    children,
    history: rowsOwn.map(historyEntry),
    recent: rowsRecent.map(historyEntry),
  };
}

interface Keyed {
  key: string;
  name_vi: string;
  name_en: string;
}

export async function summary(
  db: DbOrTx,
  scope: Scope,
  today: LocalDate,
  period: Period | null,
  tz: string,
  /** Where the counts come from: the maintained roll-up when it counts in `tz`, else the item rows. */
  source: 'rollup' | 'rows' = rollupServes(tz) ? 'rollup' : 'rows',
): Promise<SummaryView> {
  const kept = source === 'rollup';
  const alias = sql.raw(kept ? 'r' : 't');
  const inPeriod = period ? sql`${alias}.due_date between ${period.from} and ${period.to}` : sql`true`;
  const where = sql`${scopeFilter(scope)} and ${inPeriod}`;
  const cols = kept ? rollupCountColumns(today) : countColumns(today, tz);
  // One scan per table counts both by programme and by agency (grouping sets), not one scan each.
  const byBoth = (from: SQL, also: SQL = sql`true`) =>
    rows<CountRow & Keyed & { by_agency: boolean }>(
      db,
      sql`select grouping(a.code) = 0 as by_agency, coalesce(a.code, p.code) as key,
                 coalesce(a.name_vi, p.name_vi) as name_vi, coalesce(a.name_en, p.name_en) as name_en, ${cols}
            from ${from} where ${where} and ${also}
           group by grouping sets ((p.code, p.name_vi, p.name_en), (a.code, a.name_vi, a.name_en))`,
    );
  // The maintained buckets (a few per programme, agency and due day) instead of every item row.
  const buckets = (level: Level) =>
    byBoth(
      sql`count_rollup r join programs p on p.id = r.program_id join agencies a on a.id = r.agency_id`,
      sql`r.level = ${level} and r.n <> 0`,
    );
  const [targetRows, taskRows] = await Promise.all(
    kept
      ? [buckets('target'), buckets('task')]
      : [
          byBoth(
            sql`targets t join programs p on p.id = t.program_id join agencies a on a.id = t.lead_agency_id`,
          ),
          byBoth(
            sql`tasks t join targets tg on tg.id = t.target_id join programs p on p.id = tg.program_id
                join agencies a on a.id = t.agency_id`,
          ),
        ],
  );
  const split = (list: Array<CountRow & Keyed & { by_agency: boolean }>, agency: boolean) =>
    list.filter((r) => r.by_agency === agency);
  const [targetsByProgram, targetsByAgency] = [split(targetRows, false), split(targetRows, true)];
  const [tasksByProgram, tasksByAgency] = [split(taskRows, false), split(taskRows, true)];
  const byKey = (list: Array<CountRow & Keyed>) => new Map(list.map((r) => [r.key, r]));
  const programTasks = byKey(tasksByProgram);
  const programs: ProgramSummary[] = targetsByProgram
    .map((r) => ({
      program: r.key as ProgramCode,
      name: { vi: r.name_vi, en: r.name_en },
      targets: toCounts(r),
      tasks: toCounts(programTasks.get(r.key)),
    }))
    .sort((a, b) => a.program.localeCompare(b.program));
  const agencyTargets = byKey(targetsByAgency);
  const agencyTasks = byKey(tasksByAgency);
  const names = new Map(
    [...targetsByAgency, ...tasksByAgency].map((r) => [r.key, { vi: r.name_vi, en: r.name_en }]),
  );
  const agencies: AgencySummary[] = [...names.keys()]
    .map((key) => ({
      agency: key as AgencyCode,
      name: names.get(key)!,
      targets: toCounts(agencyTargets.get(key)),
      tasks: toCounts(agencyTasks.get(key)),
    }))
    .sort((a, b) => {
      const doneShare = (c: Counts) => (c.total === 0 ? 1 : c.done / c.total);
      return (
        b.tasks.overdue - a.tasks.overdue ||
        doneShare(a.tasks) - doneShare(b.tasks) ||
        a.agency.localeCompare(b.agency)
      );
    });
  return { programs, agencies };
}

export async function lexicon(db: DbOrTx): Promise<Lexicon> {
  const [programs, agencies] = await Promise.all([
    rows<{ code: string; name_vi: string; name_en: string; aliases: string[] }>(
      db,
      sql`select code, name_vi, name_en, aliases from programs order by code`,
    ),
    rows<{ code: string; name_vi: string; name_en: string; aliases: string[] }>(
      db,
      sql`select code, name_vi, name_en, aliases from agencies order by code`,
    ),
  ]);
  return lexiconOf(programs, agencies);
}
