// The reminder planner's public API: calendar, rules, planning, digest numbers and rendering.
export {
  DEFAULT_HOLIDAYS,
  DEFAULT_TZ,
  WORK_WEEK,
  addDays,
  asLocalDate,
  daysBetween,
  endOfWeek,
  holidayOn,
  isLocalDate,
  isWorkingDay,
  localDate,
  localTime,
  weekdayOf,
} from './calendar.ts';
export type { Holiday, LocalTime, Weekday } from './calendar.ts';
export { DEFAULT_RULES, isQuiet, minutesOf, rulesFor } from './rules.ts';
export type { ProgramOverrides, QuietHours, ReminderRules } from './rules.ts';
export { CHART_CHANNELS, REMINDER_KINDS } from './model.ts';
export type * from './model.ts';
export { planGroupDigests, planReminders } from './plan.ts';
export { superiorsOf } from './escalation.ts';
export { dayBlock, momentBlock, mentionOf, ReminderDays } from './schedule.ts';
export type { Mention } from './schedule.ts';
export { leaderDigest, rankAgencies, summarizePrograms } from './digest.ts';
export type { AgencyStanding, LeaderDigest, ProgramSummary } from './digest.ts';
export {
  chartCaption,
  groupDigestReply,
  reminderButtons,
  reminderReply,
  renderContext,
  renderGroupDigest,
  renderReminder,
} from './render.ts';
export type { RenderContext } from './render.ts';
export { compareCodes } from './order.ts';
