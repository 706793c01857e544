// One answer per question intent: reads the store and builds the reply's lines in the asker's language.
import {
  dueText,
  indicatorText,
  dueAsWritten,
  formatDay,
  formatMoment,
  formatPercent,
  formatShortDay,
  itemLine,
  itemTitle,
  LIGHT_EMOJI,
  ownerText,
  riskOrder,
  share,
  trafficLight,
  expectedProgress,
} from './format.ts';
import { isAwaiting } from './grid.ts';
import { messages, type Messages } from './messages.ts';
import { yearToDate } from './period-spec.ts';
import type { Counts, CoreStore, HistoryEntry, ItemDetail, Level, Person, Scope } from './ports.ts';
import type { Line } from './reply.ts';
import { addDays } from './time.ts';
import type { AgencyCode, Intent, Lang, Lexicon, LocalDate, Period } from './types.ts';

export interface AnswerContext {
  store: CoreStore;
  today: LocalDate;
  lang: Lang;
  tz: string;
}

/** The agency's official name in the reader's language; its code when the lexicon does not know it. */
export function agencyName(lexicon: Lexicon, code: AgencyCode, lang: Lang): string {
  const entry = lexicon.agencies.find((a) => a.code === code);
  return entry === undefined ? code : entry[lang];
}

/** "NQ57 · Sở Y tế", "NQ57", or "toàn tỉnh". */
export function scopeLabel(scope: Scope, lexicon: Lexicon, lang: Lang): string {
  const parts: string[] = [];
  if (scope.program) parts.push(scope.program);
  if (scope.agency) parts.push(agencyName(lexicon, scope.agency, lang));
  return parts.length > 0 ? parts.join(' · ') : messages(lang).province;
}

export const scopeOf = (intent: Intent): Scope => ({ program: intent.program, agency: intent.agency });

export async function answerOverdue(ctx: AnswerContext, intent: Intent, level: Level): Promise<Line[]> {
  const m = messages(ctx.lang);
  const scope = scopeOf(intent);
  const label = scopeLabel(scope, await ctx.store.lexicon(), ctx.lang);
  // The store lists by due date, which is most overdue first.
  const items = await ctx.store.overdue(scope, level, ctx.today);
  if (items.length === 0) return [[m.overdueNone(level, label)]];
  return [
    [m.overdueHeader(items.length, level, label)],
    ...items.map((i) => itemLine(i, ctx.today, ctx.lang)),
  ];
}

/** The default window is today and the six days after it: "the next 7 days". */
export function dueSoonPeriod(intent: Intent, today: LocalDate): Period {
  return intent.period ?? { from: today, to: addDays(today, 6) };
}

export async function answerDueSoon(ctx: AnswerContext, intent: Intent, level: Level): Promise<Line[]> {
  const m = messages(ctx.lang);
  const scope = scopeOf(intent);
  const label = scopeLabel(scope, await ctx.store.lexicon(), ctx.lang);
  const period = dueSoonPeriod(intent, ctx.today);
  const day = (d: LocalDate) => formatShortDay(d, ctx.lang, ctx.today);
  const when = intent.period
    ? m.between(day(period.from), day(period.to))
    : m.next7Days(day(period.from), day(period.to));
  const items = await ctx.store.dueBetween(scope, level, period);
  if (items.length === 0) return [[m.dueSoonNone(level, when, label)]];
  return [
    [m.dueSoonHeader(items.length, level, when, label)],
    ...items.map((i) => itemLine(i, ctx.today, ctx.lang)),
  ];
}

/**
 * "việc nào đang vướng", "what was completed in June": the items of one status, scoped like `overdue`.
 * Done ones most recently finished first; the others riskiest first, by the same traffic lights.
 */
export async function answerList(ctx: AnswerContext, intent: Intent, level: Level): Promise<Line[]> {
  const m = messages(ctx.lang);
  const status = intent.status ?? 'blocked';
  const scope = scopeOf(intent);
  const label = scopeLabel(scope, await ctx.store.lexicon(), ctx.lang);
  const period = status === 'done' ? intent.period : null;
  const day = (d: LocalDate) => formatShortDay(d, ctx.lang, ctx.today);
  const when = period ? m.between(day(period.from), day(period.to)) : null;
  const found = await ctx.store.byStatus(scope, level, status, period);
  const items =
    status === 'done'
      ? [...found].sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0))
      : riskOrder(found, ctx.today);
  if (items.length === 0) return [[m.listNone(level, status, when, label)]];
  return [
    [m.listHeader(items.length, level, status, when, label)],
    ...items.map((i) => itemLine(i, ctx.today, ctx.lang)),
  ];
}

