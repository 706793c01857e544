// Decides who gets which reminder today: pure, from `input.now` and the facts passed in.
import { isOverdue } from '../core/grid.ts';
import type { AgencyCode, ItemCode, ItemView, LocalDate, PersonCode, ProgramCode } from '../core/types.ts';
import { daysBetween, localDate, localTime } from './calendar.ts';
import { superiorsOf } from './escalation.ts';
import {
  CHART_CHANNELS,
  type AwaitingClaim,
  REMINDER_KINDS,
  type GroupPlan,
  type Plan,
  type PlanAgency,
  type PlanInput,
  type PlanPerson,
  type PlannedChart,
  type PlannedMessage,
  type ReminderKind,
  type SkipReason,
} from './model.ts';
import { compareCodes, worstFirst } from './order.ts';
import { type ReminderRules, rulesFor } from './rules.ts';
import { ReminderDays, mentionOf, momentBlock } from './schedule.ts';

interface ProgramDay {
  rules: ReminderRules;
  days: ReminderDays;
}

/**
 * Each programme is judged by its own rules: one whose weekdays or hours exclude this moment
 * contributes nothing today. The whole day is skipped only when every programme is excluded; the
 * reason given is the default rules' reason when they exclude it, else the first programme's.
 */
function programDays(
  input: PlanInput,
  day: LocalDate,
): { active: Map<ProgramCode, ProgramDay>; skip: SkipReason | null } {
  const time = localTime(input.now, input.tz);
  const codes = [
    ...new Set([...input.programs.map((p) => p.code), ...input.items.map((i) => i.program)]),
  ].sort(compareCodes);
  const active = new Map<ProgramCode, ProgramDay>();
  let firstReason: SkipReason | null = null;
  for (const code of codes) {
    const rules = rulesFor(code, input.rules.byProgram, input.rules.defaults);
    const reason = momentBlock(day, time, rules, input.holidays);
    if (reason === null) active.set(code, { rules, days: new ReminderDays(rules, input.holidays) });
    else firstReason ??= reason;
  }
  if (active.size > 0) return { active, skip: null };
  return { active, skip: momentBlock(day, time, input.rules.defaults, input.holidays) ?? firstReason };
}

class Outbox {
  readonly #byKey = new Map<string, { person: PersonCode; kind: ReminderKind; items: ItemView[] }>();

  add(person: PersonCode, kind: ReminderKind, item: ItemView): void {
    const key = `${person}:${kind}`;
    const entry = this.#byKey.get(key) ?? { person, kind, items: [] };
    if (!entry.items.some((i) => i.code === item.code)) entry.items.push(item);
    this.#byKey.set(key, entry);
  }

  entries(): { person: PersonCode; kind: ReminderKind; items: ItemView[] }[] {
    return [...this.#byKey.values()];
  }
}

export function planReminders(input: PlanInput): Plan {
  const today = localDate(input.now, input.tz);
  const { active, skip } = programDays(input, today);
  if (skip !== null) return { localDay: today, skipped: { reason: skip }, messages: [], charts: [] };

  const people = new Map(input.people.map((p) => [p.code, p]));
  const agencies = new Map(input.agencies.map((a) => [a.code, a]));
  const itemsByCode = new Map(input.items.map((i) => [i.code, i]));
  const open = input.items.filter((i) => i.status !== 'done' && active.has(i.program));
  const openTasks = open.filter((i) => i.kind === 'task');
  const outbox = new Outbox();

  const pendingByItem = new Set(input.pendingExplanations.map((p) => p.item));
  planAssignees(input, today, openTasks, active, pendingByItem, outbox);
  planAgencyDigests(input.agencies, today, openTasks, active, outbox);
  planEscalations(input, today, openTasks, active, people, agencies, outbox);

  // Someone with no chat account cannot be sent anything: they are reported to leaders instead.
  const noChannel = (code: PersonCode): boolean => (people.get(code)?.channels.length ?? 0) === 0;
  const leaders = input.people.filter((p) => p.role === 'leader');
  const unreachable = new Set<PersonCode>(input.unreachable);
  for (const e of outbox.entries()) if (noChannel(e.person)) unreachable.add(e.person);
  for (const l of leaders) if (noChannel(l.code)) unreachable.add(l.code);

  const messages: PlannedMessage[] = [];
  messages.push(...planCheckerNudges(input, today, active, itemsByCode, noChannel));
  for (const e of outbox.entries()) {
    const person = people.get(e.person);
    if (!person || noChannel(e.person) || e.items.length === 0) continue;
    const msg = message(person, e.kind, e.items.sort(worstFirst), today);
    if (e.kind === 'assignee') {
      const explain = msg.items.filter((code) => pendingByItem.has(code));
      if (explain.length > 0) msg.pendingExplanations = explain;
    }
    messages.push(msg);
  }

  const overdueTargets = open.filter((i) => i.kind === 'target' && isOverdue(i, today)).sort(worstFirst);
  const pending = [...input.pendingExplanations]
    .filter((p) => {
      const item = itemsByCode.get(p.item);
      return item === undefined || active.has(item.program);
    })
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || compareCodes(a.item, b.item));
  const hasTargets = input.items.some((i) => i.kind === 'target' && active.has(i.program));
  const digested: PlanPerson[] = [];
  for (const leader of leaders) {
    if (noChannel(leader.code)) continue;
    if (!hasTargets && unreachable.size === 0 && pending.length === 0) continue;
    const msg = message(leader, 'leader_digest', overdueTargets, today);
    msg.unreachable = [...unreachable].sort(compareCodes);
    msg.pendingExplanations = [...new Set(pending.map((p) => p.item))];
    messages.push(msg);
    digested.push(leader);
  }

