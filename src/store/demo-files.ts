// Reads a province folder in the demo format (shared/demo/README.md) into validated records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ImportError } from '../core/errors.ts';

const list = z.string().transform((v) =>
  v.trim() === ''
    ? []
    : v
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
);
const blankToNull = z.string().transform((v) => (v.trim() === '' ? null : v.trim()));
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'not an ISO timestamp');
const status = z.enum(['not_started', 'in_progress', 'done', 'blocked']);
const num = z.coerce.number().finite();

export const programRow = z.object({
  code: z.string().min(1),
  name_vi: z.string(),
  name_en: z.string(),
  aliases: list,
});
export const agencyRow = z.object({
  code: z.string().min(1),
  name_vi: z.string(),
  name_en: z.string(),
  kind: z.enum(['province', 'department', 'commune', 'ward', 'center']),
  parent_code: blankToNull,
  aliases: list,
});
export const personRow = z.object({
  code: z.string().min(1),
  full_name: z.string().min(1),
  role: z.enum(['leader', 'staff', 'admin']),
  agency_code: z.string().min(1),
  title_vi: z.string(),
  title_en: z.string(),
  lang: z.enum(['vi', 'en']),
  telegram_username: blankToNull,
  zalo_user_id: blankToNull,
});
export const targetRow = z.object({
  code: z.string().min(1),
  program_code: z.string().min(1),
  title_vi: z.string().min(1),
  title_en: z.string(),
  lead_agency_code: z.string().min(1),
  unit: blankToNull,
  target_value: num,
  current_value: num,
  due_date: localDay,
  status,
  updated_at: instant,
});
export const taskRow = z.object({
  code: z.string().min(1),
  target_code: z.string().min(1),
  title_vi: z.string().min(1),
  title_en: z.string(),
  agency_code: z.string().min(1),
  assignee_code: blankToNull,
  due_date: localDay,
  status,
  progress: z.coerce.number().int().min(0).max(100),
  updated_at: instant,
});
export const updateRow = z.object({
  task_code: z.string().min(1),
  person_code: z.string().min(1),
  at: instant,
  progress: z.coerce.number().int().min(0).max(100),
  status,
  note_vi: blankToNull,
});

export interface ProvinceData {
  programs: z.infer<typeof programRow>[];
  agencies: z.infer<typeof agencyRow>[];
  people: z.infer<typeof personRow>[];
  targets: z.infer<typeof targetRow>[];
  tasks: z.infer<typeof taskRow>[];
  updates: z.infer<typeof updateRow>[];
}

export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Record<
    string,
    string
  >[];
}

function readTable<T>(dir: string, file: string, row: z.ZodType<T>): T[] {
  const records = parseCsv(readFileSync(join(dir, file), 'utf8'));
  return records.map((record, i) => {
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const problem = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
      // Row numbers as a spreadsheet shows them: the header is row 1.
      throw new ImportError(`${file} row ${i + 2}: ${problem}`, [{ row: i + 2, problem }]);
    }
    return parsed.data;
  });
}

export function readProvince(dir: string): ProvinceData {
  return {
    programs: readTable(dir, 'programs.csv', programRow),
    agencies: readTable(dir, 'agencies.csv', agencyRow),
    people: readTable(dir, 'people.csv', personRow),
    targets: readTable(dir, 'targets.csv', targetRow),
    tasks: readTable(dir, 'tasks.csv', taskRow),
    updates: readTable(dir, 'updates.csv', updateRow),
  };
}
