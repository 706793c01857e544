// Who may reach which console route, in one table: a route missing from it is for administrators only,
// so a new route is closed until someone decides who sees it (test/web/scope.test.ts walks every route).
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Auth, Viewer } from './auth.ts';
import { langOf } from './i18n.ts';
import { loginWords } from '../../core/catalogue/login.ts';

/**
 * - `open`: no programme data, or guarded on its own (/metrics, the login forms).
 * - `scoped`: anyone signed in; the handler shows only what is within the viewer's scope.
 * - `province`: the whole province's data: admins and leaders of a province-level body.
 * - `admin`: administrators only (they change people, plans and the parser's corpus).
 */
export type Access = 'open' | 'scoped' | 'province' | 'admin';

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /healthz': 'open',
  'GET /metrics': 'open',
  'GET /assets/console.css': 'open',
  'GET /assets/chat.js': 'open',
  'GET /assets/icon.svg': 'open',
  'GET /assets/invitation.css': 'open',
  'GET /login': 'open',
  'POST /login': 'open',
  'POST /login/code': 'open',
  'GET /login/password': 'open',
  'POST /login/password': 'open',
  'POST /logout': 'open',
  'GET /': 'open',
  'GET /chat': 'scoped',
  'POST /api/chat': 'scoped',
  'GET /dashboard/items/:code': 'scoped',
  'GET /dashboard/items/:code/evidence/:id': 'scoped',
  'GET /api/items/:code': 'scoped',
  'GET /dashboard': 'province',
  'GET /api/dashboard': 'province',
  'GET /api/people': 'province',
  'GET /charts/agencies.svg': 'province',
  'GET /charts/agencies.png': 'province',
  'GET /reports/status.xlsx': 'province',
  'GET /reports/overdue.csv': 'province',
  'GET /reports/report.docx': 'province',
  'GET /reports/report.xlsx': 'province',
  'GET /reminders': 'province',
  'GET /people': 'province',
  'POST /people/invites': 'admin',
  'POST /people/:code/invite': 'admin',
  'GET /imports': 'admin',
  'POST /imports/check': 'admin',
  'POST /imports/apply': 'admin',
  'GET /unread': 'admin',
  'POST /unread/:id': 'admin',
  'GET /programs': 'admin',
  'POST /programs/:code': 'admin',
};

export function allowed(access: Access, viewer: Viewer | null): boolean {
  if (access === 'open') return true;
  if (viewer === null) return false;
  if (access === 'scoped') return true;
  if (access === 'province') return viewer.scope.all;
  return viewer.admin;
}

/** Runs after the login guard: a signed-in viewer outside a route's access gets 403, with nothing shown. */
export function routeAccess(auth: Auth): MiddlewareHandler {
  return async (c, next) => {
    const route = routePath(c, -1);
    const access = ROUTE_ACCESS[`${c.req.method} ${route}`] ?? 'admin';
    const viewer = auth.viewer(c);
    if (allowed(access, viewer)) return next();
    // The login guard already turned away sessionless requests on the console's paths; this is any other.
    if (viewer === null) return c.json({ error: 'login required' }, 401);
    return c.text(loginWords(langOf(c)).forbidden, 403);
  };
}