  messages.sort(
    (a, b) =>
      compareCodes(a.person, b.person) || REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind),
  );
  return { localDay: today, skipped: null, messages, charts: planCharts(digested, input, active, today) };
}

/**
 * The weekly charts: on a programme's first reminder day of the week, each leader whose digest goes out
 * today gets the chart of that programme, when it has targets, on each messenger that can carry a photo.
 */
function planCharts(
  leaders: readonly PlanPerson[],
  input: PlanInput,
  active: Map<ProgramCode, ProgramDay>,
  today: LocalDate,
): PlannedChart[] {
  const withTargets = new Set(input.items.filter((i) => i.kind === 'target').map((i) => i.program));
  const programs = [...active]
    .filter(([code, p]) => withTargets.has(code) && p.days.isFirstOfWeek(today))
    .map(([code]) => code);
  const charts: PlannedChart[] = [];
  for (const leader of [...leaders].sort((a, b) => compareCodes(a.code, b.code))) {
    for (const channel of CHART_CHANNELS) {
      if (!leader.channels.includes(channel)) continue;
      for (const program of programs) {
        charts.push({
          kind: 'leader_chart',
          person: leader.code,
          channel,
          chart: { program, lang: leader.lang, today },
          idempotencyKey: `${leader.code}:leader_chart:${program}:${today}`,
        });
      }
    }
  }
  return charts;
}

/**
 * One province digest per subscribed group chat, on the days and at the hours the reminders go out
 * (working days, holidays, quiet hours, per-programme weekdays: the same gate as planReminders), and
 * only while some active programme has targets to count.
 */
export function planGroupDigests(input: PlanInput): GroupPlan {
  const today = localDate(input.now, input.tz);
  const { active, skip } = programDays(input, today);
  if (skip !== null) return { localDay: today, skipped: { reason: skip }, digests: [] };
  const hasTargets = input.items.some((i) => i.kind === 'target' && active.has(i.program));
  if (!hasTargets) return { localDay: today, skipped: null, digests: [] };
  const seen = new Set<string>();
  const digests: GroupPlan['digests'] = [];
  for (const g of input.groups ?? []) {
    const key = `group:${g.channel}:${g.chatId}:${today}`;
    if (seen.has(key)) continue;
    seen.add(key);
    digests.push({
      kind: 'group_digest',
      channel: g.channel,
      chatId: g.chatId,
      lang: g.lang,
      idempotencyKey: key,
    });
  }
  return { localDay: today, skipped: null, digests };
}

function message(
  person: PlanPerson,
  kind: ReminderKind,
  items: ItemView[],
  today: LocalDate,
): PlannedMessage {
  return {
    person: person.code,
    kind,
    items: items.map((i) => i.code),
    idempotencyKey: `${person.code}:${kind}:${today}`,
    lang: person.lang,
  };
}

