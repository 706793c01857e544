// docs/intents.md describes what the reader does: every example row of its tables parses exactly as written,
// and the README points there (a clone has no other description of the intents).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate, ParsedMessage } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const DOC = read('docs/intents.md');
const README = read('README.md');
/** The day the document's periods are counted from. */
const TODAY = '2025-07-15' as LocalDate;

type Row = Record<string, string>;

/** Cells of a Markdown table row; "\|" inside a cell is a pipe. */
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** Every table whose first column is "message": its rows keyed by the header. */
function exampleRows(markdown: string): Row[] {
  const rows: Row[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = cells(lines[i] ?? '');
    if (header[0] !== 'message' || !/^\|[\s|:-]+\|$/.test(lines[i + 1]?.trim() ?? '')) continue;
    for (let j = i + 2; lines[j]?.trim().startsWith('|'); j++) {
      const values = cells(lines[j] ?? '');
      rows.push(Object.fromEntries(header.map((h, k) => [h, values[k] ?? ''])));
    }
  }
  return rows;
}

const unquote = (cell: string): string | null => (cell === '—' ? null : cell.replace(/^`|`$/g, ''));

/** What a column shows of a parsed message, written as the document writes it. */
function shown(column: string, p: ParsedMessage): string {
  const i = p.intent;
  const dash = (v: string | number | null) => (v === null ? '—' : String(v));
  switch (column) {
    case 'intent':
      return i.intent;
    case 'program':
    case 'agency':
    case 'target':
    case 'percent':
    case 'status':
      return dash(i[column]);
    case 'period':
      return i.period === null ? '—' : `${i.period.from} → ${i.period.to}`;
    case 'note':
      return p.note === null ? '—' : `\`${p.note}\``;
    case 'control':
      return p.control === null ? '—' : `\`${JSON.stringify(p.control)}\``;
    default:
      throw new Error(`docs/intents.md: unknown column ${column}`);
  }
}

const rows = exampleRows(DOC);

describe('docs/intents.md', () => {
  it('has examples of every intent, in Vietnamese and English', () => {
    const intents = new Set(rows.map((r) => r.intent));
    for (const name of [
      'overdue',
      'due_soon',
      'status',
      'summary',
      'my_tasks',
      'update',
      'request_explanation',
      'help',
      'unknown',
    ])
      expect(intents, name).toContain(name);
    expect(rows.length).toBeGreaterThan(60);
  });

  it.each(rows.map((r) => [unquote(r.message!) ?? '', r] as const))('reads %j as documented', (text, row) => {
    const parsed = parseMessage(text, demoLexicon(), TODAY);
    const got = Object.fromEntries(
      Object.keys(row).map((c) => [c, c === 'message' ? row[c] : shown(c, parsed)]),
    );
    expect(got).toStrictEqual(row);
  });

  it('is what the README points to, and neither mentions the shared spec', () => {
    expect(README).toContain('docs/intents.md');
    expect(README).not.toMatch(/shared\/spec/);
    expect(DOC).not.toMatch(/shared\/spec/);
  });
});
