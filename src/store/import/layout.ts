// Layout: a sheet's header row, whether it lists targets or tasks, and which column holds what.
import { cellText } from './cells.ts';
import { COLUMN_LABELS_VI, REQUIRED, type Column, type Kind } from './columns.ts';
import { fold } from './fold.ts';
import {
  sheetHint,
  TARGET_HEADERS,
  TARGET_HINTS,
  TASK_HEADERS,
  TASK_HINTS,
  TASK_MARKERS,
} from './headers.ts';
import type { Raw, RawSheet, SheetRow } from './read-sheets.ts';

export interface Layout {
  sheet: string;
  kind: Kind;
  columns: Map<Column, number>;
  /** The data rows: every row below the header. */
  rows: SheetRow[];
}
export interface LayoutFailure {
  sheet: string;
  kind: Kind | null;
  row: number;
  problem: string;
}

function recognised(cells: Raw[]): number {
  return cells.filter((c) => {
    const f = fold(cellText(c));
    return TARGET_HEADERS.has(f) || TASK_HEADERS.has(f);
  }).length;
}

function kindOf(headers: string[], sheetName: string): Kind | null {
  if (headers.some((h) => TASK_MARKERS.has(h))) return 'tasks';
  const task = headers.filter((h) => TASK_HINTS.has(h)).length;
  const target = headers.filter((h) => TARGET_HINTS.has(h)).length;
  if (task > target) return 'tasks';
  if (target > task) return 'targets';
  return sheetHint(sheetName);
}

const columnName = (c: Column) => `${c} (${COLUMN_LABELS_VI[c]})`;

export function layoutOf(sheet: RawSheet): Layout | LayoutFailure | null {
  // Plan sheets often carry a title above the table: the header is the first row naming ≥ 3 columns.
  const header = sheet.rows.slice(0, 10).find((r) => recognised(r.cells) >= 3);
  if (!header) return null;
  const headers = header.cells.map((c) => fold(cellText(c)));
  const kind = kindOf(headers, sheet.name);
  const fail = (problem: string): LayoutFailure => ({ sheet: sheet.name, kind, row: header.number, problem });
  if (kind === null) {
    return fail(
      `cannot tell whether sheet "${sheet.name}" lists targets or tasks: ` +
        'a tasks sheet has a target_code column, a targets sheet a program_code column',
    );
  }
  const names = kind === 'targets' ? TARGET_HEADERS : TASK_HEADERS;
  const columns = new Map<Column, number>();
  for (const [i, h] of headers.entries()) {
    const column = names.get(h);
    if (column === undefined) continue;
    const first = columns.get(column);
    if (first !== undefined) {
      return fail(
        `columns "${cellText(header.cells[first] ?? null)}" and "${cellText(header.cells[i] ?? null)}" both give ${column}`,
      );
    }
    columns.set(column, i);
  }
  const missing = REQUIRED[kind].filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return fail(
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map(columnName).join(', ')} ` +
        `in the ${kind} sheet "${sheet.name}"`,
    );
  }
  return { sheet: sheet.name, kind, columns, rows: sheet.rows.filter((r) => r.number > header.number) };
}
