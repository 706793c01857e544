// /unread: the messages the bot did not understand or had to ask about, for an admin to label with the
// intent they meant (then added to the parser's corpus, src/core/intent/corpus/train.jsonl, by hand).
import { Hono, type Context } from 'hono';
import { LABELS } from '../../core/intent/corpus/templates.ts';
import { formatMoment } from '../../core/format.ts';
import { localDate } from '../../core/time.ts';
import type { WebDeps } from './deps.ts';
import { html, table } from './html.ts';
import { href, langOf, words } from './i18n.ts';
import { pageResponse } from './layout.ts';

export function unreadRoutes(deps: WebDeps, signedIn: (c: Context) => boolean): Hono {
  const app = new Hono();
  app.get('/unread', async (c) => {
    const lang = langOf(c);
    const w = words(lang);
    const today = localDate(deps.now(), deps.tz);
    const rows = await deps.store.listUnread();
    const body = html`<section class="card" aria-labelledby="unread-h">
      <h1 id="unread-h">${w.unreadTitle}</h1>
      <p class="muted small">${w.unreadHint}</p>
      ${
        rows.length === 0
          ? html`<p>${w.unreadNone}</p>`
          : table(
              [w.unreadWhen, w.unreadText, w.unreadRole, w.unreadOutcome, w.unreadLabel],
              rows.map(
                (r) =>
                  html`<tr data-testid="unread-${String(r.id)}">
                    <td>${formatMoment(r.at, lang, deps.tz, today)}</td>
                    <td>${r.text}</td>
                    <td>${r.role} · ${r.channel}</td>
                    <td>${w.unreadOutcomes[r.outcome] ?? r.outcome}</td>
                    <td>
                      <form method="post" action="${href(`/unread/${String(r.id)}`, lang)}">
                        <select name="label">
                          ${LABELS.map(
                            (l) =>
                              html`<option value="${l}" ${l === r.label ? 'selected' : null}>${l}</option>`,
                          )}
                        </select>
                        <button class="btn" type="submit">${w.unreadSave}</button>
                      </form>
                    </td>
                  </tr>`,
              ),
            )
      }
    </section>`;
    return pageResponse(c, signedIn(c), { title: w.unreadTitle, active: null, body });
  });
  app.post('/unread/:id', async (c) => {
    const lang = langOf(c);
    const id = Number(c.req.param('id'));
    const label = String((await c.req.parseBody()).label ?? '');
    if (!Number.isSafeInteger(id) || !(LABELS as readonly string[]).includes(label))
      return c.text('Bad request', 400);
    const found = await deps.store.labelUnread(id, label, deps.now());
    if (!found) return c.text('Not found', 404);
    return c.redirect(href('/unread', lang), 303);
  });
  return app;
}
