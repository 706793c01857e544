// The console's words for the people page and file uploads, in Vietnamese and English.
import type { Bilingual } from './bilingual.ts';
import type { Lang, Messenger, Role } from '../types.ts';

const vi = {
  navPeople: 'Cán bộ',
  peopleTitle: 'Cán bộ và đăng ký',
  peopleCounts: (all: number, registered: number) =>
    `${all} người · ${registered} đã đăng ký Telegram hoặc Zalo`,
  colPerson: 'Họ tên',
  colAgency: 'Đơn vị',
  colRegistered: 'Đã đăng ký',
  colLastSeen: 'Lần cuối',
  colInvite: 'Mã mời',
  role: { leader: 'lãnh đạo', staff: 'cán bộ', admin: 'quản trị' } satisfies Record<Role, string>,
  head: 'thủ trưởng đơn vị',
  messenger: { telegram: 'Telegram', zalo: 'Zalo' } satisfies Record<Messenger, string>,
  notRegistered: 'chưa đăng ký',
  never: '—',
  pending: 'đã có mã chưa dùng',
  inviteAgain: 'Mời lại',
  invite: 'Tạo mã mời',
  inviteAll: 'In thư mời cho mọi người chưa đăng ký',
  importLink: 'Nhập kế hoạch hoặc danh sách cán bộ',
  noOneLeft: 'Mọi người đều đã đăng ký: không có thư mời nào để in.',
  unknownPerson: (code: string) => `Không có cán bộ mã ${code}.`,
  importTitle: 'Nhập tệp',
  importIntro:
    'Tải lên tệp XLSX hoặc CSV. dondoc kiểm tra từng dòng và cho xem trước; chưa ghi gì cho đến khi bạn xác nhận. Có một dòng lỗi thì không nhập dòng nào.',
  importPlan: 'Kế hoạch (chỉ tiêu, nhiệm vụ)',
  importPeople: 'Danh sách cán bộ đầu mối',
  chooseFile: 'Tệp',
  check: 'Kiểm tra',
  noFile: 'Chưa chọn tệp (XLSX hoặc CSV).',
  tooBig: 'Tệp quá lớn (tối đa 10 MB).',
  reportTitle: (file: string) => `Kiểm tra tệp ${file}`,
  resultTitle: (file: string) => `Đã nhập tệp ${file}`,
  colRow: 'Dòng',
  colSheet: 'Trang tính',
  colAction: 'Kết quả',
  colCodes: 'Mã',
  colMessage: 'Chi tiết',
  action: {
    create: 'tạo mới',
    update: 'cập nhật',
    unchanged: 'giữ nguyên',
    skip: 'bỏ qua',
    error: 'lỗi',
  },
  totals: (t: Totals) =>
    `${t.created} tạo mới, ${t.updated} cập nhật, ${t.unchanged} giữ nguyên, ${t.skipped} bỏ qua, ${t.errors} lỗi`,
  willWrite: 'Chưa ghi gì. Nếu đúng như trên, hãy xác nhận.',
  confirm: 'Xác nhận nhập',
  hasErrors: 'Không nhập gì: hãy sửa các dòng lỗi trong tệp rồi tải lên lại.',
  unreadable: 'Không đọc được tệp',
  expired: 'Bản xem trước đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại.',
  again: 'Tải lên tệp khác',
};
const en: typeof vi = {
  navPeople: 'People',
  peopleTitle: 'People and registration',
  peopleCounts: (all, registered) => `${all} people · ${registered} registered on Telegram or Zalo`,
  colPerson: 'Name',
  colAgency: 'Agency',
  colRegistered: 'Registered',
  colLastSeen: 'Last seen',
  colInvite: 'Invite',
  role: { leader: 'leader', staff: 'staff', admin: 'admin' },
  head: 'head of agency',
  messenger: { telegram: 'Telegram', zalo: 'Zalo' },
  notRegistered: 'not registered',
  never: '—',
  pending: 'unused code out',
  inviteAgain: 'Invite again',
  invite: 'Make an invite code',
  inviteAll: 'Print invitations for everyone not registered',
  importLink: 'Import a plan or a people list',
  noOneLeft: 'Everyone is registered: no invitation to print.',
  unknownPerson: (code) => `No person with code ${code}.`,
  importTitle: 'Import a file',
  importIntro:
    'Upload an XLSX or CSV file. dondoc checks every row and shows you a preview; nothing is written until you confirm. With one row in error, no row is imported.',
  importPlan: 'Plan (targets, tasks)',
  importPeople: 'Focal-point list (people)',
  chooseFile: 'File',
  check: 'Check',
  noFile: 'No file chosen (XLSX or CSV).',
  tooBig: 'The file is too large (10 MB at most).',
  reportTitle: (file) => `Checking ${file}`,
  resultTitle: (file) => `Imported ${file}`,
  colRow: 'Row',
  colSheet: 'Sheet',
  colAction: 'Result',
  colCodes: 'Codes',
  colMessage: 'Details',
  action: { create: 'create', update: 'update', unchanged: 'unchanged', skip: 'skip', error: 'error' },
  totals: (t) =>
    `${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.errors} errors`,
  willWrite: 'Nothing written yet. If this is right, confirm.',
  confirm: 'Confirm the import',
  hasErrors: 'Nothing imported: fix the rows in error and upload the file again.',
  unreadable: 'The file cannot be read',
  expired: 'The preview has expired or was imported already. Upload the file again.',
  again: 'Upload another file',
};

export interface Totals {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
}

export type PeoplePageWords = typeof vi;
export const PEOPLE: Bilingual<PeoplePageWords> = { vi, en };

export function peoplePageWords(lang: Lang): PeoplePageWords {
  return PEOPLE[lang];
}
