// A tasks row checked against the store and the file's targets: the task it writes, or why not.
import type { ItemStatus } from '../../core/types.ts';
import { resolveUpdate } from '../../core/progress.ts';
import type { Cells } from './cells.ts';
import { newEntry, type RowPlace, type TargetEntry, type TaskEntry } from './entry.ts';
import { fold } from './fold.ts';
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
import { parsePercent } from './values.ts';

// Unlike a target's, a task's code has a dot: its target's code and a number, as in NQ57-01.3.
const TASK_CODE_RE = /^[A-Z0-9][A-Z0-9_/.-]*$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A person by code, or by full name: one namesake in the task's agency, or the only one anywhere. */
function resolvePerson(value: string, agency: string | null, st: StoreState): string | null {
  const upper = value.toUpperCase();
  if (st.people.has(upper)) return upper;
  const candidates = st.peopleByName.get(fold(value)) ?? [];
  const inAgency = candidates.filter((c) => st.people.get(c)?.agency === agency);
  if (inAgency.length === 1) return inAgency[0]!;
  return candidates.length === 1 ? candidates[0]! : null;
}

/** The status and progress a task ends with, from what the file states of either, as recordUpdate would. */
function taskProgress(
  cells: Cells,
  problems: string[],
  status: ItemStatus | null,
  before: { status: ItemStatus; progress: number } | null,
): { status: ItemStatus; progress: number } {
  let progress: number | null = null;
  if (!cells.blank('progress')) {
    const n = parsePercent(cells.raw('progress') ?? null);
    if (n === null || !Number.isInteger(n) || n < 0 || n > 100) {
      problems.push(`progress "${cells.text('progress')}" must be a whole number from 0 to 100`);
    } else progress = n;
  }
  const was = before ?? { status: 'not_started' as const, progress: 0 };
  if (status !== null && progress !== null) {
    if ((status === 'done') !== (progress === 100)) {
      problems.push(`status ${status} with progress ${progress}: done goes with 100 and only with 100`);
    } else if (status === 'not_started' && progress > 0) {
      problems.push(`status not_started with progress ${progress}: a task not started is at 0`);
    }
    return { status, progress };
  }
  if (status !== null) return resolveUpdate(was, { status, progress: null });
  if (progress !== null) {
    if (progress === 100) return { status: 'done', progress };
    const keep =
      before !== null && before.status !== 'done' && !(before.status === 'not_started' && progress > 0);
    return { status: keep ? before.status : progress === 0 ? 'not_started' : 'in_progress', progress };
  }
  return { status: was.status, progress: was.progress };
}

export function planTask(
  cells: Cells,
  place: RowPlace,
  st: StoreState,
  fileTargets: Map<string, TargetEntry>,
  now: Date,
): TaskEntry {
  const problems: string[] = [];
  const code = readCode(cells, problems, TASK_CODE_RE);
  const before = code === null ? null : (st.tasks.get(code) ?? null);
  const target = cells.text('target_code').toUpperCase();
  const inFile = fileTargets.get(target);
  const stored = st.targets.get(target);
  if (target === '') problems.push('target_code is empty');
  else if (!inFile && !stored) problems.push(`unknown target "${target}"`);
  if (code !== null && target !== '' && !new RegExp(`^${escapeRe(target)}\\.\\d+$`).test(code)) {
    problems.push(`code ${code} does not belong under target ${target} (expected ${target}.N)`);
  }
  const titleVi = readTitle(cells, problems);
  const titleEn = readTitleEn(cells, before);
  const agency = readNamed(cells, 'agency_code', st.agencies, 'agency', problems);
  let assignee: string | null = before?.assignee ?? null;
  if (cells.has('assignee_code')) {
    const who = cells.text('assignee_code');
    assignee = who === '' ? null : resolvePerson(who, agency, st);
    if (who !== '' && assignee === null) problems.push(`unknown person "${who}"`);
    const home = assignee === null ? null : (st.people.get(assignee)?.agency ?? null);
    if (assignee !== null && agency !== null && home !== agency) {
      problems.push(`assignee ${assignee} belongs to ${home}, not to the task's agency ${agency}`);
    }
  }
  const due = readDue(cells, problems);
  const targetDue = inFile ? (inFile.after?.dueDate ?? null) : (stored?.dueDate ?? null);
  if (due?.date && targetDue !== null && due.date > targetDue) {
    problems.push(`due_date ${due.date} is after its target ${target}'s due date ${targetDue}`);
  }
  const fileStatus = readStatus(cells, problems);
  // Without a progress column this is the file's status applied as recordUpdate would, or the stored one.
  const sp = taskProgress(cells, problems, fileStatus, before);
  const given = readUpdatedAt(cells, problems, now, before?.updatedAt ?? null);
  const entry: TaskEntry = newEntry(place, code, problems, before, fileStatus);
  if (problems.length > 0 || code === null || agency === null || due === null) return entry;
  const at = nextUpdatedAt(before, sp, given, now);
  entry.explicitUpdatedAt = at.explicit;
  entry.after = {
    code,
    target,
    titleVi,
    titleEn,
    agency,
    assignee,
    ...datesAndKept(before, due, now),
    status: sp.status,
    progress: sp.progress,
    updatedAt: at.at,
  };
  return entry;
}
