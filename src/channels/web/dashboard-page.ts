// The leaders' dashboard page: one programme at a glance, its chart per agency, what is late and what changed.
import { dueAsWritten, formatDay, formatPercent, indicatorText } from '../../core/format.ts';
import { messages } from '../../core/messages.ts';
import type { ItemView, Lang } from '../../core/types.ts';
import type { Change } from '../../store/dashboard.ts';
import { chartSvg } from './charts.ts';
import { percentDone, type DashboardData, type Late } from './dashboard-data.ts';
import { html, raw, table, type SafeHtml } from './html.ts';
import { href, words } from './i18n.ts';
import { agencyChart } from './program-chart.ts';
import { rankingSection } from './ranking-section.ts';
import { bucketOf, GRID_SEGMENTS, gridWords, itemLink, moment, progressBar, stackedBar } from './widgets.ts';

export function dashboardBody(d: DashboardData, lang: Lang, tz: string): SafeHtml {
  const w = words(lang);
  const p = d.program;
  const tabs = html`<nav aria-label="${w.programs}">
    <ul class="tabs">
      ${d.programs.map(
        (x) =>
          html`<li>
            <a
              href="${href('/dashboard', lang, { program: x.program })}"
              ${x.program === p?.program ? raw('aria-current="page"') : null}
              ><b>${x.program}</b
              ><span>${formatPercent(percentDone(x), lang)} · ${x.targets.done}/${x.targets.total}</span></a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
  if (!p)
    return html`${tabs}
      <p>${w.chartEmpty}</p>`;

  const t = p.targets;
  const m = messages(lang);
  const kpi = (light: string, n: number, label: string) =>
    html`<div class="kpi ${light}" data-kpi="${light}">
      <span class="n">${n}</span
      ><span class="l"><span class="dot ${light}" aria-hidden="true"></span>${label}</span>
    </div>`;
  const chart = agencyChart(d.agencies, { lang, program: p.program, today: d.today });
  const pngHref = href('/charts/agencies.png', lang, { program: p.program });

  return html`${tabs}
    <h1>${p.name[lang]}</h1>
    <p class="muted small">${p.program} · ${w.asOf(formatDay(d.today, lang))}</p>

    <section class="card" aria-labelledby="overview-h">
      <h2 id="overview-h">${w.targetsWord}</h2>
      <div class="complete">
        <span class="pct" data-testid="percent">${formatPercent(d.percentDone, lang)}</span>
        <span>${w.complete} · <b data-testid="done-of">${w.targetsDone(t.done, t.total)}</b></span>
      </div>
      ${stackedBar(t, gridWords(t, lang))}
      <div class="kpis" data-testid="grid">
        ${GRID_SEGMENTS.map((s) => kpi(s.light, t[s.field], m.gridCell(s.cell)))}
      </div>
      <p class="small muted" data-testid="work-status">${m.workStatusLine(t)}</p>
      <p class="small muted" data-testid="tasks-line">
        ${w.tasksWord}: ${w.tasksLine(p.tasks.total, p.tasks.overdue, p.tasks.blocked, p.tasks.awaiting)}
      </p>
      <div class="actions">
        <a class="btn" href="${href('/reports/status.xlsx', lang, { program: p.program })}" download
          >⬇ ${w.reportXlsx}</a
        >
        <a class="btn" href="${href('/reports/report.docx', lang, { program: p.program })}" download
          >⬇ ${w.reportDocx}</a
        >
        <a class="btn secondary" href="${href('/reports/overdue.csv', lang, { program: p.program })}" download
          >⬇ ${w.reportCsv}</a
        >
      </div>
    </section>

    <div class="grid-2">
      <section class="card" aria-labelledby="chart-h">
        <h2 id="chart-h" class="visually-hidden">${chart.title}</h2>
        <div class="chart">
          <div class="wide">${raw(chartSvg(chart, { width: 640 }))}</div>
          <div class="narrow">${raw(chartSvg(chart, { width: 340 }))}</div>
        </div>
        <div class="actions">
          <a class="btn secondary" href="${pngHref}" download>⬇ ${w.chartPng}</a>
        </div>
      </section>
      <section class="card" aria-labelledby="week-h">
        <h2 id="week-h">${w.week}</h2>
        <p class="small muted" data-testid="week-counts">${w.weekCounts(d.week.total, d.week.done)}</p>
        ${changesList(d.week.changes, lang, tz, d)}
        ${
          d.week.total > d.week.changes.length
            ? html`<p class="small muted">${w.weekMore(d.week.total - d.week.changes.length)}</p>`
            : null
        }
      </section>
    </div>

    ${rankingSection(d.ranking, { program: p.program, today: d.today, lang })}

    <section class="card" aria-labelledby="late-targets-h" id="overdue">
      <h2 id="late-targets-h">
        <span class="dot red" aria-hidden="true"></span>${w.overdueTargets} (${d.overdueTargets.length})
      </h2>
      ${overdueTable(d.overdueTargets, lang, 'target', d)}
    </section>
    <section class="card" aria-labelledby="late-tasks-h">
      <h2 id="late-tasks-h">
        <span class="dot red" aria-hidden="true"></span>${w.overdueTasks} (${d.overdueTasks.length})
      </h2>
      ${overdueTable(d.overdueTasks, lang, 'task', d)}
    </section>`;
}

