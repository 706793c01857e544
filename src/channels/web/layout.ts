// The page shell every console page shares: header with navigation and language switch, main, footer.
import type { Context } from 'hono';
import type { Lang } from '../../core/types.ts';
import { html, type SafeHtml } from './html.ts';
import { href, langOf, words } from './i18n.ts';
import { peoplePageWords } from '../../core/catalogue/people.ts';

export interface PageOptions {
  lang: Lang;
  title: string;
  /** The section shown; null (with no session) hides the section links, as on the login page. */
  active: 'dashboard' | 'chat' | 'reminders' | 'people' | 'imports' | null;
  /** The request's URL, to build the language switch for the same page. */
  url: string;
  body: SafeHtml;
  /** Show "Sign out" (the console asked for a login). */
  signedIn: boolean;
  footer?: string;
  scripts?: string[];
}

/** The page answering a request: its language and its address (for the language switch) are the request's. */
export function pageResponse(
  c: Context,
  signedIn: boolean,
  o: Omit<PageOptions, 'lang' | 'url' | 'signedIn'>,
  status: 200 | 400 | 404 | 413 = 200,
): Response {
  return c.html(page({ ...o, lang: langOf(c), url: c.req.url, signedIn }), status);
}

/** The same page in the other language: the query kept, `lang` toggled. */
export function switchLangHref(url: string, to: Lang): string {
  const u = new URL(url, 'http://localhost');
  if (to === 'en') u.searchParams.set('lang', 'en');
  else u.searchParams.delete('lang');
  return `${u.pathname}${u.search}`;
}

export function page(o: PageOptions): string {
  const w = words(o.lang);
  const current = (name: PageOptions['active']) => (o.active === name ? 'page' : null);
  const nav = html`<nav class="main" aria-label="dondoc">
    ${
      o.active === null && !o.signedIn
        ? null
        : html`<a href="${href('/dashboard', o.lang)}" ${ariaCurrent(current('dashboard'))}
              >${w.navDashboard}</a
            >
            <a href="${href('/chat', o.lang)}" ${ariaCurrent(current('chat'))}>${w.navChat}</a>
            <a href="${href('/reminders', o.lang)}" ${ariaCurrent(current('reminders'))}>${w.navReminders}</a>
            <a href="${href('/people', o.lang)}" ${ariaCurrent(current('people') ?? current('imports'))}
              >${peoplePageWords(o.lang).navPeople}</a
            >`
    }
    <a
      class="lang"
      href="${switchLangHref(o.url, w.switchLang)}"
      lang="${w.switchLang}"
      hreflang="${w.switchLang}"
      >${w.switchTo}</a
    >
    ${
      o.signedIn
        ? html`<form method="post" action="${href('/logout', o.lang)}">
            <button type="submit">${w.logout}</button>
          </form>`
        : null
    }
  </nav>`;
  return `<!doctype html>${html`<html lang="${w.htmlLang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>${o.title} · dondoc</title>
      <link rel="stylesheet" href="/assets/console.css" />
      <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
    </head>
    <body>
      <a class="skip" href="#main">${w.skip}</a>
      <header class="top">
        <div class="inner">
          <a class="brand" href="${href('/dashboard', o.lang)}"><b>dondoc</b><span>${w.appTagline}</span></a>
          ${nav}
        </div>
      </header>
      <main id="main" tabindex="-1">${o.body}</main>
      ${o.footer ? html`<footer class="footer">${o.footer}</footer>` : null}
      ${(o.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
    </body>
  </html>`}`;
}

function ariaCurrent(value: string | null): SafeHtml | null {
  return value ? html`aria-current="${value}"` : null;
}

export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#12355b"/>' +
  '<rect x="6" y="18" width="5" height="8" fill="#2e7d32"/><rect x="13.5" y="12" width="5" height="14" fill="#f08c00"/>' +
  '<rect x="21" y="6" width="5" height="20" fill="#c62828"/></svg>';
