// The planner's input and output shapes, shared by the planner, the digest and the renderers.
import type {
  AgencyCode,
  ItemCode,
  ItemView,
  Lang,
  LocalDate,
  Messenger,
  Named,
  PersonCode,
  ProgramCode,
  Role,
} from '../core/types.ts';
import type { OutboxKind } from '../store/outbox.ts';
import type { Holiday } from './calendar.ts';
import type { ProgramOverrides, ReminderRules } from './rules.ts';

/** The outbox kinds the planner makes, in the order messages of one person are listed in. */
export const REMINDER_KINDS = [
  'assignee',
  'agency_digest',
  'leader_digest',
  'escalation',
  'checker_nudge',
] as const satisfies readonly OutboxKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface PlanPerson {
  code: PersonCode;
  name: string;
  role: Role;
  agency: AgencyCode;
  lang: Lang;
  /** Linked chat accounts; empty when the person has not registered on any messenger. */
  channels: Messenger[];
}

export interface PlanAgency {
  code: AgencyCode;
  name: Named;
  parent: AgencyCode | null;
  head: PersonCode | null;
}

export interface PlanProgram {
  code: ProgramCode;
  name: Named;
}

export interface RuleSet {
  defaults: ReminderRules;
  byProgram: ProgramOverrides;
}

export interface PlanInput {
  now: Date;
  tz: string;
  holidays: readonly Holiday[];
  rules: RuleSet;
  people: readonly PlanPerson[];
  agencies: readonly PlanAgency[];
  /**
   * Tasks and targets. Done items may be included (the leader digest counts them); the planner
   * never reminds anyone about them. Assignee reminders are about tasks only.
   */
  items: readonly ItemView[];
  programs: readonly PlanProgram[];
  /** Each person's latest update of each task. */
  lastUpdateBy: ReadonlyArray<{ item: ItemCode; person: PersonCode; at: Date }>;
  /** Snoozed through `until`, inclusive: "nhắc lại mai" pressed today stores today. */
  snoozes: ReadonlyArray<{ person: PersonCode; item: ItemCode; until: LocalDate }>;
  pendingExplanations: ReadonlyArray<{ item: ItemCode; requestedBy: PersonCode; requestedAt: Date }>;
  /** People the channels could not reach lately (blocked the bot, account gone). */
  unreachable: readonly PersonCode[];
  /** Reported "done" claims waiting for a checker's word, in programmes with confirmation on. */
  awaitingClaims?: readonly AwaitingClaim[];
  /** Named checkers of each programme (admins check every programme: their role says so). */
  checkers?: ReadonlyArray<{ program: ProgramCode; person: PersonCode }>;
  /** Group chats subscribed to the province digest; none when absent. */
  groups?: readonly PlanGroup[];
}

/** A claim waiting for a checker: which item, which claim (the buttons name it), who made it and when. */
export interface AwaitingClaim {
  item: ItemCode;
  claimId: number;
  reporter: PersonCode | null;
  at: Date;
}

/** A group chat subscribed to the daily province digest (a steering committee's group). */
export interface PlanGroup {
  channel: Messenger;
  chatId: string;
  /** The language its digest is written in. */
  lang: Lang;
}

export type SkipReason = 'quiet_hours' | 'non_working_day' | 'weekday_not_enabled';

export interface PlannedMessage {
  person: PersonCode;
  kind: ReminderKind;
  /** Worst first: most overdue, then soonest due. */
  items: ItemCode[];
  /** `${person}:${kind}:${localDay}`: the same message planned twice in one day is sent once. */
  idempotencyKey: string;
  lang: Lang;
  /** Leader digests: people who cannot be reached, so a leader can chase them another way. */
  unreachable?: PersonCode[];
  /**
   * Leader digests: every explanation still awaited. Assignee messages: the person's own tasks
   * a leader asked them to explain.
   */
  pendingExplanations?: ItemCode[];
  /** Checker nudges: the claims listed, in `items` order. */
  claims?: AwaitingClaim[];
}

/**
 * The messengers a chart (a PNG photo) goes to. Telegram takes an upload; Zalo's sendPhoto takes only a
 * public URL, which dondoc does not have, so Zalo chats get the digest's text alone.
 */
export type ChartChannel = Extract<Messenger, 'telegram'>;
export const CHART_CHANNELS: readonly ChartChannel[] = ['telegram'];

/** Which chart to draw: a programme, in a language, as of a day. Drawn when it is sent, from the data then. */
export interface ChartRequest {
  program: ProgramCode;
  lang: Lang;
  today: LocalDate;
}

/**
 * A programme's chart that follows a leader's digest on the first reminder day of the week (Monday, or
 * the first reminder day after a holiday Monday), one per active programme with targets.
 */
export interface PlannedChart {
  kind: 'leader_chart';
  person: PersonCode;
  channel: ChartChannel;
  chart: ChartRequest;
  /** `${person}:leader_chart:${program}:${localDay}`: planned twice in one day, sent once. */
  idempotencyKey: string;
}

/** Which report to render: a programme's month, in a language, read at a day (`today`). */
export interface ReportRequest {
  program: ProgramCode;
  lang: Lang;
  /** The period as `dondoc report --period` takes it: `YYYY-MM`. */
  period: string;
  today: LocalDate;
}

/**
 * A programme's monthly report to a leader (REPORT_CRON): a document on Telegram, a summary with how
 * to get the file on Zalo. Sent at `sendAt`: the slot, or the slot's time on the next working day.
 */
export interface PlannedReport {
  kind: 'leader_report';
  person: PersonCode;
  report: ReportRequest;
  /** `${person}:leader_report:${program}:${period}`: once per leader, programme and period. */
  idempotencyKey: string;
}

export interface ReportPlan {
  /** The slot's local day: its month is the period. */
  slotDay: LocalDate;
  sendAt: Date;
  reports: PlannedReport[];
}

export interface Plan {
  localDay: LocalDate;
  skipped: null | { reason: SkipReason };
  messages: PlannedMessage[];
  /** Charts that follow leaders' digests; none on most days. */
  charts: PlannedChart[];
}

/**
 * The province digest for one subscribed group chat: the same for every group (programme counts and the
 * agencies most behind), written in the group's language. It names no person and lists no one's items.
 */
export interface PlannedGroupDigest {
  kind: 'group_digest';
  channel: Messenger;
  chatId: string;
  lang: Lang;
  /** `group:${channel}:${chatId}:${localDay}`: planned twice in one day, sent once. */
  idempotencyKey: string;
}

export interface GroupPlan {
  localDay: LocalDate;
  skipped: null | { reason: SkipReason };
  digests: PlannedGroupDigest[];
}
