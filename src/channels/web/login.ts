// /login, /login/code, /login/password and /logout: signing in to the console when it is not on loopback,
// by person code (or `admin`, the bootstrap admin) and a password or a one-time code sent by chat.
import { randomInt } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { canUseConsole } from '../../core/permissions.ts';
import { sentence } from '../../core/turn.ts';
import { messages } from '../../core/messages.ts';
import type { Lang, PersonCode } from '../../core/types.ts';
import {
  decodeHash,
  defaultClientIp,
  encodeHash,
  hashPassword,
  safeNext,
  verifyPassword,
  type Auth,
} from './auth.ts';
import type { WebDeps } from './deps.ts';
import { html, type SafeHtml } from './html.ts';
import { langOf, words } from './i18n.ts';
import { page } from './layout.ts';
import { loginWords } from '../../core/catalogue/login.ts';

/** One-time codes sent by chat: six digits, ten minutes; guesses count against the login throttle. */
const CODE_TTL_MINUTES = 10;
/** A set-password link (dondoc console-invite) stays usable this long. */
export const INVITE_LINK_TTL_MS = 72 * 3_600_000;
export const SET_PASSWORD_PATH = '/login/password';
const MIN_PASSWORD = 10;
// Compared against when the account has no password, so a wrong account costs as long as a wrong password.
const DUMMY = hashPassword('no such account');

interface Notice {
  text: string;
  alert: boolean;
}

/** A labelled, required field of the sign-in forms; its name is its id unless said otherwise. */
function inputField(o: {
  id: string;
  name?: string;
  label: string;
  type: 'text' | 'password';
  autocomplete: string;
  value?: string;
  minlength?: number;
  autofocus?: boolean;
}): SafeHtml {
  return html`<label for="${o.id}">${o.label}</label>
    <input
      id="${o.id}"
      name="${o.name ?? o.id}"
      type="${o.type}"
      ${o.value === undefined ? null : html`value="${o.value}"`}
      autocomplete="${o.autocomplete}"
      ${o.minlength === undefined ? null : html`minlength="${o.minlength}"`}
      required
      ${o.autofocus ? 'autofocus' : null}
    />`;
}

/** A page of the sign-in section: no section links, no session, one card under its title. */
function signInPage(c: Context, lang: Lang, title: string, headingId: string, content: SafeHtml): string {
  return page({
    lang,
    title,
    active: null,
    url: c.req.url,
    signedIn: false,
    body: html`<section class="card login" aria-labelledby="${headingId}">
      <h1 id="${headingId}">${title}</h1>
      ${content}
    </section>`,
  });
}

