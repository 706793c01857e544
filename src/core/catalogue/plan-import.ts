// The sentences of a plan import's report, in Vietnamese and English (the operator's language).
import type { Lang } from '../types.ts';
import type { Bilingual } from './bilingual.ts';
import { IMPORT_OUTCOME, type ImportOutcomeWords } from './import-outcome.ts';

export interface PlanTotals {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
}

export interface PlanWords extends ImportOutcomeWords {
  section: (text: string) => string;
  numbering: string;
  footer: (text: string) => string;
  group: (number: string) => string;
  noNumber: (cell: string) => string;
  badNumber: (cell: string, written: string) => string;
  duplicateNumber: (cell: string, number: string, row: number) => string;
  orphan: (cell: string, number: string, parent: string) => string;
  noTitle: (cell: string) => string;
  noLead: (cell: string) => string;
  noDue: (cell: string) => string;
  badDue: (cell: string, written: string) => string;
  dueAfterTarget: (cell: string, due: string, target: string, targetDue: string) => string;
  unknownAgency: (cell: string, written: string, closest: string[]) => string;
  ambiguousAgency: (cell: string, written: string, codes: string[]) => string;
  badCode: (cell: string, written: string) => string;
  duplicateCode: (code: string, where: string) => string;
  noProgram: (sheet: string) => string;
  unknownProgram: (code: string) => string;
  indicatorAsNote: (cell: string) => string;
  vague: (written: string) => string;
  createdTarget: (code: string, tasks: number) => string;
  createdTask: (code: string, agency: string) => string;
  createdTasks: (codes: string[]) => string;
  unchanged: string;
  column: Record<string, string>;
  unknownList: (written: string, rows: string, closest: string[]) => string;
  unknownHead: string;
  noTable: (file: string) => string;
  unreadable: (file: string, detail: string) => string;
  encrypted: (file: string) => string;
  oldExcel: (file: string) => string;
  totals: (t: PlanTotals, applied: boolean) => string;
}

const list = (xs: string[]) => xs.join('; ');

const vi: PlanWords = {
  section: (text) => `lĩnh vực “${text}”: các chỉ tiêu dưới thuộc lĩnh vực này`,
  numbering: 'dòng đánh số cột',
  footer: (text) => `dòng không có số thứ tự, bỏ qua: “${text}”`,
  group: (n) => `mục ${n} gồm các nhiệm vụ dưới (chúng kế thừa cơ quan và thời hạn của mục)`,
  noNumber: (cell) => `ô ${cell}: thiếu số thứ tự, không biết dòng thuộc chỉ tiêu nào`,
  badNumber: (cell, w) => `ô ${cell}: số thứ tự “${w}” không đọc được (1, 1.1, 1.1.1, a))`,
  duplicateNumber: (cell, n, row) => `ô ${cell}: số thứ tự ${n} trùng với dòng ${row}`,
  orphan: (cell, n, parent) =>
    `ô ${cell}: nhiệm vụ ${n} không thuộc chỉ tiêu nào (không có mục ${parent} phía trên)`,
  noTitle: (cell) => `ô ${cell}: thiếu nội dung`,
  noLead: (cell) => `ô ${cell}: thiếu cơ quan chủ trì`,
  noDue: (cell) => `ô ${cell}: thiếu thời gian hoàn thành`,
  badDue: (cell, w) =>
    `ô ${cell}: thời hạn “${w}” không đọc được (ví dụ: 30/9/2025, Tháng 11/2025, Quý III/2025, Năm 2025, Thường xuyên)`,
  dueAfterTarget: (cell, due, target, targetDue) =>
    `ô ${cell}: thời hạn ${due} muộn hơn thời hạn của chỉ tiêu ${target} (${targetDue})`,
  unknownAgency: (cell, w, closest) =>
    `ô ${cell}: không có cơ quan “${w}”` + (closest.length > 0 ? ` (gần nhất: ${list(closest)})` : ''),
  ambiguousAgency: (cell, w, codes) =>
    `ô ${cell}: “${w}” có thể là nhiều cơ quan (${codes.join(', ')}); hãy ghi tên đầy đủ`,
  badCode: (cell, w) => `ô ${cell}: mã “${w}” chỉ được gồm chữ, số và dấu - . / _`,
  duplicateCode: (code, where) => `mã ${code} trùng với ${where}`,
  noProgram: (sheet) =>
    `sheet “${sheet}”: không biết thuộc chương trình nào; ghi tên chương trình trong tiêu đề hoặc dùng --program MÃ`,
  unknownProgram: (code) => `không có chương trình ${code}`,
  indicatorAsNote: (cell) =>
    `ô ${cell}: chỉ tiêu không đọc được như “41/68 xã” hoặc ghi cho nhiệm vụ, lưu vào ghi chú`,
  vague: (w) => `“${w}” không chỉ rõ cơ quan nào, không ghi là cơ quan phối hợp`,
  createdTarget: (code, n) => `tạo chỉ tiêu ${code}` + (n > 0 ? ` và ${n} nhiệm vụ` : ''),
  createdTask: (code, agency) => `tạo nhiệm vụ ${code} (${agency})`,
  createdTasks: (codes) => `tạo ${codes.length} nhiệm vụ, mỗi cơ quan một nhiệm vụ: ${codes.join(', ')}`,
  unchanged: 'không thay đổi',
  column: {
    program_code: 'chương trình',
    target_code: 'chỉ tiêu',
    title_vi: 'nội dung',
    title_en: 'tên tiếng Anh',
    lead_agency_code: 'cơ quan chủ trì',
    agency_code: 'cơ quan chủ trì',
    assignee_code: 'người thực hiện',
    unit: 'đơn vị tính',
    target_value: 'chỉ tiêu',
    current_value: 'đã đạt',
    due_date: 'thời hạn',
    due_text: 'thời hạn (như ghi)',
    field_vi: 'lĩnh vực',
    deliverable: 'sản phẩm',
    note: 'ghi chú',
    co_agencies: 'cơ quan phối hợp',
    status: 'trạng thái',
    progress: 'tiến độ',
  },
  unknownList: (w, rows, closest) =>
    `“${w}” — ${rows}` + (closest.length > 0 ? `; gần nhất: ${list(closest)}` : '; không có tên nào gần'),
  unknownHead: 'Cơ quan chưa có trong danh mục (thêm vào danh mục hoặc sửa tên trong tệp):',
  noTable: (file) =>
    `${file}: không tìm thấy bảng kế hoạch (cần các cột “Nội dung”, “Cơ quan chủ trì”, “Thời gian hoàn thành” trong 25 dòng đầu, hoặc các cột code, title_vi, due_date…)`,
  unreadable: (file, detail) => `${file}: không đọc được như một bảng tính XLSX hoặc CSV (${detail})`,
  encrypted: (file) =>
    `${file}: tệp được đặt mật khẩu; hãy bỏ mật khẩu (Lưu thành… không mật khẩu) rồi nhập lại`,
  oldExcel: (file) => `${file}: là tệp Excel cũ (.xls); hãy lưu thành .xlsx rồi nhập lại`,
  totals: (t, applied) =>
    applied
      ? `${t.created} đã tạo, ${t.updated} đã cập nhật, ${t.unchanged} giữ nguyên, ${t.skipped} bỏ qua, ${t.errors} lỗi`
      : `${t.created} sẽ tạo, ${t.updated} sẽ cập nhật, ${t.unchanged} giữ nguyên, ${t.skipped} bỏ qua, ${t.errors} lỗi`,
  ...IMPORT_OUTCOME.vi,
};

