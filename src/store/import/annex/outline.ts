// A plan annex's rows as an outline: section rows (I., II., A.) naming a field of work, numbered items
// (1, 1.1, 1.1.1, a), -) under them, and the rows that are neither; no store or agency read here.
import { cellName } from '../../people-import/sheet.ts';
import { cellText } from '../cells.ts';
import type { Raw, SheetRow } from '../read-sheets.ts';
import type { AnnexField, AnnexTable } from './header.ts';
import type { PlanWords } from '../../../core/catalogue/plan-import.ts';

export interface OutlineItem {
  sheet: string;
  row: SheetRow;
  /** "1", "1.2", "1.2.a": the numbering as the plan means it. */
  path: string;
  level: number;
  parent: OutlineItem | null;
  children: OutlineItem[];
  /** The field of work (section text) it is under; null before any section. */
  field: string | null;
  /** Index of its section in the sheet (numbering is unique within one). */
  sectionIndex: number;
  problems: string[];
}

export interface OtherRow {
  sheet: string;
  row: number;
  kind: 'skip' | 'error';
  message: string;
}

export interface Outline {
  items: OutlineItem[];
  others: OtherRow[];
}

const SECTION = /^([IVXLC]+|[A-Z])[.)]?$/;
const SECTION_PREFIX = /^([IVXLC]+|[A-Z])[.)]\s+/;
const NUMBER = /^(\d{1,4}(?:\.\d{1,3})*)\.?$/;
const LETTER = /^([a-zđ])[.)]$/;
const BULLET = /^[-+•*–]$/;
const COLUMN_NUMBER = /^\(?\d{1,2}\)?$/;

export class RowCells {
  constructor(
    private readonly table: AnnexTable,
    readonly row: SheetRow,
  ) {}
  raw(f: AnnexField): Raw {
    const i = this.table.columns.get(f);
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }
  text(f: AnnexField): string {
    return cellText(this.raw(f));
  }
  cell(f: AnnexField): string {
    return cellName(this.table.columns.get(f) ?? 0, this.row.number);
  }
  has(f: AnnexField): boolean {
    return this.table.columns.has(f);
  }
  /** The texts of the columns the table reads (hidden columns and unknown ones left out). */
  filled(): string[] {
    return [...this.table.columns.values()]
      .map((i) => cellText(this.row.cells[i] ?? null))
      .filter((t) => t !== '');
  }
}

export function outlineOf(table: AnnexTable, w: PlanWords): Outline {
  const items: OutlineItem[] = [];
  const others: OtherRow[] = [];
  let field: string | null = null;
  let sectionIndex = 0;
  const byPath = new Map<string, OutlineItem>();
  /** The open items by level: the last item seen at each depth. */
  let chain: OutlineItem[] = [];
  const other = (row: number, kind: OtherRow['kind'], message: string) =>
    others.push({ sheet: table.sheet, row, kind, message });

  for (const row of table.rows) {
    const c = new RowCells(table, row);
    const filled = c.filled();
    if (filled.length === 0) continue;
    const n = c.text('number');
    if (filled.length >= 3 && filled.every((t) => COLUMN_NUMBER.test(t))) {
      other(row.number, 'skip', w.numbering);
      continue;
    }
    const distinct = [...new Set(filled)];
    const merged = n === '' && distinct.length === 1 && c.text('lead') === '' && c.text('due') === '';
    if (SECTION.test(n) || (merged && SECTION_PREFIX.test(distinct[0]!))) {
      const text = (n === '' ? distinct[0]! : (distinct.find((t) => t !== n) ?? n)).replace(
        SECTION_PREFIX,
        '',
      );
      field = text.trim();
      sectionIndex++;
      byPath.clear();
      chain = [];
      other(row.number, 'skip', w.section(field));
      continue;
    }
    if (merged) {
      // A heading merged across the row with no numeral: a field of work if written as one (capitals).
      const text = distinct[0]!;
      if (text === text.toUpperCase() && /\p{L}/u.test(text)) {
        field = text;
        sectionIndex++;
        byPath.clear();
        chain = [];
        other(row.number, 'skip', w.section(text));
      } else other(row.number, 'skip', w.footer(text));
      continue;
    }
    if (n === '') {
      other(row.number, 'error', w.noNumber(c.cell('number')));
      continue;
    }
    let path: string;
    let parent: OutlineItem | null;
    const problems: string[] = [];
    const num = NUMBER.exec(n);
    if (num) {
      path = num[1]!;
      const parts = path.split('.');
      const parentPath = parts.slice(0, -1).join('.');
      parent = parts.length > 1 ? (byPath.get(parentPath) ?? null) : null;
      if (parts.length > 1 && parent === null) problems.push(w.orphan(c.cell('number'), path, parentPath));
    } else if (LETTER.test(n) || BULLET.test(n)) {
      // A lettered or bulleted item belongs to the last numbered one above it.
      parent = [...chain].reverse().find((i) => NUMBER.test(i.path.split('.').pop() ?? '')) ?? null;
      const mark = LETTER.exec(n)?.[1] ?? String((parent?.children.length ?? 0) + 1);
      path = parent ? `${parent.path}.${mark}` : mark;
      if (parent === null) problems.push(w.orphan(c.cell('number'), n, '1'));
    } else {
      other(row.number, 'error', w.badNumber(c.cell('number'), n));
      continue;
    }
    const first = byPath.get(path);
    if (first) problems.push(w.duplicateNumber(c.cell('number'), path, first.row.number));
    const item: OutlineItem = {
      sheet: table.sheet,
      row,
      path,
      // An orphan keeps the depth it is written at, so it is never taken for a target.
      level: parent ? parent.level + 1 : num ? path.split('.').length : 2,
      parent,
      children: [],
      field,
      sectionIndex,
      problems,
    };
    if (!first) byPath.set(path, item);
    parent?.children.push(item);
    chain = [...chain.slice(0, item.level - 1), item];
    items.push(item);
  }
  return { items, others };
}
