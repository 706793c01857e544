// What a chat says with a report: the caption under the document, and Zalo's summary with where the file is.
import type { Counts } from '../grid.ts';
import { bilingual } from './bilingual.ts';

/** `grid` takes the on-time share already written for the language (report/labels.ts `percent`). */
export const REPORT_CHAT = bilingual(
  {
    caption: (period: string) => ` — báo cáo tình hình thực hiện ${period}`,
    asOf: (day: string) => `Số liệu tính đến ngày ${day}.`,
    grid: (what: string, c: Counts, onTime: string) =>
      `${what}: ${c.total}; hoàn thành đúng hạn ${c.doneOnTime} (${onTime}), ` +
      `hoàn thành quá hạn ${c.doneLate}, còn trong hạn ${c.openInTime}, quá hạn ${c.overdue}` +
      (c.awaiting > 0 ? `; trong đó ${c.awaiting} chờ xác nhận.` : '.'),
    targets: 'Chỉ tiêu',
    tasks: 'Nhiệm vụ',
    lowest: 'Tỷ lệ đúng hạn thấp nhất: ',
    howTo: (query: string) =>
      `Tệp Word của báo cáo: tải tại trang quản trị dondoc, /reports/report.docx?${query}` +
      ` (Zalo không nhận tệp từ bot).`,
    fileName: 'bao-cao',
    allPrograms: 'Các chương trình, nhiệm vụ',
    all: 'Tất cả',
  },
  {
    caption: (period: string) => ` — progress report, ${period}`,
    asOf: (day: string) => `Figures as of ${day}.`,
    grid: (what: string, c: Counts, onTime: string) =>
      `${what}: ${c.total}; done on time ${c.doneOnTime} (${onTime}), ` +
      `done late ${c.doneLate}, within deadline ${c.openInTime}, overdue ${c.overdue}` +
      (c.awaiting > 0 ? `; of these ${c.awaiting} awaiting confirmation.` : '.'),
    targets: 'Targets',
    tasks: 'Tasks',
    lowest: 'Lowest on-time rate: ',
    howTo: (query: string) =>
      `The Word file: download it from the dondoc console, /reports/report.docx?${query}` +
      ` (Zalo takes no files from bots).`,
    fileName: 'report',
    allPrograms: 'All programmes and tasks',
    all: 'All',
  },
);
