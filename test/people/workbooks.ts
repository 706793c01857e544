// Focal-point lists laid out as a province sends them: national header, title, a header row under
// them, a row numbering the columns, section rows merged across, phones as text and as numbers.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Số điện thoại', 'Vai trò'];

/** The province's list: demo people written the sheet's way, and new people, under two sections. */
export const PROVINCE_ROWS: Cell[][] = [
  ['I.', 'CÁC SỞ, BAN, NGÀNH'],
  [1, 'Ngô Đức Minh', 'Giám đốc Sở Khoa học và Công nghệ', 'Sở KH&CN', '0912 345 678', ''],
  [2, 'Lê Thị Thu Hằng', 'Giám đốc Sở Tư pháp', 'so tu phap', 983456712, ''],
  [3, 'Trịnh Văn Nam', 'Phó Chủ tịch UBND tỉnh', 'Ủy ban nhân dân tỉnh Hòa An', '+84 904 111 222', ''],
  [
    4,
    'Đoàn Thị Quỳnh',
    'Chuyên viên Phòng Chuyển đổi số',
    'Sở Khoa học và Công nghệ tỉnh Hòa An',
    '091.777.8899',
    'Đầu mối',
  ],
  [5, 'Vũ Minh Hoàng', 'Chuyên viên Văn phòng', 'VP UBND', '0868 000 111', 'Quản trị'],
  ['II.', 'UBND CÁC XÃ, PHƯỜNG'],
  [6, 'Nguyễn Văn Tâm', 'Chủ tịch UBND xã Tân Phú', 'UBND xã Tân Phú', '0977123456', ''],
  [7, 'Hà Thị Lụa', 'Công chức Văn phòng - Thống kê', 'Xa Bac Phong', '0356 789 012', ''],
];

/** An XLSX workbook as the province's secretariat makes it; `rows` go under the header. */
export async function provinceWorkbook(rows: Cell[][] = PROVINCE_ROWS, header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách đầu mối');
  ws.addRow(['UBND TỈNH HÒA AN', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  ws.addRow(['BAN CHỈ ĐẠO', null, null, 'Độc lập - Tự do - Hạnh phúc']);
  ws.addRow([]);
  ws.addRow(['DANH SÁCH CÁN BỘ ĐẦU MỐI THỰC HIỆN NGHỊ QUYẾT 57-NQ/TW']);
  ws.mergeCells('A4:F4');
  ws.addRow(['(Kèm theo Công văn số 123/BCĐ ngày 01/8/2025)']);
  ws.mergeCells('A5:F5');
  ws.addRow(header);
  ws.addRow(header.map((_, i) => `(${i + 1})`));
  for (const r of rows) {
    const added = ws.addRow(r);
    if (r.length === 2 && typeof r[0] === 'string') ws.mergeCells(`B${added.number}:F${added.number}`);
  }
  ws.addRow([]);
  ws.addRow([null, null, null, null, null, null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A plain CSV list (UTF-8, comma), the header on the first line. */
export function csvList(rows: Cell[][], header = HEADER): Buffer {
  const line = (cells: Cell[]) =>
    cells
      .map((c) => {
        const s = c === null ? '' : String(c);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',');
  return Buffer.from(`\ufeff${[header, ...rows].map(line).join('\r\n')}\r\n`, 'utf8');
}

/**
 * The workbook with a picture of `bytes` random bytes on its first sheet (a scanned seal or a logo, as
 * provinces' files often carry): random bytes do not compress, so the file really is that much bigger.
 */
export async function withPicture(workbook: Buffer, bytes: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(workbook as unknown as ArrayBuffer);
  const image = wb.addImage({ buffer: randomBytes(bytes) as unknown as ExcelJS.Buffer, extension: 'png' });
  wb.worksheets[0]!.addImage(image, 'H1:J4');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
