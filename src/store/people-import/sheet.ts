// Finding a focal-point list in a sheet: the header row anywhere in the first rows (under title rows,
// possibly two rows merged), which column holds what, and the rows below it.
import { cellText } from '../import/cells.ts';
import { fold } from '../import/fold.ts';
import type { RawSheet, SheetRow } from '../import/read-sheets.ts';

export type Field = 'code' | 'name' | 'title' | 'agency' | 'phone' | 'role' | 'lang' | 'number';

/** Header texts, folded, with what they head. */
const HEADERS = new Map<string, Field>([
  ['stt', 'number'],
  ['tt', 'number'],
  ['so tt', 'number'],
  ['no', 'number'],
  ['ma', 'code'],
  ['ma can bo', 'code'],
  ['ma so', 'code'],
  ['code', 'code'],
  ['person code', 'code'],
  ['ho va ten', 'name'],
  ['ho ten', 'name'],
  ['ten', 'name'],
  ['ten can bo', 'name'],
  ['full name', 'name'],
  ['name', 'name'],
  ['chuc vu', 'title'],
  ['chuc danh', 'title'],
  ['chuc vu chuc danh', 'title'],
  ['position', 'title'],
  ['title', 'title'],
  ['don vi', 'agency'],
  ['co quan', 'agency'],
  ['co quan don vi', 'agency'],
  ['don vi cong tac', 'agency'],
  ['noi cong tac', 'agency'],
  ['ten don vi', 'agency'],
  ['ten co quan', 'agency'],
  ['agency', 'agency'],
  ['so dien thoai', 'phone'],
  ['dien thoai', 'phone'],
  ['sdt', 'phone'],
  ['so dt', 'phone'],
  ['dt', 'phone'],
  ['di dong', 'phone'],
  ['so di dong', 'phone'],
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['vai tro', 'role'],
  ['role', 'role'],
  ['ngon ngu', 'lang'],
  ['lang', 'lang'],
  ['language', 'lang'],
]);
/** Longer headers that begin with one of these ("Số điện thoại liên hệ", "Đơn vị công tác hiện nay"). */
const PREFIXES = [...HEADERS.keys()].filter((k) => k.includes(' ')).sort((a, b) => b.length - a.length);

/** Rows a header may sit in: a title block rarely takes more. */
const HEADER_SCAN_ROWS = 20;

export function fieldOf(header: string): Field | null {
  // "Số điện thoại\n(di động)": the words in brackets only explain the header.
  const f = fold(header.replace(/\([^)]*\)/g, ' '));
  if (f === '') return null;
  return (
    HEADERS.get(f) ??
    PREFIXES.map((p) => (f.startsWith(`${p} `) ? HEADERS.get(p)! : null)).find((x) => x) ??
    null
  );
}

export interface PeopleSheet {
  sheet: string;
  /** The (last) header row, as the spreadsheet numbers it. */
  headerRow: number;
  columns: Map<Field, number>;
  rows: SheetRow[];
}

function mapRow(cells: readonly unknown[]): Map<Field, number> {
  const columns = new Map<Field, number>();
  cells.forEach((cell, i) => {
    const field = fieldOf(cellText(cell as never));
    if (field && !columns.has(field)) columns.set(field, i);
  });
  return columns;
}

/** A header names at least the person and the agency. */
const isHeader = (m: Map<Field, number>) => m.has('name') && m.has('agency');

/** The list in a sheet, or null when no row in its first rows heads one. */
export function findPeopleSheet(sheet: RawSheet): PeopleSheet | null {
  const rows = sheet.rows;
  for (let i = 0; i < rows.length && rows[i]!.number <= HEADER_SCAN_ROWS; i++) {
    const first = mapRow(rows[i]!.cells);
    const next = rows[i + 1];
    // Two header rows ("Liên hệ" over "Số điện thoại" | "Email"): the lower row's label wins a column.
    const pair = next ? new Map([...first, ...mapRow(next.cells)]) : first;
    const lower = next ? mapRow(next.cells) : new Map<Field, number>();
    // Only when the upper row heads something too: a title row over the header is no pair.
    const pairAdds = first.size > 0 && lower.size > 0 && pair.size > first.size;
    if (next && pairAdds && isHeader(pair)) return place(sheet, next, pair, i + 2);
    if (isHeader(first)) return place(sheet, rows[i]!, first, i + 1);
  }
  return null;
}

function place(sheet: RawSheet, header: SheetRow, columns: Map<Field, number>, from: number): PeopleSheet {
  // Merged header cells repeat their text across the columns; the first column keeps the field.
  return { sheet: sheet.name, headerRow: header.number, columns, rows: sheet.rows.slice(from) };
}

/** "B7": the cell a report line points at. */
export function cellName(column: number, row: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}
