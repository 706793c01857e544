// The reminders preview: for a day (tomorrow by default, `?day=YYYY-MM-DD`), each person and the full
// text of every message the reminder cycle would send them, from the same planning and rendering the
// cycle uses (nothing is recorded). The cycle's instant is REMINDER_CRON's first slot that day.
import { Hono, type Context } from 'hono';
import { DEFAULT_REMINDER_CRON } from '../../config.ts';
import { formatDay } from '../../core/format.ts';
import { addDays, isLocalDate, localDate } from '../../core/time.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import { createLogger } from '../../logger.ts';
import { localTime } from '../../reminders/calendar.ts';
import type { Plan } from '../../reminders/model.ts';
import { previewMessages, type MessagePreview } from '../../reminders/preview.ts';
import { firstSlotOn } from '../../reminders/scheduler.ts';
import type { WebDeps } from './deps.ts';
import { html, type SafeHtml } from './html.ts';
import { href, langOf, words } from './i18n.ts';
import { page } from './layout.ts';

const CHANNEL_NAMES = { telegram: 'Telegram', zalo: 'Zalo' } as const;
const two = (n: number): string => String(n).padStart(2, '0');

/** What the page shows for one day. */
type Preview =
  | { state: 'no_slot' }
  | { state: 'planned'; at: string; skipped: Plan['skipped']; messages: MessagePreview[] };

async function previewDay(deps: WebDeps, day: LocalDate): Promise<Preview> {
  const slot = firstSlotOn(deps.reminderCron ?? DEFAULT_REMINDER_CRON, deps.tz, day);
  if (slot === null) return { state: 'no_slot' };
  const cycle = await deps.store.previewCycle(slot, deps.tz, deps.logger ?? createLogger('silent'));
  const time = localTime(slot, deps.tz);
  return {
    state: 'planned',
    at: `${two(time.hour)}:${two(time.minute)}`,
    skipped: cycle.plan.skipped,
    messages: cycle.plan.skipped ? [] : previewMessages(cycle),
  };
}

/** The messages grouped by person, in the plan's order (by person code). */
function byPerson(messages: readonly MessagePreview[]): MessagePreview[][] {
  const groups = new Map<string, MessagePreview[]>();
  for (const m of messages) {
    const list = groups.get(m.person) ?? [];
    list.push(m);
    groups.set(m.person, list);
  }
  return [...groups.values()];
}

function messageCard(m: MessagePreview, lang: Lang): SafeHtml {
  const w = words(lang);
  if (m.texts.length === 0) {
    return html`<article class="reminder" data-kind="${m.kind}">
      <h3>${w.remindersKind[m.kind]}</h3>
      <p class="late small">${w.remindersNoChat}</p>
    </article>`;
  }
  return html`${m.texts.map(
    (t) =>
      html`<article class="reminder" data-kind="${m.kind}" data-channel="${t.channel}">
        <h3>${w.remindersKind[m.kind]} · ${CHANNEL_NAMES[t.channel]}</h3>
        <pre class="message">${t.text}</pre>
        ${
          t.buttons.length > 0
            ? html`<p class="small">
                ${w.remindersButtons}: ${t.buttons.map((b) => html`<span class="chip">${b}</span> `)}
              </p>`
            : null
        }
      </article>`,
  )}`;
}

function body(day: LocalDate, preview: Preview, lang: Lang): SafeHtml {
  const w = words(lang);
  const people = preview.state === 'planned' ? byPerson(preview.messages) : [];
  let summary: SafeHtml;
  if (preview.state === 'no_slot') summary = html`<p>${w.remindersNoSlot}</p>`;
  else if (preview.skipped) summary = html`<p>${w.remindersSkipped[preview.skipped.reason]}</p>`;
  else
    summary = html`<p class="muted small">${w.remindersAt(preview.at)}</p>
      <p>
        ${preview.messages.length > 0 ? w.remindersCount(preview.messages.length, people.length) : w.remindersNone}
      </p>`;
  return html`<section class="card" aria-labelledby="reminders-h">
      <h1 id="reminders-h">${w.remindersTitle(formatDay(day, lang))}</h1>
      <form method="get" action="/reminders" class="actions">
        <label>${w.remindersDay} <input type="date" name="day" value="${day}" required /></label>
        ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : null}
        <button class="btn" type="submit">${w.remindersShow}</button>
      </form>
      ${summary}
    </section>
    ${people.map((list) => {
      const first = list[0];
      if (!first) return null;
      return html`<section class="card" data-testid="person-${first.person}">
        <h2>${first.name} <span class="muted">(${first.person})</span></h2>
        ${list.map((m) => messageCard(m, lang))}
      </section>`;
    })}`;
}

export function reminderRoutes(deps: WebDeps, signedIn: (c: Context) => boolean): Hono {
  const app = new Hono();
  app.get('/reminders', async (c) => {
    const lang = langOf(c);
    const w = words(lang);
    const asked = c.req.query('day');
    const today = localDate(deps.now(), deps.tz);
    const show = (status: 200 | 400, content: SafeHtml) =>
      c.html(
        page({
          lang,
          title: w.navReminders,
          active: 'reminders',
          url: c.req.url,
          signedIn: signedIn(c),
          body: content,
        }),
        status,
      );
    if (asked !== undefined && asked !== '' && !isLocalDate(asked)) {
      return show(
        400,
        html`<section class="card">
          <h1>${w.navReminders}</h1>
          <p>${w.remindersBadDay}</p>
          <p>
            <a href="${href('/reminders', lang)}">${w.remindersTitle(formatDay(addDays(today, 1), lang))}</a>
          </p>
        </section>`,
      );
    }
    const day = asked ? (asked as LocalDate) : addDays(today, 1);
    return show(200, body(day, await previewDay(deps, day), lang));
  });
  return app;
}
