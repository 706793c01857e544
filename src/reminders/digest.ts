// The numbers a leader digest reports: progress per programme and the agencies most behind.
import { isOverdue } from '../core/grid.ts';
import type { AgencyCode, ItemView, LocalDate, Named, ProgramCode } from '../core/types.ts';
import { endOfWeek } from './calendar.ts';
import { compareCodes } from './order.ts';

export interface ProgramSummary {
  program: ProgramCode;
  /** Targets of the programme. */
  total: number;
  done: number;
  /** Due before today and not done. */
  overdue: number;
  /** Not done and due from today to this week's Sunday. */
  dueThisWeek: number;
  /** `done / total` as a percentage with one decimal (39.5); 0 for a programme with no targets. */
  percentDone: number;
}

export interface AgencyStanding {
  agency: AgencyCode;
  name: Named;
  /** Tasks the agency owns. */
  tasks: number;
  done: number;
  overdue: number;
  percentDone: number;
}

export interface LeaderDigest {
  programs: ProgramSummary[];
  /** Worst first. */
  agencies: AgencyStanding[];
}

const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10;

/**
 * One summary per programme, counted on targets. Programmes come in `order` when given (the
 * order the province lists them), any others after it by code.
 */
export function summarizePrograms(
  items: Iterable<ItemView>,
  today: LocalDate,
  order: readonly ProgramCode[] = [],
): ProgramSummary[] {
  const sunday = endOfWeek(today);
  const byProgram = new Map<ProgramCode, ProgramSummary>();
  for (const code of order) byProgram.set(code, blank(code));
  for (const item of items) {
    if (item.kind !== 'target') continue;
    const s = byProgram.get(item.program) ?? blank(item.program);
    byProgram.set(item.program, s);
    s.total++;
    if (item.status === 'done') s.done++;
    else if (isOverdue(item, today)) s.overdue++;
    else if (item.dueDate !== null && item.dueDate <= sunday) s.dueThisWeek++;
  }
  const known = new Set(order);
  const rest = [...byProgram.keys()].filter((c) => !known.has(c)).sort(compareCodes);
  return [...order, ...rest].flatMap((code) => {
    const s = byProgram.get(code);
    if (!s) return [];
    s.percentDone = percent(s.done, s.total);
    return [s];
  });
}

function blank(program: ProgramCode): ProgramSummary {
  return { program, total: 0, done: 0, overdue: 0, dueThisWeek: 0, percentDone: 0 };
}

/** Agencies by their tasks, worst first: most overdue tasks, then lowest share done, then code. */
export function rankAgencies(items: Iterable<ItemView>, today: LocalDate): AgencyStanding[] {
  const byAgency = new Map<AgencyCode, AgencyStanding>();
  for (const item of items) {
    if (item.kind !== 'task') continue;
    const s = byAgency.get(item.agency) ?? {
      agency: item.agency,
      name: item.agencyName,
      tasks: 0,
      done: 0,
      overdue: 0,
      percentDone: 0,
    };
    byAgency.set(item.agency, s);
    s.tasks++;
    if (item.status === 'done') s.done++;
    else if (isOverdue(item, today)) s.overdue++;
  }
  const out = [...byAgency.values()];
  for (const s of out) s.percentDone = percent(s.done, s.tasks);
  return out.sort(
    (a, b) => b.overdue - a.overdue || a.percentDone - b.percentDone || compareCodes(a.agency, b.agency),
  );
}

export function leaderDigest(
  items: Iterable<ItemView>,
  today: LocalDate,
  order: readonly ProgramCode[] = [],
): LeaderDigest {
  const all = [...items];
  return { programs: summarizePrograms(all, today, order), agencies: rankAgencies(all, today) };
}
