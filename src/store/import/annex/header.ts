// Finding a plan annex's table in a sheet: the header under the national header and the title (one row,
// or two with merged cells: "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"), its columns by meaning.
import { cellText } from '../cells.ts';
import { fold } from '../fold.ts';
import type { RawSheet, SheetRow } from '../read-sheets.ts';

export type AnnexField =
  'number' | 'code' | 'title' | 'lead' | 'co' | 'due' | 'deliverable' | 'indicator' | 'note';

/** Rows a header may sit in: the national header, the title and the "Kèm theo…" line rarely take more. */
const HEADER_SCAN_ROWS = 25;

const NUMBER = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'no']);
const CODE = new Set(['ma', 'ma so', 'ma nhiem vu', 'ma chi tieu', 'code']);

/** What a header heads, by meaning: the words a province may use for it, folded, brackets dropped. */
export function annexFieldOf(header: string): AnnexField | null {
  const f = fold(header.replace(/\([^)]*\)/g, ' '));
  if (f === '') return null;
  if (NUMBER.has(f)) return 'number';
  if (CODE.has(f)) return 'code';
  if (/\bchu tri\b/.test(f)) return 'lead';
  if (/\bphoi hop\b/.test(f)) return 'co';
  if (/\bghi chu\b/.test(f)) return 'note';
  // "Thời gian thực hiện — Bắt đầu" is no deadline; "— Hoàn thành" is.
  if (/\bbat dau\b/.test(f)) return null;
  if (/\b(thoi gian|thoi han|han hoan thanh|tien do hoan thanh|moc thoi gian)\b/.test(f) || f === 'han')
    return 'due';
  if (/^(san pham|ket qua|hinh thuc)\b/.test(f)) return 'deliverable';
  if (/^(chi tieu|chi so)\b/.test(f)) return 'indicator';
  if (/\b(noi dung|nhiem vu|cong viec|giai phap)\b/.test(f)) return 'title';
  // One column for the agency, without the lead/co-operating split.
  if (/^(co quan|don vi)( thuc hien)?$/.test(f)) return 'lead';
  return null;
}

export interface AnnexTable {
  sheet: string;
  /** The rows above the header (national header, title): where the programme is named. */
  title: string;
  /** The (last) header row, as the spreadsheet numbers it. */
  headerRow: number;
  columns: Map<AnnexField, number>;
  /** Each column's header as written, for the report. */
  labels: Map<AnnexField, string>;
  rows: SheetRow[];
}

function mapColumns(texts: string[], hidden: ReadonlySet<number>): Map<AnnexField, number> {
  const out = new Map<AnnexField, number>();
  texts.forEach((t, i) => {
    if (hidden.has(i)) return;
    const field = annexFieldOf(t);
    if (field && !out.has(field)) out.set(field, i);
  });
  return out;
}

const isHeader = (m: Map<AnnexField, number>) => m.has('title') && m.has('lead') && m.has('due');

/** The headers of a pair of rows: a merged upper cell repeats over the columns the lower row splits. */
function combine(upper: SheetRow, lower: SheetRow): string[] {
  const n = Math.max(upper.cells.length, lower.cells.length);
  return Array.from({ length: n }, (_, i) => {
    const a = cellText(upper.cells[i] ?? null);
    const b = cellText(lower.cells[i] ?? null);
    return a === b || b === '' ? a : a === '' ? b : `${a} ${b}`;
  });
}

/** The annex table of a sheet, or null when none of its first rows heads one. */
export function findAnnexTable(sheet: RawSheet): AnnexTable | null {
  const hidden = sheet.hidden ?? new Set<number>();
  const rows = sheet.rows;
  for (let i = 0; i < rows.length && rows[i]!.number <= HEADER_SCAN_ROWS; i++) {
    const row = rows[i]!;
    const single = row.cells.map((c) => cellText(c));
    const next = rows[i + 1];
    const pairTexts = next && next.number === row.number + 1 ? combine(row, next) : null;
    const pair = pairTexts ? mapColumns(pairTexts, hidden) : null;
    const one = mapColumns(single, hidden);
    // Both rows must head columns of their own: a title (one text merged across) over a one-row
    // header is no pair, nor is a header over its first data row.
    const lower = next
      ? mapColumns(
          next.cells.map((c) => cellText(c)),
          hidden,
        )
      : new Map();
    const upperHeads = one.size >= 2 && new Set(single.filter((t) => t !== '')).size >= 2;
    if (pair && next && upperHeads && lower.size > 0 && isHeader(pair) && pair.size > one.size) {
      return table(sheet, rows, i, next.number, pair, pairTexts!, i + 2);
    }
    if (isHeader(one)) return table(sheet, rows, i, row.number, one, single, i + 1);
  }
  return null;
}

function table(
  sheet: RawSheet,
  rows: SheetRow[],
  headerIndex: number,
  headerRow: number,
  columns: Map<AnnexField, number>,
  texts: string[],
  from: number,
): AnnexTable {
  const title = rows
    .slice(0, headerIndex)
    .flatMap((r) => r.cells.map((c) => cellText(c)))
    .filter((t) => t !== '')
    .join(' ');
  const labels = new Map([...columns].map(([f, i]) => [f, texts[i] ?? '']));
  return { sheet: sheet.name, title, headerRow, columns, labels, rows: rows.slice(from) };
}
