// Planning a plan annex: each numbered item read, its agencies and deadline resolved, targets and tasks
// made of the outline (a top-level item is a target; the items at the ends of its branches are its
// tasks, one per lead agency), codes given where the file has none; nothing is written here.
import { resolveDeadline } from '../../../core/deadline.ts';
import type { AgencyCode, LocalDate } from '../../../core/types.ts';
import { newEntry, type TargetEntry, type TaskEntry } from '../entry.ts';
import { fold } from '../fold.ts';
import type { StoreState, TargetState, TaskState } from '../store-state.ts';
import { nextUpdatedAt, startDateFor, type Due } from '../validate-common.ts';
import { parseDay, parseNumber } from '../values.ts';
import type { AgencyLists, ListItem } from './agencies.ts';
import type { AnnexField, AnnexTable } from './header.ts';
import { outlineOf, RowCells, type OutlineItem } from './outline.ts';
import type { PlanWords } from '../../../core/catalogue/plan-import.ts';

/** One source row of the annex and what it became. */
export interface AnnexRow {
  sheet: string;
  row: number;
  problems: string[];
  notes: string[];
  skip: string | null;
  targets: TargetEntry[];
  tasks: TaskEntry[];
}

export interface UnknownAgency {
  written: string;
  places: string[];
  closest: string[];
}

export interface AnnexPlan {
  rows: AnnexRow[];
  targets: TargetEntry[];
  tasks: TaskEntry[];
  unknown: UnknownAgency[];
}

export interface AnnexContext {
  st: StoreState;
  agencies: AgencyLists;
  program: string | null;
  now: Date;
  w: PlanWords;
}

const TARGET_CODE = /^[A-Z0-9][A-Z0-9_/-]*$/;
const TASK_CODE = /^[A-Z0-9][A-Z0-9_/.-]*$/;
const pad2 = (n: number) => String(n).padStart(2, '0');
const dmy = (d: LocalDate) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The programme a sheet's title or name names: the longest known name or alias found in it. */
export function programIn(text: string, st: StoreState): string | null {
  const f = ` ${fold(text)} `;
  let best: { code: string; length: number } | null = null;
  const keys: Array<[string, string | null]> = [
    ...st.programs.byName,
    ...[...st.programs.ids.keys()].map((c): [string, string] => [fold(c), c]),
  ];
  for (const [key, code] of keys) {
    if (code === null || key.length < 4 || !f.includes(` ${key} `)) continue;
    if (!best || key.length > best.length) best = { code, length: key.length };
  }
  return best?.code ?? null;
}

/** A deadline cell: an Excel date, a typed day, or the words of deadline.ts; "bad" when none of those. */
function readDue(c: RowCells): Due | 'bad' | null {
  const raw = c.raw('due');
  const text = c.text('due');
  if (text === '') return null;
  // A year typed as a number ("2025") is a year, not Excel's day 2025 (1905).
  const yearNumber = typeof raw === 'number' && raw >= 2000 && raw <= 2100;
  const day = yearNumber ? null : parseDay(raw);
  if (day !== null) return { date: day, text: null };
  const d = resolveDeadline(text);
  if (d === null) return 'bad';
  return { date: d.kind === 'day' ? d.due : null, text };
}

/** "41/68 xã", "68 xã", "120.000 hồ sơ", "100%": an indicator; null when the words say something else. */
function readIndicator(text: string): { unit: string; target: number; current: number | null } | null {
  const m = /^(?:(\d[\d.,]*)\s*\/\s*)?(\d[\d.,]*)\s*(%|[\p{L}][\p{L}\s,]*)$/u.exec(text.trim());
  if (!m) return null;
  // In an indicator a dot groups thousands ("120.000 hồ sơ"), as Vietnamese writes them.
  const amount = (t: string) => parseNumber(/^\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '') : t);
  const target = amount(m[2]!);
  const current = m[1] === undefined ? null : amount(m[1]);
  if (target === null || target <= 0 || (m[1] !== undefined && current === null)) return null;
  return { unit: m[3]!.trim(), target, current };
}

