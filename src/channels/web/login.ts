// GET/POST /login and POST /logout: the sign-in form in front of the console when it is not on loopback.
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Lang } from '../../core/types.ts';
import {
  defaultClientIp,
  safeNext,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionToken,
  verifyPassword,
  type Auth,
} from './auth.ts';
import { html } from './html.ts';
import { langOf, words } from './i18n.ts';
import { page } from './layout.ts';

function loginPage(c: Context, lang: Lang, next: string, error: string | null): string {
  const w = words(lang);
  return page({
    lang,
    title: w.login,
    active: null,
    url: c.req.url,
    signedIn: false,
    body: html`<section class="card login" aria-labelledby="login-h">
      <h1 id="login-h">${w.login}</h1>
      <p class="muted">${w.loginIntro}</p>
      ${error ? html`<p class="alert" role="alert">${error}</p>` : null}
      <form method="post" action="/login${lang === 'en' ? '?lang=en' : ''}">
        <input type="hidden" name="next" value="${next}" />
        <input
          class="visually-hidden"
          type="text"
          name="username"
          value="admin"
          autocomplete="username"
          tabindex="-1"
          aria-hidden="true"
          readonly
        />
        <label for="password">${w.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          autofocus
        />
        <div class="actions"><button class="btn" type="submit">${w.login}</button></div>
      </form>
    </section>`,
  });
}

export function loginRoutes(auth: Auth): Hono {
  const app = new Hono();
  const ipOf = auth.config.clientIp ?? defaultClientIp;

  app.get('/login', (c) => {
    const lang = langOf(c);
    const error = auth.config.passwordHash ? null : words(lang).noPassword;
    return c.html(loginPage(c, lang, safeNext(c.req.query('next')), error));
  });

  app.post('/login', async (c) => {
    const lang = langOf(c);
    const w = words(lang);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    const wait = auth.limiter.hit(ipOf(c), auth.clock());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.html(loginPage(c, lang, next, w.tooMany), 429);
    }
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
    const stored = auth.config.passwordHash;
    if (!stored || !verifyPassword(password, stored)) {
      return c.html(loginPage(c, lang, next, stored ? w.wrongPassword : w.noPassword), 401);
    }
    setCookie(c, SESSION_COOKIE, sessionToken(auth.secret, auth.clock() + SESSION_TTL_MS), {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: auth.secureCookie(c),
      maxAge: SESSION_TTL_MS / 1000,
    });
    return c.redirect(next, 303);
  });

  app.post('/logout', (c) => {
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: auth.secureCookie(c) });
    return c.redirect(`/login${langOf(c) === 'en' ? '?lang=en' : ''}`, 303);
  });
  return app;
}
