// The sentences of a people import's report, in Vietnamese and English (the operator's language).
import type { Lang, Role } from '../types.ts';
import type { Bilingual } from './bilingual.ts';
import { IMPORT_OUTCOME, type ImportOutcomeWords } from './import-outcome.ts';

export interface PeopleWords extends ImportOutcomeWords {
  roleName: Record<Role, string>;
  noName: (cell: string) => string;
  noAgency: (cell: string) => string;
  unknownAgency: (cell: string, written: string, closest: string[]) => string;
  ambiguousAgency: (cell: string, written: string, codes: string[]) => string;
  badPhone: (cell: string, written: string) => string;
  duplicatePhone: (cell: string, phone: string, row: number) => string;
  phoneOfOther: (cell: string, phone: string, who: string) => string;
  duplicatePerson: (row: number) => string;
  badRole: (cell: string, written: string) => string;
  badLang: (cell: string, written: string) => string;
  badCode: (cell: string, written: string) => string;
  created: (name: string, agency: string, role: Role) => string;
  unchanged: string;
  becomesHead: (agency: string) => string;
  section: (text: string, agency: string | null) => string;
  numbering: string;
  change: (what: 'name' | 'agency' | 'title' | 'phone' | 'role' | 'lang', from: string, to: string) => string;
  noList: (file: string) => string;
  unreadable: (file: string, detail: string) => string;
  totals: (t: {
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    errors: number;
  }) => string;
}

const FIELD_VI = {
  name: 'họ tên',
  agency: 'đơn vị',
  title: 'chức vụ',
  phone: 'số điện thoại',
  role: 'vai trò',
  lang: 'ngôn ngữ',
};
const FIELD_EN = {
  name: 'name',
  agency: 'agency',
  title: 'position',
  phone: 'phone',
  role: 'role',
  lang: 'language',
};

const vi: PeopleWords = {
  roleName: { leader: 'lãnh đạo', staff: 'cán bộ', admin: 'quản trị' },
  noName: (cell) => `ô ${cell}: thiếu họ và tên`,
  noAgency: (cell) => `ô ${cell}: thiếu đơn vị`,
  unknownAgency: (cell, written, closest) =>
    `ô ${cell}: không có đơn vị “${written}”` +
    (closest.length > 0 ? ` (gần nhất: ${closest.join('; ')})` : ''),
  ambiguousAgency: (cell, written, codes) =>
    `ô ${cell}: “${written}” có thể là nhiều đơn vị (${codes.join(', ')}); hãy ghi tên đầy đủ`,
  badPhone: (cell, written) => `ô ${cell}: “${written}” không phải số điện thoại (10 chữ số, bắt đầu bằng 0)`,
  duplicatePhone: (cell, phone, row) => `ô ${cell}: số điện thoại ${phone} trùng với dòng ${row}`,
  phoneOfOther: (cell, phone, who) => `ô ${cell}: số điện thoại ${phone} đã là của ${who}`,
  duplicatePerson: (row) => `người này đã có ở dòng ${row}`,
  badRole: (cell, written) =>
    `ô ${cell}: vai trò “${written}” không rõ (lãnh đạo, cán bộ, quản trị, thủ trưởng đơn vị)`,
  badLang: (cell, written) => `ô ${cell}: ngôn ngữ “${written}” không rõ (vi hoặc en)`,
  badCode: (cell, written) => `ô ${cell}: mã “${written}” chỉ được gồm chữ, số và dấu - _`,
  created: (name, agency, role) => `tạo ${name} — ${agency}, ${vi.roleName[role]}`,
  unchanged: 'không thay đổi',
  becomesHead: (agency) => `thủ trưởng đơn vị ${agency}`,
  section: (text, agency) => `tiêu đề nhóm “${text}”${agency ? ` (các dòng dưới thuộc ${agency})` : ''}`,
  numbering: 'dòng đánh số cột',
  change: (what, from, to) => `${FIELD_VI[what]}: ${from || '(trống)'} → ${to || '(trống)'}`,
  noList: (file) =>
    `${file}: không tìm thấy dòng tiêu đề danh sách (cần các cột “Họ và tên” và “Đơn vị” trong 20 dòng đầu)`,
  unreadable: (file, detail) => `${file}: không đọc được như một bảng tính XLSX hoặc CSV (${detail})`,
  totals: (t) =>
    `${t.created} tạo mới, ${t.updated} cập nhật, ${t.unchanged} giữ nguyên, ${t.skipped} bỏ qua, ${t.errors} lỗi`,
  ...IMPORT_OUTCOME.vi,
};

const en: PeopleWords = {
  roleName: { leader: 'leader', staff: 'staff', admin: 'admin' },
  noName: (cell) => `cell ${cell}: the name is missing`,
  noAgency: (cell) => `cell ${cell}: the agency is missing`,
  unknownAgency: (cell, written, closest) =>
    `cell ${cell}: no agency “${written}”` + (closest.length > 0 ? ` (closest: ${closest.join('; ')})` : ''),
  ambiguousAgency: (cell, written, codes) =>
    `cell ${cell}: “${written}” may be several agencies (${codes.join(', ')}); write the full name`,
  badPhone: (cell, written) => `cell ${cell}: “${written}” is not a phone number (10 digits starting with 0)`,
  duplicatePhone: (cell, phone, row) => `cell ${cell}: phone ${phone} is also on row ${row}`,
  phoneOfOther: (cell, phone, who) => `cell ${cell}: phone ${phone} already belongs to ${who}`,
  duplicatePerson: (row) => `this person is already on row ${row}`,
  badRole: (cell, written) => `cell ${cell}: role “${written}” is unknown (leader, staff, admin, head)`,
  badLang: (cell, written) => `cell ${cell}: language “${written}” is unknown (vi or en)`,
  badCode: (cell, written) => `cell ${cell}: code “${written}” may only have letters, digits, - and _`,
  created: (name, agency, role) => `create ${name} — ${agency}, ${role}`,
  unchanged: 'no change',
  becomesHead: (agency) => `head of ${agency}`,
  section: (text, agency) =>
    `group heading “${text}”${agency ? ` (the rows below belong to ${agency})` : ''}`,
  numbering: 'column numbering row',
  change: (what, from, to) => `${FIELD_EN[what]}: ${from || '(blank)'} → ${to || '(blank)'}`,
  noList: (file) =>
    `${file}: no header row of a people list (columns “Họ và tên” and “Đơn vị” in the first 20 rows)`,
  unreadable: (file, detail) => `${file}: cannot be read as an XLSX or CSV spreadsheet (${detail})`,
  totals: (t) =>
    `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.errors} errors`,
  ...IMPORT_OUTCOME.en,
};

export const PEOPLE_IMPORT: Bilingual<PeopleWords> = { vi, en };

export function peopleWords(lang: Lang): PeopleWords {
  return PEOPLE_IMPORT[lang];
}
