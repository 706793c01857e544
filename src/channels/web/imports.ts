// Uploads: a plan or a people list checked row by row (a dry run), shown, and imported only when the
// operator confirms. The file waits in memory between the two steps, under a random token.
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { ImportError } from '../../core/errors.ts';
import type { Lang } from '../../core/types.ts';
import type { PeopleReport, PeopleRow } from '../../store/people-import/index.ts';
import type { WebDeps } from './deps.ts';
import { html, table, type SafeHtml } from './html.ts';
import { href, langOf } from './i18n.ts';
import { pageResponse } from './layout.ts';
import { peoplePageWords, type Totals } from '../../core/catalogue/people.ts';

const PENDING_TTL_MS = 30 * 60_000;
const MAX_PENDING = 20;

type Kind = 'plan' | 'people';
interface Pending {
  kind: Kind;
  name: string;
  bytes: Buffer;
  at: number;
}
interface Outcome {
  rows: PeopleRow[];
  totals: Totals;
  applied: boolean;
}

/** Either importer's report: the same rows and totals. */
const peopleOutcome = (r: Omit<PeopleReport, 'rows'> & { rows: PeopleRow[] }): Outcome => ({
  rows: r.rows,
  totals: {
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    errors: r.errors,
  },
  applied: r.applied,
});

async function run(deps: WebDeps, p: Pending, dryRun: boolean, lang: Lang): Promise<Outcome> {
  const file = { name: p.name, bytes: p.bytes };
  const now = deps.now();
  return p.kind === 'plan'
    ? peopleOutcome(await deps.store.importPlanFile(file, { dryRun, now, lang }))
    : peopleOutcome(await deps.store.importPeople(file, { dryRun, now, lang, actor: 'web' }));
}

function uploadForm(kind: Kind, lang: Lang): SafeHtml {
  const w = peoplePageWords(lang);
  return html`<form
    method="post"
    action="${href('/imports/check', lang)}"
    enctype="multipart/form-data"
    class="card"
  >
    <h2>${kind === 'plan' ? w.importPlan : w.importPeople}</h2>
    <input type="hidden" name="kind" value="${kind}" />
    <label>${w.chooseFile} <input type="file" name="file" accept=".xlsx,.csv" required /></label>
    <button class="btn" type="submit">${w.check}</button>
  </form>`;
}

function reportTable(o: Outcome, lang: Lang): SafeHtml {
  const w = peoplePageWords(lang);
  return table(
    [w.colSheet, w.colRow, w.colAction, w.colCodes, w.colMessage],
    o.rows.map(
      (r) =>
        html`<tr data-row="${r.row}" data-action="${r.action}">
          <td>${r.sheet}</td>
          <td class="num">${r.row}</td>
          <td>
            <span class="chip ${r.action === 'error' ? 'red' : r.action === 'skip' ? 'white' : 'green'}"
              >${w.action[r.action]}</span
            >
          </td>
          <td class="code">${r.codes.join(', ')}</td>
          <td>${r.message}</td>
        </tr>`,
    ),
    { testId: 'import-report' },
  );
}

/** A page of the imports section. */
function show(c: Context, signedIn: boolean, status: 200 | 400 | 413, content: SafeHtml): Response {
  const title = peoplePageWords(langOf(c)).importTitle;
  return pageResponse(c, signedIn, { title, active: 'imports', body: content }, status);
}

const again = (lang: Lang) =>
  html`<p><a class="btn secondary" href="${href('/imports', lang)}">${peoplePageWords(lang).again}</a></p>`;

function failure(c: Context, signedIn: boolean, status: 400 | 413, message: string): Response {
  const lang = langOf(c);
  const w = peoplePageWords(lang);
  return show(
    c,
    signedIn,
    status,
    html`<section class="card" role="alert">
      <h1>${w.importTitle}</h1>
      <p>${message}</p>
      ${again(lang)}
    </section>`,
  );
}

/**
 * The 413 page for an upload past LIMITS.uploadBytes (the body cap in http-limits.ts refuses it; this
 * is what the operator reads instead of JSON), or null for a path that is not an upload.
 */
export function uploadTooLarge(c: Context, signedIn: boolean): Response | null {
  if (!c.req.path.startsWith('/imports')) return null;
  return failure(c, signedIn, 413, peoplePageWords(langOf(c)).tooBig);
}

export function importRoutes(deps: WebDeps, signedIn: (c: Context) => boolean): Hono {
  const app = new Hono();
  const pending = new Map<string, Pending>();
  const outcome = async (c: Context, p: Pending, dryRun: boolean, token: string | null) => {
    const lang = langOf(c);
    const w = peoplePageWords(lang);
    let o: Outcome;
    try {
      o = await run(deps, p, dryRun, lang);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      return failure(c, signedIn(c), 400, `${w.unreadable}: ${err.message}`);
    }
    const ok = o.totals.errors === 0;
    const next = !ok
      ? html`<p class="late">${w.hasErrors}</p>
          ${again(lang)}`
      : dryRun && token
        ? html`<p>${w.willWrite}</p>
            <form method="post" action="${href('/imports/apply', lang)}">
              <input type="hidden" name="token" value="${token}" />
              <button class="btn" type="submit">${w.confirm}</button>
            </form>`
        : again(lang);
    return show(
      c,
      signedIn(c),
      200,
      html`<section class="card" aria-labelledby="report-h">
        <h1 id="report-h">${o.applied ? w.resultTitle(p.name) : w.reportTitle(p.name)}</h1>
        <p data-testid="totals"><b>${w.totals(o.totals)}</b></p>
        ${next} ${reportTable(o, lang)}
      </section>`,
    );
  };

  app.get('/imports', (c) => {
    const lang = langOf(c);
    const w = peoplePageWords(lang);
    return show(
      c,
      signedIn(c),
      200,
      html`<section class="card">
          <h1>${w.importTitle}</h1>
          <p>${w.importIntro}</p>
        </section>
        ${uploadForm('plan', lang)} ${uploadForm('people', lang)}`,
    );
  });
  // The body's cap (LIMITS.uploadBytes) is applied to the stream by bodyCaps before this reads it.
  app.post('/imports/check', async (c) => {
    const form = await c.req.parseBody();
    const file = form.file;
    const kind: Kind = form.kind === 'plan' ? 'plan' : 'people';
    if (!(file instanceof File) || file.size === 0)
      return failure(c, signedIn(c), 400, peoplePageWords(langOf(c)).noFile);
    const now = deps.now().getTime();
    for (const [t, p] of pending)
      if (now - p.at > PENDING_TTL_MS || pending.size >= MAX_PENDING) pending.delete(t);
    const p: Pending = { kind, name: file.name, bytes: Buffer.from(await file.arrayBuffer()), at: now };
    const token = randomBytes(16).toString('hex');
    pending.set(token, p);
    return outcome(c, p, true, token);
  });
  app.post('/imports/apply', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    const p = pending.get(token);
    pending.delete(token);
    if (!p || deps.now().getTime() - p.at > PENDING_TTL_MS)
      return failure(c, signedIn(c), 400, peoplePageWords(langOf(c)).expired);
    return outcome(c, p, false, null);
  });
  return app;
}
