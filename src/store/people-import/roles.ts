// What a position says about a person: their role in dondoc and how strongly they head their agency.
// The same table the README shows; the demo loader ranks heads with it too.
import type { AgencyKind, Role } from '../../core/types.ts';
import { fold } from '../import/fold.ts';

/** Titles that head an agency, strongest first: its head is its best-ranked staff member. */
const HEAD_TITLES = [
  /^giam doc\b/,
  /^chu tich\b/,
  /^chanh van phong\b/,
  /^truong ban\b/,
  /^pho giam doc\b/,
  /^pho chu tich\b/,
  /^pho chanh\b/,
  /^pho truong ban\b/,
];
/** Titles that make a person at the province (UBND tỉnh, Tỉnh ủy) one of its leaders. */
const LEADER_TITLES = [/^chu tich\b/, /^pho chu tich\b/, /^bi thu\b/, /^pho bi thu\b/];

export const NOT_A_HEAD = HEAD_TITLES.length;

/** 0 for the strongest head title, NOT_A_HEAD for a title that heads nothing. */
export function headRank(title: string): number {
  const f = fold(title);
  const i = HEAD_TITLES.findIndex((re) => re.test(f));
  return i === -1 ? NOT_A_HEAD : i;
}

/** The role a position gives when the list's "Vai trò" is blank. */
export function roleFromPosition(title: string, agencyKind: AgencyKind): Role {
  const f = fold(title);
  return agencyKind === 'province' && LEADER_TITLES.some((re) => re.test(f)) ? 'leader' : 'staff';
}

/** What the "Vai trò" column may say: a role, or "head of the agency" (staff who heads it). */
export type WrittenRole = Role | 'head';

const WRITTEN_ROLES = new Map<string, WrittenRole>([
  ['leader', 'leader'],
  ['lanh dao', 'leader'],
  ['lanh dao tinh', 'leader'],
  ['chi dao', 'leader'],
  ['staff', 'staff'],
  ['can bo', 'staff'],
  ['chuyen vien', 'staff'],
  ['dau moi', 'staff'],
  ['can bo dau moi', 'staff'],
  ['nhan vien', 'staff'],
  ['admin', 'admin'],
  ['quan tri', 'admin'],
  ['quan tri vien', 'admin'],
  ['head', 'head'],
  ['thu truong', 'head'],
  ['thu truong don vi', 'head'],
  ['truong don vi', 'head'],
  ['lanh dao don vi', 'head'],
]);

/** null: not a role the column knows. */
export function readRole(written: string): WrittenRole | null {
  return WRITTEN_ROLES.get(fold(written)) ?? null;
}
