// Typed client for the Zalo Bot API over one axios instance, with retries and token-safe errors.
import axios, { type AxiosInstance } from 'axios';
import { z } from 'zod';
import {
  ZALO_MAX_TEXT,
  zaloBotInfoSchema,
  zaloEnvelopeSchema,
  zaloSentMessageSchema,
  zaloUpdateSchema,
  zaloWebhookInfoSchema,
  type ZaloBotInfo,
  type ZaloMethod,
  type ZaloUpdate,
  type ZaloWebhookInfo,
} from './api-types.ts';
import { ZaloApiError, ZaloNetworkError, ZaloValidationError, redactToken } from './errors.ts';

/** The subset of pino we use, so any pino logger (or a test spy) fits. */
export interface ZaloLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const DEFAULT_ZALO_API_ROOT = 'https://bot-api.zaloplatforms.com';

export interface ZaloClientOptions {
  token: string;
  /** Defaults to the production root; tests point it at the loopback fake. */
  apiRoot?: string;
  logger?: ZaloLogger;
  /** Per-request timeout for every method except getUpdates (which uses poll timeout + 5 s). Default 15 s. */
  httpTimeoutMs?: number;
  /** Extra attempts after the first on retryable failures. Default 3. */
  maxRetries?: number;
  /** First back-off delay; doubles each attempt, with jitter. Default 500 ms. */
  retryBaseMs?: number;
  /** Ceiling for one back-off delay. Default 8 s. */
  retryMaxMs?: number;
  /** A longer retry-after is not waited for: the error is thrown with retryAfterSeconds. Default 60 s. */
  maxRetryAfterMs?: number;
}

export interface ZaloCallOptions {
  /** Aborts the in-flight request and any back-off wait; the call rejects with an aborted network error. */
  signal?: AbortSignal;
}

