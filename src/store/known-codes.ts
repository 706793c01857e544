// Whether codes typed by an operator (a --program, --agency or --people flag, a console query) name
// rows the store holds: the one check every command and download makes before it reads a report.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { agencies, people, programs } from './schema.ts';

const TABLES = { program: programs, agency: agencies, person: people } as const;

export type CodeKind = keyof typeof TABLES;

/** The codes among `codes` that no row of that kind has, in the order given (empty: all known). */
export async function unknownCodes(db: DbOrTx, kind: CodeKind, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const table = TABLES[kind];
  const found = await db
    .select({ code: table.code })
    .from(table)
    .where(inArray(table.code, [...codes]));
  const known = new Set(found.map((r) => r.code as string));
  return codes.filter((c) => !known.has(c));
}
