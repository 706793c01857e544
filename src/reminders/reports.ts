// The monthly report on schedule (REPORT_CRON): each leader gets each programme's report for the
// slot's month, once per leader, programme and period (the outbox key), whatever restarts or second
// processes do. Planning is pure; the document is rendered when the row is sent (src/report/deliver.ts).
//
// The reminders' working-day rules apply: a slot on a weekend, a holiday or in quiet hours is not
// dropped but sent at the slot's time (or the end of the quiet hours) on the next working day.
import { addDays, localDate } from '../core/time.ts';
import type { LocalDate, PersonCode } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { DbOrTx } from '../store/db.ts';
import { fromWall } from '../store/import/zone.ts';
import { enqueue, type NewOutboxRow } from '../store/outbox.ts';
import { loadChatTargets, loadPlanInput, type ChatTarget } from '../store/reminder-input.ts';
import { localTime } from './calendar.ts';
import type { PlanInput, PlannedReport, ReportPlan } from './model.ts';
import { reportCaption } from '../report/chat-texts.ts';
import { isQuiet } from './rules.ts';
import { dayBlock } from './schedule.ts';

export const REPORT_SCHEDULE_NAME = 'reports';
const SEARCH_DAYS = 366;

const hhmm = (hour: number, minute: number): string =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** When a report of `slot` may go out: the slot itself on a working day outside quiet hours, else the next such moment. */
export function reportSendAt(input: Pick<PlanInput, 'tz' | 'holidays' | 'rules'>, slot: Date): Date {
  const { tz, holidays } = input;
  const rules = input.rules.defaults;
  const t = localTime(slot, tz);
  const day = localDate(slot, tz);
  const quiet = isQuiet(t.hour, t.minute, rules.quietHours);
  if (!quiet && dayBlock(day, rules, holidays) === null) return slot;
  const at = quiet && rules.quietHours ? rules.quietHours.end : hhmm(t.hour, t.minute);
  for (let n = 0; n <= SEARCH_DAYS; n++) {
    const d = addDays(day, n);
    if (dayBlock(d, rules, holidays) !== null) continue;
    const when = fromWall(Date.parse(`${d}T${at}:00Z`), tz);
    if (when.getTime() >= slot.getTime()) return when;
  }
  return slot;
}

/** Each leader with a chat account, each programme with targets: the month of the slot, read on the day it goes. */
export function planReports(input: PlanInput, slot: Date): ReportPlan {
  const slotDay = localDate(slot, input.tz);
  const sendAt = reportSendAt(input, slot);
  const today = localDate(sendAt, input.tz);
  const period = slotDay.slice(0, 7);
  const withTargets = new Set(input.items.filter((i) => i.kind === 'target').map((i) => i.program));
  const programs = input.programs.filter((p) => withTargets.has(p.code));
  const reports: PlannedReport[] = [];
  const leaders = input.people
    .filter((p) => p.role === 'leader' && p.channels.length > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const leader of leaders) {
    for (const program of programs) {
      reports.push({
        kind: 'leader_report',
        person: leader.code,
        report: { program: program.code, lang: leader.lang, period, today: today as LocalDate },
        idempotencyKey: `${leader.code}:leader_report:${program.code}:${period}`,
      });
    }
  }
  return { slotDay, sendAt, reports };
}

/** The outbox rows of a report plan: each report to each chat its leader is reached on, held until `sendAt`. */
export function reportOutboxRows(
  input: PlanInput,
  plan: ReportPlan,
  chats: ReadonlyMap<PersonCode, readonly ChatTarget[]>,
): NewOutboxRow[] {
  const names = new Map(input.programs.map((p) => [p.code, p.name]));
  return plan.reports.flatMap((r) =>
    (chats.get(r.person) ?? []).map((t) => ({
      idempotencyKey: r.idempotencyKey,
      personId: t.personId,
      channel: t.channel,
      chatId: t.chatId,
      kind: r.kind,
      notBefore: plan.sendAt,
      payload: {
        reply: reportCaption(r.report, names.get(r.report.program)?.[r.report.lang] ?? r.report.program),
        items: [] as [],
        kind: r.kind,
        report: r.report,
      },
    })),
  );
}

/** Plans the reports of `slot` and enqueues them (inside the scheduler's claiming transaction). */
export async function runReportCycle(
  deps: { db: DbOrTx; tz: string; logger: Logger },
  slot: Date,
): Promise<{ plan: ReportPlan; enqueued: number }> {
  const { db, tz, logger } = deps;
  const [input, chats] = await Promise.all([loadPlanInput(db, slot, tz), loadChatTargets(db)]);
  const plan = planReports(input, slot);
  const enqueued = await enqueue(db, reportOutboxRows(input, plan, chats));
  logger.info(
    { slot: slot.toISOString(), sendAt: plan.sendAt.toISOString(), reports: plan.reports.length, enqueued },
    'report cycle: planned and enqueued',
  );
  return { plan, enqueued };
}
