// Typed Zalo errors that are safe to log: they never hold the bot token, the URL or an axios config.
import type { ZaloMethod } from './api-types.ts';

/**
 * Replaces every occurrence of the token in a string. Used on any text that came from below us (axios,
 * Node's socket errors), because the request URL `/bot<TOKEN>/…` can leak into such messages.
 */
export function redactToken(text: string, token: string): string {
  if (token.length === 0) return text;
  return text.split(token).join('<redacted>').split(encodeURIComponent(token)).join('<redacted>');
}

/** What a log shows of an error: its name, message and the fields named, nothing else it may hold. */
function loggable<E extends Error>(err: E, fields: ReadonlyArray<keyof E & string>): Record<string, unknown> {
  return { name: err.name, message: err.message, ...Object.fromEntries(fields.map((f) => [f, err[f]])) };
}

export interface ZaloApiErrorInit {
  method: ZaloMethod;
  errorCode: number;
  description: string;
  httpStatus: number | null;
  retryable: boolean;
  retryAfterSeconds?: number;
}

/** Zalo answered with a failure: `ok:false`, an error HTTP status, or a body we cannot read. */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  readonly method: ZaloMethod;
  /** Zalo's `error_code`, or the HTTP status when the body carried none. */
  readonly errorCode: number;
  readonly description: string;
  readonly httpStatus: number | null;
  /** True for 5xx and 429: the same call may succeed later. */
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ZaloApiErrorInit) {
    super(`Zalo ${init.method} failed: ${init.errorCode} ${init.description}`);
    this.method = init.method;
    this.errorCode = init.errorCode;
    this.description = init.description;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  toJSON(): Record<string, unknown> {
    return loggable<ZaloApiError>(this, [
      'method',
      'errorCode',
      'description',
      'httpStatus',
      'retryable',
      'retryAfterSeconds',
    ]);
  }
}

export interface ZaloNetworkErrorInit {
  method: ZaloMethod;
  /** Node/axios error code such as ECONNRESET, ECONNREFUSED, ECONNABORTED, or 'ABORTED'. */
  code: string | undefined;
  /** Already redacted by the caller. */
  detail: string;
  aborted: boolean;
}

/** No usable answer came back: connection refused or dropped, timeout, or we aborted the call ourselves. */
export class ZaloNetworkError extends Error {
  override readonly name = 'ZaloNetworkError';
  readonly method: ZaloMethod;
  readonly code: string | undefined;
  /** True when our own AbortSignal ended the call; such a call must not be retried. */
  readonly aborted: boolean;
  readonly retryable: boolean;

  constructor(init: ZaloNetworkErrorInit) {
    super(`Zalo ${init.method} network error${init.code ? ` (${init.code})` : ''}: ${init.detail}`);
    this.method = init.method;
    this.code = init.code;
    this.aborted = init.aborted;
    this.retryable = !init.aborted;
  }

  toJSON(): Record<string, unknown> {
    return loggable<ZaloNetworkError>(this, ['method', 'code', 'aborted', 'retryable']);
  }
}

/** A call refused locally before any HTTP request, e.g. a message text Zalo would reject anyway. */
export class ZaloValidationError extends Error {
  override readonly name = 'ZaloValidationError';
  readonly method: ZaloMethod;
  readonly field: string;

  constructor(method: ZaloMethod, field: string, reason: string) {
    super(`Zalo ${method}: ${field} ${reason}`);
    this.method = method;
    this.field = field;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, field: this.field };
  }
}

export type ZaloError = ZaloApiError | ZaloNetworkError | ZaloValidationError;

export function isZaloError(err: unknown): err is ZaloError {
  return err instanceof ZaloApiError || err instanceof ZaloNetworkError || err instanceof ZaloValidationError;
}
