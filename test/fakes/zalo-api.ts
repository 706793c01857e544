// Loopback fake of the Zalo Bot API (real node:http, real shapes) plus a webhook caller, for tests only.
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An answer to inject (body sent as JSON unless a string, sent raw), or 'drop' to destroy the socket. */
export type FakeFailure = { status: number; body: unknown; headers?: Record<string, string> } | 'drop';

export interface FakeCall {
  method: string;
  body: unknown;
  /** The HTTP status answered, or 'dropped' when the socket was destroyed. */
  status: number | 'dropped';
}

export interface FakeWebhookInfo {
  url: string;
  secret_token: string;
  updated_at: number;
}

export interface FakeZaloApi {
  /** The API root to give the client as `apiRoot`. */
  url: string;
  /** Every successful send* call, in order. */
  sent: Array<{ method: string; body: Record<string, unknown> }>;
  /** Every request that reached a method, in order, including failures and wrong tokens. */
  calls: FakeCall[];
  /** Queues one update; a waiting getUpdates answers at once, otherwise the next one does. */
  pushUpdate(update: unknown): void;
  /**
   * The next `times` calls to `method` answer `failure` instead of doing their work; with `when`, only
   * calls whose body it accepts (e.g. the second part of a long message), others pass.
   */
  failNext(method: string, failure: FakeFailure, times?: number, when?: (body: unknown) => boolean): void;
  setWebhookInfo(info: { url: string; secret_token?: string }): void;
  webhookInfo(): FakeWebhookInfo;
  /** Keeps bytes as a photo a person sent; returns its photo_url. */
  addImage(bytes: Buffer): string;
  /** Updates queued and not yet handed out. */
  pendingUpdates(): number;
  /** getUpdates calls currently held open. */
  waitingPolls(): number;
  close(): Promise<void>;
}

interface Waiter {
  timer: NodeJS.Timeout;
  deliver(update: unknown): void;
}

const MAX_TEXT = 2000;

