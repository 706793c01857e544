// The drill-down page: one target with its tasks and their update history, or one task with its own.
import { dueAsWritten, dueText, indicatorText } from '../../core/format.ts';
import { isOverdue } from '../../core/grid.ts';
import { daysBetween } from '../../core/time.ts';
import type { ItemView, Lang, LocalDate, UpdateView } from '../../core/types.ts';
import { changeKind } from './dashboard-page.ts';
import type { ItemPage } from './dashboard-data.ts';
import { html, type SafeHtml } from './html.ts';
import { href, words } from './i18n.ts';
import { bucketOf, itemLink, moment, progressBar, statusChip } from './widgets.ts';

interface Ctx {
  lang: Lang;
  tz: string;
  today: LocalDate;
}

export function itemBody(page: ItemPage, ctx: Ctx): SafeHtml {
  const { lang } = ctx;
  const w = words(lang);
  const { item, parent, history } = page.detail;
  const crumbs = html`<nav class="crumbs" aria-label="breadcrumb">
    <a href="${href('/dashboard', lang, { program: item.program })}">${w.navDashboard} · ${item.program}</a>
    ${parent ? html` › ${itemLink(parent.code, lang)}` : null} › <code>${item.code}</code>
  </nav>`;
  return html`${crumbs}
    <section class="card" aria-labelledby="item-h">
      <h1 id="item-h"><code>${item.code}</code> ${item.title[lang]}</h1>
      <p>${statusChip(item, ctx.today, lang)} ${progressBar(item.progress, bucketOf(item, ctx.today))}</p>
      ${facts(item, ctx)}
      ${parent ? html`<p>${w.partOf}: ${itemLink(parent.code, lang)} ${parent.title[lang]}</p>` : null}
    </section>
    ${
      page.tasks.length > 0
        ? html`<section class="card" aria-labelledby="tasks-h">
            <h2 id="tasks-h">${w.tasksOf} (${page.tasks.length})</h2>
            ${page.tasks.map(
              (t) =>
                html`<article class="task" data-testid="task-${t.item.code}">
                  <h3>${itemLink(t.item.code, lang)} ${t.item.title[lang]}</h3>
                  <p>
                    ${statusChip(t.item, ctx.today, lang)}
                    ${progressBar(t.item.progress, bucketOf(t.item, ctx.today))}
                  </p>
                  ${facts(t.item, ctx)}
                  <details class="history" open>
                    <summary>${w.history} (${t.history.length})</summary>
                    ${historyList(t.history, ctx)}
                  </details>
                </article>`,
            )}
          </section>`
        : null
    }
    ${
      history.length > 0 || page.tasks.length === 0
        ? html`<section class="card" aria-labelledby="history-h">
            <h2 id="history-h">${w.history}</h2>
            ${historyList(history, ctx)}
          </section>`
        : null
    }
    ${
      page.evidence.length > 0
        ? html`<section class="card" aria-labelledby="evidence-h">
            <h2 id="evidence-h">${w.evidence} (${page.evidence.length})</h2>
            <ul data-testid="evidence">
              ${page.evidence.map(
                (e) =>
                  html`<li>
                    <a href="/dashboard/items/${item.code}/evidence/${String(e.id)}" download>${e.name}</a>
                    <span class="muted small"
                      >· ${e.person ?? '—'} · ${moment(e.at, ctx.lang, ctx.tz, ctx.today)}</span
                    >
                  </li>`,
              )}
            </ul>
          </section>`
        : null
    }
    <p><a href="${href('/dashboard', lang, { program: item.program })}">← ${w.back}</a></p>`;
}

function facts(item: ItemView, ctx: Ctx): SafeHtml {
  const w = words(ctx.lang);
  return html`<dl class="facts">
    <dt>${w.due}</dt>
    <dd>
      ${dueAsWritten(item, ctx.lang)}
      ${
        item.status !== 'done' && item.dueDate !== null && daysBetween(ctx.today, item.dueDate) <= 30
          ? html`<span class="${isOverdue(item, ctx.today) ? 'late' : 'muted'}">
              · ${dueText(item, ctx.today, ctx.lang)}</span
            >`
          : null
      }
    </dd>
    <dt>${item.assignee ? w.owner : w.lead}</dt>
    <dd>${item.assignee ? html`${item.assignee.name} · ` : null}${item.agencyName[ctx.lang]}</dd>
    ${
      (item.coAgencies ?? []).length > 0
        ? html`<dt>${w.coAgencies}</dt>
            <dd>${(item.coAgencies ?? []).map((a) => a[ctx.lang] || a.vi).join(', ')}</dd>`
        : null
    }
    ${
      item.deliverable
        ? html`<dt>${w.deliverable}</dt>
            <dd>${item.deliverable}</dd>`
        : null
    }
    ${
      item.indicator
        ? html`<dt>${w.indicator}</dt>
            <dd>${indicatorText(item.indicator, ctx.lang)}</dd>`
        : null
    }
    <dt>${w.lastUpdated}</dt>
    <dd>${moment(item.updatedAt, ctx.lang, ctx.tz, ctx.today)}</dd>
  </dl>`;
}

function historyList(history: UpdateView[], ctx: Ctx): SafeHtml {
  const w = words(ctx.lang);
  if (history.length === 0) return html`<p class="muted small">${w.noHistory}</p>`;
  return html`<ol class="changes">
    ${history.map((h) => {
      const kind = changeKind(h, ctx.lang);
      return html`<li>
        <div class="when">
          ${moment(h.at, ctx.lang, ctx.tz, ctx.today)}${h.person ? html` · ${h.person.name}` : null}${
            h.channel ? html` · ${w.via(h.channel)}` : null
          }
        </div>
        <div class="small">
          ${kind ? html`<b>${kind}</b> ` : null}${h.status ? w.status[h.status] : null}${
            h.progress !== null ? html` · ${h.progress}%` : null
          }
        </div>
        ${h.note ? html`<div class="note">“${h.note}”</div>` : null}
      </li>`;
    })}
  </ol>`;
}