function historyLine(h: HistoryEntry, ctx: AnswerContext): Line {
  const m = messages(ctx.lang);
  const who = h.person?.name ?? '—';
  const about = h.item ? `${h.item} ` : '';
  const head = `• ${formatMoment(h.at, ctx.lang, ctx.tz, ctx.today)} — ${about}${who}: `;
  if (h.kind === 'explanation_request') return [head + m.explanationRequested];
  if (h.kind === 'explanation') return [`${head}${m.explanationGiven}: ${h.note ?? ''}`];
  if (h.kind === 'claim') return [`${head}${m.claimWord}${h.note ? ` — ${h.note}` : ''}`];
  const parts: string[] = [];
  if (h.progress !== null) parts.push(`${h.progress}%`);
  if (h.status !== null) parts.push(`(${m.status(h.status)})`);
  const what = parts.join(' ');
  const note = h.note ? `${what ? ' — ' : ''}${h.note}` : '';
  return [head + what + note];
}

/** One item: what it is, who owns it, where it stands, its tasks and its latest updates. */
export function statusLines(detail: ItemDetail, ctx: AnswerContext): Line[] {
  const history = detail.recent;
  const m = messages(ctx.lang);
  const { item } = detail;
  const light = trafficLight(item, ctx.today);
  const lines: Line[] = [
    [
      `${LIGHT_EMOJI[light]} `,
      { b: m.kind(item.kind) },
      ' ',
      { code: item.code },
      ` ${itemTitle(item, ctx.lang)}`,
    ],
  ];
  if (detail.parent) lines.push([m.partOf(detail.parent.code, itemTitle(detail.parent, ctx.lang))]);
  lines.push([item.assignee ? m.ownerLabel : m.leadAgencyLabel, ownerText(item, ctx.lang)]);
  const co = item.coAgencies ?? [];
  if (co.length > 0) lines.push([m.coAgenciesLabel, co.map((a) => a[ctx.lang] || a.vi).join(', ')]);
  if (item.deliverable) lines.push([m.deliverableLabel, item.deliverable]);
  if (item.indicator) lines.push([m.indicatorLabel, indicatorText(item.indicator, ctx.lang)]);
  const progress =
    `${item.progress}% · ${m.status(item.status)}` + (isAwaiting(item) ? ` · ${m.awaitingWord}` : '');
  const expected = expectedProgress(item, ctx.today);
  const behind =
    item.status !== 'done' && item.progress < expected && item.dueDate !== null && item.dueDate >= ctx.today;
  lines.push([
    m.progressLabel,
    progress + (behind ? ` (${m.expected(formatPercent(Math.round(expected), ctx.lang))})` : ''),
  ]);
  lines.push([
    m.dueLabel,
    item.dueDate === null
      ? dueAsWritten(item, ctx.lang)
      : `${dueAsWritten(item, ctx.lang)} (${dueText(item, ctx.today, ctx.lang, false)})`,
  ]);
  if (detail.children.length > 0) {
    lines.push([m.tasksHeader(detail.children.length)]);
    for (const child of riskOrder(detail.children, ctx.today))
      lines.push(itemLine(child, ctx.today, ctx.lang));
  }
  lines.push([m.historyHeader]);
  if (history.length === 0) lines.push([m.noHistory]);
  for (const h of history) lines.push(historyLine(h, ctx));
  return lines;
}

function countsLine(c: Counts, lang: Lang): { done: number; total: number; pct: string; overdue: number } {
  return {
    done: c.done,
    total: c.total,
    pct: formatPercent(share(c.done, c.total), lang),
    overdue: c.overdue,
  };
}

/** How many agencies a summary names as most behind. */
const WORST_AGENCIES = 5;

/** How many agencies the ranking that leads a summary names. */
const RANKED_AGENCIES = 10;

/** "đơn vị nào chậm nhất": the agencies by on-time rate, lowest first; no period named = the year to date. */
/** " · 3 chờ xác nhận" after a count line, when anything there waits for a checker. */
function awaitingPart(c: Counts, m: Messages): string {
  return c.awaiting > 0 ? ` · ${m.awaiting(c.awaiting)}` : '';
}