export async function startFakeZaloApi(options: { token: string }): Promise<FakeZaloApi> {
  const sent: FakeZaloApi['sent'] = [];
  const calls: FakeCall[] = [];
  const queue: unknown[] = [];
  const waiters: Waiter[] = [];
  const failures = new Map<string, Array<{ failure: FakeFailure; when?: (body: unknown) => boolean }>>();
  let webhook: FakeWebhookInfo = { url: '', secret_token: '', updated_at: Date.now() };
  let nextMessageId = 1;
  const images = new Map<string, Buffer>();
  let closed = false;

  const send = (
    res: ServerResponse,
    call: FakeCall,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void => {
    call.status = status;
    if (res.writableEnded || res.destroyed) return;
    const raw = typeof body === 'string';
    const text = raw ? body : JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': raw ? 'text/html' : 'application/json',
      'Content-Length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  const ok = (result?: unknown): unknown => (result === undefined ? { ok: true } : { ok: true, result });
  const fail = (error_code: number, description: string): unknown => ({ ok: false, error_code, description });

  function sentResult(): { message_id: string; date: number } {
    // Real ids are opaque strings; increasing numbers in a string keep tests readable and ordered.
    return { message_id: String(nextMessageId++), date: Date.now() };
  }

  function handleGetUpdates(res: ServerResponse, call: FakeCall, body: Record<string, unknown>): void {
    if (webhook.url !== '') {
      // The real error for polling while a webhook is set is not documented; any ok:false serves the test.
      return send(res, call, 200, fail(400, 'Webhook is active, call deleteWebhook first'));
    }
    const first = queue.shift();
    if (first !== undefined) return send(res, call, 200, ok(first));
    const seconds = Number(body.timeout ?? 30);
    const waitMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 30_000;
    const remove = (): void => {
      clearTimeout(waiter.timer);
      const i = waiters.indexOf(waiter);
      if (i >= 0) waiters.splice(i, 1);
    };
    const waiter: Waiter = {
      timer: setTimeout(() => {
        remove();
        send(res, call, 200, fail(408, 'Request timeout'));
      }, waitMs),
      deliver(update) {
        remove();
        send(res, call, 200, ok(update));
      },
    };
    // A client that aborts its poll must not swallow the next update.
    res.on('close', remove);
    waiters.push(waiter);
  }

  function handleMethod(method: string, res: ServerResponse, call: FakeCall, raw: unknown): void {
    const body = (raw ?? {}) as Record<string, unknown>;
    switch (method) {
      case 'getMe':
        return send(
          res,
          call,
          200,
          ok({
            id: '1459232241454765289',
            account_name: 'bot.fake',
            account_type: 'BASIC',
            can_join_groups: false,
          }),
        );
      case 'getUpdates':
        return handleGetUpdates(res, call, body);
      case 'setWebhook': {
        const url = body.url;
        const secret = body.secret_token;
        if (typeof url !== 'string' || !url.startsWith('https://')) {
          return send(res, call, 200, fail(400, 'Bad Request: url must be HTTPS'));
        }
        if (typeof secret !== 'string' || secret.length < 8 || secret.length > 256) {
          return send(res, call, 200, fail(400, 'Bad Request: secret_token must be 8-256 characters'));
        }
        webhook = { url, secret_token: secret, updated_at: Date.now() };
        return send(res, call, 200, ok({ url: webhook.url, updated_at: webhook.updated_at }));
      }
      case 'deleteWebhook':
        webhook = { url: '', secret_token: '', updated_at: Date.now() };
        return send(res, call, 200, ok({ url: '', updated_at: webhook.updated_at }));
      case 'getWebhookInfo':
        return send(res, call, 200, ok({ url: webhook.url, updated_at: webhook.updated_at }));
      case 'sendMessage': {
        const { chat_id, text } = body;
        if (typeof chat_id !== 'string' || chat_id === '') {
          return send(res, call, 200, fail(400, 'Bad Request: chat_id is required'));
        }
        if (typeof text !== 'string' || text.length < 1 || text.length > MAX_TEXT) {
          return send(res, call, 200, fail(400, 'Bad Request: text must be 1-2000 characters'));
        }
        sent.push({ method, body });
        return send(res, call, 200, ok(sentResult()));
      }
      case 'sendPhoto': {
        const { chat_id, photo, caption } = body;
        if (typeof chat_id !== 'string' || chat_id === '' || typeof photo !== 'string' || photo === '') {
          return send(res, call, 200, fail(400, 'Bad Request: chat_id and photo are required'));
        }
        if (caption !== undefined && (typeof caption !== 'string' || caption.length > MAX_TEXT)) {
          return send(res, call, 200, fail(400, 'Bad Request: caption must be 1-2000 characters'));
        }
        sent.push({ method, body });
        return send(res, call, 200, ok(sentResult()));
      }
      case 'sendChatAction': {
        if (typeof body.chat_id !== 'string' || body.action !== 'typing') {
          return send(res, call, 200, fail(400, 'Bad Request: chat_id and action are required'));
        }
        sent.push({ method, body });
        return send(res, call, 200, ok());
      }
      default:
        return send(res, call, 404, fail(404, 'Not Found'));
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // A photo a person sent, as Zalo's CDN serves it (no token: the URL is the key).
      const image = /^\/images\/([a-z0-9]+)$/.exec(req.url ?? '');
      if (image) {
        const bytes = images.get(image[1] ?? '');
        if (!bytes) return void res.writeHead(404).end();
        res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': bytes.byteLength });
        return void res.end(bytes);
      }
      const match = /^\/bot([^/]+)\/([^/?]+)/.exec(req.url ?? '');
      const method = match?.[2] ?? '';
      let raw: unknown;
      const text = Buffer.concat(chunks).toString('utf8');
      let parseFailed = false;
      try {
        raw = text === '' ? {} : JSON.parse(text);
      } catch {
        parseFailed = true;
      }
      const call: FakeCall = { method, body: raw, status: 0 };
      calls.push(call);

      const list = failures.get(method) ?? [];
      const index = list.findIndex((f) => f.when === undefined || f.when(raw));
      const planned = index < 0 ? undefined : list.splice(index, 1)[0]?.failure;
      if (planned === 'drop') {
        call.status = 'dropped';
        req.socket.destroy();
        return;
      }
      if (planned) return send(res, call, planned.status, planned.body, planned.headers);
      if (!match || match[1] !== options.token) return send(res, call, 401, fail(401, 'Unauthorized'));
      if (req.method !== 'POST' && req.method !== 'GET')
        return send(res, call, 405, fail(405, 'Method Not Allowed'));
      if (parseFailed) return send(res, call, 400, fail(400, 'Bad Request: body is not JSON'));
      handleMethod(method, res, call, raw);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    calls,
    pushUpdate(update) {
      const waiter = waiters[0];
      if (waiter) waiter.deliver(update);
      else queue.push(update);
    },
    failNext(method, failure, times = 1, when) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(when ? { failure, when } : { failure });
      failures.set(method, list);
    },
    setWebhookInfo(info) {
      webhook = { url: info.url, secret_token: info.secret_token ?? '', updated_at: Date.now() };
    },
    webhookInfo: () => ({ ...webhook }),
    pendingUpdates: () => queue.length,
    addImage(bytes) {
      const id = `i${images.size + 1}`;
      images.set(id, bytes);
      return `http://127.0.0.1:${port}/images/${id}`;
    },
    waitingPolls: () => waiters.length,
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiters.splice(0)) clearTimeout(w.timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Held long polls and idle keep-alive sockets would otherwise keep the server (and vitest) alive.
        server.closeAllConnections();
      });
    },
  };
}