/** What an item's own cells say; an item leaves blank what its parent says for it. */
interface Own {
  lead: AgencyCode[] | null;
  co: AgencyCode[] | null;
  due: Due | null;
}

/** The planning of one import: its report rows, the entries made and the agencies not found. */
class Planner {
  readonly rows: AnnexRow[] = [];
  readonly targets: TargetEntry[] = [];
  readonly tasks: TaskEntry[] = [];
  readonly unknown = new Map<string, UnknownAgency>();
  readonly rowOf = new Map<OutlineItem, AnnexRow>();
  private readonly seenCodes = new Map<string, string>();

  constructor(private readonly ctx: AnnexContext) {}

  addRow(sheet: string, row: number): AnnexRow {
    const r: AnnexRow = { sheet, row, problems: [], notes: [], skip: null, targets: [], tasks: [] };
    this.rows.push(r);
    return r;
  }

  /** A code used twice in the file is an error on the second row. */
  claim(code: string, r: AnnexRow): void {
    const where = this.seenCodes.get(code);
    if (where !== undefined) r.problems.push(this.ctx.w.duplicateCode(code, where));
    else this.seenCodes.set(code, this.ctx.w.rowLabel(r.sheet, r.row));
  }

  /** The agencies a cell names, its problems on the row; null when the cell is blank. */
  private readAgencies(c: RowCells, f: AnnexField, r: AnnexRow, lead: boolean): AgencyCode[] | null {
    const { w } = this.ctx;
    const text = c.text(f);
    if (text === '') return null;
    const codes: AgencyCode[] = [];
    const add = (item: ListItem) => {
      if (item.kind === 'agency') codes.push(item.code);
      else if (item.kind === 'group') codes.push(...item.codes);
      else if (item.kind === 'ambiguous')
        r.problems.push(w.ambiguousAgency(c.cell(f), item.written, item.codes));
      else if (item.kind === 'vague') (lead ? r.problems : r.notes).push(w.vague(item.written));
      else {
        const closest = item.closest.map((a) => `${a.nameVi} (${a.code})`);
        r.problems.push(w.unknownAgency(c.cell(f), item.written, closest));
        const key = fold(item.written);
        const u = this.unknown.get(key) ?? { written: item.written, places: [], closest };
        u.places.push(w.rowLabel(r.sheet, r.row));
        this.unknown.set(key, u);
      }
    };
    this.ctx.agencies.read(text).forEach(add);
    return [...new Set(codes)];
  }

  private readOwn(c: RowCells, r: AnnexRow): Own {
    const { w } = this.ctx;
    if (c.text('title') === '') r.problems.push(w.noTitle(c.cell('title')));
    const due = readDue(c);
    if (due === 'bad') r.problems.push(w.badDue(c.cell('due'), c.text('due')));
    return {
      lead: this.readAgencies(c, 'lead', r, true),
      co: this.readAgencies(c, 'co', r, false),
      due: due === 'bad' ? null : due,
    };
  }

