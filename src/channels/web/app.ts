// The HTTP app (Hono): health, metrics, the console's pages and JSON; channels mount their webhooks on it.
import { Hono, type Context } from 'hono';
import type { ConsoleScope } from '../../core/permissions.ts';
import type { AgencyCode, PersonCode } from '../../core/types.ts';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { matchedRoutes, routePath } from 'hono/route';
import { bodyCaps, bodyLimitFor } from '../http-limits.ts';
import { INVITATION_CSS } from '../../invites/sheet.ts';
import { routeAccess } from './access.ts';
import { createAuth, loopbackHostOnly } from './auth.ts';
import { chatBody } from './chat-page.ts';
import { CHAT_JS } from './chat-client.ts';
import { chatRoutes } from './chat.ts';
import { dashboardRoutes } from './dashboard.ts';
import type { WebDeps } from './deps.ts';
import { href, langOf, words } from './i18n.ts';
import { ICON_SVG, pageResponse } from './layout.ts';
import { loginRoutes } from './login.ts';
import { loginWords } from '../../core/catalogue/login.ts';
import { clientAddress, metricsAccess, NO_NETWORK_TRUST } from './network.ts';
import { importRoutes, uploadTooLarge } from './imports.ts';
import { INVITATION_CSS_PATH, peopleRoutes } from './people.ts';
import { reminderRoutes } from './reminders.ts';
import { programRoutes } from './programs.ts';
import { unreadRoutes } from './unread.ts';
import { reportRoutes } from './reports.ts';
import { CONSOLE_CSS } from './styles.ts';

export type { WebDeps };

/** Everything that shows programme data: behind the login when the server is not on loopback. */
const CONSOLE_PATHS = [
  '/',
  '/dashboard',
  '/dashboard/*',
  '/chat',
  '/reminders',
  '/unread',
  '/unread/*',
  '/api/*',
  '/reports/*',
  '/charts/*',
  '/people',
  '/people/*',
  '/imports',
  '/imports/*',
  '/programs',
  '/programs/*',
];

/** A scope that holds nothing: what a request without a viewer would see, were it ever let through. */
const NOBODY: ConsoleScope = { all: false, agency: '' as AgencyCode, person: '' as PersonCode };

export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  const network = deps.network ?? NO_NETWORK_TRUST;
  const auth = createAuth(
    { clientIp: (c) => clientAddress(c, network), ...deps.auth },
    network,
    deps.store,
    (code) => deps.store.personByCode(code),
  );
  const signedIn = (c: Context) => auth.signedIn(c);

  app.use('*', async (c, next) => {
    await next();
    deps.metrics.httpRequests.inc({
      method: c.req.method,
      // The route of the handler (a `get`/`post`), not of a middleware matched after it (`use('*')`).
      route:
        c.res.status === 404
          ? 'unmatched'
          : ([...matchedRoutes(c)].reverse().find((r) => r.method !== 'ALL')?.path ?? routePath(c, -1)),
      status: String(c.res.status),
    });
  });
  // Every body is read with its path's cap (http-limits.ts), as a stream: never buffered beyond it.
  app.use(
    '*',
    bodyCaps(bodyLimitFor, (c) => uploadTooLarge(c, signedIn(c))),
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    deps.logger?.error({ err, method: c.req.method, path: c.req.path }, 'web request failed');
    return c.json({ error: 'internal error' }, 500);
  });

  app.get('/healthz', async (c) => {
    const up = await deps.store.ping().catch(() => false);
    return c.json({ ok: up, db: up }, up ? 200 : 503);
  });

  app.get('/metrics', metricsAccess(network), async (c) => {
    // A database that does not answer leaves the depth at its last value rather than failing the scrape.
    await deps.store.outboxDepth().then(
      (depth) => deps.metrics.queueDepth.set(depth),
      (err: unknown) => deps.logger?.warn({ err }, 'outbox depth unavailable for /metrics'),
    );
    const { registry } = deps.metrics;
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  });

  const assets: Record<string, [string, string]> = {
    '/assets/console.css': ['text/css; charset=utf-8', CONSOLE_CSS],
    '/assets/chat.js': ['text/javascript; charset=utf-8', CHAT_JS],
    '/assets/icon.svg': ['image/svg+xml', ICON_SVG],
    [INVITATION_CSS_PATH]: ['text/css; charset=utf-8', INVITATION_CSS],
  };
  for (const [path, [type, body]] of Object.entries(assets))
    app.get(path, (c) =>
      c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=3600' }),
    );

  const consoleHeaders = secureHeaders({
    // No inline script or style anywhere: charts are SVG markup, bars are SVG attributes.
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      styleSrc: ["'self'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
  });
  const loginPaths = ['/login', '/login/*', '/logout'];
  for (const path of [...CONSOLE_PATHS, ...loginPaths]) {
    app.use(path, consoleHeaders);
    if (!deps.auth.required) app.use(path, loopbackHostOnly());
  }
  for (const path of CONSOLE_PATHS) app.use(path, auth.guard);
  // What a signed-in viewer may reach follows the chat's permissions (access.ts has the one table).
  app.use('*', routeAccess(auth));
  // A page on another site must not post here, logged in or not (a loopback console has no login at all).
  for (const path of ['/api/*', '/people/*', '/imports/*', '/unread/*', '/programs/*', ...loginPaths])
    app.use(path, csrf());

  if (deps.auth.required) app.route('/', loginRoutes(auth, deps));
  else {
    app.get('/login', (c) => c.redirect(href('/dashboard', langOf(c)), 303));
    app.post('/logout', (c) => c.redirect(href('/dashboard', langOf(c)), 303));
  }

  // Someone whose view is one agency has no province dashboard: the chat is where they start.
  app.get('/', (c) =>
    c.redirect(href(auth.viewer(c)?.scope.all === false ? '/chat' : '/dashboard', langOf(c)), 302),
  );
  app.route('/', dashboardRoutes({ deps, signedIn, scope: (c) => auth.viewer(c)?.scope ?? NOBODY }));
  app.route('/', reportRoutes(deps));
  app.route('/', chatRoutes(deps, auth));
  app.route('/', reminderRoutes(deps, signedIn));
  app.route('/', peopleRoutes(deps, signedIn));
  app.route('/', importRoutes(deps, signedIn));
  app.route('/', unreadRoutes(deps, signedIn));
  app.route('/', programRoutes(deps, auth, signedIn));

  app.get('/chat', async (c) => {
    const lang = langOf(c);
    const viewer = auth.viewer(c);
    if (viewer?.viewingAs) return c.text(loginWords(lang).chatAsSelf, 403);
    const everyone = await deps.store.consolePeople();
    // Only the local demo picks whom to chat as; a signed-in console chats as the person signed in.
    const people = viewer?.demo ? everyone : everyone.filter((p) => p.code === viewer?.person?.code);
    const wanted = c.req.query('as')?.toUpperCase();
    const chosen = people.find((p) => p.code === wanted) ?? people[0];
    if (!chosen && !viewer?.demo) return c.text(loginWords(lang).chatAsSelf, 403);
    if (!chosen) return c.text(words(lang).noPeopleYet, 503);
    return pageResponse(c, signedIn(c), {
      title: words(lang).navChat,
      active: 'chat',
      body: chatBody(people, chosen, lang),
      scripts: ['/assets/chat.js'],
    });
  });
  return app;
}
