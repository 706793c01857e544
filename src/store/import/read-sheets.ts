// Reading: the bytes of a CSV or XLSX file become sheets of rows of raw cells, nothing interpreted yet.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ImportError } from '../../core/errors.ts';
import { sheetHint } from './headers.ts';

export type Raw = string | number | boolean | Date | null;
export interface SheetRow {
  /** As the spreadsheet numbers it, from 1. */
  number: number;
  cells: Raw[];
}
export interface RawSheet {
  name: string;
  rows: SheetRow[];
  /** Columns (from 0) the workbook hides: helper columns a province's sheet keeps out of sight. */
  hidden?: ReadonlySet<number>;
  /**
   * Whether the project's own layout reads this sheet: the sheets named for targets or tasks, else the
   * first. A plan annex may be on any visible sheet.
   */
  ownLayout?: boolean;
}

function delimiterOf(textContent: string): string {
  const firstLine = textContent.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t']) {
    const count = firstLine.replace(/"[^"]*"/g, '').split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function readCsv(name: string, bytes: Buffer): RawSheet[] {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${name} is not UTF-8 text: save it as "CSV UTF-8"`, [
      { row: 1, problem: 'not UTF-8' },
    ]);
  }
  let records: string[][];
  try {
    records = parse(content, {
      bom: true,
      delimiter: delimiterOf(content),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportError(`${name} is not valid CSV: ${message}`, [{ row: 1, problem: message }]);
  }
  return [{ name, rows: records.map((cells, i) => ({ number: i + 1, cells })), ownLayout: true }];
}

function cellRaw(cell: ExcelJS.Cell): Raw {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    // A percent-formatted cell holds 0.5 for "50%".
    return /%/.test(cell.numFmt ?? '') ? Math.round(v * 100 * 1e6) / 1e6 : v;
  }
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('result' in v) {
    const r = v.result;
    if (r === undefined) return null;
    if (typeof r === 'object' && !(r instanceof Date)) return r.error;
    return r;
  }
  if ('hyperlink' in v) {
    const t: unknown = v.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) {
      return (t.richText as Array<{ text: string }>).map((r) => r.text).join('');
    }
    return v.hyperlink;
  }
  return null;
}

async function readXlsx(name: string, bytes: Buffer): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportError(`${name} is not a readable XLSX workbook: ${message}`, [
      { row: 1, problem: message },
    ]);
  }
  const named = wb.worksheets.filter((ws) => sheetHint(ws.name) !== null);
  const chosen = new Set(named.length > 0 ? named : wb.worksheets.slice(0, 1));
  return wb.worksheets
    .filter((ws) => chosen.has(ws) || ws.state === 'visible')
    .map((ws) => {
      const rows: SheetRow[] = [];
      ws.eachRow({ includeEmpty: false }, (row, number) => {
        const cells: Raw[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellRaw(row.getCell(c)));
        rows.push({ number, cells });
      });
      const hidden = new Set<number>();
      for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hidden.add(c - 1);
      return { name: ws.name, rows, hidden, ownLayout: chosen.has(ws) };
    });
}

export async function readSheets(file: { name: string; bytes: Buffer }): Promise<RawSheet[]> {
  const lower = file.name.toLowerCase();
  const zip = file.bytes.length >= 2 && file.bytes[0] === 0x50 && file.bytes[1] === 0x4b; // "PK"
  if (lower.endsWith('.xls') || lower.endsWith('.ods')) {
    throw new ImportError(`${file.name}: only .xlsx and .csv files can be imported; save it as .xlsx`, [
      { row: 1, problem: 'unsupported file type' },
    ]);
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm') || zip) return readXlsx(file.name, file.bytes);
  return readCsv(file.name, file.bytes);
}