/** One message per assignee: tasks due a mention today, minus snoozed and freshly updated ones. */
function planAssignees(
  input: PlanInput,
  today: LocalDate,
  tasks: ItemView[],
  active: Map<ProgramCode, ProgramDay>,
  pending: Set<ItemCode>,
  outbox: Outbox,
): void {
  const key = (person: PersonCode, item: ItemCode): string => `${person}\u0000${item}`;
  const snoozed = new Set(input.snoozes.filter((s) => s.until >= today).map((s) => key(s.person, s.item)));
  const lastUpdate = new Map<string, LocalDate>();
  for (const u of input.lastUpdateBy) {
    const day = localDate(u.at, input.tz);
    const k = key(u.person, u.item);
    const seen = lastUpdate.get(k);
    if (seen === undefined || day > seen) lastUpdate.set(k, day);
  }
  for (const task of tasks) {
    const assignee = task.assignee?.code;
    const program = active.get(task.program);
    if (assignee === undefined || !program) continue;
    if (snoozed.has(key(assignee, task.code))) continue;
    // A leader waiting for an explanation outranks both the schedule and the no-nag grace.
    if (pending.has(task.code)) {
      outbox.add(assignee, 'assignee', task);
      continue;
    }
    const updated = lastUpdate.get(key(assignee, task.code));
    if (updated !== undefined && daysBetween(updated, today) <= program.rules.noNagDays) continue;
    const updatedOn = localDate(task.updatedAt, input.tz);
    if (mentionOf(task, today, updatedOn, program.rules, program.days) !== null) {
      outbox.add(assignee, 'assignee', task);
    }
  }
}

/** Each agency head sees the agency's overdue tasks and those due within `dueSoonDays`. */
function planAgencyDigests(
  agencies: readonly PlanAgency[],
  today: LocalDate,
  tasks: ItemView[],
  active: Map<ProgramCode, ProgramDay>,
  outbox: Outbox,
): void {
  const heads = new Map<AgencyCode, PersonCode>();
  for (const a of agencies) if (a.head !== null) heads.set(a.code, a.head);
  for (const task of tasks) {
    const head = heads.get(task.agency);
    const program = active.get(task.program);
    if (head === undefined || !program) continue;
    // An ongoing task is never due soon: the digest lists deadlines.
    if (task.dueDate !== null && daysBetween(today, task.dueDate) <= program.rules.dueSoonDays)
      outbox.add(head, 'agency_digest', task);
  }
}

/** Overdue tasks nobody has touched for `escalationDays` go to the assignee's superior. */
function planEscalations(
  input: PlanInput,
  today: LocalDate,
  tasks: ItemView[],
  active: Map<ProgramCode, ProgramDay>,
  people: ReadonlyMap<PersonCode, PlanPerson>,
  agencies: ReadonlyMap<AgencyCode, PlanAgency>,
  outbox: Outbox,
): void {
  for (const task of tasks) {
    const program = active.get(task.program);
    if (!program || !isOverdue(task, today)) continue;
    const silent = daysBetween(localDate(task.updatedAt, input.tz), today);
    if (silent < program.rules.escalationDays) continue;
    for (const superior of superiorsOf(task, people, agencies)) outbox.add(superior, 'escalation', task);
  }
}

/** A claim is nudged once it has waited more than this many working days. */
export const NUDGE_AFTER_WORKING_DAYS = 2;

/**
 * Each checker (admins and the programme's named checkers, never the claim's reporter) gets one message
 * listing the claims that have waited more than NUDGE_AFTER_WORKING_DAYS reminder days of their
 * programme (weekends and holidays do not count), oldest first.
 */
function planCheckerNudges(
  input: PlanInput,
  today: LocalDate,
  active: Map<ProgramCode, ProgramDay>,
  items: ReadonlyMap<ItemCode, ItemView>,
  noChannel: (code: PersonCode) => boolean,
): PlannedMessage[] {
  const admins = input.people.filter((p) => p.role === 'admin').map((p) => p.code);
  const named = new Map<ProgramCode, PersonCode[]>();
  for (const c of input.checkers ?? []) named.set(c.program, [...(named.get(c.program) ?? []), c.person]);
  const byChecker = new Map<PersonCode, AwaitingClaim[]>();
  const claims = [...(input.awaitingClaims ?? [])].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || compareCodes(a.item, b.item),
  );
  for (const claim of claims) {
    const item = items.get(claim.item);
    const program = item && active.get(item.program);
    if (!item || !program) continue;
    const waited = program.days.countBetween(localDate(claim.at, input.tz), today);
    if (waited <= NUDGE_AFTER_WORKING_DAYS) continue;
    for (const checker of new Set([...admins, ...(named.get(item.program) ?? [])])) {
      if (checker === claim.reporter) continue;
      byChecker.set(checker, [...(byChecker.get(checker) ?? []), claim]);
    }
  }
  const people = new Map(input.people.map((p) => [p.code, p]));
  const out: PlannedMessage[] = [];
  for (const [code, list] of byChecker) {
    const person = people.get(code);
    if (!person || noChannel(code)) continue;
    out.push({
      ...message(person, 'checker_nudge', [], today),
      items: list.map((c) => c.item),
      claims: list,
    });
  }
  return out;
}
