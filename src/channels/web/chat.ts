// POST /api/chat: the web console as one more channel of the core — a person, a text or a button in, the replies out.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { decodeAction, encodeAction } from '../../core/actions.ts';
import type { IncomingMessage } from '../../core/conversation.ts';
import { renderHtml, type Reply } from '../../core/reply.ts';
import type { PersonCode } from '../../core/types.ts';
import { SILENT } from '../log.ts';
import { localAdapter, run, type PipelineDeps } from '../pipeline.ts';
import { countTurns } from './metrics.ts';
import type { WebDeps } from './deps.ts';
import { LIMITS, WindowLimiter } from '../http-limits.ts';
import type { Auth } from './auth.ts';
import { langOf } from './i18n.ts';
import { loginWords } from '../../core/catalogue/login.ts';

export interface WebReply {
  lang: Reply['lang'];
  /** The reply's lines as HTML: every data and user text escaped by renderHtml; lights as dots. */
  html: string;
  /** Rows of buttons; `action` is the encoded ButtonAction to send back. */
  buttons: { label: string; action: string }[][];
  about: string | null;
}

const ChatRequest = z
  .object({
    person: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
    text: z.string().max(8000).optional(),
    action: z.string().max(64).optional(),
    /** Set by the page per message, so a resent request is recorded once. */
    messageId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/)
      .optional(),
    lang: z.enum(['vi', 'en']).optional(),
  })
  .refine((r) => (r.text === undefined) !== (r.action === undefined), {
    message: 'send either text or action',
  });

const LIGHTS: Record<string, string> = { '🔴': 'red', '🟠': 'orange', '🟢': 'green', '⚪': 'white' };

/**
 * The traffic lights as CSS dots: they then look the same on every machine, including one without a
 * colour emoji font; screen readers still hear the emoji's name.
 */
export function lightsAsDots(markup: string): string {
  return markup.replace(/(🔴|🟠|🟢|⚪)\uFE0F?/gu, (m, light: string) => {
    return `<span class="dot ${LIGHTS[light] ?? 'white'}" role="img" aria-label="${light}"></span>`;
  });
}

export function toWebReply(r: Reply): WebReply {
  return {
    lang: r.lang,
    html: lightsAsDots(renderHtml(r.lines)),
    buttons: r.buttons.map((row) => row.map((b) => ({ label: b.label, action: encodeAction(b.action) }))),
    about: r.about,
  };
}

const WEB = localAdapter('web');

/**
 * The local demo (loopback, no login) chats as any chosen person, as the CLI does; a signed-in console
 * chats only as the person signed in, within the chat's own permissions.
 */
export function chatRoutes(deps: WebDeps, auth: Auth): Hono {
  const pipeline: PipelineDeps = {
    core: {
      store: deps.store,
      now: deps.now,
      tz: deps.tz,
      notify: deps.notify,
      // The console shows no uploads in its chat: /baocao answers with the summary and the download path.
      files: { report: (ask) => deps.store.renderAskedReport(deps.tz, ask), uploads: false },
    },
    logger: deps.logger ?? SILENT,
    observe: countTurns(deps.metrics),
  };
  const app = new Hono();
  const chatLimiter = new WindowLimiter(LIMITS.chatMessagesPerMinute);
  app.get('/api/people', async (c) => c.json({ people: await deps.store.consolePeople() }));
  // The body's cap is the app's (http-limits.ts: chatJsonBytes).
  app.post('/api/chat', async (c) => {
    // Only JSON: a form on another site cannot send it without a CORS preflight, which is never granted.
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
      return c.json({ error: 'send application/json' }, 415);
    const parsed = ChatRequest.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message ?? 'bad request' }, 400);
    const body = parsed.data;
    const code = body.person.toUpperCase() as PersonCode;
    const viewer = auth.viewer(c);
    const lw = loginWords(body.lang ?? langOf(c));
    if (!viewer?.demo && viewer?.person?.code !== code) return c.json({ error: lw.chatAsSelf }, 403);
    const wait = chatLimiter.hit(code, auth.clock());
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.json({ error: lw.tooManyMessages }, 429);
    }
    if (!(await deps.store.personByCode(code))) return c.json({ error: 'unknown person' }, 404);
    const action = body.action === undefined ? null : decodeAction(body.action);
    if (body.action !== undefined && action === null) return c.json({ error: 'unknown action' }, 400);

    const msg: IncomingMessage = {
      channel: 'web',
      chatId: `console:${code}`,
      chatKind: 'private',
      senderId: code,
      text: body.text ?? '',
      messageId: `web-${body.messageId ?? randomUUID()}`,
      replyToItem: null,
      action,
      addressed: true,
      langHint: body.lang ?? null,
      at: deps.now(),
    };
    const { delivered } = await run(pipeline, WEB, msg);
    return c.json({ replies: delivered.map(toWebReply) });
  });
  return app;
}