export interface ZaloClient {
  getMe(opts?: ZaloCallOptions): Promise<ZaloBotInfo>;
  /**
   * One long poll. Resolves with the single update Zalo hands out, or null when the poll ended empty
   * (Zalo's 408) or the update could not be read. Not retried here: the poller owns back-off.
   */
  getUpdates(timeoutSec: number, opts?: ZaloCallOptions): Promise<ZaloUpdate | null>;
  setWebhook(url: string, secret: string, opts?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  deleteWebhook(opts?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  getWebhookInfo(opts?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  sendMessage(chatId: string, text: string, opts?: ZaloCallOptions): Promise<{ messageId: string }>;
  sendPhoto(
    chatId: string,
    photoUrl: string,
    caption?: string,
    opts?: ZaloCallOptions,
  ): Promise<{ messageId: string }>;
  sendChatAction(chatId: string, opts?: ZaloCallOptions): Promise<void>;
}

const NO_UPDATE_CODE = 408;
const anyResultSchema = z.unknown();
const GET_UPDATES_GRACE_MS = 5000;

interface CallSpec<S extends z.ZodType> {
  method: ZaloMethod;
  body: Record<string, unknown>;
  schema: S;
  timeoutMs: number;
  retries: number;
  signal: AbortSignal | undefined;
}

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const token = options.token;
  if (!token) throw new Error('Zalo bot token is empty');
  const apiRoot = (options.apiRoot ?? DEFAULT_ZALO_API_ROOT).replace(/\/+$/, '');
  const log = options.logger;
  const httpTimeoutMs = options.httpTimeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 8000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;

  const http: AxiosInstance = axios.create({
    baseURL: `${apiRoot}/bot${token}/`,
    headers: { 'Content-Type': 'application/json' },
    // Every status comes back as a response: Zalo's verdict is in the body, and we classify it ourselves.
    validateStatus: () => true,
    // Raw text, parsed here, so a proxy's HTML error page is reported as such instead of silently kept.
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    // A redirect would replay the token-bearing path to another host; the API never redirects.
    maxRedirects: 0,
  });

  function toNetworkError(
    method: ZaloMethod,
    err: unknown,
    signal: AbortSignal | undefined,
  ): ZaloNetworkError {
    const aborted = axios.isCancel(err) || signal?.aborted === true;
    const code = axios.isAxiosError(err) ? err.code : undefined;
    const raw = err instanceof Error ? err.message : String(err);
    // Only the code and a redacted message survive; the original (with config.url) is dropped on purpose.
    return new ZaloNetworkError({
      method,
      code: aborted ? 'ABORTED' : code,
      detail: aborted ? 'aborted' : redactToken(raw, token),
      aborted,
    });
  }

  function retryAfterFrom(headerValue: unknown, bodySeconds: number | undefined): number | undefined {
    if (bodySeconds !== undefined && bodySeconds >= 0) return bodySeconds;
    if (typeof headerValue !== 'string' || headerValue === '') return undefined;
    const secs = Number(headerValue);
    if (Number.isFinite(secs) && secs >= 0) return secs;
    const at = Date.parse(headerValue);
    return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }

  /** One HTTP exchange: returns the parsed result, or throws a typed error (which may be retryable). */
  async function once<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S> | null> {
    let status: number;
    let text: string;
    let retryAfterHeader: unknown;
    try {
      const res = await http.post<string>(spec.method, spec.body, {
        timeout: spec.timeoutMs,
        signal: spec.signal,
      });
      status = res.status;
      text = typeof res.data === 'string' ? res.data : '';
      retryAfterHeader = res.headers['retry-after'];
    } catch (err) {
      throw toNetworkError(spec.method, err, spec.signal);
    }

    const retryableStatus = (code: number): boolean => code === 429 || code >= 500;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const env = zaloEnvelopeSchema.safeParse(json);
    if (!env.success) {
      // An empty poll answered by a bare HTTP 408 (no JSON) is still just "no update".
      if (spec.method === 'getUpdates' && status === NO_UPDATE_CODE) return null;
      throw new ZaloApiError({
        method: spec.method,
        errorCode: status,
        description: status >= 200 && status < 300 ? 'answer is not a Zalo envelope' : `HTTP ${status}`,
        httpStatus: status,
        retryable: retryableStatus(status),
        retryAfterSeconds: retryAfterFrom(retryAfterHeader, undefined),
      });
    }
    if (!env.data.ok) {
      const errorCode = env.data.error_code ?? status;
      if (spec.method === 'getUpdates' && errorCode === NO_UPDATE_CODE) return null;
      throw new ZaloApiError({
        method: spec.method,
        errorCode,
        description: redactToken(env.data.description ?? 'no description', token),
        httpStatus: status,
        retryable: retryableStatus(errorCode) || retryableStatus(status),
        retryAfterSeconds: retryAfterFrom(retryAfterHeader, env.data.parameters?.retry_after),
      });
    }
    const parsed = spec.schema.safeParse(env.data.result);
    if (!parsed.success) {
      if (spec.method === 'getUpdates') {
        // The update is already consumed on Zalo's side; a throw would only add back-off. Skip it loudly.
        log?.warn(
          { method: spec.method, issues: parsed.error.issues.map((i) => i.path.join('.')) },
          'zalo: unreadable update skipped',
        );
        return null;
      }
      throw new ZaloApiError({
        method: spec.method,
        errorCode: status,
        description: 'result has an unexpected shape',
        httpStatus: status,
        retryable: false,
      });
    }
    return parsed.data as z.output<S>;
  }

  function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  async function call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S> | null> {
    for (let attempt = 0; ; attempt++) {
      if (spec.signal?.aborted) throw toNetworkError(spec.method, new Error('aborted'), spec.signal);
      log?.debug({ method: spec.method, attempt }, 'zalo: call');
      try {
        return await once(spec);
      } catch (err) {
        const retryable = (err instanceof ZaloApiError || err instanceof ZaloNetworkError) && err.retryable;
        if (!retryable || attempt >= spec.retries) throw err;
        const backoff = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt);
        // Jitter in [50 %, 100 %] so many instances that failed together do not retry together.
        let delayMs = Math.round(backoff * (0.5 + Math.random() * 0.5));
        const retryAfter = err instanceof ZaloApiError ? err.retryAfterSeconds : undefined;
        if (retryAfter !== undefined) {
          if (retryAfter * 1000 > maxRetryAfterMs) throw err;
          delayMs = Math.max(delayMs, retryAfter * 1000);
        }
        log?.warn(
          {
            method: spec.method,
            attempt,
            delayMs,
            ...(err instanceof ZaloApiError ? { errorCode: err.errorCode } : { code: err.code }),
          },
          'zalo: retrying',
        );
        await sleep(delayMs, spec.signal);
      }
    }
  }

  /** For methods whose result is required: a null here can only mean a bug in once(). */
  async function callRequired<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const out = await call(spec);
    if (out === null) throw new Error(`Zalo ${spec.method}: missing result`);
    return out;
  }

