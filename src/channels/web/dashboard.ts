// The leaders' dashboard routes: the pages, the JSON behind them, and the agency chart as SVG and PNG.
import { Hono, type Context } from 'hono';
import { formatDay } from '../../core/format.ts';
import { localDate } from '../../core/time.ts';
import type { ConsoleScope } from '../../core/permissions.ts';
import type { Lang } from '../../core/types.ts';
import { chartSvg, renderChartPng } from './charts.ts';
import { dashboardBody } from './dashboard-page.ts';
import { loadDashboard, loadItem } from './dashboard-data.ts';
import type { WebDeps } from './deps.ts';
import { html } from './html.ts';
import { langOf, words } from './i18n.ts';
import { itemBody } from './item-page.ts';
import { page } from './layout.ts';
import { programChart } from './program-chart.ts';

export interface RouteContext {
  deps: WebDeps;
  signedIn(c: Context): boolean;
  /** What the viewer may see (auth.ts); everything when absent. */
  scope(c: Context): ConsoleScope;
}

export function dashboardRoutes({ deps, signedIn, scope }: RouteContext): Hono {
  const app = new Hono();
  const today = () => localDate(deps.now(), deps.tz);
  const footer = (lang: Lang) => words(lang).asOf(formatDay(today(), lang));

  app.get('/dashboard', async (c) => {
    const lang = langOf(c);
    const data = await loadDashboard(deps.store, {
      program: c.req.query('program') ?? null,
      today: today(),
      now: deps.now(),
      period: c.req.query('period') ?? null,
    });
    return c.html(
      page({
        lang,
        title: data.program
          ? `${data.program.program} – ${words(lang).navDashboard}`
          : words(lang).navDashboard,
        active: 'dashboard',
        url: c.req.url,
        signedIn: signedIn(c),
        body: dashboardBody(data, lang, deps.tz),
        footer: footer(lang),
      }),
    );
  });

  app.get('/dashboard/items/:code', async (c) => {
    const lang = langOf(c);
    const item = await loadItem(deps.store, c.req.param('code'), scope(c));
    const common = {
      lang,
      active: 'dashboard' as const,
      url: c.req.url,
      signedIn: signedIn(c),
      footer: footer(lang),
    };
    if (!item) {
      const w = words(lang);
      return c.html(
        page({
          ...common,
          title: w.notFound(c.req.param('code')),
          body: html`<h1>${w.notFound(c.req.param('code'))}</h1>
            <p><a href="/dashboard${lang === 'en' ? '?lang=en' : ''}">← ${w.back}</a></p>`,
        }),
        404,
      );
    }
    return c.html(
      page({
        ...common,
        title: `${item.detail.item.code} ${item.detail.item.title[lang]}`,
        body: itemBody(item, { lang, tz: deps.tz, today: today() }),
      }),
    );
  });

  // A file downloads with the item's own permission: an item outside the console's scope has none.
  app.get('/dashboard/items/:code/evidence/:id', async (c) => {
    const item = await loadItem(deps.store, c.req.param('code'), scope(c));
    const id = Number(c.req.param('id'));
    const file =
      item && Number.isSafeInteger(id) && id > 0
        ? await deps.store.evidenceFile(item.detail.item.code, id)
        : null;
    if (!file) return c.text(words(langOf(c)).notFound(c.req.param('id')), 404);
    return c.body(Buffer.from(file.bytes), 200, {
      'Content-Type': file.mimeType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.get('/api/dashboard', async (c) => {
    const data = await loadDashboard(deps.store, {
      program: c.req.query('program') ?? null,
      today: today(),
      now: deps.now(),
      period: c.req.query('period') ?? null,
    });
    return c.json(data);
  });

  app.get('/api/items/:code', async (c) => {
    const item = await loadItem(deps.store, c.req.param('code'), scope(c));
    return item ? c.json(item) : c.json({ error: 'no such item' }, 404);
  });

  const chartOf = async (c: Context) =>
    programChart(deps.store, {
      program: c.req.query('program') ?? '',
      today: today(),
      lang: langOf(c),
      tz: deps.store.tz,
    });

  app.get('/charts/agencies.svg', async (c) => {
    const chart = await chartOf(c);
    if (!chart) return c.json({ error: 'unknown programme' }, 404);
    const width = Number(c.req.query('width') ?? 720);
    return c.body(chartSvg(chart, { width: Number.isFinite(width) ? Math.min(width, 2000) : 720 }), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  });

  app.get('/charts/agencies.png', async (c) => {
    const chart = await chartOf(c);
    if (!chart) return c.json({ error: 'unknown programme' }, 404);
    const png = renderChartPng(chart, { width: 720 });
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="dondoc-${(c.req.query('program') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')}-agencies.png"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