  /** A top-level item and everything under it: one target, and its tasks. */
  branch(table: AnnexTable, program: string, top: OutlineItem, generated: string): void {
    const { w } = this.ctx;
    const cells = (i: OutlineItem) => new RowCells(table, i.row);
    const tr = this.rowOf.get(top)!;
    const tc = cells(top);
    const written = tc.text('code').toUpperCase();
    if (written !== '' && !TARGET_CODE.test(written)) tr.problems.push(w.badCode(tc.cell('code'), written));
    const code = written !== '' ? written : generated;
    this.claim(code, tr);

    const branch: OutlineItem[] = [];
    const walk = (i: OutlineItem) => {
      branch.push(i);
      i.children.forEach(walk);
    };
    walk(top);
    const own = new Map(branch.map((i) => [i, this.readOwn(cells(i), this.rowOf.get(i)!)]));
    const inherited = <K extends keyof Own>(i: OutlineItem, k: K): Own[K] => {
      for (let x: OutlineItem | null = i; x; x = x.parent) {
        const v = own.get(x)?.[k];
        if (v) return v;
      }
      return null;
    };
    const leaves = branch.filter((i) => i.children.length === 0);
    for (const i of branch) if (i !== top && i.children.length > 0) this.rowOf.get(i)!.skip = w.group(i.path);

    // The target's deadline: its own, else the latest of its tasks' (ongoing when all of them are).
    const leafDues = leaves.map((l) => inherited(l, 'due')).filter((d) => d !== null);
    const dated = leafDues
      .map((d) => d.date)
      .filter((d) => d !== null)
      .sort();
    const ownDue = own.get(top)!.due;
    const targetDue: Due | null =
      ownDue ?? (dated.length > 0 ? { date: dated[dated.length - 1]!, text: null } : (leafDues[0] ?? null));
    const leads = own.get(top)!.lead ?? inherited(leaves[0]!, 'lead') ?? [];
    if (leads.length === 0 && tc.text('lead') === '') tr.problems.push(w.noLead(tc.cell('lead')));
    if (targetDue === null && tc.text('due') === '') tr.problems.push(w.noDue(tc.cell('due')));
    const lead = leads.length > 0 ? this.ctx.agencies.leadOf(leads) : null;
    const target =
      lead !== null && targetDue !== null && tr.problems.length === 0
        ? this.target(tc, tr, { code, program, lead, due: targetDue, co: own.get(top)!.co ?? [], top })
        : null;

    // Its tasks: one per lead agency of each item at the end of a branch, numbered in order.
    let k = 0;
    for (const leaf of leaves) {
      const r = this.rowOf.get(leaf)!;
      const c = cells(leaf);
      const agencies = inherited(leaf, 'lead') ?? [];
      const due = inherited(leaf, 'due');
      if (leaf !== top && agencies.length === 0 && c.text('lead') === '')
        r.problems.push(w.noLead(c.cell('lead')));
      if (leaf !== top && due === null && c.text('due') === '') r.problems.push(w.noDue(c.cell('due')));
      if (due?.date && ownDue?.date && due.date > ownDue.date) {
        r.problems.push(w.dueAfterTarget(c.cell('due'), dmy(due.date), code, dmy(ownDue.date)));
      }
      const writtenCode = leaf === top ? '' : c.text('code').toUpperCase();
      if (writtenCode !== '' && !TASK_CODE.test(writtenCode))
        r.problems.push(w.badCode(c.cell('code'), writtenCode));
      // A task has no indicator of its own: what its row measures is kept with its note.
      const note = leaf === top ? [] : [c.text('note'), c.text('indicator')].filter((t) => t !== '');
      if (leaf !== top && c.text('indicator') !== '') r.notes.push(w.indicatorAsNote(c.cell('indicator')));
      // A row whose agency cannot be read still takes its number, so the codes after it stay put.
      if (agencies.length === 0) k++;
      const co = inherited(leaf, 'co') ?? [];
      for (const agency of agencies) {
        k++;
        const taskCode = writtenCode !== '' && agencies.length === 1 ? writtenCode : `${code}.${k}`;
        this.claim(taskCode, r);
        if (r.problems.length > 0 || target === null || due === null) continue;
        this.task(c, r, { code: taskCode, target: code, agency, due, co, note: note.join('\n') || null });
      }
    }
  }

  private target(
    tc: RowCells,
    tr: AnnexRow,
    t: { code: string; program: string; lead: AgencyCode; due: Due; co: AgencyCode[]; top: OutlineItem },
  ): TargetState {
    const { st, w, now } = this.ctx;
    const ind = tc.text('indicator');
    const indicator = ind === '' ? null : readIndicator(ind);
    const notes = [tc.text('note')];
    if (ind !== '' && indicator === null) {
      tr.notes.push(w.indicatorAsNote(tc.cell('indicator')));
      notes.push(ind);
    }
    const before = st.targets.get(t.code) ?? null;
    const status = before?.status ?? 'not_started';
    const progress = before?.progress ?? 0;
    const after: TargetState = {
      code: t.code,
      program: t.program,
      titleVi: tc.text('title'),
      titleEn: before?.titleEn ?? '',
      lead: t.lead,
      fieldVi: t.top.field,
      // A file without the indicator column leaves the stored one alone.
      unit: tc.has('indicator') ? (indicator?.unit ?? null) : (before?.unit ?? null),
      targetValue: indicator?.target ?? (tc.has('indicator') ? 1 : (before?.targetValue ?? 1)),
      currentValue: indicator?.current ?? before?.currentValue ?? 0,
      startDate: startDateFor(before, t.due.date, now),
      dueDate: t.due.date,
      dueText: t.due.text,
      deliverable: tc.text('deliverable') || null,
      note: notes.filter((n) => n !== '').join('\n') || null,
      coAgencies: t.co.filter((a) => a !== t.lead),
      status,
      progress,
      updatedAt: nextUpdatedAt(before, { status, progress }, null, now).at,
    };
    const e = newEntry({ sheet: tr.sheet, row: tr.row }, t.code, [], before, null);
    e.after = after;
    tr.targets.push(e);
    this.targets.push(e);
    return after;
  }

