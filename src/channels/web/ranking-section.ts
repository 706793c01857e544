// The dashboard's league table: the programme's agencies by on-time rate for a period, lowest first,
// as a table whose rate column is drawn as a bar (the chart) — the numbers of `dondoc ranking`.
import { formatDay, formatPercent } from '../../core/format.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import type { DashboardRanking } from './dashboard-data.ts';
import { html, raw, table, type SafeHtml } from './html.ts';
import { href, words } from './i18n.ts';

function rateBar(rate: number | null, lang: Lang): SafeHtml {
  if (rate === null) return html`<span class="muted">–</span>`;
  const pct = Math.round(rate * 1000) / 10;
  const color = rate >= 0.8 ? '#2e9d5b' : rate >= 0.5 ? '#e08a1e' : '#d64545';
  return html`<svg class="pbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
      <rect width="100" height="8" fill="#e6ebf0" />
      <rect width="${pct}" height="8" fill="${color}" /></svg
    ><span data-rate>${formatPercent(pct, lang)}</span>`;
}

/** The periods offered as links: the year to date (the default), this quarter, this month. */
function periodLinks(program: string, today: LocalDate, lang: Lang, current: string | null): SafeHtml {
  const w = words(lang);
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const choices: Array<[string | null, string]> = [
    [null, w.rankingYear],
    [quarter, w.rankingQuarter],
    [today.slice(0, 7), w.rankingMonth],
  ];
  return html`<p class="small">
    ${choices.map(
      ([spec, label], i) =>
        html`${i > 0 ? ' · ' : ''}<a
            href="${href('/dashboard', lang, { program, period: spec })}#ranking"
            ${spec === current ? raw('aria-current="true"') : null}
            >${label}</a
          >`,
    )}
  </p>`;
}

export function rankingSection(
  r: DashboardRanking,
  opts: { program: string; today: LocalDate; lang: Lang },
): SafeHtml {
  const { lang } = opts;
  const w = words(lang);
  const day = (d: LocalDate) => formatDay(d, lang);
  return html`<section class="card" aria-labelledby="ranking-h" id="ranking">
    <h2 id="ranking-h">${w.ranking}</h2>
    ${periodLinks(opts.program, opts.today, lang, r.badSpec === null ? r.spec : null)}
    ${r.badSpec === null ? null : html`<p class="small late">${w.rankingBadPeriod(r.badSpec)}</p>`}
    <p class="small muted">${w.rankingNote(day(r.period.from), day(r.period.to), day(r.end))}</p>
    ${
      r.rows.length === 0
        ? html`<p class="muted">${w.rankingNone}</p>`
        : table(
            [w.colRank, w.colAgency, w.colRate, w.colOnTime, w.colDoneLate, w.colOverdueN, w.colDueN],
            r.rows.map(
              (a, i) =>
                html`<tr data-agency="${a.agency}">
                  <td class="num">${i + 1}</td>
                  <td>${a.name[lang]}</td>
                  <td class="num" data-label="${w.colRate}">${rateBar(a.onTimeRate, lang)}</td>
                  <td class="num" data-label="${w.colOnTime}">${a.counts.doneOnTime}</td>
                  <td class="num" data-label="${w.colDoneLate}">${a.counts.doneLate}</td>
                  <td class="num" data-label="${w.colOverdueN}">${a.counts.overdue}</td>
                  <td class="num" data-label="${w.colDueN}">${a.counts.total}</td>
                </tr>`,
            ),
            { testId: 'ranking' },
          )
    }
  </section>`;
}
