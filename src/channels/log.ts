// Errors as log fields, for every channel, that can never carry a token, a message's text or an invite code.
import { TelegramError } from 'telegraf';
import { scrubSecrets } from '../logger.ts';
import { DeliveryError } from './outbound.ts';

export interface ErrorFields {
  name: string;
  message: string;
  /** Telegram's error_code, a DeliveryError's kind, or a system code like ECONNRESET. */
  code?: string | number;
}

/** drizzle's "Failed query: …\nparams: …" would put a person's words (a note) in the log: keep the query only. */
function withoutParams(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : message.slice(0, at);
}

/**
 * Name, scrubbed message and code only. Never the error object itself: telegraf's errors carry the
 * request payload (`on.payload`, which holds the text sent) and fetch errors the URL (which holds the token).
 */
export function errorFields(err: unknown): ErrorFields {
  if (err instanceof TelegramError) {
    return { name: 'TelegramError', message: scrubSecrets(err.description), code: err.code };
  }
  if (err instanceof DeliveryError)
    return { name: err.name, message: scrubSecrets(err.message), code: err.kind };
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    const fields: ErrorFields = { name: err.name, message: scrubSecrets(withoutParams(err.message)) };
    if (typeof code === 'string' || typeof code === 'number') fields.code = code;
    return fields;
  }
  return { name: 'Error', message: scrubSecrets(String(err)) };
}

/** The logger every channel writes to (pino's, or a test's recorder). */
export interface ChannelLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const quiet = (): void => undefined;
/** For a caller that keeps no log. */
export const SILENT: ChannelLogger = { debug: quiet, info: quiet, warn: quiet, error: quiet };