  private task(
    c: RowCells,
    r: AnnexRow,
    t: { code: string; target: string; agency: AgencyCode; due: Due; co: AgencyCode[]; note: string | null },
  ): void {
    const { st, now } = this.ctx;
    const prior = st.tasks.get(t.code) ?? null;
    const status = prior?.status ?? 'not_started';
    const progress = prior?.progress ?? 0;
    // The assignee stays only while the task stays with their agency.
    const assignee =
      prior?.assignee && st.people.get(prior.assignee)?.agency === t.agency ? prior.assignee : null;
    const after: TaskState = {
      code: t.code,
      target: t.target,
      titleVi: c.text('title'),
      titleEn: prior?.titleEn ?? '',
      agency: t.agency,
      assignee,
      startDate: startDateFor(prior, t.due.date, now),
      dueDate: t.due.date,
      dueText: t.due.text,
      deliverable: c.text('deliverable') || null,
      note: t.note,
      coAgencies: t.co.filter((a) => a !== t.agency),
      status,
      progress,
      updatedAt: nextUpdatedAt(prior, { status, progress }, null, now).at,
    };
    const e = newEntry({ sheet: r.sheet, row: r.row }, t.code, [], prior, null);
    e.after = after;
    r.tasks.push(e);
    this.tasks.push(e);
  }
}

export function planAnnex(tables: AnnexTable[], ctx: AnnexContext): AnnexPlan {
  const { st, w } = ctx;
  const p = new Planner(ctx);

  // Outline every sheet, and find each sheet's programme.
  const sheets: Array<{ table: AnnexTable; program: string; items: OutlineItem[] }> = [];
  for (const table of tables) {
    const outline = outlineOf(table, w);
    for (const o of outline.others) {
      const r = p.addRow(o.sheet, o.row);
      if (o.kind === 'error') r.problems.push(o.message);
      else r.skip = o.message;
    }
    for (const item of outline.items) {
      const r = p.addRow(item.sheet, item.row.number);
      r.problems.push(...item.problems);
      p.rowOf.set(item, r);
    }
    const program = ctx.program ?? programIn(`${table.title} ${table.sheet}`, st);
    if (program === null) p.addRow(table.sheet, table.headerRow).problems.push(w.noProgram(table.sheet));
    else sheets.push({ table, program, items: outline.items });
  }

  // Target codes: the plan's own numbers when they are unique in the programme, else its order.
  const tops = new Map<string, OutlineItem[]>();
  for (const s of sheets) {
    for (const item of s.items)
      if (item.level === 1) tops.set(s.program, [...(tops.get(s.program) ?? []), item]);
  }
  const targetCode = new Map<OutlineItem, string>();
  for (const [program, list] of tops) {
    const unique = new Set(list.map((i) => i.path)).size === list.length;
    list.forEach((item, k) => targetCode.set(item, `${program}-${pad2(unique ? Number(item.path) : k + 1)}`));
  }

  for (const { table, program, items } of sheets) {
    for (const top of items.filter((i) => i.level === 1)) p.branch(table, program, top, targetCode.get(top)!);
  }
  const order = new Map(tables.map((t, i) => [t.sheet, i]));
  p.rows.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return { rows: p.rows, targets: p.targets, tasks: p.tasks, unknown: [...p.unknown.values()] };
}
