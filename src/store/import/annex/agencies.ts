// The agencies a plan cell names: one ("Sở KH&CN"), several ("Sở Tài chính, Sở Nội vụ"), a group that
// stands for its members ("UBND các xã, phường", "Các sở, ban, ngành"), or words that name no one in
// particular ("các cơ quan liên quan"), which a co-operating list may carry and the import leaves out.
import type { AgencyCode, AgencyKind } from '../../../core/types.ts';
import type { AgencyName, AgencyResolver } from '../../agency-names.ts';
import { fold } from '../fold.ts';

export interface KnownAgency extends AgencyName {
  parent: AgencyCode | null;
}

/** The kinds of agency a group lead stands for, by how plans write the group (folded). */
const GROUPS: Array<[RegExp, AgencyKind[]]> = [
  [/\bcac xa( va)? phuong\b|\bcac phuong( va)? xa\b|\bxa phuong\b/, ['commune', 'ward']],
  [/\bcac xa\b/, ['commune']],
  [/\bcac phuong\b/, ['ward']],
  [/\bcac so( ban)?( nganh)?\b|\bcac co quan chuyen mon\b/, ['department']],
];
const VAGUE = /\blien quan\b|\bcac (co quan|don vi|to chuc|doanh nghiep)\b|\bco lien quan\b/;

export type ListItem =
  | { kind: 'agency'; code: AgencyCode }
  | { kind: 'group'; written: string; codes: AgencyCode[] }
  | { kind: 'unknown'; written: string; closest: AgencyName[] }
  | { kind: 'ambiguous'; written: string; codes: AgencyCode[] }
  | { kind: 'vague'; written: string };

export class AgencyLists {
  constructor(
    private readonly resolver: AgencyResolver,
    private readonly list: readonly KnownAgency[],
  ) {}

  byCode(code: AgencyCode): KnownAgency | undefined {
    return this.list.find((a) => a.code === code);
  }

  private group(written: string): AgencyCode[] | null {
    const f = fold(written);
    const hit = GROUPS.find(([re]) => re.test(f));
    if (!hit) return null;
    return this.list
      .filter((a) => hit[1].includes(a.kind))
      .map((a) => a.code)
      .sort();
  }

  private one(written: string): ListItem | null {
    const members = this.group(written);
    if (members) return { kind: 'group', written, codes: members };
    const m = this.resolver.resolve(written);
    if (m.kind === 'one') return { kind: 'agency', code: m.code };
    if (m.kind === 'ambiguous') return { kind: 'ambiguous', written, codes: m.codes };
    return null;
  }

  /**
   * The agencies of a cell, in its order. Names are split at ";", line breaks and commas, but a comma
   * may sit inside one name ("Sở Văn hóa, Thể thao và Du lịch"): the longest run of pieces that names
   * an agency or a group wins.
   */
  read(cell: string): ListItem[] {
    const out: ListItem[] = [];
    for (const chunk of cell.split(/[;\n]+|\s+-\s+|^\s*-\s*/)) {
      const parts = chunk
        .split(',')
        .map((p) => p.trim().replace(/^(và|va)\s+/i, ''))
        .filter((p) => p !== '');
      // "các sở, ngành liên quan": from where the words naming no one begin, the rest is one of them.
      const vagueFrom = VAGUE.test(fold(parts.join(', ')))
        ? parts.findIndex((p, k) => /^cac /.test(fold(p)) && VAGUE.test(fold(parts.slice(k).join(', '))))
        : -1;
      const named = vagueFrom >= 0 ? parts.slice(0, vagueFrom) : parts;
      let i = 0;
      while (i < named.length) {
        let taken = 0;
        for (let j = named.length; j > i; j--) {
          const hit = this.one(named.slice(i, j).join(', '));
          if (hit) {
            out.push(hit);
            taken = j - i;
            break;
          }
        }
        if (taken > 0) {
          i += taken;
          continue;
        }
        out.push(...this.loose(named[i]!));
        i++;
      }
      if (vagueFrom >= 0) out.push({ kind: 'vague', written: parts.slice(vagueFrom).join(', ') });
    }
    return out;
  }

  /** A piece no whole name matched: two names joined by "và", words naming no one, or an unknown. */
  private loose(piece: string): ListItem[] {
    const halves = piece.split(/\s+và\s+/i);
    if (halves.length > 1) {
      const hits = halves.map((h) => this.one(h));
      if (hits.every((h) => h !== null)) return hits as ListItem[];
    }
    if (VAGUE.test(fold(piece))) return [{ kind: 'vague', written: piece }];
    const m = this.resolver.resolve(piece);
    return [{ kind: 'unknown', written: piece, closest: m.kind === 'none' ? m.closest : [] }];
  }

  /** The agency a target led by several agencies reports to: their common parent, else the first. */
  leadOf(codes: AgencyCode[]): AgencyCode {
    if (codes.length === 1) return codes[0]!;
    const parents = new Set(codes.map((c) => this.byCode(c)?.parent ?? null));
    const [only] = [...parents];
    return parents.size === 1 && only !== null && only !== undefined ? only : codes[0]!;
  }
}
