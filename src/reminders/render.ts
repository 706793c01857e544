// Turns a planned reminder into the reply model's lines and buttons, in the recipient's language.
import { isOverdue } from '../core/grid.ts';
import { formatMoment } from '../core/format.ts';
import { REMINDERS as T } from '../core/catalogue/reminders.ts';
import { messages } from '../core/messages.ts';
import { verdictButtons } from '../core/verdicts.ts';
import type { Button, Line, Reply } from '../core/reply.ts';
import type { ItemCode, ItemView, Lang, LocalDate, Percent, PersonCode } from '../core/types.ts';
import { DEFAULT_TZ, daysBetween, localDate } from './calendar.ts';
import { type LeaderDigest, leaderDigest } from './digest.ts';
import { formatDay, formatPercent, formatShortDay, truncate } from './format.ts';
import type {
  Plan,
  PlanInput,
  PlanPerson,
  PlanProgram,
  PlannedChart,
  PlannedGroupDigest,
  PlannedMessage,
} from './model.ts';
import { NUDGE_AFTER_WORKING_DAYS } from './plan.ts';

export interface RenderContext {
  today: LocalDate;
  /** The zone update times are read in; Asia/Ho_Chi_Minh when absent. */
  tz?: string;
  /** Every item a message may name; the leader digest's counts are taken from all of them. */
  items: ReadonlyMap<ItemCode, ItemView>;
  people: readonly PlanPerson[];
  programs: readonly PlanProgram[];
  /** Precomputed leader-digest numbers; computed from `items` when absent. */
  digest?: LeaderDigest;
}

/** The context for rendering one plan's messages, straight from what the planner was given. */
export function renderContext(input: PlanInput, plan: Pick<Plan, 'localDay'>): RenderContext {
  const items = new Map(input.items.map((i) => [i.code, i]));
  const order = input.programs.map((p) => p.code);
  return {
    today: plan.localDay,
    tz: input.tz,
    items,
    people: input.people,
    programs: input.programs,
    digest: leaderDigest(input.items, plan.localDay, order),
  };
}

/** Most overdue targets a leader digest lists by name; the rest are counted. */
const MAX_DIGEST_TARGETS = 10;
const MAX_DIGEST_AGENCIES = 5;

interface LineOptions {
  lang: Lang;
  today: LocalDate;
  tz: string;
  /** Always show progress, even on tasks not yet due. */
  progress?: boolean;
  /** Say how long the item has gone without an update. */
  silence?: boolean;
  explain?: boolean;
  /** Who owns it: the assignee's name, else the agency's. */
  owner?: boolean;
}

/** `🔴 NQ57-12.3 Lắp đặt trạm BTS… — quá hạn 5 ngày, 40%`, with the code in bold. */
function itemLine(item: ItemView, o: LineOptions): Line {
  const t = T[o.lang];
  // An ongoing item is never late: it reads as far from any deadline.
  const left = item.dueDate === null ? Infinity : daysBetween(o.today, item.dueDate);
  const silent = daysBetween(localDate(item.updatedAt, o.tz), o.today);
  const facts: string[] = [];
  let icon: string;
  if (left < 0) {
    icon = '🔴';
    facts.push(t.overdue(-left), `${item.progress}%`);
  } else if (left === 0) {
    icon = '🟠';
    facts.push(t.dueToday, `${item.progress}%`);
  } else {
    icon = left <= 7 ? '🟠' : '🟡';
    if (item.dueDate !== null) facts.push(t.left(left, formatShortDay(item.dueDate, o.lang, o.today)));
    if (o.progress || left > 7) facts.push(`${item.progress}%`);
  }
  // Escalations always say how long the task has been silent: that silence is why they were sent.
  if (o.silence ? silent > 0 : left > 7 && silent >= 7) facts.push(t.silent(silent));
  let text = ` ${truncate(item.title[o.lang], 60)} — ${facts.join(', ')}`;
  if (o.explain) text += ` — ${t.explain}`;
  if (o.owner) text += ` · ${item.assignee?.name ?? item.agencyName[o.lang]}`;
  return [`${icon} `, { b: item.code }, text];
}

function itemsOf(message: PlannedMessage, ctx: RenderContext): ItemView[] {
  return message.items.flatMap((code) => {
    const item = ctx.items.get(code);
    return item ? [item] : [];
  });
}

/** The lines of `message`, ready for `renderPlain`/`renderHtml`/`paginate`. */
export function renderReminder(message: PlannedMessage, ctx: RenderContext): Line[] {
  switch (message.kind) {
    case 'assignee':
      return renderAssignee(message, ctx);
    case 'agency_digest':
      return renderAgencyDigest(message, ctx);
    case 'leader_digest':
      return renderLeaderDigest(message, ctx);
    case 'escalation':
      return renderEscalation(message, ctx);
    case 'checker_nudge':
      return renderCheckerNudge(message, ctx);
  }
}

