// The programmes and agencies the training frames name, as a lexicon: training reads the same slots
// (a programme, an agency) that parsing reads with the province's real lexicon.
import type { AgencyCode, Lexicon, ProgramCode } from '../../types.ts';

const program = (code: string, ...names: string[]) => ({ code: code as ProgramCode, names });
const agency = (code: string, ...names: string[]) => ({ code: code as AgencyCode, names });

export const TRAINING_LEXICON: Lexicon = {
  programs: [
    program('NQ57', 'Nghị quyết 57', 'NQ57', 'NQ 57', 'nghị quyết 57', 'Resolution 57'),
    program('DA06', 'Đề án 06', 'ĐA06', 'DA06', 'đề án 06', 'Project 06'),
    program(
      'CDS25',
      'Kế hoạch chuyển đổi số 2025',
      'CĐS 2025',
      'chuyển đổi số 2025',
      'digital transformation plan',
    ),
  ],
  agencies: [
    agency('SYT', 'Sở Y tế', 'Department of Health', 'SYT'),
    agency(
      'SKHCN',
      'Sở Khoa học và Công nghệ',
      'Department of Science and Technology',
      'Sở KH&CN',
      'Sở KHCN',
    ),
    agency('STP', 'Sở Tư pháp', 'Department of Justice', 'justice department'),
    agency('SGDDT', 'Sở Giáo dục và Đào tạo', 'Sở GD', 'Department of Education'),
    agency('CA', 'Công an tỉnh', 'Công an', 'police'),
    agency('STC', 'Sở Tài chính', 'Department of Finance', 'finance department'),
    agency('SNV', 'Sở Nội vụ', 'Department of Home Affairs'),
    agency('X-TANPHU', 'Xã Tân Phú', 'UBND xã Tân Phú', 'Tan Phu commune'),
    agency('X-MYLOC', 'Xã Mỹ Lộc', 'UBND xã Mỹ Lộc'),
    agency('P-LONGTHANH', 'Phường Long Thành', 'UBND phường Long Thành'),
    agency('VPUB', 'Văn phòng UBND tỉnh', 'VP UBND'),
    agency('TTHCC', 'Trung tâm Phục vụ hành chính công', 'trung tâm hành chính công'),
  ],
};
