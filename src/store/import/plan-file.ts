// `dondoc import` and the console's plan upload: a plan in the project's own columns or a plan annex as
// a province writes it, every source row reported in the operator's language, all rows written or none.
import { sql } from 'drizzle-orm';
import { ImportError } from '../../core/errors.ts';
import type { AgencyCode, Lang } from '../../core/types.ts';
import { agencyResolver, loadAgencyNames } from '../agency-names.ts';
import { rows as query, SCHEMA_LOCK, type Db, type Tx } from '../db.ts';
import { AgencyLists, type KnownAgency } from './annex/agencies.ts';
import { findAnnexTable, type AnnexTable } from './annex/header.ts';
import { planAnnex, type AnnexRow, type UnknownAgency } from './annex/plan.ts';
import { planWords, type PlanTotals, type PlanWords } from '../../core/catalogue/plan-import.ts';
import { applyPlan } from './apply.ts';
import { action, type Entry } from './entry.ts';
import { layoutOf, type Layout, type LayoutFailure } from './layout.ts';
import { finishPlan, readOwnLayout } from './plan.ts';
import { readSheets, type RawSheet } from './read-sheets.ts';
import { loadState } from './store-state.ts';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';
/** One source row, as `--json` prints it. */
export interface PlanRow {
  row: number;
  sheet: string;
  action: PlanAction;
  codes: string[];
  message: string;
}
export interface PlanFileReport extends PlanTotals {
  rows: PlanRow[];
  /** Each agency the file names that the store does not know: once, with its rows and the closest names. */
  unknownAgencies: UnknownAgency[];
  applied: boolean;
}
export interface PlanFileOptions {
  dryRun: boolean;
  now: Date;
  lang: Lang;
  /** The programme of the sheets that do not name theirs. */
  program?: string | null;
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The sheets of the file, or an ImportError saying in the operator's language why there are none. */
async function sheetsOf(file: { name: string; bytes: Buffer }, w: PlanWords): Promise<RawSheet[]> {
  if (file.bytes.subarray(0, 8).equals(CFB)) {
    // An encrypted .xlsx is an OLE container holding "EncryptionInfo"; any other is an old .xls.
    const encrypted = file.bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
    const message = encrypted ? w.encrypted(file.name) : w.oldExcel(file.name);
    throw new ImportError(message, [{ row: 1, problem: message }]);
  }
  return readSheets(file).catch((err: unknown) => {
    if (!(err instanceof ImportError)) throw err;
    const message = w.unreadable(file.name, err.rows[0]?.problem ?? err.message);
    throw new ImportError(message, [{ row: 1, problem: message }]);
  });
}

async function knownAgencies(tx: Tx): Promise<AgencyLists> {
  const names = await loadAgencyNames(tx);
  const parents = await query<{ code: string; parent: string | null }>(
    tx,
    sql`select a.code, p.code as parent from agencies a left join agencies p on p.id = a.parent_id`,
  );
  const parentOf = new Map(parents.map((r) => [r.code, r.parent as AgencyCode | null]));
  const list: KnownAgency[] = names.map((a) => ({ ...a, parent: parentOf.get(a.code) ?? null }));
  return new AgencyLists(agencyResolver(names), list);
}

const translate = (line: string, w: PlanWords) => {
  const space = line.indexOf(' ');
  const name = line.slice(0, space);
  return `${w.column[name] ?? name}${line.slice(space)}`;
};

/** A report row, its keys in the order `--json` prints them. */
const planRow = (
  at: { row: number; sheet: string; codes: string[] },
  action: PlanAction,
  message: string,
): PlanRow => ({ row: at.row, sheet: at.sheet, action, codes: at.codes, message });

function annexRow(r: AnnexRow, w: PlanWords): PlanRow {
  const entries = [...r.targets, ...r.tasks] as Array<Entry<unknown>>;
  const codes = entries.map((e) => e.code!).filter((c) => c !== null);
  const problems = [...r.problems, ...entries.flatMap((e) => e.problems)];
  const base = { row: r.row, sheet: r.sheet, codes };
  if (problems.length > 0) return planRow(base, 'error', problems.join('; '));
  if (r.skip !== null || entries.length === 0) return planRow(base, 'skip', r.skip ?? w.unchanged);
  const actions = entries.map(action);
  const notes = r.notes;
  const changes = entries.flatMap((e) =>
    action(e) === 'update' ? e.changes.map((c) => `${e.code}: ${translate(c, w)}`) : [],
  );
  if (actions.includes('create')) {
    const created = entries.filter((e) => action(e) === 'create');
    const tasks = r.tasks.filter((e) => action(e as Entry<unknown>) === 'create');
    const first =
      r.targets.length > 0 && action(r.targets[0] as Entry<unknown>) === 'create'
        ? w.createdTarget(r.targets[0]!.code!, tasks.length)
        : tasks.length === 1
          ? w.createdTask(tasks[0]!.code!, tasks[0]!.after!.agency)
          : w.createdTasks(created.map((e) => e.code!));
    return planRow(base, 'create', [first, ...changes, ...notes].join('; '));
  }
  if (actions.includes('update')) return planRow(base, 'update', [...changes, ...notes].join('; '));
  return planRow(base, 'unchanged', [w.unchanged, ...notes].join('; '));
}

function ownRow(e: Entry<unknown>, w: PlanWords): PlanRow {
  const a = action(e);
  const base = { row: e.row, sheet: e.sheet, codes: e.code ? [e.code] : [] };
  if (a === 'reject') return planRow(base, 'error', e.problems.join('; '));
  if (a === 'update') return planRow(base, 'update', e.changes.map((c) => translate(c, w)).join('; '));
  return planRow(base, a, a === 'create' ? '' : w.unchanged);
}

function totalsOf(list: PlanRow[]): PlanTotals {
  const count = (a: PlanAction) => list.filter((r) => r.action === a).length;
  return {
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    skipped: count('skip'),
    errors: count('error'),
  };
}

/**
 * Reads a plan file, checks every row against the store and, with no row in error and not a dry run,
 * writes it in one transaction (targets, tasks, co-operating agencies, roll-ups, audit). A sheet in the
 * project's own columns is read as before; any other sheet whose header names the content, the lead
 * agency and the deadline is read as a plan annex. Throws ImportError when the file holds no plan.
 */
export async function importPlanFile(
  db: Db,
  file: { name: string; bytes: Buffer },
  opts: PlanFileOptions,
): Promise<PlanFileReport> {
  const w = planWords(opts.lang);
  const sheets = await sheetsOf(file, w);
  const own: Layout[] = [];
  const failures: LayoutFailure[] = [];
  const annex: AnnexTable[] = [];
  for (const sheet of sheets) {
    const layout = sheet.ownLayout === false ? null : layoutOf(sheet);
    if (layout && 'columns' in layout) {
      own.push(layout);
      continue;
    }
    const table = findAnnexTable(sheet);
    if (table) annex.push(table);
    else if (layout) failures.push(layout);
  }
  if (own.length + annex.length + failures.length === 0) {
    throw new ImportError(w.noTable(file.name), [{ row: 1, problem: w.noTable(file.name) }]);
  }
  const program = opts.program ? opts.program.trim().toUpperCase() : null;

  return db.transaction(async (tx) => {
    // The seed's lock: an import never interleaves with a demo load or another import.
    if (!opts.dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    const st = await loadState(tx);
    if (program !== null && !st.programs.ids.has(program)) {
      throw new ImportError(w.unknownProgram(program), [{ row: 1, problem: w.unknownProgram(program) }]);
    }
    const mine = readOwnLayout(own, st, opts.now);
    const planned = planAnnex(annex, { st, agencies: await knownAgencies(tx), program, now: opts.now, w });
    const plan = finishPlan([...mine.targets, ...planned.targets], [...mine.tasks, ...planned.tasks], st);
    const list: PlanRow[] = [
      ...failures.map((f): PlanRow => ({
        row: f.row,
        sheet: f.sheet,
        action: 'error',
        codes: [],
        message: f.problem,
      })),
      ...([...mine.targets, ...mine.tasks] as Array<Entry<unknown>>).map((e) => ownRow(e, w)),
      ...planned.rows.map((r) => annexRow(r, w)),
    ];
    const report: PlanFileReport = {
      rows: list,
      ...totalsOf(list),
      unknownAgencies: planned.unknown,
      applied: false,
    };
    if (report.errors > 0 || opts.dryRun) return report;
    if (report.created + report.updated > 0) await applyPlan(tx, plan, st, opts.now);
    return { ...report, applied: true };
  });
}
