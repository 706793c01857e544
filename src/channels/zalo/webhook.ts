// Framework-neutral handler for Zalo webhook calls: checks the secret header, parses, hands the update on.
import { parseZaloUpdate, zaloUpdateSchema, type ZaloUpdate } from './api-types.ts';
import { secretMatches } from '../secret.ts';
import type { ZaloLogger } from './client.ts';

export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

/** Zalo's rule for the secret_token given to setWebhook: 8 to 256 characters. */
export function isZaloSecret(secret: string): boolean {
  return secret.length >= 8 && secret.length <= 256;
}

/** Node's IncomingHttpHeaders, a plain record, or a Fetch `Headers` (Hono, undici) are all accepted. */
export type ZaloWebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface ZaloWebhookCall {
  /** The secret_token given to setWebhook. */
  secret: string;
  headers: ZaloWebhookHeaders;
  /** Parsed JSON, or the raw body as a string / bytes. */
  body: unknown;
  onUpdate: (update: ZaloUpdate) => Promise<void> | void;
  logger?: ZaloLogger;
}

export interface ZaloWebhookResponse {
  status: number;
  body: unknown;
}

function headerValue(headers: ZaloWebhookHeaders, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const NOT_JSON = Symbol('not JSON');

function readBody(body: unknown): unknown {
  if (body instanceof Uint8Array) body = Buffer.from(body).toString('utf8');
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** Where a body fails to be an update, by field path and rule: never a value, which may be someone's words. */
function whyNotAnUpdate(value: unknown): string {
  const issue = zaloUpdateSchema.safeParse(value).error?.issues[0];
  if (!issue) return 'not an update';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.code}` : issue.code;
}

/** Whether a call carries the secret given to setWebhook (checked before any of the body is read). */
export function zaloCallAuthorized(secret: string, headers: ZaloWebhookHeaders): boolean {
  return secretMatches(secret, headerValue(headers, ZALO_SECRET_HEADER));
}

/** A framework-neutral webhook call: 401 for a wrong secret, else the body handled. */
export async function handleZaloWebhook(call: ZaloWebhookCall): Promise<ZaloWebhookResponse> {
  if (!zaloCallAuthorized(call.secret, call.headers)) {
    call.logger?.warn({}, 'zalo webhook: wrong or missing secret token');
    return { status: 401, body: { ok: false, description: 'Unauthorized' } };
  }
  return handleZaloBody(call);
}

/** The body of a call whose secret was checked: parsed, validated and handed on. */
export async function handleZaloBody(
  call: Omit<ZaloWebhookCall, 'secret' | 'headers'>,
): Promise<ZaloWebhookResponse> {
  const { onUpdate, logger: log } = call;
  const body = readBody(call.body);
  if (body === NOT_JSON) {
    log?.warn({ channel: 'zalo' }, 'zalo webhook: body is not JSON');
    return { status: 400, body: { ok: false, description: 'Bad Request: not JSON' } };
  }
  const update = parseZaloUpdate(body);
  if (update === null) {
    // Acknowledged: an error would have Zalo deliver the same unusable body again and again.
    log?.warn({ channel: 'zalo', reason: whyNotAnUpdate(body) }, 'zalo webhook: update ignored');
    return { status: 200, body: { ok: true } };
  }
  try {
    await onUpdate(update);
  } catch (err) {
    // A 5xx tells Zalo the update was not handled; a redelivery is caught by the seen-set if it was.
    log?.error(
      {
        err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : err,
        event: update.event_name,
        messageId: update.message?.message_id,
      },
      'zalo webhook: onUpdate failed',
    );
    return { status: 500, body: { ok: false, description: 'Internal Server Error' } };
  }
  return { status: 200, body: { ok: true } };
}
