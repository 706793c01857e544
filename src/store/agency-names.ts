// An agency as a province's spreadsheet writes it ("Sở KH&CN", "so khoa hoc va cong nghe", "Công an
// tỉnh Hòa An", "UBND xã Tân Phú") resolved to its code through the lexicon: codes, names and aliases.
import { sql } from 'drizzle-orm';
import { editDistance } from '../core/intent/lexicon-match.ts';
import type { AgencyCode, AgencyKind } from '../core/types.ts';
import { rows, type DbOrTx } from './db.ts';
import { fold } from './import/fold.ts';

export interface AgencyName {
  code: AgencyCode;
  nameVi: string;
  nameEn: string;
  aliases: string[];
  kind: AgencyKind;
}

export type AgencyMatch =
  | { kind: 'one'; code: AgencyCode }
  | { kind: 'ambiguous'; codes: AgencyCode[] }
  | { kind: 'none'; closest: AgencyName[] };

export interface AgencyResolver {
  resolve(written: string): AgencyMatch;
  byCode(code: AgencyCode): AgencyName | undefined;
}

const CLOSEST = 3;

/** The spellings one name may take: folded, with "Ủy ban nhân dân" as "UBND", and without spaces. */
function keys(name: string): string[] {
  const f = fold(name).replace(/\buy ban nhan dan\b/g, 'ubnd');
  return f === '' ? [] : [f, f.replace(/ /g, '')];
}

export function agencyResolver(list: readonly AgencyName[]): AgencyResolver {
  const index = new Map<string, Set<AgencyCode>>();
  const codes = new Map(list.map((a) => [a.code, a]));
  for (const a of list) {
    for (const name of [a.code, a.nameVi, a.nameEn, ...a.aliases]) {
      for (const k of keys(name)) index.set(k, (index.get(k) ?? new Set()).add(a.code));
    }
  }
  // A province's name written after an agency's ("Sở Tư pháp tỉnh Hòa An") adds nothing.
  const provinceTails = list
    .filter((a) => /^uy ban nhan dan tinh /.test(fold(a.nameVi)))
    .map((a) => fold(a.nameVi).replace(/^uy ban nhan dan /, ''));
  const lookup = (written: string): Set<AgencyCode> | undefined => {
    for (const k of keys(written)) {
      const hit = index.get(k);
      if (hit) return hit;
    }
    return undefined;
  };
  return {
    byCode: (code) => codes.get(code),
    resolve(written) {
      const byCode = codes.get(written.trim().toUpperCase() as AgencyCode);
      if (byCode) return { kind: 'one', code: byCode.code };
      const f = fold(written);
      const tries = [
        written,
        ...provinceTails.filter((t) => f.endsWith(` ${t}`)).map((t) => f.slice(0, -t.length)),
      ];
      for (const t of tries) {
        const hit = lookup(t);
        if (hit && hit.size === 1) return { kind: 'one', code: [...hit][0]! };
        if (hit) return { kind: 'ambiguous', codes: [...hit].sort() };
      }
      return { kind: 'none', closest: closest(f, list) };
    },
  };
}

/** The known agencies whose names are nearest the written one, for the report to suggest. */
function closest(folded: string, list: readonly AgencyName[]): AgencyName[] {
  const limit = Math.max(3, Math.floor(folded.length / 2));
  return list
    .map((a) => {
      const d = Math.min(
        ...[a.code, a.nameVi, a.nameEn, ...a.aliases].map((n) => editDistance(folded, fold(n), limit)),
      );
      return { a, d };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.a.code.localeCompare(y.a.code))
    .slice(0, CLOSEST)
    .map((x) => x.a);
}

export async function loadAgencyNames(db: DbOrTx): Promise<AgencyName[]> {
  const list = await rows<{
    code: string;
    name_vi: string;
    name_en: string;
    aliases: string[];
    kind: AgencyKind;
  }>(db, sql`select code, name_vi, name_en, aliases, kind::text as kind from agencies order by code`);
  return list.map((r) => ({
    code: r.code as AgencyCode,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    aliases: r.aliases,
    kind: r.kind,
  }));
}