function renderAssignee(message: PlannedMessage, ctx: RenderContext): Line[] {
  const { lang } = message;
  const t = T[lang];
  const explain = new Set(message.pendingExplanations ?? []);
  const lines: Line[] = [[{ b: t.assigneeTitle(formatDay(ctx.today, lang)) }]];
  for (const item of itemsOf(message, ctx)) {
    lines.push(
      itemLine(item, { lang, today: ctx.today, tz: ctx.tz ?? DEFAULT_TZ, explain: explain.has(item.code) }),
    );
  }
  lines.push([t.replyHint]);
  return lines;
}

function renderAgencyDigest(message: PlannedMessage, ctx: RenderContext): Line[] {
  const { lang } = message;
  const t = T[lang];
  const items = itemsOf(message, ctx);
  const names = [...new Set(items.map((i) => i.agencyName[lang]))].join(', ');
  const overdue = items.filter((i) => isOverdue(i, ctx.today)).length;
  const lines: Line[] = [[{ b: t.agencyTitle(names, formatDay(ctx.today, lang)) }]];
  lines.push([t.agencyCounts(overdue, items.length - overdue)]);
  for (const item of items)
    lines.push(
      itemLine(item, { lang, today: ctx.today, tz: ctx.tz ?? DEFAULT_TZ, progress: true, owner: true }),
    );
  return lines;
}

function digestOf(ctx: RenderContext): LeaderDigest {
  return (
    ctx.digest ??
    leaderDigest(
      ctx.items.values(),
      ctx.today,
      ctx.programs.map((p) => p.code),
    )
  );
}

/** `NQ57: 17/43 chỉ tiêu hoàn thành (39,5%), …` for every programme with targets. */
function programLines(digest: LeaderDigest, lang: Lang): Line[] {
  const t = T[lang];
  return digest.programs
    .filter((s) => s.total > 0)
    .map((s) => [
      { b: s.program },
      t.programLine({
        done: s.done,
        total: s.total,
        pct: formatPercent(s.percentDone, lang),
        overdue: s.overdue,
        week: s.dueThisWeek,
      }),
    ]);
}

/** The agencies with the most overdue tasks, numbered; nothing when none is behind. */
function worstAgencyLines(digest: LeaderDigest, lang: Lang): Line[] {
  const t = T[lang];
  const behind = digest.agencies.filter((a) => a.overdue > 0).slice(0, MAX_DIGEST_AGENCIES);
  if (behind.length === 0) return [];
  return [
    [{ b: t.worstAgencies }],
    ...behind.map((a, i): Line => [
      `${i + 1}. ${a.name[lang]}`,
      t.agencyLine(a.overdue, formatPercent(a.percentDone, lang)),
    ]),
  ];
}

function renderLeaderDigest(message: PlannedMessage, ctx: RenderContext): Line[] {
  const { lang } = message;
  const t = T[lang];
  const digest = digestOf(ctx);
  const lines: Line[] = [[{ b: t.leaderTitle(formatDay(ctx.today, lang)) }], ...programLines(digest, lang)];
  const targets = itemsOf(message, ctx);
  if (targets.length > 0) {
    lines.push([{ b: t.overdueTargets(targets.length) }]);
    for (const item of targets.slice(0, MAX_DIGEST_TARGETS)) {
      lines.push(itemLine(item, { lang, today: ctx.today, tz: ctx.tz ?? DEFAULT_TZ, owner: true }));
    }
    if (targets.length > MAX_DIGEST_TARGETS) lines.push([t.more(targets.length - MAX_DIGEST_TARGETS)]);
  }
  lines.push(...worstAgencyLines(digest, lang));
  const unreachable = message.unreachable ?? [];
  if (unreachable.length > 0) lines.push([t.unreachable + unreachable.map((c) => nameOf(c, ctx)).join(', ')]);
  const pending = message.pendingExplanations ?? [];
  if (pending.length > 0) lines.push([t.pending, ...joinCodes(pending)]);
  return lines;
}

/**
 * A group chat's daily digest: the province per programme and the agencies most behind. A group is seen
 * by many, so it shows no overdue list, no assignee, no unreachable people and no pending explanations.
 */