const en: PlanWords = {
  section: (text) => `field of work “${text}”: the targets below belong to it`,
  numbering: 'column numbering row',
  footer: (text) => `row without a number, skipped: “${text}”`,
  group: (n) => `item ${n} groups the tasks below (they take its agency and deadline)`,
  noNumber: (cell) => `cell ${cell}: no number, so the row belongs to no target`,
  badNumber: (cell, w) => `cell ${cell}: number “${w}” cannot be read (1, 1.1, 1.1.1, a))`,
  duplicateNumber: (cell, n, row) => `cell ${cell}: number ${n} is also on row ${row}`,
  orphan: (cell, n, parent) => `cell ${cell}: task ${n} is under no target (no item ${parent} above it)`,
  noTitle: (cell) => `cell ${cell}: the content is missing`,
  noLead: (cell) => `cell ${cell}: the lead agency is missing`,
  noDue: (cell) => `cell ${cell}: the deadline is missing`,
  badDue: (cell, w) =>
    `cell ${cell}: deadline “${w}” cannot be read (e.g. 30/9/2025, Tháng 11/2025, Quý III/2025, Năm 2025, Thường xuyên)`,
  dueAfterTarget: (cell, due, target, targetDue) =>
    `cell ${cell}: deadline ${due} is after target ${target}'s (${targetDue})`,
  unknownAgency: (cell, w, closest) =>
    `cell ${cell}: no agency “${w}”` + (closest.length > 0 ? ` (closest: ${list(closest)})` : ''),
  ambiguousAgency: (cell, w, codes) =>
    `cell ${cell}: “${w}” may be several agencies (${codes.join(', ')}); write the full name`,
  badCode: (cell, w) => `cell ${cell}: code “${w}” may only have letters, digits and - . / _`,
  duplicateCode: (code, where) => `code ${code} is also on ${where}`,
  noProgram: (sheet) => `sheet “${sheet}”: no programme named; name it in the title or use --program CODE`,
  unknownProgram: (code) => `no programme ${code}`,
  indicatorAsNote: (cell) =>
    `cell ${cell}: an indicator not written like “41/68 xã”, or on a task, kept as a note`,
  vague: (w) => `“${w}” names no agency in particular, not recorded as co-operating`,
  createdTarget: (code, n) => `create target ${code}` + (n > 0 ? ` and ${n} task(s)` : ''),
  createdTask: (code, agency) => `create task ${code} (${agency})`,
  createdTasks: (codes) => `create ${codes.length} tasks, one per agency: ${codes.join(', ')}`,
  unchanged: 'no change',
  // English names a column as the file's header row writes it.
  column: Object.fromEntries(Object.keys(vi.column).map((k) => [k, k])),
  unknownList: (w, rows, closest) =>
    `“${w}” — ${rows}` + (closest.length > 0 ? `; closest: ${list(closest)}` : '; no close name'),
  unknownHead: 'Agencies not in the list (add them, or correct the name in the file):',
  noTable: (file) =>
    `${file}: no plan table found (columns “Nội dung”, “Cơ quan chủ trì”, “Thời gian hoàn thành” in the first 25 rows, or code, title_vi, due_date…)`,
  unreadable: (file, detail) => `${file}: cannot be read as an XLSX or CSV spreadsheet (${detail})`,
  encrypted: (file) =>
    `${file}: the file is password-protected; save it without a password and import it again`,
  oldExcel: (file) => `${file}: an old Excel file (.xls); save it as .xlsx and import it again`,
  totals: (t, applied) =>
    applied
      ? `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.errors} errors`
      : `${t.created} to create, ${t.updated} to update, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.errors} errors`,
  ...IMPORT_OUTCOME.en,
};

export const PLAN_IMPORT: Bilingual<PlanWords> = { vi, en };

export function planWords(lang: Lang): PlanWords {
  return PLAN_IMPORT[lang];
}
