// The programmes and agencies the training frames name, as a lexicon: training reads the same slots
// (a programme, an agency) that parsing reads with the province's real lexicon.
import { lexiconEntry } from '../../lexicon.ts';
import type { AgencyCode, Lexicon, ProgramCode } from '../../types.ts';

// The frames name no English for some agencies: their `en` stays empty, as a store row's may.
const entry = <C extends string>(code: string, vi: string, en: string, ...aliases: string[]) =>
  lexiconEntry<C>({ code, name_vi: vi, name_en: en, aliases });
const program = entry<ProgramCode>;
const agency = entry<AgencyCode>;

export const TRAINING_LEXICON: Lexicon = {
  programs: [
    program('NQ57', 'Nghị quyết 57', 'Resolution 57', 'NQ57', 'NQ 57', 'nghị quyết 57'),
    program('DA06', 'Đề án 06', 'Project 06', 'ĐA06', 'DA06', 'đề án 06'),
    program(
      'CDS25',
      'Kế hoạch chuyển đổi số 2025',
      'digital transformation plan',
      'CĐS 2025',
      'chuyển đổi số 2025',
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
    agency('SGDDT', 'Sở Giáo dục và Đào tạo', 'Department of Education', 'Sở GD'),
    agency('CA', 'Công an tỉnh', 'police', 'Công an'),
    agency('STC', 'Sở Tài chính', 'Department of Finance', 'finance department'),
    agency('SNV', 'Sở Nội vụ', 'Department of Home Affairs'),
    agency('X-TANPHU', 'Xã Tân Phú', 'Tan Phu commune', 'UBND xã Tân Phú'),
    agency('X-MYLOC', 'Xã Mỹ Lộc', '', 'UBND xã Mỹ Lộc'),
    agency('P-LONGTHANH', 'Phường Long Thành', '', 'UBND phường Long Thành'),
    agency('VPUB', 'Văn phòng UBND tỉnh', '', 'VP UBND'),
    agency('TTHCC', 'Trung tâm Phục vụ hành chính công', '', 'trung tâm hành chính công'),
  ],
};