function overdueTable(
  items: Late<ItemView>[],
  lang: Lang,
  level: 'target' | 'task',
  d: DashboardData,
): SafeHtml {
  const w = words(lang);
  if (items.length === 0) return html`<p class="muted">${w.noOverdue}</p>`;
  const ownerHead = level === 'target' ? w.colLead : w.colOwner;
  return table(
    [w.colCode, w.colTitle, ownerHead, w.colDue, w.colLate, w.colProgress],
    items.map(
      (i) =>
        html`<tr>
          <td class="code">${itemLink(i.code, lang)}</td>
          <td class="title">
            ${i.title[lang]}${i.indicator ? html`<br /><span class="small muted">${w.indicator}: ${indicatorText(i.indicator, lang)}</span>` : null}${i.deliverable ? html`<br /><span class="small muted">${w.deliverable}: ${i.deliverable}</span>` : null}
          </td>
          <td data-label="${ownerHead}">
            ${i.assignee ? html`${i.assignee.name}<br /><span class="small muted">${i.agencyName[lang]}</span>` : i.agencyName[lang]}${(i.coAgencies ?? []).length > 0 ? html`<br /><span class="small muted">${w.coAgencies}: ${(i.coAgencies ?? []).map((a) => a[lang] || a.vi).join(', ')}</span>` : null}
          </td>
          <td class="num" data-label="${w.colDue}">${dueAsWritten(i, lang)}</td>
          <td class="num" data-label="${w.colLate}"><span class="late">${w.daysLate(i.daysLate)}</span></td>
          <td class="num" data-label="${w.colProgress}">${progressBar(i.progress, bucketOf(i, d.today))}</td>
        </tr>`,
    ),
    { testId: `overdue-${level}s` },
  );
}

export function changeKind(c: Pick<Change, 'kind'>, lang: Lang): string | null {
  const w = words(lang);
  if (c.kind === 'explanation_request') return w.kindRequest;
  if (c.kind === 'explanation') return w.kindExplanation;
  if (c.kind === 'claim') return w.kindClaim;
  return null;
}

function changesList(changes: Change[], lang: Lang, tz: string, d: DashboardData): SafeHtml {
  const w = words(lang);
  if (changes.length === 0) return html`<p class="muted">${w.weekNone}</p>`;
  return html`<ol class="changes" data-testid="changes">
    ${changes.map((c) => {
      const kind = changeKind(c, lang);
      return html`<li>
        <div class="when">
          ${moment(c.at, lang, tz, d.today)}${c.person ? html` · ${c.person.name}` : null}
        </div>
        <div>${itemLink(c.item, lang)} ${c.title[lang]}</div>
        <div class="small">
          ${kind ? html`<b>${kind}</b>` : null}
          ${c.status ? html`${w.status[c.status]}` : null}${c.progress !== null ? html` · ${c.progress}%` : null}
        </div>
        ${c.note ? html`<div class="note">“${c.note}”</div>` : null}
      </li>`;
    })}
  </ol>`;
}
