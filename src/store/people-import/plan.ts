// Planning a people import: each row of the list read, checked and matched to the person it names
// (by code, then phone, then name within the agency); nothing is written here.
import type { AgencyCode, Lang, Role } from '../../core/types.ts';
import type { AgencyName, AgencyResolver } from '../agency-names.ts';
import { cellText } from '../import/cells.ts';
import { fold } from '../import/fold.ts';
import type { SheetRow } from '../import/read-sheets.ts';
import type { PeopleWords } from '../../core/catalogue/people-import.ts';
import { readRole, roleFromPosition } from './roles.ts';
import { cellName, type Field, type PeopleSheet } from './sheet.ts';
import { CODE_PATTERN, cleanName, readLang, readPhone, sameName } from './values.ts';

export interface StoredPerson {
  id: number;
  code: string;
  name: string;
  agency: AgencyCode;
  title: string;
  role: Role;
  phone: string | null;
  lang: Lang;
}
export type PersonValues = Omit<StoredPerson, 'id'>;

export interface PersonEntry {
  sheet: string;
  row: number;
  before: StoredPerson | null;
  after: PersonValues;
  changes: string[];
  /** The list marks the person as the head of their agency ("Thủ trưởng đơn vị"). */
  head: boolean;
  problems: string[];
}
export interface OtherRow {
  sheet: string;
  row: number;
  action: 'skip';
  message: string;
}

export interface PeopleState {
  people: StoredPerson[];
  agencies: AgencyResolver;
}

const ROMAN_OR_LETTER = /^([IVXLC]+|[A-Z])[.)]?$/;
const NUMBERING = /^\(?\d{1,2}\)?$/;

/** Hands out person codes after the highest "P<n>" in the store (P37, P38 …). */
export function codeMaker(people: readonly StoredPerson[]): () => string {
  let n = Math.max(0, ...people.map((p) => /^P(\d+)$/.exec(p.code)).map((m) => (m ? Number(m[1]) : 0)));
  const taken = new Set(people.map((p) => p.code));
  return () => {
    let code: string;
    do code = `P${String(++n).padStart(2, '0')}`;
    while (taken.has(code));
    taken.add(code);
    return code;
  };
}