/** A minimal text-message update in the real shape, for tests to push or post. */
export function makeTextUpdate(
  text: string,
  opts: {
    messageId?: string;
    chatId?: string;
    fromId?: string;
    chatType?: 'PRIVATE' | 'GROUP';
    displayName?: string;
  } = {},
): Record<string, unknown> {
  const fromId = opts.fromId ?? 'user-1';
  return {
    event_name: 'message.text.received',
    message: {
      from: { id: fromId, display_name: opts.displayName ?? 'Nguyễn Văn A', is_bot: false },
      chat: { id: opts.chatId ?? fromId, chat_type: opts.chatType ?? 'PRIVATE' },
      text,
      message_id: opts.messageId ?? `msg-${Math.random().toString(16).slice(2)}`,
      date: Date.now(),
    },
  };
}

/** A photo message (message.image.received) with its URL and an optional caption, in the real shape. */
export function makeImageUpdate(
  photoUrl: string,
  caption: string | undefined,
  opts: { messageId?: string; fromId?: string } = {},
): Record<string, unknown> {
  const update = makeTextUpdate('', opts);
  const message = update.message as Record<string, unknown>;
  delete message.text;
  message.photo_url = photoUrl;
  if (caption !== undefined) message.caption = caption;
  return { ...update, event_name: 'message.image.received' };
}

/**
 * POSTs a webhook call the way Zalo does (JSON body, secret header) and reads the answer. A string body is
 * sent verbatim, so malformed JSON can be tested. `secret: undefined` omits the header.
 */
export async function postWebhook(
  url: string,
  opts: { secret: string | undefined; body: unknown },
): Promise<{ status: number; body: unknown }> {
  const payload = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(payload),
  };
  if (opts.secret !== undefined) headers['X-Bot-Api-Secret-Token'] = opts.secret;
  return new Promise((resolve, reject) => {
    // agent:false: one connection per call, closed after, so no socket outlives the test.
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the raw text
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