async function rankingLines(ctx: AnswerContext, intent: Intent): Promise<Line[]> {
  const m = messages(ctx.lang);
  const period = intent.period ?? yearToDate(ctx.today);
  const ranks = (await ctx.store.ranking(scopeOf(intent), period, ctx.today)).filter(
    (r) => r.onTimeRate !== null,
  );
  const day = (d: LocalDate) => formatShortDay(d, ctx.lang, ctx.today);
  const lines: Line[] = [[m.rankingHeader(m.between(day(period.from), day(period.to)))]];
  if (ranks.length === 0) return [...lines, [m.rankingNothingDue]];
  ranks.slice(0, RANKED_AGENCIES).forEach((r, i) =>
    lines.push([
      `${i + 1}. `,
      { b: r.name[ctx.lang] || r.name.vi },
      m.rankingLine({
        rate: formatPercent(share(r.counts.doneOnTime, r.counts.total), ctx.lang),
        onTime: r.counts.doneOnTime,
        due: r.counts.total,
        overdue: r.counts.overdue,
      }),
    ]),
  );
  return lines;
}

export async function answerSummary(ctx: AnswerContext, intent: Intent, ranking = false): Promise<Line[]> {
  const m = messages(ctx.lang);
  const scope = scopeOf(intent);
  const label = scopeLabel(scope, await ctx.store.lexicon(), ctx.lang);
  const view = await ctx.store.summary(scope, ctx.today, intent.period);
  const lines: Line[] = [[m.summaryTitle(label, formatDay(ctx.today, ctx.lang))]];
  if (intent.period) {
    const day = (d: LocalDate) => formatShortDay(d, ctx.lang, ctx.today);
    lines.push([m.summaryPeriod(m.between(day(intent.period.from), day(intent.period.to)))]);
  }
  if (view.programs.length === 0 && view.agencies.length === 0) return [[m.summaryNone(label)]];
  if (ranking) lines.push(...(await rankingLines(ctx, intent)));
  if (scope.agency) {
    const own = view.agencies.find((a) => a.agency === scope.agency);
    if (own) {
      lines.push([m.agencyTargetsLine(countsLine(own.targets, ctx.lang)) + awaitingPart(own.targets, m)]);
      lines.push([m.tasksLine(countsLine(own.tasks, ctx.lang)) + awaitingPart(own.tasks, m)]);
    }
  }
  for (const p of view.programs) {
    const t = p.targets;
    lines.push([
      { b: p.program },
      m.programLine({ ...countsLine(t, ctx.lang), inProgress: t.inProgress, blocked: t.blocked }) +
        awaitingPart(t, m),
    ]);
    // On time or not, beside the work status: the same grid as the dashboard, export and report.
    lines.push([`   ${m.gridLine(t)}`]);
    lines.push([m.tasksLine(countsLine(p.tasks, ctx.lang)) + awaitingPart(p.tasks, m)]);
  }
  if (!scope.agency) {
    const behind = view.agencies.filter((a) => a.tasks.overdue > 0).slice(0, WORST_AGENCIES);
    if (behind.length > 0) {
      lines.push([m.worstAgencies]);
      behind.forEach((a, i) =>
        lines.push([
          `${i + 1}. `,
          { b: a.name[ctx.lang] || a.name.vi },
          m.agencyLine({
            overdue: a.tasks.overdue,
            pct: formatPercent(share(a.tasks.done, a.tasks.total), ctx.lang),
          }),
        ]),
      );
    }
  }
  return lines;
}

export async function answerMyTasks(ctx: AnswerContext, person: Person): Promise<Line[]> {
  const m = messages(ctx.lang);
  const items = riskOrder(await ctx.store.openTasksOf(person.code), ctx.today);
  if (items.length === 0) return [[m.myTasksNone]];
  // The owner is the sender: naming them on every line is noise.
  return [
    [m.myTasksHeader(items.length)],
    ...items.map((i) => itemLine(i, ctx.today, ctx.lang, { owner: false })),
  ];
}

export function answerHelp(lang: Lang): Line[] {
  return messages(lang).help.map((text) => [text]);
}

export function answerUnknown(lang: Lang): Line[] {
  const m = messages(lang);
  const [a, b] = m.unknownExamples;
  return [[m.notUnderstood], [m.examplesIntro], [`• “${a}”`], [`• “${b}”`], [m.seeHelp]];
}
