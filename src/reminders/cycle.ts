// One reminder cycle: read the province, plan, render each message and put it in the durable outbox.
import type { Logger } from '../logger.ts';
import type { PersonCode } from '../core/types.ts';
import type { DbOrTx } from '../store/db.ts';
import { enqueue, type NewOutboxRow, type OutboxKind } from '../store/outbox.ts';
import { loadChatTargets, loadPlanInput, type ChatTarget } from '../store/reminder-input.ts';
import type { GroupPlan, Plan, PlanInput } from './model.ts';
import { planGroupDigests, planReminders } from './plan.ts';
import { chartCaption, groupDigestReply, reminderReply, renderContext } from './render.ts';

export interface CycleDeps {
  db: DbOrTx;
  now: Date;
  tz: string;
  logger: Logger;
}

export interface CycleResult {
  plan: Plan;
  /** The province digest for each subscribed group chat. */
  groups: GroupPlan;
  /** What the plan was made from (the CLI lists it; tests check it). */
  input: PlanInput;
  /** Where each person is reached. */
  chats: ReadonlyMap<PersonCode, readonly ChatTarget[]>;
  /** Outbox rows this cycle tried to add: one per message or chart per chat. */
  rows: number;
  /** Rows that were new; a second cycle on the same day adds none. */
  enqueued: number;
}

/**
 * Kind first, then person: a person's several messages end up far apart in the queue, so the per-chat
 * limit (1 msg/s on Telegram) delays their second message instead of everybody's next one. The charts
 * come right after the leaders' digests, so each arrives after the text it illustrates.
 */
const DELIVERY_ORDER: readonly OutboxKind[] = [
  'assignee',
  'agency_digest',
  'leader_digest',
  'leader_chart',
  'escalation',
  'checker_nudge',
];
const rank = (row: NewOutboxRow): number => DELIVERY_ORDER.indexOf(row.kind);

/** The outbox rows of a plan: each message to each chat its person is reached on, each chart to its chat. */
export function outboxRows(
  input: PlanInput,
  plan: Plan,
  chats: ReadonlyMap<PersonCode, readonly ChatTarget[]>,
): NewOutboxRow[] {
  const ctx = renderContext(input, plan);
  const out: NewOutboxRow[] = [];
  for (const message of plan.messages) {
    const targets = chats.get(message.person) ?? [];
    if (targets.length === 0) continue;
    const reply = reminderReply(message, ctx);
    for (const t of targets) {
      out.push({
        idempotencyKey: message.idempotencyKey,
        personId: t.personId,
        channel: t.channel,
        chatId: t.chatId,
        kind: message.kind,
        payload: { reply, items: message.items, kind: message.kind },
      });
    }
  }
  for (const chart of plan.charts) {
    const reply = chartCaption(chart, ctx);
    for (const t of chats.get(chart.person) ?? []) {
      if (t.channel !== chart.channel) continue;
      out.push({
        idempotencyKey: chart.idempotencyKey,
        personId: t.personId,
        channel: t.channel,
        chatId: t.chatId,
        kind: chart.kind,
        payload: { reply, items: [], kind: chart.kind, chart: chart.chart },
      });
    }
  }
  // A stable sort: within a kind, rows keep the plan's order (by person).
  return out.sort((a, b) => rank(a) - rank(b));
}

/** The outbox rows of the group digests: one per group chat, to no person. */
export function groupOutboxRows(input: PlanInput, groups: GroupPlan): NewOutboxRow[] {
  if (groups.digests.length === 0) return [];
  const ctx = renderContext(input, groups);
  return groups.digests.map((digest) => ({
    idempotencyKey: digest.idempotencyKey,
    personId: null,
    channel: digest.channel,
    chatId: digest.chatId,
    kind: digest.kind,
    payload: { reply: groupDigestReply(digest, ctx), items: [], kind: digest.kind },
  }));
}

/**
 * Plans the reminders due at `now` and, unless `dryRun`, enqueues them. Idempotent within a local day:
 * each row's key is `person:kind:day` (a group's digest: `group:channel:chatId:day`), so running it
 * twice adds nothing the second time. People with no
 * chat account get nothing; the planner lists them as unreachable in the leaders' digest.
 */
export async function runCycle(deps: CycleDeps, opts: { dryRun: boolean }): Promise<CycleResult> {
  const { db, now, tz, logger } = deps;
  const [input, chats] = await Promise.all([loadPlanInput(db, now, tz), loadChatTargets(db)]);
  const plan = planReminders(input);
  const groups = planGroupDigests(input);
  if (plan.skipped) {
    logger.info({ day: plan.localDay, reason: plan.skipped.reason }, 'reminder cycle: nothing goes out now');
  }
  if (opts.dryRun) return { plan, groups, input, chats, rows: 0, enqueued: 0 };
  // People first: a group's digest waits behind nobody's own reminder.
  const rows = [...outboxRows(input, plan, chats), ...groupOutboxRows(input, groups)];
  const enqueued = await enqueue(db, rows);
  logger.info(
    {
      day: plan.localDay,
      messages: plan.messages.length,
      charts: plan.charts.length,
      groups: groups.digests.length,
      rows: rows.length,
      enqueued,
    },
    'reminder cycle: planned and enqueued',
  );
  return { plan, groups, input, chats, rows: rows.length, enqueued };
}
