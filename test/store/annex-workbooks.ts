// Plan annexes laid out as provinces send them: national header, title, "Kèm theo…" line, a header
// of one or two rows (merged cells), a row numbering the columns, section rows merged across, numbering
// 1 / 1.1 / 1.1.1 / a), deadlines in every written form, group leads, co-operating agencies, helper columns
// hidden, trailing empty rows with borders.
import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

/** A deadline typed as a date cell, as Excel keeps it (UTC midnight). */
export const excelDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

function nationalHeader(ws: ExcelJS.Worksheet, title: string[], last: string): void {
  ws.addRow(['UBND TỈNH HÒA AN', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['BAN CHỈ ĐẠO', null, null, null, 'Độc lập - Tự do - Hạnh phúc']);
  ws.addRow([]);
  for (const line of title) {
    const r = ws.addRow([line]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
  }
}

/** Section rows ("I", text) merged from the second column to the last. */
function addBody(ws: ExcelJS.Worksheet, rows: Cell[][], last: string): void {
  for (const cells of rows) {
    const r = ws.addRow(cells);
    if (cells.length === 2 && typeof cells[0] === 'string' && /^[IVX]+$|^[A-Z]$/.test(cells[0])) {
      ws.mergeCells(`B${r.number}:${last}${r.number}`);
    }
  }
  // Empty rows the secretariat left with borders: rows exceljs writes, with nothing in them.
  for (let i = 0; i < 3; i++) {
    const r = ws.addRow([null, '', null]);
    r.getCell(1).border = { top: { style: 'thin' } };
  }
}

/**
 * Annex I of plan 45/KH-UBND: two merged header rows ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"),
 * a hidden helper column C headed "Mã" (whose scribbles must not become codes), sections I/II.
 */
export const ANNEX_ONE_ROWS: Cell[][] = [
  ['I', 'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH'],
  [
    1,
    'Ban hành Kế hoạch thực hiện Nghị quyết 57 năm 2026',
    'x1',
    'Sở KH&CN',
    'Sở Nội vụ, Sở Tài chính',
    'Quý III/2026',
    'Kế hoạch của UBND tỉnh',
    null,
    null,
  ],
  [
    '1.1',
    'Dự thảo Kế hoạch, lấy ý kiến các sở, ngành',
    'x2',
    'Sở KH&CN',
    null,
    '30/6/2026',
    'Dự thảo Kế hoạch',
    null,
    null,
  ],
  [
    '1.2',
    'Trình UBND tỉnh ban hành Kế hoạch',
    'x3',
    'so khoa hoc va cong nghe',
    'Văn phòng UBND tỉnh',
    excelDay('2026-09-15'),
    'Quyết định của UBND tỉnh',
    null,
    null,
  ],
  [
    2,
    'Rà soát, cắt giảm thủ tục hành chính nội bộ',
    null,
    'Sở Tư pháp',
    'Các sở, ngành liên quan',
    'Thường xuyên',
    'Báo cáo',
    null,
    'Báo cáo hằng quý',
  ],
  ['II', 'CHUYỂN ĐỔI SỐ'],
  [
    3,
    'Số hóa sổ hộ tịch',
    null,
    'UBND các xã, phường',
    'Sở Tư pháp',
    'Năm 2026',
    'Dữ liệu hộ tịch điện tử',
    '41/68 xã',
    null,
  ],
  [
    4,
    'Triển khai nền tảng giám sát an ninh mạng',
    null,
    'Công an tỉnh',
    'Sở KH&CN; Sở Văn hóa, Thể thao và Du lịch',
    'Tháng 11/2026',
    null,
    null,
    null,
  ],
  [
    '4.1',
    'Khảo sát hiện trạng hệ thống',
    null,
    null,
    null,
    'Trước 31/10/2026',
    'Báo cáo khảo sát',
    null,
    null,
  ],
  [
    '4.2',
    'Kiểm tra an toàn thông tin các hệ thống',
    null,
    null,
    'Sở Y tế',
    'trước ngày 15/10/2026',
    null,
    '12/30 hệ thống',
    null,
  ],
  [5, 'Đào tạo kỹ năng số cho cán bộ', null, 'Sở Nội vụ', null, 'Giai đoạn 2026-2030', null, null, null],
  ['5.1', 'Tập huấn kỹ năng số cơ bản', null, null, null, 'Hằng năm', null, null, null],
  [
    '5.2',
    'Bồi dưỡng chuyên gia chuyển đổi số',
    null,
    'Sở Giáo dục và Đào tạo',
    null,
    '2026-2027',
    null,
    null,
    null,
  ],
  ['a)', 'Xây dựng tài liệu bồi dưỡng', null, null, null, 'Q3/2026', 'Bộ tài liệu', null, null],
  ['b)', 'Tổ chức các lớp bồi dưỡng', null, null, 'Sở Tài chính', 'Quý 4/2026', null, null, null],
];

export async function annexOne(rows: Cell[][] = ANNEX_ONE_ROWS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục I');
  nationalHeader(
    ws,
    [
      'PHỤ LỤC I',
      'NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2026',
      '(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/3/2026 của UBND tỉnh Hòa An)',
    ],
    'I',
  );
  const upper = ws.addRow([
    'STT',
    'Nội dung nhiệm vụ',
    'Mã',
    'Cơ quan thực hiện',
    null,
    'Thời gian hoàn thành',
    'Sản phẩm',
    'Chỉ tiêu',
    'Ghi chú',
  ]);
  ws.addRow([null, null, null, 'Chủ trì', 'Phối hợp']);
  const h = upper.number;
  for (const col of ['A', 'B', 'C', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}${h}:${col}${h + 1}`);
  ws.mergeCells(`D${h}:E${h}`);
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)']);
  ws.getColumn(3).hidden = true;
  addBody(ws, rows, 'I');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The province's digital-transformation plan for 2026 on two sheets (Annex II: communes' share; Annex
 * III: the departments'), one-row headers worded differently, numbering that restarts in each section.
 */
export const ANNEX_TWO_SHEETS: Array<{ name: string; title: string; rows: Cell[][] }> = [
  {
    name: 'Phụ lục II',
    title: 'DANH MỤC NHIỆM VỤ KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH HÒA AN NĂM 2026',
    rows: [
      ['A', 'HẠ TẦNG SỐ'],
      [
        1,
        'Phủ sóng 4G các thôn, bản',
        'Sở KH&CN',
        'UBND các xã',
        'tháng 11 năm 2026',
        'Báo cáo kết quả',
        null,
      ],
      [2, 'Kết nối mạng truyền số liệu chuyên dùng', 'Văn phòng UBND tỉnh', null, null, null, null],
      ['2.1', 'Kết nối cấp xã', 'UBND các xã, phường', null, 'T11/2026', null, null],
      ['2.2', 'Kết nối cấp tỉnh', 'VP UBND', null, '11/2026', null, null],
      ['B', 'DỮ LIỆU SỐ'],
      [
        1,
        'Xây dựng kho dữ liệu dùng chung',
        'Sở KH&CN',
        'Sở Tài chính và Sở Nội vụ',
        'quý III năm 2026',
        null,
        '120.000 hồ sơ',
      ],
      [
        2,
        'Chuẩn hóa dữ liệu đất đai',
        'Sở Nông nghiệp và Môi trường',
        null,
        '6 tháng đầu năm 2026',
        null,
        null,
      ],
    ],
  },
  {
    name: 'Phụ lục III',
    title: 'CÁC NHIỆM VỤ CỦA SỞ, NGÀNH — KẾ HOẠCH CHUYỂN ĐỔI SỐ TỈNH HÒA AN NĂM 2026',
    rows: [
      [
        1,
        'Cung cấp dịch vụ công trực tuyến toàn trình',
        'Trung tâm Phục vụ hành chính công tỉnh',
        'Các sở, ban, ngành',
        '6 tháng cuối năm 2026',
        null,
        null,
      ],
      ['1.1', 'Rà soát danh mục dịch vụ', null, null, '30.9.2026', null, null],
      ['1.2', 'Công bố danh mục', null, null, '30-9-2026', null, null],
      ['1.3', 'Vận hành', null, null, 'Liên tục', null, null],
      [2, 'Báo cáo tình hình chuyển đổi số', 'Sở KH&CN', null, 'Hằng quý', null, null],
      [3, 'Tổng kết năm', 'Sở KH&CN', null, 2026, null, null],
      ['3.1', 'Tổng hợp số liệu', null, null, 'chậm nhất 15/12/2026', null, null],
      ['3.2', 'Hội nghị tổng kết', null, null, 'Trong năm 2026', null, null],
      ['3.3', 'Báo cáo Bộ', null, null, '30/09/2026', null, null],
      // Three levels: 4.1 only groups 4.1.1 and 4.1.2, which take its blank cells.
      [4, 'Triển khai chữ ký số chuyên dùng', 'Sở KH&CN', null, 'Năm 2026', null, null],
      ['4.1', 'Cấp chứng thư chữ ký số', null, 'Công an tỉnh', 'Quý III/2026', null, null],
      ['4.1.1', 'Cấp cho lãnh đạo các sở, ngành', null, null, null, 'Chứng thư số', null],
      ['4.1.2', 'Cấp cho công chức cấp xã', 'Sở Nội vụ', null, '15/9/2026', null, null],
      ['4.2', 'Hướng dẫn sử dụng chữ ký số', null, null, 'Tháng 12/2026', null, null],
    ],
  },
];
const TWO_HEADER = [
  'TT',
  'Tên nhiệm vụ',
  'Đơn vị chủ trì',
  'Đơn vị phối hợp',
  'Thời hạn hoàn thành',
  'Kết quả/Sản phẩm',
  'Chỉ số',
];

export async function annexTwo(sheets = ANNEX_TWO_SHEETS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    nationalHeader(ws, [s.title], 'G');
    ws.addRow(TWO_HEADER);
    addBody(ws, s.rows, 'G');
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV a district saved from its own spreadsheet: a title line, the header, no programme named. */
export const CSV_ROWS: Cell[][] = [
  ['I.', 'CẢI CÁCH HÀNH CHÍNH', '', '', '', ''],
  [
    '1',
    'Số hóa kết quả giải quyết thủ tục hành chính',
    'Trung tâm Phục vụ hành chính công',
    'Sở Nội vụ',
    '2026 - 2030',
    'Kho kết quả số hóa',
  ],
  ['1.1', 'Số hóa hồ sơ còn hiệu lực', 'TT PVHCC', '', 'Năm 2026', ''],
  ['1.2', 'Số hóa hồ sơ lưu trữ', 'Trung tâm Lưu trữ lịch sử tỉnh', 'Sở Nội vụ', 'Hàng năm', ''],
  ['2', 'Thống kê, báo cáo định kỳ', 'Sở Nội vụ', '', 'Quý I/2026', 'Báo cáo'],
];
export function annexCsv(rows: Cell[][] = CSV_ROWS): Buffer {
  const header = ['STT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Sản phẩm'];
  const line = (cells: Cell[]) =>
    cells
      .map((c) => {
        const s = c === null ? '' : String(c);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',');
  const lines = [
    ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026', '', '', '', '', ''],
    header,
    ...rows,
    ['', '', '', '', '', ''],
  ];
  return Buffer.from(`\ufeff${lines.map(line).join('\r\n')}\r\n`, 'utf8');
}