  function base(method: ZaloMethod, opts: ZaloCallOptions | undefined) {
    return { method, timeoutMs: httpTimeoutMs, retries: maxRetries, signal: opts?.signal };
  }

  function checkText(method: ZaloMethod, field: string, text: string): void {
    if (text.length === 0) throw new ZaloValidationError(method, field, 'is empty');
    if (text.length > ZALO_MAX_TEXT) {
      throw new ZaloValidationError(method, field, `has ${text.length} characters, over ${ZALO_MAX_TEXT}`);
    }
  }

  function checkChatId(method: ZaloMethod, chatId: string): void {
    if (chatId.length === 0) throw new ZaloValidationError(method, 'chat_id', 'is empty');
  }

  return {
    getMe: (opts) => callRequired({ ...base('getMe', opts), body: {}, schema: zaloBotInfoSchema }),

    getUpdates: (timeoutSec, opts) =>
      call({
        ...base('getUpdates', opts),
        // The docs type `timeout` as a string of seconds.
        body: { timeout: String(timeoutSec) },
        schema: zaloUpdateSchema,
        timeoutMs: timeoutSec * 1000 + GET_UPDATES_GRACE_MS,
        retries: 0,
      }),

    setWebhook: (url, secret, opts) =>
      callRequired({
        ...base('setWebhook', opts),
        body: { url, secret_token: secret },
        schema: zaloWebhookInfoSchema,
      }),

    deleteWebhook: (opts) =>
      callRequired({ ...base('deleteWebhook', opts), body: {}, schema: zaloWebhookInfoSchema }),

    getWebhookInfo: (opts) =>
      callRequired({ ...base('getWebhookInfo', opts), body: {}, schema: zaloWebhookInfoSchema }),

    async sendMessage(chatId, text, opts) {
      checkChatId('sendMessage', chatId);
      checkText('sendMessage', 'text', text);
      const r = await callRequired({
        ...base('sendMessage', opts),
        body: { chat_id: chatId, text },
        schema: zaloSentMessageSchema,
      });
      return { messageId: r.message_id };
    },

    async sendPhoto(chatId, photoUrl, caption, opts) {
      checkChatId('sendPhoto', chatId);
      if (photoUrl.length === 0) throw new ZaloValidationError('sendPhoto', 'photo', 'is empty');
      if (caption !== undefined) checkText('sendPhoto', 'caption', caption);
      const r = await callRequired({
        ...base('sendPhoto', opts),
        body:
          caption === undefined
            ? { chat_id: chatId, photo: photoUrl }
            : { chat_id: chatId, photo: photoUrl, caption },
        schema: zaloSentMessageSchema,
      });
      return { messageId: r.message_id };
    },

    async sendChatAction(chatId, opts) {
      checkChatId('sendChatAction', chatId);
      // The documented answer is a bare {ok:true}; whatever result comes is ignored.
      await call({
        ...base('sendChatAction', opts),
        body: { chat_id: chatId, action: 'typing' },
        schema: anyResultSchema,
      });
    },
  };
}
