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
import { outlineOf, RowCells, type OtherRow, type OutlineItem } from './outline.ts';
import type { PlanWords } from './words.ts';

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

interface Agencies {
  codes: AgencyCode[];
  group: boolean;
}

export function planAnnex(tables: AnnexTable[], ctx: AnnexContext): AnnexPlan {
  const { st, agencies, w, now } = ctx;
  const rows: AnnexRow[] = [];
  const unknown = new Map<string, UnknownAgency>();
  const targets: TargetEntry[] = [];
  const tasks: TaskEntry[] = [];
  const rowOf = new Map<OutlineItem, AnnexRow>();
  const addRow = (sheet: string, row: number): AnnexRow => {
    const r: AnnexRow = { sheet, row, problems: [], notes: [], skip: null, targets: [], tasks: [] };
    rows.push(r);
    return r;
  };
  const fromOther = (o: OtherRow) => {
    const r = addRow(o.sheet, o.row);
    if (o.kind === 'error') r.problems.push(o.message);
    else r.skip = o.message;
  };

  /** The agencies a cell names, its problems on the row; null when the cell is blank. */
  const readAgencies = (c: RowCells, f: AnnexField, r: AnnexRow, lead: boolean): Agencies | null => {
    const text = c.text(f);
    if (text === '') return null;
    const codes: AgencyCode[] = [];
    let group = false;
    const add = (item: ListItem) => {
      if (item.kind === 'agency') codes.push(item.code);
      else if (item.kind === 'group') {
        codes.push(...item.codes);
        group = true;
      } else if (item.kind === 'ambiguous')
        r.problems.push(w.ambiguousAgency(c.cell(f), item.written, item.codes));
      else if (item.kind === 'vague') (lead ? r.problems : r.notes).push(w.vague(item.written));
      else {
        const closest = item.closest.map((a) => `${a.nameVi} (${a.code})`);
        r.problems.push(w.unknownAgency(c.cell(f), item.written, closest));
        const key = fold(item.written);
        const u = unknown.get(key) ?? { written: item.written, places: [], closest };
        u.places.push(w.rowLabel(r.sheet, r.row));
        unknown.set(key, u);
      }
    };
    agencies.read(text).forEach(add);
    return { codes: [...new Set(codes)], group: group || codes.length > 1 };
  };

  // Outline every sheet, and find each sheet's programme.
  const sheets: Array<{ table: AnnexTable; program: string; items: OutlineItem[] }> = [];
  for (const table of tables) {
    const outline = outlineOf(table, w);
    const program = ctx.program ?? programIn(`${table.title} ${table.sheet}`, st);
    outline.others.forEach(fromOther);
    for (const item of outline.items) {
      const r = addRow(item.sheet, item.row.number);
      r.problems.push(...item.problems);
      rowOf.set(item, r);
    }
    if (program === null) {
      addRow(table.sheet, table.headerRow).problems.push(w.noProgram(table.sheet));
      continue;
    }
    sheets.push({ table, program, items: outline.items });
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

  const seenCodes = new Map<string, string>();
  const claim = (code: string, r: AnnexRow) => {
    const where = seenCodes.get(code);
    if (where !== undefined) r.problems.push(w.duplicateCode(code, where));
    else seenCodes.set(code, w.rowLabel(r.sheet, r.row));
  };

  for (const { table, program, items } of sheets) {
    const cells = (i: OutlineItem) => new RowCells(table, i.row);
    for (const top of items.filter((i) => i.level === 1)) {
      const tr = rowOf.get(top)!;
      const tc = cells(top);
      const written = tc.text('code').toUpperCase();
      if (written !== '' && !TARGET_CODE.test(written)) tr.problems.push(w.badCode(tc.cell('code'), written));
      const code = written !== '' ? written : targetCode.get(top)!;
      claim(code, tr);

      // Each item's own values, read once; an item without an agency or deadline takes its parent's.
      const own = new Map<OutlineItem, { lead: Agencies | null; co: Agencies | null; due: Due | null }>();
      const read = (i: OutlineItem) => {
        const c = cells(i);
        const r = rowOf.get(i)!;
        if (c.text('title') === '') r.problems.push(w.noTitle(c.cell('title')));
        const due = readDue(c);
        if (due === 'bad') r.problems.push(w.badDue(c.cell('due'), c.text('due')));
        own.set(i, {
          lead: readAgencies(c, 'lead', r, true),
          co: readAgencies(c, 'co', r, false),
          due: due === 'bad' ? null : due,
        });
      };
      const branch: OutlineItem[] = [];
      const walk = (i: OutlineItem) => {
        branch.push(i);
        i.children.forEach(walk);
      };
      walk(top);
      branch.forEach(read);
      const inherited = <K extends 'lead' | 'co' | 'due'>(i: OutlineItem, k: K) => {
        for (let x: OutlineItem | null = i; x; x = x.parent) {
          const v = own.get(x)?.[k];
          if (v) return v;
        }
        return null;
      };
      const leaves = branch.filter((i) => i.children.length === 0);
      for (const i of branch) if (i !== top && i.children.length > 0) rowOf.get(i)!.skip = w.group(i.path);

      // The target's deadline: its own, else the latest of its tasks' (ongoing when all of them are).
      const leafDues = leaves.map((l) => inherited(l, 'due')).filter((d) => d !== null);
      const dated = leafDues
        .map((d) => d.date)
        .filter((d) => d !== null)
        .sort();
      const targetDue: Due | null =
        own.get(top)!.due ??
        (dated.length > 0
          ? { date: dated[dated.length - 1]!, text: null }
          : leafDues.length > 0
            ? leafDues[0]!
            : null);
      const topLead = own.get(top)!.lead ?? inherited(leaves[0]!, 'lead');
      if (topLead === null || topLead.codes.length === 0) {
        if (tc.text('lead') === '') tr.problems.push(w.noLead(tc.cell('lead')));
      }
      if (targetDue === null && tc.text('due') === '') tr.problems.push(w.noDue(tc.cell('due')));

      const ind = tc.text('indicator');
      const indicator = ind === '' ? null : readIndicator(ind);
      const notes = [tc.text('note')];
      if (ind !== '' && indicator === null) {
        tr.notes.push(w.indicatorAsNote(tc.cell('indicator')));
        notes.push(ind);
      }
      const before = st.targets.get(code) ?? null;
      const lead = topLead && topLead.codes.length > 0 ? agencies.leadOf(topLead.codes) : null;
      let target: TargetState | null = null;
      if (lead !== null && targetDue !== null && tr.problems.length === 0) {
        const status = before?.status ?? 'not_started';
        const progress = before?.progress ?? 0;
        target = {
          code,
          program,
          titleVi: tc.text('title'),
          titleEn: before?.titleEn ?? '',
          lead,
          fieldVi: top.field,
          unit: tc.has('indicator') ? (indicator?.unit ?? null) : (before?.unit ?? null),
          targetValue: indicator?.target ?? (tc.has('indicator') ? 1 : (before?.targetValue ?? 1)),
          currentValue: indicator?.current ?? before?.currentValue ?? 0,
          startDate: startDateFor(before, targetDue.date, now),
          dueDate: targetDue.date,
          dueText: targetDue.text,
          deliverable: tc.text('deliverable') || null,
          note: notes.filter((n) => n !== '').join('\n') || null,
          coAgencies: (own.get(top)!.co?.codes ?? []).filter((a) => a !== lead),
          status,
          progress,
          updatedAt: nextUpdatedAt(before, { status, progress }, null, now).at,
        };
        const e = newEntry({ sheet: tr.sheet, row: tr.row }, code, [], before, null);
        e.after = target;
        tr.targets.push(e);
        targets.push(e);
      }

      // Its tasks: one per lead agency of each item at the end of a branch.
      let k = 0;
      for (const leaf of leaves) {
        const r = rowOf.get(leaf)!;
        const c = cells(leaf);
        const leadOf = inherited(leaf, 'lead');
        const due = inherited(leaf, 'due');
        if (leaf !== top && (leadOf === null || leadOf.codes.length === 0) && c.text('lead') === '')
          r.problems.push(w.noLead(c.cell('lead')));
        if (leaf !== top && due === null && c.text('due') === '') r.problems.push(w.noDue(c.cell('due')));
        if (due?.date && targetDue?.date && own.get(top)!.due && due.date > targetDue.date) {
          r.problems.push(w.dueAfterTarget(c.cell('due'), dmy(due.date), code, dmy(targetDue.date)));
        }
        const taskCodeWritten = leaf === top ? '' : c.text('code').toUpperCase();
        if (taskCodeWritten !== '' && !TASK_CODE.test(taskCodeWritten))
          r.problems.push(w.badCode(c.cell('code'), taskCodeWritten));
        // A task has no indicator of its own: what its row measures is kept with its note.
        const taskNote = leaf === top ? [] : [c.text('note'), c.text('indicator')].filter((t) => t !== '');
        if (leaf !== top && c.text('indicator') !== '') r.notes.push(w.indicatorAsNote(c.cell('indicator')));
        const leads = leadOf?.codes ?? [];
        // A row whose agency cannot be read still takes its number, so the codes after it stay put.
        if (leads.length === 0) k++;
        const co = inherited(leaf, 'co')?.codes ?? [];
        for (const agency of leads) {
          k++;
          const taskCode = taskCodeWritten !== '' && leads.length === 1 ? taskCodeWritten : `${code}.${k}`;
          claim(taskCode, r);
          if (r.problems.length > 0 || tr.problems.length > 0 || !target || !due) continue;
          const prior = st.tasks.get(taskCode) ?? null;
          const status = prior?.status ?? 'not_started';
          const progress = prior?.progress ?? 0;
          const assignee =
            prior?.assignee && st.people.get(prior.assignee)?.agency === agency ? prior.assignee : null;
          const after: TaskState = {
            code: taskCode,
            target: code,
            titleVi: c.text('title'),
            titleEn: prior?.titleEn ?? '',
            agency,
            assignee,
            startDate: startDateFor(prior, due.date, now),
            dueDate: due.date,
            dueText: due.text,
            deliverable: c.text('deliverable') || null,
            note: taskNote.join('\n') || null,
            coAgencies: co.filter((a) => a !== agency),
            status,
            progress,
            updatedAt: nextUpdatedAt(prior, { status, progress }, null, now).at,
          };
          const e = newEntry({ sheet: r.sheet, row: r.row }, taskCode, [], prior, null);
          e.after = after;
          r.tasks.push(e);
          tasks.push(e);
        }
      }
    }
  }
  const order = new Map(tables.map((t, i) => [t.sheet, i]));
  rows.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
  return { rows, targets, tasks, unknown: [...unknown.values()] };
}
