// Header recognition: how English and Vietnamese sheets head each column, and which kind a sheet is.
import type { Column, Kind } from './columns.ts';
import { fold } from './fold.ts';

// Header names, folded. English: the column names themselves (underscores fold to spaces).
const COMMON_HEADERS: Array<[string, Column]> = [
  ['code', 'code'],
  ['ma', 'code'],
  ['ma so', 'code'],
  ['title vi', 'title_vi'],
  ['title', 'title_vi'],
  ['ten', 'title_vi'],
  ['noi dung', 'title_vi'],
  ['tieu de', 'title_vi'],
  ['ten tieng viet', 'title_vi'],
  ['title en', 'title_en'],
  ['ten tieng anh', 'title_en'],
  ['english title', 'title_en'],
  ['due date', 'due_date'],
  ['due', 'due_date'],
  ['deadline', 'due_date'],
  ['han', 'due_date'],
  ['han hoan thanh', 'due_date'],
  ['thoi han', 'due_date'],
  ['thoi han hoan thanh', 'due_date'],
  ['han chot', 'due_date'],
  ['ngay het han', 'due_date'],
  ['status', 'status'],
  ['trang thai', 'status'],
  ['updated at', 'updated_at'],
  ['cap nhat luc', 'updated_at'],
  ['ngay cap nhat', 'updated_at'],
  ['thoi gian cap nhat', 'updated_at'],
  ['cap nhat lan cuoi', 'updated_at'],
];
export const TARGET_HEADERS = new Map<string, Column>([
  ...COMMON_HEADERS,
  ['ma chi tieu', 'code'],
  ['ten chi tieu', 'title_vi'],
  ['program code', 'program_code'],
  ['program', 'program_code'],
  ['chuong trinh', 'program_code'],
  ['ma chuong trinh', 'program_code'],
  ['lead agency code', 'lead_agency_code'],
  ['lead agency', 'lead_agency_code'],
  ['don vi chu tri', 'lead_agency_code'],
  ['co quan chu tri', 'lead_agency_code'],
  ['ma don vi chu tri', 'lead_agency_code'],
  ['don vi', 'lead_agency_code'],
  ['unit', 'unit'],
  ['don vi tinh', 'unit'],
  ['dvt', 'unit'],
  ['target value', 'target_value'],
  ['gia tri muc tieu', 'target_value'],
  ['chi tieu', 'target_value'],
  ['muc tieu', 'target_value'],
  ['current value', 'current_value'],
  ['gia tri hien tai', 'current_value'],
  ['ket qua', 'current_value'],
  ['ket qua thuc hien', 'current_value'],
  ['ket qua dat duoc', 'current_value'],
  ['gia tri dat duoc', 'current_value'],
]);
export const TASK_HEADERS = new Map<string, Column>([
  ...COMMON_HEADERS,
  ['ma nhiem vu', 'code'],
  ['ten nhiem vu', 'title_vi'],
  ['target code', 'target_code'],
  ['target', 'target_code'],
  ['ma chi tieu', 'target_code'],
  ['chi tieu', 'target_code'],
  ['thuoc chi tieu', 'target_code'],
  ['agency code', 'agency_code'],
  ['agency', 'agency_code'],
  ['don vi thuc hien', 'agency_code'],
  ['co quan thuc hien', 'agency_code'],
  ['don vi', 'agency_code'],
  ['ma don vi', 'agency_code'],
  ['assignee code', 'assignee_code'],
  ['assignee', 'assignee_code'],
  ['nguoi thuc hien', 'assignee_code'],
  ['can bo phu trach', 'assignee_code'],
  ['nguoi phu trach', 'assignee_code'],
  ['can bo thuc hien', 'assignee_code'],
  ['ma can bo', 'assignee_code'],
  ['progress', 'progress'],
  ['tien do', 'progress'],
  ['ty le hoan thanh', 'progress'],
  ['phan tram hoan thanh', 'progress'],
]);
/** Headers only a tasks sheet has: any of these makes it one. */
export const TASK_MARKERS = new Set([
  'target code',
  'assignee code',
  'ma nhiem vu',
  'ten nhiem vu',
  'thuoc chi tieu',
]);
/** Headers that lean one way when no marker decides. */
export const TASK_HINTS = new Set([
  'agency code',
  'don vi thuc hien',
  'co quan thuc hien',
  'nguoi thuc hien',
  'can bo phu trach',
  'nguoi phu trach',
  'can bo thuc hien',
  'ma can bo',
  'assignee',
]);
export const TARGET_HINTS = new Set([
  'program code',
  'lead agency code',
  'target value',
  'current value',
  'unit',
  'chuong trinh',
  'ma chuong trinh',
  'don vi chu tri',
  'co quan chu tri',
  'ma don vi chu tri',
  'don vi tinh',
  'dvt',
  'gia tri muc tieu',
  'gia tri hien tai',
  'ten chi tieu',
]);

/** A sheet meant for import: named like targets/tasks/"Chỉ tiêu"/"Nhiệm vụ". */
export function sheetHint(name: string): Kind | null {
  const f = fold(name);
  if (/\b(nhiem vu|tasks?)\b/.test(f)) return 'tasks';
  if (/\b(chi tieu|targets?)\b/.test(f)) return 'targets';
  return null;
}