function loginPage(c: Context, lang: Lang, next: string, account: string, notice: Notice | null): string {
  const w = words(lang);
  const lw = loginWords(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const body = html`<p class="muted">${w.loginIntro}</p>
    ${notice ? html`<p class="${notice.alert ? 'alert' : 'muted'}" role="${notice.alert ? 'alert' : 'status'}">${notice.text}</p>` : null}
    <form method="post" action="/login${q}">
      <input type="hidden" name="next" value="${next}" />
      ${inputField({ id: 'username', label: lw.account, type: 'text', autocomplete: 'username', value: account })}
      ${inputField({
        id: 'password',
        label: w.password,
        type: 'password',
        autocomplete: 'current-password',
        autofocus: true,
      })}
      <div class="actions">
        <button class="btn" type="submit">${w.login}</button>
        <button class="btn secondary" type="submit" formaction="/login/code${q}" formnovalidate>
          ${lw.sendCode}
        </button>
      </div>
    </form>`;
  return signInPage(c, lang, w.login, 'login-h', body);
}

function passwordPage(
  c: Context,
  lang: Lang,
  token: string,
  name: string | null,
  error: string | null,
): string {
  const lw = loginWords(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const body = html`${error ? html`<p class="alert" role="alert">${error}</p>` : null}
  ${
    name === null
      ? null
      : html`<p class="muted">${lw.setPasswordFor(name)}</p>
          <form method="post" action="${SET_PASSWORD_PATH}${q}">
            <input type="hidden" name="token" value="${token}" />
            ${inputField({
              id: 'new',
              name: 'password',
              label: lw.newPassword,
              type: 'password',
              autocomplete: 'new-password',
              minlength: MIN_PASSWORD,
            })}
            ${inputField({ id: 'again', label: lw.repeatPassword, type: 'password', autocomplete: 'new-password' })}
            <div class="actions"><button class="btn" type="submit">${lw.savePassword}</button></div>
          </form>`
  }`;
  return signInPage(c, lang, lw.setPassword, 'pw-h', body);
}

const field = (form: Record<string, unknown>, name: string, max = 1024): string =>
  typeof form[name] === 'string' ? form[name].slice(0, max) : '';

export function loginRoutes(auth: Auth, deps: WebDeps): Hono {
  const app = new Hono();
  const ipOf = auth.config.clientIp ?? defaultClientIp;
  const now = () => new Date(auth.clock());
  const { accounts } = auth;
  const form = (c: Context) => c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const adminNotice = (lang: Lang): Notice | null =>
    auth.config.passwordHash ? null : { text: words(lang).noPassword, alert: false };

  app.get('/login', (c) => {
    const lang = langOf(c);
    const notice =
      c.req.query('set') === '1' ? { text: loginWords(lang).passwordSet, alert: false } : adminNotice(lang);
    return c.html(loginPage(c, lang, safeNext(c.req.query('next')), '', notice));
  });

  /** The person id to sign in, null for the bootstrap admin, undefined when the password is wrong. */
  async function check(account: string, secret: string): Promise<number | null | undefined> {
    if (account.toLowerCase() === 'admin') {
      const stored = auth.config.passwordHash;
      const ok = verifyPassword(secret, stored ?? DUMMY) && stored !== undefined;
      return ok ? null : undefined;
    }
    const person = /^[A-Za-z0-9_-]{1,32}$/.test(account) ? await accounts.consolePerson(account) : null;
    const allowed = person !== null && canUseConsole(person);
    const stored = person?.passwordHash ? decodeHash(person.passwordHash) : null;
    if (verifyPassword(secret, stored ?? DUMMY) && stored !== null && allowed) return person.id;
    if (!allowed) return undefined;
    // Not the password: perhaps a one-time code sent by chat (used up when it matches).
    if (
      /^\d{6}$/.test(secret.trim()) &&
      (await accounts.useConsoleToken(`${person.id}:${secret.trim()}`, 'code', now(), person.id)) !== null
    )
      return person.id;
    return undefined;
  }

  app.post('/login', async (c) => {
    const lang = langOf(c);
    const w = words(lang);
    const body = await form(c);
    const next = safeNext(field(body, 'next'));
    const account = field(body, 'username', 64).trim() || 'admin';
    const wait = await auth.throttle.claim(account, ipOf(c), now());
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return c.html(loginPage(c, lang, next, account, { text: w.tooMany, alert: true }), 429);
    }
    const who = await check(account, field(body, 'password'));
    if (who === undefined) {
      const text =
        account.toLowerCase() === 'admin' && !auth.config.passwordHash ? w.noPassword : w.wrongPassword;
      return c.html(loginPage(c, lang, next, account, { text, alert: true }), 401);
    }
    await auth.throttle.succeeded(account, ipOf(c));
    await auth.startSession(c, who);
    return c.redirect(next, 303);
  });

  // A code by chat: counted by the same throttle, so it cannot be used to flood someone's messenger.
  app.post('/login/code', async (c) => {
    const lang = langOf(c);
    const lw = loginWords(lang);
    const body = await form(c);
    const next = safeNext(field(body, 'next'));
    const account = field(body, 'username', 64).trim();
    const show = (text: string, status: 200 | 400 | 404 | 429 | 503) =>
      c.html(loginPage(c, lang, next, account, { text, alert: status !== 200 }), status);
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(account) || account.toLowerCase() === 'admin')
      return show(lw.codeNeedsAccount, 400);
    const wait = await auth.throttle.claim(account, ipOf(c), now());
    if (wait !== null) {
      c.header('Retry-After', String(wait));
      return show(words(lang).tooMany, 429);
    }
    const person = await deps.store.personByCode(account.toUpperCase() as PersonCode);
    if (!person || !canUseConsole(person)) return show(lw.codeNotForAccount, 404);
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const at = now();
    await accounts.createConsoleToken(
      person.id,
      'code',
      `${person.id}:${code}`,
      at,
      CODE_TTL_MINUTES * 60_000,
    );
    const { queued } = await deps.notify.notify(
      person.code,
      sentence(person.lang, messages(person.lang).consoleCode(code, CODE_TTL_MINUTES)),
      `console-code:${person.code}:${at.getTime()}`,
    );
    // Only what the outbox took is claimed: no account linked, no "sent".
    if (queued.length === 0) return show(lw.codeNoChat, 503);
    const names = queued
      .map((ch) => (ch === 'telegram' ? 'Telegram' : ch === 'zalo' ? 'Zalo' : ch))
      .join(', ');
    return show(lw.codeQueued(names), 200);
  });

  app.get(SET_PASSWORD_PATH, async (c) => {
    const lang = langOf(c);
    const token = c.req.query('token') ?? '';
    const owner = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await accounts.tokenOwner(token, 'invite', now())
      : null;
    const person = owner === null ? null : await deps.store.personByCode(owner.code);
    if (!person) return c.html(passwordPage(c, lang, '', null, loginWords(lang).linkInvalid), 404);
    return c.html(passwordPage(c, lang, token, `${person.name} (${person.code})`, null));
  });

  app.post(SET_PASSWORD_PATH, async (c) => {
    const lang = langOf(c);
    const lw = loginWords(lang);
    const body = await form(c);
    const token = field(body, 'token', 64);
    const owner = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await accounts.tokenOwner(token, 'invite', now())
      : null;
    const person = owner === null ? null : await deps.store.personByCode(owner.code);
    if (!person) return c.html(passwordPage(c, lang, '', null, lw.linkInvalid), 404);
    const name = `${person.name} (${person.code})`;
    const password = field(body, 'password');
    if ([...password].length < MIN_PASSWORD)
      return c.html(passwordPage(c, lang, token, name, lw.passwordShort), 400);
    if (password !== field(body, 'again'))
      return c.html(passwordPage(c, lang, token, name, lw.passwordMismatch), 400);
    // Used in the same step it is checked: two posts of one link set one password.
    if ((await accounts.useConsoleToken(token, 'invite', now(), owner!.id)) === null)
      return c.html(passwordPage(c, lang, '', null, lw.linkInvalid), 404);
    await accounts.setConsolePassword(owner!.id, encodeHash(hashPassword(password)), now());
    return c.redirect(`/login?set=1${lang === 'en' ? '&lang=en' : ''}`, 303);
  });

  app.post('/logout', async (c) => {
    await auth.endSession(c);
    return c.redirect(`/login${langOf(c) === 'en' ? '?lang=en' : ''}`, 303);
  });
  return app;
}