export function planPeople(
  list: PeopleSheet,
  st: PeopleState,
  w: PeopleWords,
): { entries: PersonEntry[]; others: OtherRow[] } {
  const entries: PersonEntry[] = [];
  const others: OtherRow[] = [];
  const nextCode = codeMaker(st.people);
  const seenPhone = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  let sectionAgency: AgencyName | null = null;
  const col = (f: Field) => list.columns.get(f);
  for (const r of list.rows) {
    const text = (f: Field) => {
      const i = col(f);
      return i === undefined ? '' : cellText(r.cells[i] ?? null);
    };
    const filled = r.cells.map((c) => cellText(c)).filter((t) => t !== '');
    if (filled.length === 0) continue;
    const place = { sheet: list.sheet, row: r.number };
    if (filled.every((t) => NUMBERING.test(t))) {
      others.push({ ...place, action: 'skip', message: w.numbering });
      continue;
    }
    if (isSection(r, filled, text)) {
      const heading = filled[filled.length - 1]!;
      const m = st.agencies.resolve(heading.replace(/^([IVXLC]+|[A-Z]|\d+)[.)]\s*/, ''));
      sectionAgency = m.kind === 'one' ? st.agencies.byCode(m.code)! : null;
      others.push({ ...place, action: 'skip', message: w.section(heading, sectionAgency?.nameVi ?? null) });
      continue;
    }
    const cell = (f: Field) => cellName(col(f) ?? 0, r.number);
    const problems: string[] = [];
    const name = cleanName(text('name'));
    if (name === '') problems.push(w.noName(cell('name')));

    const agencyText = text('agency');
    let agency: AgencyName | null = null;
    if (agencyText === '') {
      agency = sectionAgency;
      if (!agency) problems.push(w.noAgency(cell('agency')));
    } else {
      const m = st.agencies.resolve(agencyText);
      if (m.kind === 'one') agency = st.agencies.byCode(m.code)!;
      else if (m.kind === 'ambiguous') problems.push(w.ambiguousAgency(cell('agency'), agencyText, m.codes));
      else {
        const closest = m.closest.map((a) => `${a.nameVi} (${a.code})`);
        problems.push(w.unknownAgency(cell('agency'), agencyText, closest));
      }
    }

    const phoneCell = col('phone') === undefined ? undefined : r.cells[col('phone')!];
    const phone = phoneCell === undefined ? undefined : readPhone(phoneCell);
    if (phone === null) problems.push(w.badPhone(cell('phone'), text('phone')));
    else if (phone !== undefined) {
      const first = seenPhone.get(phone);
      if (first !== undefined) problems.push(w.duplicatePhone(cell('phone'), phone, first));
      else seenPhone.set(phone, r.number);
    }

    const roleText = text('role');
    const written = roleText === '' ? null : readRole(roleText);
    if (roleText !== '' && written === null) problems.push(w.badRole(cell('role'), roleText));
    const langText = text('lang');
    const lang = langText === '' ? null : readLang(langText);
    if (langText !== '' && lang === null) problems.push(w.badLang(cell('lang'), langText));
    const codeText = text('code').toUpperCase();
    if (codeText !== '' && !CODE_PATTERN.test(codeText)) problems.push(w.badCode(cell('code'), codeText));

    // Who the row is: its code, else its phone, else its name within the agency.
    const byCode = codeText ? st.people.find((p) => p.code === codeText) : undefined;
    const byPhone = phone ? st.people.find((p) => p.phone === phone) : undefined;
    const byName = agency
      ? st.people.find((p) => p.agency === agency.code && sameName(p.name, name))
      : undefined;
    const before = byCode ?? byPhone ?? byName ?? null;
    if (phone && byPhone && byPhone !== before) {
      problems.push(w.phoneOfOther(cell('phone'), phone, `${byPhone.code} ${byPhone.name}`));
    } else if (phone && byPhone && !byCode && !sameName(byPhone.name, name) && name !== '') {
      problems.push(w.phoneOfOther(cell('phone'), phone, `${byPhone.code} ${byPhone.name}`));
    }
    const key = before ? before.code : `${fold(name)}|${agency?.code ?? ''}`;
    const firstRow = seenPerson.get(key);
    if (firstRow !== undefined && name !== '') problems.push(w.duplicatePerson(firstRow));
    else seenPerson.set(key, r.number);

    const title = col('title') === undefined ? (before?.title ?? '') : cleanName(text('title'));
    const role: Role =
      written !== null && written !== 'head'
        ? written
        : (before?.role ?? (agency ? roleFromPosition(title, agency.kind) : 'staff'));
    const after: PersonValues = {
      code: before?.code ?? (codeText || ''),
      name,
      agency: agency?.code ?? ('' as AgencyCode),
      title,
      role: written === 'head' && role === 'leader' ? 'staff' : role,
      phone: phone ?? before?.phone ?? null,
      lang: lang ?? before?.lang ?? 'vi',
    };
    if (problems.length === 0 && after.code === '') after.code = nextCode();
    const changes = before ? changesOf(before, after, w) : [];
    entries.push({ ...place, before, after, changes, head: written === 'head', problems });
  }
  return { entries, others };
}

/** A section row ("I. CÁC SỞ, BAN, NGÀNH", merged across): a heading, not a person. */
function isSection(r: SheetRow, filled: string[], text: (f: Field) => string): boolean {
  if (ROMAN_OR_LETTER.test(text('number'))) return true;
  // A merged cell repeats its text in every column it covers.
  const rest = text('number') === '' ? filled : filled.slice(1);
  if (rest.length > 1 && rest.every((t) => t === rest[0])) return true;
  if (text('phone') !== '' || text('title') !== '') return false;
  return filled.length === 1 && r.cells.length > 1 && /^([IVXLC]+|[A-Z])[.)]\s/.test(filled[0]!);
}

function changesOf(before: StoredPerson, after: PersonValues, w: PeopleWords): string[] {
  const out: string[] = [];
  if (before.name !== after.name) out.push(w.change('name', before.name, after.name));
  if (before.agency !== after.agency) out.push(w.change('agency', before.agency, after.agency));
  if (before.title !== after.title) out.push(w.change('title', before.title, after.title));
  if (before.phone !== after.phone) out.push(w.change('phone', before.phone ?? '', after.phone ?? ''));
  if (before.role !== after.role) out.push(w.change('role', w.roleName[before.role], w.roleName[after.role]));
  if (before.lang !== after.lang) out.push(w.change('lang', before.lang, after.lang));
  return out;
}
