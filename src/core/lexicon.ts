// A programme or agency as the parser knows it, built one way from a row of programs.csv / agencies.csv or
// of the store's tables, so tests and production read the same entries.
import type { Lexicon, LexiconEntry } from './types.ts';

/** The columns a programme or agency row has in the demo files and in the store. */
export interface LexiconRow {
  code: string;
  name_vi: string;
  name_en: string;
  aliases: readonly string[];
}

export function lexiconEntry<C extends string>(row: LexiconRow): LexiconEntry<C> {
  return { code: row.code as C, vi: row.name_vi, en: row.name_en, aliases: [...row.aliases] };
}

export function lexiconOf(programs: readonly LexiconRow[], agencies: readonly LexiconRow[]): Lexicon {
  return { programs: programs.map((r) => lexiconEntry(r)), agencies: agencies.map((r) => lexiconEntry(r)) };
}

/** Every way the entry is written, code first: what the parser matches a message against. */
export function entryNames(e: LexiconEntry<string>): string[] {
  return [e.code, e.vi, e.en, ...e.aliases];
}
