// A data row's cells as text or raw values, looked up by column rather than by position.
import type { Column } from './columns.ts';
import type { Raw } from './read-sheets.ts';

/** A cell as the text a person sees in it: trimmed, non-breaking spaces as spaces, dates as days. */
export function cellText(raw: Raw | undefined): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return dayOfDate(raw);
  return String(raw)
    .replace(/\u00a0/g, ' ')
    .trim();
}

export function dayOfDate(d: Date): string {
  // exceljs reads a date cell as UTC midnight; a second of slack absorbs serial-number rounding.
  return new Date(d.getTime() + 1000).toISOString().slice(0, 10);
}

export class Cells {
  constructor(
    private readonly columns: Map<Column, number>,
    private readonly cells: Raw[],
  ) {}
  /** undefined when the sheet has no such column. */
  raw(c: Column): Raw | undefined {
    const i = this.columns.get(c);
    return i === undefined ? undefined : (this.cells[i] ?? null);
  }
  has(c: Column): boolean {
    return this.columns.has(c);
  }
  text(c: Column): string {
    return cellText(this.raw(c) ?? null);
  }
  blank(c: Column): boolean {
    return this.text(c) === '';
  }
  empty(): boolean {
    return [...this.columns.values()].every((i) => cellText(this.cells[i] ?? null) === '');
  }
}
