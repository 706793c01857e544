// `import-people`: a focal-point list (CSV or XLSX) in, people created or updated and agency heads
// set, all rows or none, with a row-by-row report in the operator's language.
import { sql } from 'drizzle-orm';
import { ImportError } from '../../core/errors.ts';
import type { AgencyCode, Lang } from '../../core/types.ts';
import { agencyResolver, loadAgencyNames } from '../agency-names.ts';
import { rows, SCHEMA_LOCK, type Db, type Tx } from '../db.ts';
import { readSheets } from '../import/read-sheets.ts';
import { peopleWords } from '../../core/catalogue/people-import.ts';
import { planPeople, type PersonEntry, type StoredPerson } from './plan.ts';
import { headRank, NOT_A_HEAD } from './roles.ts';
import { findPeopleSheet } from './sheet.ts';
import { writePeople } from './write.ts';

export type PeopleAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';
/** One source row, as `--json` prints it (cli-and-env.md). */
export interface PeopleRow {
  row: number;
  sheet: string;
  action: PeopleAction;
  codes: string[];
  message: string;
}
export interface PeopleTotals {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
}
export interface PeopleReport extends PeopleTotals {
  rows: PeopleRow[];
  /** True only when the changes were written: no error and not a dry run. */
  applied: boolean;
}

export interface PeopleImportOptions {
  dryRun: boolean;
  now: Date;
  lang: Lang;
  /** Who imports, for the audit log: 'cli' or 'web'. */
  actor: string;
}

/**
 * Reads the list and checks every row; with any row in error, or on a dry run, nothing is written.
 * Throws ImportError when the file is no spreadsheet or has no list in it.
 */
export async function importPeople(
  db: Db,
  file: { name: string; bytes: Buffer },
  opts: PeopleImportOptions,
): Promise<PeopleReport> {
  const w = peopleWords(opts.lang);
  const sheets = await readSheets(file).catch((err: unknown) => {
    if (!(err instanceof ImportError)) throw err;
    const detail = err.rows[0]?.problem ?? err.message;
    throw new ImportError(w.unreadable(file.name, detail), [{ row: 1, problem: detail }]);
  });
  const list = sheets.map(findPeopleSheet).find((s) => s !== null);
  if (!list) throw new ImportError(w.noList(file.name), [{ row: 1, problem: w.noList(file.name) }]);
  return db.transaction(async (tx) => {
    if (!opts.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    const names = await loadAgencyNames(tx);
    const people = await storedPeople(tx);
    const { entries, others } = planPeople(list, { people, agencies: agencyResolver(names) }, w);
    const valid = entries.filter((e) => e.problems.length === 0);
    const heads = planHeads(valid, people, await currentHeads(tx));
    const byPerson = new Map<string, AgencyCode>([...heads].map(([agency, code]) => [code, agency]));
    const reportRows: PeopleRow[] = [
      ...others.map((o): PeopleRow => ({
        row: o.row,
        sheet: o.sheet,
        action: o.action,
        codes: [],
        message: o.message,
      })),
      ...entries.map((e): PeopleRow => {
        const headOf = byPerson.get(e.after.code);
        const extra = headOf ? [w.becomesHead(headOf)] : [];
        if (e.problems.length > 0) return row(e, 'error', [], e.problems.join('; '));
        if (e.before === null)
          return row(
            e,
            'create',
            [e.after.code],
            [w.created(e.after.name, e.after.agency, e.after.role), ...extra].join('; '),
          );
        const changes = [...e.changes, ...extra];
        return changes.length > 0
          ? row(e, 'update', [e.after.code], changes.join('; '))
          : row(e, 'unchanged', [e.after.code], w.unchanged);
      }),
    ].sort((a, b) => a.row - b.row);
    const report = reportOf(reportRows);
    if (report.errors > 0 || opts.dryRun) return report;
    await writePeople(tx, valid, heads, opts);
    return { ...report, applied: true };
  });
}

const row = (e: PersonEntry, action: PeopleAction, codes: string[], message: string): PeopleRow => ({
  row: e.row,
  sheet: e.sheet,
  action,
  codes,
  message,
});

function reportOf(list: PeopleRow[]): PeopleReport {
  const count = (a: PeopleAction) => list.filter((r) => r.action === a).length;
  return {
    rows: list,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skip'),
    errors: count('error'),
    applied: false,
  };
}

async function storedPeople(tx: Tx): Promise<StoredPerson[]> {
  const list = await rows<{
    id: number;
    code: string;
    full_name: string;
    agency: string;
    title_vi: string;
    role: StoredPerson['role'];
    phone: string | null;
    lang: Lang;
  }>(
    tx,
    sql`select pe.id, pe.code, pe.full_name, a.code as agency, pe.title_vi, pe.role::text as role,
          pe.phone, pe.lang::text as lang
        from people pe join agencies a on a.id = pe.agency_id order by pe.code`,
  );
  return list.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.full_name,
    agency: r.agency as AgencyCode,
    title: r.title_vi,
    role: r.role,
    phone: r.phone,
    lang: r.lang,
  }));
}

async function currentHeads(tx: Tx): Promise<Map<AgencyCode, string | null>> {
  const list = await rows<{ agency: string; head: string | null }>(
    tx,
    sql`select a.code as agency, pe.code as head from agencies a left join people pe on pe.id = a.head_person_id`,
  );
  return new Map(list.map((r) => [r.agency as AgencyCode, r.head]));
}

/**
 * The head each agency of the list gets: its staff member the list marks as head, else the one with the
 * strongest head title (Giám đốc, Chủ tịch …) among its people after the import; ties keep the current
 * head, then the lowest code. An agency with no head title among its people keeps its head.
 */
function planHeads(
  entries: PersonEntry[],
  people: StoredPerson[],
  heads: Map<AgencyCode, string | null>,
): Map<AgencyCode, string> {
  const moved = new Set(entries.map((e) => e.after.code));
  const members = [
    ...people.filter((p) => !moved.has(p.code)).map((p) => ({ ...p, head: false })),
    ...entries.map((e) => ({ ...e.after, head: e.head })),
  ];
  const out = new Map<AgencyCode, string>();
  for (const agency of new Set(entries.map((e) => e.after.agency))) {
    const ranked = members
      .filter((m) => m.agency === agency && m.role === 'staff')
      .map((m) => ({ code: m.code, rank: m.head ? -1 : headRank(m.title) }))
      .filter((m) => m.rank < NOT_A_HEAD);
    if (ranked.length === 0) continue;
    const best = Math.min(...ranked.map((m) => m.rank));
    const current = heads.get(agency) ?? null;
    const top = ranked.filter((m) => m.rank === best).map((m) => m.code);
    const chosen = current !== null && top.includes(current) ? current : top.sort()[0]!;
    if (chosen !== current) out.set(agency, chosen);
  }
  return out;
}
