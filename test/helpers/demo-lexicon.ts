// The parser's lexicon built from the project's own demo/programs.csv and demo/agencies.csv, as production would.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AgencyCode, Lexicon, LexiconEntry, ProgramCode } from '../../src/core/types.ts';

const DEMO = new URL('../../demo/', import.meta.url);

type Row = Record<string, string | undefined>;

function readRows(file: string): Row[] {
  const text = readFileSync(fileURLToPath(new URL(file, DEMO)), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
}

function entry<C extends string>(row: Row): LexiconEntry<C> {
  const aliases = (row.aliases ?? '').split(';');
  const names = [row.name_vi, row.name_en, row.code, ...aliases]
    .map((n) => (n ?? '').trim())
    .filter((n) => n !== '');
  return { code: (row.code ?? '') as C, names: [...new Set(names)] };
}

let cached: Lexicon | null = null;

/** Names are name_vi, name_en, the code and every `;`-separated alias. */
export function demoLexicon(): Lexicon {
  cached ??= {
    programs: readRows('programs.csv').map((r) => entry<ProgramCode>(r)),
    agencies: readRows('agencies.csv').map((r) => entry<AgencyCode>(r)),
  };
  return cached;
}