export function renderGroupDigest(digest: Pick<PlannedGroupDigest, 'lang'>, ctx: RenderContext): Line[] {
  const { lang } = digest;
  const m = messages(lang);
  const numbers = digestOf(ctx);
  return [
    [{ b: m.groupDigestTitle(formatDay(ctx.today, lang)) }],
    ...programLines(numbers, lang),
    ...worstAgencyLines(numbers, lang),
    [m.groupDigestHint],
  ];
}

export function groupDigestReply(digest: PlannedGroupDigest, ctx: RenderContext): Reply {
  return { lang: digest.lang, lines: renderGroupDigest(digest, ctx), buttons: [], about: null };
}

/** `📈 NQ57 — Nghị quyết 57…: tiến độ theo đơn vị, ngày 14/07/2025`: the photo's caption. */
export function chartCaption(chart: PlannedChart, ctx: RenderContext): Reply {
  const { program, lang, today } = chart.chart;
  const name = ctx.programs.find((p) => p.code === program)?.name[lang] ?? program;
  return {
    lang,
    lines: [['📈 ', { b: program }, T[lang].chartCaption(truncate(name, 120), formatDay(today, lang))]],
    buttons: [],
    about: null,
  };
}

function renderEscalation(message: PlannedMessage, ctx: RenderContext): Line[] {
  const { lang } = message;
  const t = T[lang];
  const items = itemsOf(message, ctx);
  const lines: Line[] = [[{ b: t.escalationTitle(formatDay(ctx.today, lang)) }]];
  for (const item of items) {
    lines.push(
      itemLine(item, { lang, today: ctx.today, tz: ctx.tz ?? DEFAULT_TZ, silence: true, owner: true }),
    );
  }
  const first = items[0];
  if (first) lines.push([t.escalationHint(first.code)]);
  return lines;
}

/** `• NQ57-3.1 Title — Nguyễn Văn A, 12/03`: each claim, who reported it and since when. */
function renderCheckerNudge(message: PlannedMessage, ctx: RenderContext): Line[] {
  const { lang } = message;
  const m = messages(lang);
  const tz = ctx.tz ?? DEFAULT_TZ;
  const claims = message.claims ?? [];
  const lines: Line[] = [[{ b: m.awaitingNudge(claims.length, NUDGE_AFTER_WORKING_DAYS) }]];
  for (const c of claims) {
    const item = ctx.items.get(c.item);
    const title = item ? ` ${truncate(item.title[lang], 60)}` : '';
    const who = c.reporter === null ? '' : `${nameOf(c.reporter, ctx)}, `;
    lines.push(['• ', { b: c.item }, `${title} — ${who}${formatMoment(c.at, lang, tz, ctx.today)}`]);
  }
  const first = claims[0];
  if (first) lines.push([m.checkerHint(first.item)]);
  return lines;
}

function nameOf(code: PersonCode, ctx: RenderContext): string {
  return ctx.people.find((p) => p.code === code)?.name ?? code;
}

function joinCodes(codes: readonly ItemCode[]): Line {
  return codes.flatMap((code, i) => (i === 0 ? [{ b: code }] : [', ', { b: code }]));
}

const pct = (n: number): Percent => n as Percent;

/**
 * One-tap answers for an assignee reminder about exactly one task. Several tasks get none: a bare
 * "xong" is then ambiguous, and the channel asks which task it means.
 */
export function reminderButtons(message: PlannedMessage): Button[][] {
  const item = message.items[0];
  if (message.kind !== 'assignee' || message.items.length !== 1 || item === undefined) return [];
  const b = T[message.lang].buttons;
  return [
    [
      { label: b.done, action: { kind: 'update', item, status: 'done', percent: pct(100) } },
      { label: '50%', action: { kind: 'update', item, status: 'in_progress', percent: pct(50) } },
      { label: '80%', action: { kind: 'update', item, status: 'in_progress', percent: pct(80) } },
    ],
    [
      { label: b.blocked, action: { kind: 'update', item, status: 'blocked', percent: null } },
      { label: b.snooze, action: { kind: 'snooze', item } },
    ],
  ];
}

/** The whole reply a channel sends: lines, buttons, and the one item a reply would update. */
export function reminderReply(message: PlannedMessage, ctx: RenderContext): Reply {
  if (message.kind === 'checker_nudge') {
    const lines = renderReminder(message, ctx);
    const claims = message.claims ?? [];
    const buttons = claims.map((c) => verdictButtons(message.lang, c.item, c.claimId, claims.length > 1));
    return { lang: message.lang, lines, buttons, about: claims.length === 1 ? claims[0]!.item : null };
  }
  const about = message.kind === 'assignee' && message.items.length === 1 ? (message.items[0] ?? null) : null;
  return {
    lang: message.lang,
    lines: renderReminder(message, ctx),
    buttons: reminderButtons(message),
    about,
  };
}
