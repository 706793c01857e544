// Planning: every data row checked against the store and the file, targets rolled up as they will be.
import type { ItemStatus } from '../../core/types.ts';
import { Cells } from './cells.ts';
import type { Kind } from './columns.ts';
import { changesOf, TARGET_FIELDS, TASK_FIELDS } from './diff.ts';
import { isWrite, type Entry, type RowPlace, type TargetEntry, type TaskEntry } from './entry.ts';
import type { Layout } from './layout.ts';
import type { StoreState } from './store-state.ts';
import { planTarget } from './validate-targets.ts';
import { planTask } from './validate-tasks.ts';

interface TaskLite {
  status: ItemStatus;
  progress: number;
  updatedAt: Date;
}

/** What rollUpTargets will make of a target with these tasks: the report shows it before any write. */
function rollUp(list: Iterable<TaskLite>): { status: ItemStatus; progress: number; updatedAt: Date } | null {
  const all = [...list];
  if (all.length === 0) return null;
  const progress = Math.round(all.reduce((s, t) => s + t.progress, 0) / all.length);
  const status: ItemStatus = all.every((t) => t.status === 'done')
    ? 'done'
    : all.some((t) => t.status === 'blocked')
      ? 'blocked'
      : all.some((t) => t.status !== 'not_started')
        ? 'in_progress'
        : 'not_started';
  const updatedAt = new Date(Math.max(...all.map((t) => t.updatedAt.getTime())));
  return { status, progress, updatedAt };
}

export interface Plan {
  targets: TargetEntry[];
  tasks: TaskEntry[];
  /** Targets whose roll-up must be recomputed after the writes. */
  touched: Set<string>;
}

export function planImport(layouts: Layout[], st: StoreState, now: Date): Plan {
  const { targets, tasks } = readOwnLayout(layouts, st, now);
  return finishPlan(targets, tasks, st);
}

/** The project's own columns (targets and tasks sheets), each row checked; no roll-up yet. */
export function readOwnLayout(
  layouts: Layout[],
  st: StoreState,
  now: Date,
): { targets: TargetEntry[]; tasks: TaskEntry[] } {
  const seen = new Map<string, RowPlace>();
  const duplicate = (e: Entry<unknown>, kind: Kind) => {
    if (e.code === null) return;
    const key = `${kind}:${e.code}`;
    const first = seen.get(key);
    if (first) {
      const where =
        first.sheet === e.sheet ? `row ${first.row}` : `row ${first.row} of sheet "${first.sheet}"`;
      e.problems.unshift(`duplicate code ${e.code} (also on ${where})`);
    } else seen.set(key, { sheet: e.sheet, row: e.row });
  };
  const dataRows = (kind: Kind) =>
    layouts
      .filter((l) => l.kind === kind)
      .flatMap((l) =>
        l.rows
          .map((r) => ({ place: { sheet: l.sheet, row: r.number }, cells: new Cells(l.columns, r.cells) }))
          .filter((r) => !r.cells.empty()),
      );

  const targetEntries = dataRows('targets').map((r) => planTarget(r.cells, r.place, st, now));
  const fileTargets = new Map<string, TargetEntry>();
  for (const e of targetEntries) {
    duplicate(e, 'targets');
    if (e.code !== null && !fileTargets.has(e.code)) fileTargets.set(e.code, e);
  }
  const taskEntries = dataRows('tasks').map((r) => planTask(r.cells, r.place, st, fileTargets, now));
  for (const e of taskEntries) duplicate(e, 'tasks');
  return { targets: targetEntries, tasks: taskEntries };
}

/**
 * The part every layout shares once its rows are read: what each entry changes, targets moved before
 * tasks the file leaves alone refused, and each touched target rolled up as recordUpdate keeps it.
 */
export function finishPlan(targetEntries: TargetEntry[], taskEntries: TaskEntry[], st: StoreState): Plan {
  const fileTasks = new Set<string>();
  for (const e of taskEntries) if (e.code !== null) fileTasks.add(e.code);

  // The tasks each target will have: the store's, moved and added to as the file says.
  const tasksOf = new Map<string, Map<string, TaskLite>>();
  const group = (target: string) => {
    let g = tasksOf.get(target);
    if (!g) tasksOf.set(target, (g = new Map()));
    return g;
  };
  for (const t of st.tasks.values()) group(t.target).set(t.code, t);

  // A target moved earlier must still end after the tasks the file leaves alone.
  for (const e of targetEntries) {
    const due = e.after?.dueDate ?? null;
    if (!e.before || !e.after || due === null || (e.before.dueDate !== null && due >= e.before.dueDate))
      continue;
    const late = [...(tasksOf.get(e.after.code)?.keys() ?? [])]
      .map((code) => st.tasks.get(code)!)
      .filter((t) => !fileTasks.has(t.code) && t.dueDate !== null && t.dueDate > due);
    if (late.length > 0) {
      const names = late
        .slice(0, 3)
        .map((t) => `${t.code} (${t.dueDate})`)
        .join(', ');
      e.problems.push(`due_date ${e.after.dueDate} is before the due date of its task ${names}`);
    }
  }

  const touched = new Set<string>();
  for (const e of taskEntries) {
    e.changes = changesOf(e, TASK_FIELDS);
    if (!isWrite(e) || !e.after) continue;
    if (e.before) {
      tasksOf.get(e.before.target)?.delete(e.after.code);
      touched.add(e.before.target);
    }
    group(e.after.target).set(e.after.code, e.after);
    touched.add(e.after.target);
  }
  for (const e of targetEntries) {
    e.changes = changesOf(e, TARGET_FIELDS);
    if (isWrite(e)) touched.add(e.code!);
  }
  // A target with tasks takes its status and progress from them, as recordUpdate keeps it.
  for (const e of targetEntries) {
    if (!e.after || e.problems.length > 0 || !touched.has(e.after.code)) continue;
    const derived = rollUp(tasksOf.get(e.after.code)?.values() ?? []);
    if (!derived) continue;
    // Claiming a completion its tasks deny (or denying one they show) is refused; a working status
    // that merely lags behind its tasks (a copy saying in progress where a task is now blocked)
    // follows them, as the target does in the store.
    const changedByFile = e.fileStatus !== null && e.fileStatus !== (e.before?.status ?? null);
    const aboutDone = e.fileStatus === 'done' || derived.status === 'done';
    if (changedByFile && aboutDone && e.fileStatus !== derived.status) {
      e.problems.push(
        `status ${e.fileStatus} disagrees with its tasks (${derived.status}): a target with tasks follows them`,
      );
      continue;
    }
    e.after = {
      ...e.after,
      status: derived.status,
      // As targetRollup: the indicator where the target has one, else the mean of its tasks.
      progress:
        e.after.unit !== null && e.after.targetValue > 0
          ? Math.min(100, Math.round((e.after.currentValue / e.after.targetValue) * 100))
          : derived.progress,
      currentValue: e.after.unit === null ? (derived.status === 'done' ? 1 : 0) : e.after.currentValue,
      updatedAt: new Date(Math.max(e.after.updatedAt.getTime(), derived.updatedAt.getTime())),
    };
    e.changes = changesOf(e, TARGET_FIELDS);
  }
  return { targets: targetEntries, tasks: taskEntries, touched };
}
