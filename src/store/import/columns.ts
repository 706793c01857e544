// The plan files' columns: their canonical names and order, which are required, their Vietnamese labels.

/** The columns of targets.csv, in its order: the export writes exactly these headers. */
export const TARGET_COLUMNS = [
  'code',
  'program_code',
  'title_vi',
  'title_en',
  'lead_agency_code',
  'unit',
  'target_value',
  'current_value',
  'due_date',
  'status',
  'updated_at',
] as const;
/** The columns of tasks.csv, in its order. */
export const TASK_COLUMNS = [
  'code',
  'target_code',
  'title_vi',
  'title_en',
  'agency_code',
  'assignee_code',
  'due_date',
  'status',
  'progress',
  'updated_at',
] as const;
export type Column = (typeof TARGET_COLUMNS)[number] | (typeof TASK_COLUMNS)[number];
export type Kind = 'targets' | 'tasks';

export const REQUIRED: Record<Kind, readonly Column[]> = {
  targets: ['code', 'program_code', 'title_vi', 'lead_agency_code', 'due_date'],
  tasks: ['code', 'target_code', 'title_vi', 'agency_code', 'due_date'],
};

/** How a Vietnamese sheet usually heads each column (messages and the export's header notes). */
export const COLUMN_LABELS_VI: Record<Column, string> = {
  code: 'Mã',
  program_code: 'Chương trình',
  title_vi: 'Tên / Nội dung (tiếng Việt)',
  title_en: 'Tên tiếng Anh',
  lead_agency_code: 'Đơn vị chủ trì',
  unit: 'Đơn vị tính',
  target_value: 'Giá trị mục tiêu',
  current_value: 'Giá trị hiện tại',
  due_date: 'Hạn hoàn thành',
  status: 'Trạng thái',
  updated_at: 'Cập nhật lúc',
  target_code: 'Mã chỉ tiêu',
  agency_code: 'Đơn vị thực hiện',
  assignee_code: 'Người thực hiện',
  progress: 'Tiến độ (%)',
};
