// How an import of a plan or of a people list ends, said the same way for both.
import type { Bilingual } from './bilingual.ts';

export interface ImportOutcomeWords {
  done: string;
  dryRun: string;
  nothingWritten: (errors: number) => string;
}

export const IMPORT_OUTCOME: Bilingual<ImportOutcomeWords> = {
  vi: {
    done: 'Đã nhập',
    dryRun: 'Chạy thử, chưa ghi gì',
    nothingWritten: (errors) => `Không nhập gì: ${errors} dòng có lỗi, hãy sửa tệp rồi nhập lại`,
  },
  en: {
    done: 'Imported',
    dryRun: 'Dry run, nothing written',
    nothingWritten: (errors) =>
      `Nothing imported: ${errors} row(s) with errors; fix the file and import it again`,
  },
};
