// What the report of a plan import and of a people list import say alike: a row's place, what became
// of it, and how the import ended.
import type { Bilingual } from './bilingual.ts';

export interface ImportOutcomeWords {
  rowLabel: (sheet: string, row: number) => string;
  actionLabel: Record<'create' | 'update' | 'unchanged' | 'skip' | 'error', string>;
  done: string;
  dryRun: string;
  nothingWritten: (errors: number) => string;
}

export const IMPORT_OUTCOME: Bilingual<ImportOutcomeWords> = {
  vi: {
    rowLabel: (sheet, row) => `${sheet}, dòng ${row}`,
    actionLabel: {
      create: 'tạo mới',
      update: 'cập nhật',
      unchanged: 'giữ nguyên',
      skip: 'bỏ qua',
      error: 'lỗi',
    },
    done: 'Đã nhập',
    dryRun: 'Chạy thử, chưa ghi gì',
    nothingWritten: (errors) => `Không nhập gì: ${errors} dòng có lỗi, hãy sửa tệp rồi nhập lại`,
  },
  en: {
    rowLabel: (sheet, row) => `${sheet}, row ${row}`,
    actionLabel: { create: 'create', update: 'update', unchanged: 'unchanged', skip: 'skip', error: 'error' },
    done: 'Imported',
    dryRun: 'Dry run, nothing written',
    nothingWritten: (errors) =>
      `Nothing imported: ${errors} row(s) with errors; fix the file and import it again`,
  },
};
