// A targets row checked against the store: the target it creates or updates, or why it is rejected.
import { resolveUpdate } from '../../core/progress.ts';
import type { Cells } from './cells.ts';
import { newEntry, type RowPlace, type TargetEntry } from './entry.ts';
import type { StoreState } from './store-state.ts';
import {
  datesAndKept,
  nextUpdatedAt,
  readCode,
  readDue,
  readNamed,
  readStatus,
  readTitle,
  readTitleEn,
  readUpdatedAt,
} from './validate-common.ts';
import { parseNumber } from './values.ts';

const CODE_RE = /^[A-Z0-9][A-Z0-9_/-]*$/;

function readAmount(
  cells: Cells,
  column: 'target_value' | 'current_value',
  fallback: number,
  problems: string[],
): number {
  if (cells.blank(column)) return fallback;
  const n = parseNumber(cells.raw(column) ?? null);
  if (n === null) {
    problems.push(`${column} "${cells.text(column)}" is not a number`);
    return fallback;
  }
  if (n < 0) problems.push(`${column} ${n} is negative`);
  return n;
}

export function planTarget(cells: Cells, place: RowPlace, st: StoreState, now: Date): TargetEntry {
  const problems: string[] = [];
  const code = readCode(cells, problems, CODE_RE);
  const before = code === null ? null : (st.targets.get(code) ?? null);
  const program = readNamed(cells, 'program_code', st.programs, 'programme', problems);
  const titleVi = readTitle(cells, problems);
  const titleEn = readTitleEn(cells, before);
  const lead = readNamed(cells, 'lead_agency_code', st.agencies, 'agency', problems);
  const unit = cells.has('unit') ? cells.text('unit') || null : (before?.unit ?? null);
  const targetValue = readAmount(cells, 'target_value', before?.targetValue ?? 1, problems);
  const currentValue = readAmount(cells, 'current_value', before?.currentValue ?? 0, problems);
  const due = readDue(cells, problems);
  const fileStatus = readStatus(cells, problems);
  const given = readUpdatedAt(cells, problems, now, before?.updatedAt ?? null);
  const entry: TargetEntry = newEntry(place, code, problems, before, fileStatus);
  if (problems.length > 0 || code === null || program === null || lead === null || due === null) return entry;

  const status = fileStatus ?? before?.status ?? 'not_started';
  const progress = before
    ? status === before.status
      ? before.progress
      : resolveUpdate(before, { status, progress: null }).progress
    : status === 'done'
      ? 100
      : 0;
  const at = nextUpdatedAt(before, { status, progress }, given, now);
  entry.explicitUpdatedAt = at.explicit;
  entry.after = {
    code,
    program,
    titleVi,
    titleEn,
    lead,
    unit,
    targetValue,
    currentValue,
    fieldVi: before?.fieldVi ?? null,
    ...datesAndKept(before, due, now),
    status,
    progress,
    updatedAt: at.at,
  };
  return entry;
}
