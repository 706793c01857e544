// The people page: who is registered on which messenger, when the bot last heard from them, and a
// button that prints a fresh invitation (one person, or everyone not yet registered).
import { Hono, type Context } from 'hono';
import { formatDay } from '../../core/format.ts';
import { localDate, localIso } from '../../core/time.ts';
import type { Lang, PersonCode } from '../../core/types.ts';
import { invitationSheet } from '../../invites/sheet.ts';
import type { PersonOverview } from '../../store/people-overview.ts';
import type { WebDeps } from './deps.ts';
import { html, table, type SafeHtml } from './html.ts';
import { href, langOf } from './i18n.ts';
import { pageResponse } from './layout.ts';
import { peoplePageWords } from '../../core/catalogue/people.ts';

export const INVITATION_CSS_PATH = '/assets/invitation.css';

function when(d: Date, tz: string, lang: Lang): string {
  return `${formatDay(localDate(d, tz), lang)} ${localIso(d, tz).slice(11, 16)}`;
}

function personRow(p: PersonOverview, deps: WebDeps, lang: Lang): SafeHtml {
  const w = peoplePageWords(lang);
  const registered = p.accounts.length > 0;
  return html`<tr data-person="${p.code}">
    <td class="code">${p.code}</td>
    <td>
      <b>${p.name}</b><br /><span class="small muted">${p.title || w.role[p.role]}</span>
      ${p.role === 'staff' ? null : html`<span class="chip white">${w.role[p.role]}</span>`}
    </td>
    <td>${p.agencyName}${p.head ? html` <span class="chip green">${w.head}</span>` : null}</td>
    <td data-registered="${p.accounts.map((a) => a.channel).join(' ')}">
      ${
        registered
          ? p.accounts.map(
              (a) =>
                html`<span class="chip green">${w.messenger[a.channel]}</span>
                  <span class="small muted">${when(a.registeredAt, deps.tz, lang)}</span><br />`,
            )
          : html`<span class="chip white">${w.notRegistered}</span>`
      }
    </td>
    <td class="num" data-last-seen="${p.lastSeen ? p.lastSeen.toISOString() : ''}">
      ${p.lastSeen ? when(p.lastSeen, deps.tz, lang) : w.never}
    </td>
    <td>
      <form method="post" action="${href(`/people/${p.code}/invite`, lang)}">
        <button class="btn secondary" type="submit">
          ${registered || p.invitePending ? w.inviteAgain : w.invite}
        </button>
      </form>
      ${p.invitePending ? html`<span class="small muted">${w.pending}</span>` : null}
    </td>
  </tr>`;
}

function body(list: PersonOverview[], deps: WebDeps, lang: Lang): SafeHtml {
  const w = peoplePageWords(lang);
  const registered = list.filter((p) => p.accounts.length > 0).length;
  return html`<section class="card" aria-labelledby="people-h">
    <h1 id="people-h">${w.peopleTitle}</h1>
    <p>${w.peopleCounts(list.length, registered)}</p>
    <div class="actions">
      <form method="post" action="${href('/people/invites', lang)}">
        <button class="btn" type="submit">${w.inviteAll}</button>
      </form>
      <a class="btn secondary" href="${href('/imports', lang)}">${w.importLink}</a>
    </div>
    ${table(
      ['Mã', w.colPerson, w.colAgency, w.colRegistered, w.colLastSeen, w.colInvite],
      list.map((p) => personRow(p, deps, lang)),
      { testId: 'people' },
    )}
  </section>`;
}

export function peopleRoutes(deps: WebDeps, signedIn: (c: Context) => boolean): Hono {
  const app = new Hono();
  const show = (c: Context, status: 200 | 404, content: SafeHtml) =>
    pageResponse(
      c,
      signedIn(c),
      { title: peoplePageWords(langOf(c)).navPeople, active: 'people', body: content },
      status,
    );
  const sheet = async (c: Context, codes: PersonCode[]) => {
    const at = deps.now();
    const made = await deps.store.createInvites(codes, at, undefined, 'web');
    const list = [];
    for (const m of made)
      list.push({
        person: (await deps.store.personByCode(m.person))!,
        code: m.code,
        expiresAt: m.expiresAt,
      });
    const bot = deps.telegramBot ? await deps.telegramBot() : null;
    return c.html(await invitationSheet(list, bot, deps.tz, INVITATION_CSS_PATH));
  };

  app.get('/people', async (c) =>
    show(c, 200, body(await deps.store.peopleOverview(deps.now()), deps, langOf(c))),
  );
  app.post('/people/invites', async (c) => {
    const left = await deps.store.unregisteredPeople();
    if (left.length === 0) {
      const w = peoplePageWords(langOf(c));
      return show(
        c,
        200,
        html`<section class="card">
          <h1>${w.peopleTitle}</h1>
          <p>${w.noOneLeft}</p>
        </section>`,
      );
    }
    return sheet(
      c,
      left.map((p) => p.code),
    );
  });
  app.post('/people/:code/invite', async (c) => {
    const code = c.req.param('code').toUpperCase() as PersonCode;
    if (!(await deps.store.personByCode(code))) {
      const w = peoplePageWords(langOf(c));
      return show(
        c,
        404,
        html`<section class="card">
          <h1>${w.peopleTitle}</h1>
          <p>${w.unknownPerson(code)}</p>
        </section>`,
      );
    }
    return sheet(c, [code]);
  });
  return app;
}
