// A loopback fake of the Telegram Bot API, for driving the REAL telegraf client in tests.
//
// `startFakeTelegramApi({ token })` listens on 127.0.0.1:<random port>; give telegraf
// `{ telegram: { apiRoot: fake.url } }`. Requests arrive as telegraf 4.16 sends them: POST
// application/json for almost every method, POST multipart/form-data when a payload holds a file
// (`{ source: Buffer | stream | path }` or `{ url }`), in which case every field is a string and
// `reply_markup` is JSON-encoded. Form-urlencoded bodies and GET query strings are accepted too.
//
// What is faithful (so tests can prove the bot behaves): the error envelope
// `{ ok: false, error_code, description, parameters? }`, 401 for a wrong token, 404 for unknown methods,
// long polling (offset confirms, timeout waits, 409 while a webhook is set or when a second poll
// arrives), HTML parse_mode checking ported from tdlib's parser, the 4096-character text limit (after
// entity parsing), the 1024-character caption limit, 64-byte callback_data, "message is not modified",
// 403 for a chat that blocked the bot, a second answer to one callback query, and — when `limits` is
// given — 429 flood control with `retry_after` that, like Telegram, keeps refusing until it has passed.
//
// Deliberately simplified: updates are only delivered through getUpdates (use `postWebhookUpdate` for
// webhook tests); edits/deletes of messages the fake never saw are accepted; Markdown is not checked.

import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CallbackQuery, Chat, Message, Update, User } from 'telegraf/types';

// ---------------------------------------------------------------------------------------------------
// Public shapes

export interface ApiCall {
  method: string;
  params: Params;
  /** Date.now() on arrival. */
  at: number;
  /** performance.now() on arrival (request headers received), for precise rate measurements. */
  monoAt: number;
  /** HTTP status answered; undefined while pending or when the socket was dropped. */
  status?: number;
}

export interface SentMessage {
  chat_id: number;
  /** Exactly as the bot sent it (HTML markup included). */
  text: string;
  /** The text after entity parsing, as a user would see it. */
  plain: string;
  parse_mode?: string;
  reply_markup?: unknown;
  message_id: number;
  reply_to_message_id?: number;
  at: number;
}

export interface EditedMessage {
  method: 'editMessageText' | 'editMessageReplyMarkup';
  chat_id?: number;
  message_id?: number;
  inline_message_id?: string;
  text?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  at: number;
}

export interface SentPhoto {
  chat_id: number;
  message_id: number;
  caption?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  /** Set when the photo was uploaded (multipart). */
  filename?: string;
  byteLength?: number;
  /** The upload's first bytes (a PNG starts 89 50 4E 47 0D 0A 1A 0A). */
  head?: Buffer;
  /** Set when the photo was given as a file_id or URL string. */
  file?: string;
  at: number;
}

/** A file sent with sendDocument: uploaded (multipart, kept whole so a test can open it) or by file_id/URL. */
export interface SentDocument {
  chat_id: number;
  message_id: number;
  caption?: string;
  parse_mode?: string;
  /** Set when the document was uploaded (multipart). */
  filename?: string;
  /** The upload's bytes, whole. */
  bytes?: Buffer;
  /** Set when the document was given as a file_id or URL string. */
  file?: string;
  reply_markup?: unknown;
  at: number;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  cache_time?: number;
  at: number;
}

export interface CommandsCall {
  commands: Array<{ command: string; description: string }>;
  scope?: unknown;
  language_code?: string;
  at: number;
}

export interface FailureSpec {
  status: number;
  description: string;
  /** Seconds; sent as `parameters.retry_after`. */
  retryAfter?: number;
}

/**
 * 'drop': the socket is destroyed before the method runs (certainly not delivered).
 * 'drop-after': the method runs (a message IS recorded as sent) and then the socket is destroyed —
 * the ambiguous case the idempotence rule in src/channels/backoff.ts is about.
 */
export type Failure = FailureSpec | 'drop' | 'drop-after';

export interface FakeTelegramLimits {
  /** Sends accepted per sliding 1 s window across all chats (Telegram: ~30). */
  perSecond?: number;
  /** Sends accepted per sliding 1 s window to one chat (Telegram: 1). */
  perChatPerSecond?: number;
  /**
   * The window checked is 1000 − toleranceMs (default 100). Requests a correct limiter starts exactly
   * 1 s apart arrive closer together: measured on loopback with telegraf, the first (cold) batch lands
   * 30–65 ms after its start, later batches 5–15 ms. So the default catches bursts and any rate more
   * than ~11 % over the ceiling, not a limiter that is off by one message; the limiter's own fake-clock
   * tests prove exactness. Use 0 for a strict check (expect false 429s from jitter).
   */
  toleranceMs?: number;
}

export interface FakeTelegramOptions {
  token: string;
  limits?: FakeTelegramLimits;
  /** For failRandomly; default Math.random. */
  random?: () => number;
}

export interface TextUpdateInput {
  fromId: number;
  /** Default: fromId (a private chat). */
  chatId?: number;
  text: string;
  /** Default: 'private' when chatId > 0, 'supergroup' when ≤ -1e12, else 'group'. */
  chatType?: 'private' | 'group' | 'supergroup';
  replyToMessageId?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  chatTitle?: string;
}

export interface FileUpdateInput extends Omit<TextUpdateInput, 'text'> {
  kind: 'photo' | 'document';
  fileId: string;
  caption?: string;
  fileName?: string;
  mimeType?: string;
  /** The size the message declares; default the file's own. */
  fileSize?: number;
}

export interface CallbackUpdateInput {
  fromId: number;
  chatId: number;
  data: string;
  messageId: number;
  firstName?: string;
  languageCode?: string;
  chatType?: 'private' | 'group' | 'supergroup';
}

export interface FakeTelegramApi {
  /** API root for telegraf's `apiRoot`, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly token: string;
  readonly botUser: User;
  close(): Promise<void>;
  readonly calls: ApiCall[];
  readonly sent: SentMessage[];
  readonly edited: EditedMessage[];
  readonly photos: SentPhoto[];
  /** Every sendDocument accepted, in order. */
  readonly documents: SentDocument[];
  readonly deleted: Array<{ chat_id: number; message_id: number; at: number }>;
  readonly callbackAnswers: CallbackAnswer[];
  /** Every setMyCommands call, in order. */
  readonly commands: CommandsCall[];
  /** Current setWebhook parameters, or null. */
  readonly webhook: Params | null;
  /** 429s answered by the `limits` enforcement (not those injected with failNext/failRandomly). */
  readonly tooManyRequestsCount: number;
  /** Updates not yet confirmed by a getUpdates offset. */
  readonly pendingUpdates: readonly Update[];
  pushUpdate(update: Update): Update;
  nextUpdateId(): number;
  makeTextUpdate(input: TextUpdateInput): Update.MessageUpdate<Message.TextMessage>;
  makeCallbackUpdate(input: CallbackUpdateInput): Update.CallbackQueryUpdate<CallbackQuery.DataQuery>;
  /** Keeps bytes as a file a person sent; returns its file_id. */
  addFile(bytes: Buffer): string;
  /** A photo or document message (a caption instead of text) carrying the file `fileId`. */
  makeFileUpdate(input: FileUpdateInput): Update.MessageUpdate;
  /**
   * The next `times` calls of `method` ('*' = any method) fail this way; with `when`, only calls whose
   * parameters it accepts (e.g. the second part of a long message), others pass.
   */
  failNext(method: string, failure: Failure, times?: number, when?: (params: Params) => boolean): void;
  /** Each call of `method` fails with `status` with this probability; probability 0 removes the rule. */
  failRandomly(method: string, probability: number, status: number): void;
  clearFailures(): void;
  blockChat(chatId: number | string): void;
  unblockChat(chatId: number | string): void;
  /** Resolves once a call satisfying `predicate` has arrived (or rejects after timeoutMs). */
  waitForCall(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
}

// ---------------------------------------------------------------------------------------------------
// Parameters

export type Params = Record<string, unknown>;

/** A file part of a multipart request. */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly byteLength: number,
    /** The first bytes of the file, enough to tell its format by. */
    readonly head: Buffer = Buffer.alloc(0),
    /** The whole file (a test opens an uploaded document again). */
    readonly bytes: Buffer = Buffer.alloc(0),
  ) {}
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}

const badRequest = (what: string): ApiError => new ApiError(400, `Bad Request: ${what}`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(p: Params, key: string): string | undefined {
  const v = p[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function num(p: Params, key: string): number | undefined {
  const v = p[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function bool(p: Params, key: string): boolean | undefined {
  const v = p[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** A field that may be JSON-encoded (multipart / urlencoded) or already an object (JSON body). */
function json(p: Params, key: string): unknown {
  const v = p[key];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw badRequest(`can't parse ${key} JSON object`);
  }
}

/** Numeric chat ids only: '@channel' usernames are answered "chat not found". */
function chatIdOf(p: Params): number {
  const v = p['chat_id'];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  if (typeof v === 'string' && v !== '') throw badRequest('chat not found');
  throw badRequest('chat_id is empty');
}

// ---------------------------------------------------------------------------------------------------
// Telegram's HTML parse_mode, ported from tdlib's parse_html (td/telegram/MessageEntity.cpp)

const HTML_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'tg-emoji',
  'blockquote',
]);

const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';

/** Decodes the character reference at `pos` ('&'): [character, next position] or null (then '&' is literal). */
function decodeEntity(text: string, pos: number): [string, number] | null {
  let end = pos + 1;
  let code = 0;
  if (text[end] === '#') {
    end++;
    if (text[end] === 'x') {
      end++;
      while (end < text.length && /[0-9a-fA-F]/.test(text[end] ?? ''))
        code = code * 16 + parseInt(text[end++] ?? '0', 16);
    } else {
      while (end < text.length && /[0-9]/.test(text[end] ?? '')) code = code * 10 + Number(text[end++]);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    while (end < text.length && /[a-zA-Z]/.test(text[end] ?? '')) end++;
    const name = text.slice(pos + 1, end);
    const named: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
    const c = named[name];
    if (c === undefined) return null;
    code = c;
  }
  if (text[end] === ';') end++;
  return [String.fromCodePoint(code), end];
}

export type HtmlCheck = { ok: true; plain: string } | { ok: false; error: string };

/**
 * Parses `text` as Telegram's HTML parse_mode does. Supported: b strong i em u ins s strike del a(href)
 * code pre tg-spoiler span(class="tg-spoiler") tg-emoji(emoji-id) blockquote; entities &lt; &gt; &amp;
 * &quot; and numeric ones (&#39; &#x27;) — as tdlib does; any other '&' is literal text, and a '<' always
 * opens a tag (so "a < b" is an error). On success returns the text a user would see.
 */
export function checkTelegramHtml(text: string): HtmlCheck {
  const byteOffset = (i: number): number => Buffer.byteLength(text.slice(0, i));
  const fail = (error: string): HtmlCheck => ({ ok: false, error });
  const stack: string[] = [];
  let plain = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i] ?? '';
    if (c === '&') {
      const decoded = decodeEntity(text, i);
      if (decoded) {
        plain += decoded[0];
        i = decoded[1] - 1;
        continue;
      }
    }
    if (c !== '<') {
      plain += c;
      continue;
    }
    const begin = i++;
    if (text[i] !== '/') {
      while (i < n && !isSpace(text[i]) && text[i] !== '>') i++;
      if (i >= n) return fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const tag = text.slice(begin + 1, i).toLowerCase();
      if (!HTML_TAGS.has(tag))
        return fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
      const attributes = new Map<string, string>();
      while (text[i] !== '>') {
        while (i < n && isSpace(text[i])) i++;
        if (text[i] === '>') break;
        const nameBegin = i;
        while (i < n && !isSpace(text[i]) && text[i] !== '=' && text[i] !== '>') i++;
        const name = text.slice(nameBegin, i);
        if (name === '') {
          return fail(`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(begin)}`);
        }
        while (i < n && isSpace(text[i])) i++;
        if (text[i] !== '=') {
          if (tag === 'blockquote' && name.toLowerCase() === 'expandable') continue;
          if (i >= n) return fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
          return fail(
            `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(begin)}`,
          );
        }
        i++;
        while (i < n && isSpace(text[i])) i++;
        if (i >= n) return fail(`Unclosed start tag "${tag}" at byte offset ${byteOffset(begin)}`);
        let value = '';
        const quote = text[i];
        if (quote !== '"' && quote !== "'") {
          const tokenBegin = i;
          while (i < n && /[A-Za-z0-9.-]/.test(text[i] ?? '')) i++;
          value = text.slice(tokenBegin, i).toLowerCase();
          if (i < n && !isSpace(text[i]) && text[i] !== '>') {
            return fail(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
          }
        } else {
          i++;
          while (i < n && text[i] !== quote) {
            if (text[i] === '&') {
              const decoded = decodeEntity(text, i);
              if (decoded) {
                value += decoded[0];
                i = decoded[1];
                continue;
              }
            }
            value += text[i++];
          }
          if (text[i] === quote) i++;
        }
        if (i >= n) return fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        attributes.set(name.toLowerCase(), value);
      }
      if (tag === 'span' && attributes.get('class') !== 'tg-spoiler') {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      if (tag === 'tg-emoji' && !/^\d+$/.test(attributes.get('emoji-id') ?? '')) {
        return fail('Custom emoji entity must contain a valid custom emoji identifier');
      }
      stack.push(tag);
    } else {
      if (stack.length === 0) return fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      while (i < n && !isSpace(text[i]) && text[i] !== '>') i++;
      const endTag = text.slice(begin + 2, i);
      while (i < n && isSpace(text[i])) i++;
      if (text[i] !== '>') return fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const open = stack.pop() ?? '';
      if (endTag !== '' && endTag !== open) {
        return fail(
          `Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open}>", found "</${endTag}>"`,
        );
      }
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed !== undefined) return fail(`Can't find end tag corresponding to start tag ${unclosed}`);
  return { ok: true, plain };
}

/** Applies parse_mode to a text or caption; returns the user-visible text or throws the Bot API error. */
function parseFormatted(text: string, parseMode: string | undefined): string {
  if (parseMode === undefined || parseMode === '') return text;
  if (parseMode.toLowerCase() === 'html') {
    const result = checkTelegramHtml(text);
    if (!result.ok) throw badRequest(`can't parse entities: ${result.error}`);
    return result.plain;
  }
  if (parseMode === 'Markdown' || parseMode === 'MarkdownV2') return text;
  throw badRequest('unsupported parse_mode');
}

function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined || markup === null) return;
  if (!isRecord(markup)) throw badRequest('object expected as reply markup');
  const keyboard = markup['inline_keyboard'];
  if (keyboard === undefined) return;
  if (!Array.isArray(keyboard))
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array');
  for (const row of keyboard) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
    for (const button of row) {
      if (!isRecord(button))
        throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
      if (typeof button['text'] !== 'string' || button['text'] === '') {
        throw badRequest(
          "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        );
      }
      const data = button['callback_data'];
      if (data !== undefined) {
        const size = typeof data === 'string' ? Buffer.byteLength(data) : 0;
        if (size < 1 || size > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Request bodies

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseMultipart(body: Buffer, boundary: string): Params {
  const params: Params = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, Math.max(start, next - 2));
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        params[name] =
          filename !== undefined
            ? new UploadedFile(
                filename,
                content.length,
                Buffer.from(content.subarray(0, 16)),
                Buffer.from(content),
              )
            : content.toString('utf8');
      }
    }
    pos = next;
  }
  return params;
}

function parseBody(req: http.IncomingMessage, body: Buffer, query: URLSearchParams): Params {
  const params: Params = Object.fromEntries(query);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (body.length === 0) return params;
  if (type.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw badRequest("can't parse JSON");
    }
    if (!isRecord(parsed)) throw badRequest('JSON object expected');
    return { ...params, ...parsed };
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
  }
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
    const b = boundary?.[1] ?? boundary?.[2];
    if (!b) throw badRequest('multipart boundary missing');
    return { ...params, ...parseMultipart(body, b.trim()) };
  }
  throw badRequest('unsupported content type');
}

// ---------------------------------------------------------------------------------------------------
// Webhook delivery, as Telegram does it

/** POSTs `update` to a webhook like Telegram: JSON body and the X-Telegram-Bot-Api-Secret-Token header. */
export function postWebhookUpdate(
  url: string,
  update: Update,
  secret?: string,
): Promise<{ status: number; body: string; json: unknown }> {
  const body = JSON.stringify(update);
  const headers: http.OutgoingHttpHeaders = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  if (secret !== undefined) headers['x-telegram-bot-api-secret-token'] = secret;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
        } catch {
          parsed = undefined; // not JSON (telegraf answers an empty body or a webhook reply)
        }
        resolve({ status: res.statusCode ?? 0, body: text, json: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------
// The server

interface StoredMessage {
  chatKey: string;
  message_id: number;
  text?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  fromBot: boolean;
  deleted: boolean;
}

interface KnownChat {
  chat: Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;
}

interface PollWaiter {
  limit: number;
  allowed: string[];
  timer: NodeJS.Timeout;
  finish: (result: Update[] | ApiError) => void;
}

/** Methods whose calls count as sends for the flood limits (and are refused for a blocked chat). */
const isSendMethod = (method: string): boolean =>
  (method.startsWith('send') && method !== 'sendChatAction') ||
  method === 'copyMessage' ||
  method === 'forwardMessage';

const TOO_MANY = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

function defaultFailure(status: number): FailureSpec {
  if (status === 429) return { status, description: 'Too Many Requests: retry after 1', retryAfter: 1 };
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return { status, description: names[status] ?? http.STATUS_CODES[status] ?? 'Error' };
}

function updateType(update: Update): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? '';
}

export async function startFakeTelegramApi(options: FakeTelegramOptions): Promise<FakeTelegramApi> {
  const { token } = options;
  const random = options.random ?? Math.random;
  const limits = options.limits;
  const windowMs = 1000 - (limits?.toleranceMs ?? 100);
  const botId = Number(/^(\d+):/.exec(token)?.[1] ?? 7000000001);
  const botUser: User = {
    id: botId,
    is_bot: true,
    first_name: 'Dondoc Test',
    username: 'dondoc_test_bot',
  };
  const getMeResult = {
    ...botUser,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };

  const calls: ApiCall[] = [];
  const sent: SentMessage[] = [];
  const edited: EditedMessage[] = [];
  const photos: SentPhoto[] = [];
  const documents: SentDocument[] = [];
  const deleted: Array<{ chat_id: number; message_id: number; at: number }> = [];
  const callbackAnswers: CallbackAnswer[] = [];
  const commands: CommandsCall[] = [];
  const commandSets = new Map<string, Array<{ command: string; description: string }>>();
  const menuButtons = new Map<string, unknown>();
  let webhook: Params | null = null;
  let tooManyRequestsCount = 0;
  let updateSeq = 1000;
  let queue: Update[] = [];
  let waiter: PollWaiter | null = null;
  const lastMessageId = new Map<string, number>();
  const messages = new Map<string, StoredMessage>();
  /** Files people "sent", by file_id: getFile names a path, GET /file/bot<token>/<path> serves the bytes. */
  const files = new Map<string, Buffer>();
  const chats = new Map<string, KnownChat>();
  const blocked = new Set<string>();
  const answeredQueries = new Set<string>();
  const failNextRules: Array<{
    method: string;
    failure: Failure;
    remaining: number;
    when?: (params: Params) => boolean;
  }> = [];
  const randomRules = new Map<string, { probability: number; status: number }>();
  const callWatchers = new Set<{ predicate: (call: ApiCall) => boolean; resolve: (call: ApiCall) => void }>();
  // Flood control state (performance.now() times of accepted sends).
  let globalSends: number[] = [];
  const chatSends = new Map<string, number[]>();
  let floodUntil = 0;
  const chatFloodUntil = new Map<string, number>();

  const nextMessageId = (chatKey: string): number => {
    const id = (lastMessageId.get(chatKey) ?? 0) + 1;
    lastMessageId.set(chatKey, id);
    return id;
  };
  const messageKey = (chatKey: string, id: number): string => `${chatKey}:${id}`;
  const unixNow = (): number => Math.floor(Date.now() / 1000);

  function chatObject(chatId: number): Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat {
    const known = chats.get(String(chatId));
    if (known) return known.chat;
    if (chatId > 0) return { id: chatId, type: 'private', first_name: 'User' };
    if (chatId <= -1_000_000_000_000) return { id: chatId, type: 'supergroup', title: 'Supergroup' };
    return { id: chatId, type: 'group', title: 'Group' };
  }

  function rememberChat(
    chatId: number,
    type: 'private' | 'group' | 'supergroup' | undefined,
    firstName: string,
    title?: string,
  ): Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat {
    const kind = type ?? (chatId > 0 ? 'private' : chatId <= -1_000_000_000_000 ? 'supergroup' : 'group');
    const chat: Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat =
      kind === 'private'
        ? { id: chatId, type: 'private', first_name: firstName }
        : { id: chatId, type: kind, title: title ?? (kind === 'group' ? 'Group' : 'Supergroup') };
    chats.set(String(chatId), { chat });
    return chat;
  }

  /** Flood control; records the send when accepted. */
  function checkFlood(chatKey: string, at: number): ApiError | null {
    if (!limits) return null;
    const refuse = (until: number, perChat: boolean): ApiError => {
      tooManyRequestsCount++;
      const retryAfter = Math.max(1, Math.ceil((until - at) / 1000));
      if (perChat)
        chatFloodUntil.set(chatKey, Math.max(chatFloodUntil.get(chatKey) ?? 0, at + retryAfter * 1000));
      else floodUntil = Math.max(floodUntil, at + retryAfter * 1000);
      return TOO_MANY(retryAfter);
    };
    if (at < floodUntil) return refuse(floodUntil, false);
    const chatUntil = chatFloodUntil.get(chatKey) ?? 0;
    if (at < chatUntil) return refuse(chatUntil, true);
    globalSends = globalSends.filter((t) => t > at - windowMs);
    const perChat = (chatSends.get(chatKey) ?? []).filter((t) => t > at - windowMs);
    if (limits.perSecond !== undefined && globalSends.length >= limits.perSecond) {
      return refuse((globalSends[0] ?? at) + windowMs, false);
    }
    if (limits.perChatPerSecond !== undefined && perChat.length >= limits.perChatPerSecond) {
      return refuse((perChat[0] ?? at) + windowMs, true);
    }
    globalSends.push(at);
    perChat.push(at);
    chatSends.set(chatKey, perChat);
    return null;
  }

  function takeFailure(method: string, params: Params): Failure | null {
    const index = failNextRules.findIndex(
      (r) => (r.method === method || r.method === '*') && (r.when === undefined || r.when(params)),
    );
    const rule = failNextRules[index];
    if (rule) {
      rule.remaining--;
      if (rule.remaining <= 0) failNextRules.splice(index, 1);
      return rule.failure;
    }
    const rnd = randomRules.get(method) ?? randomRules.get('*');
    if (rnd && random() < rnd.probability) return defaultFailure(rnd.status);
    return null;
  }

  function readyUpdates(limit: number, allowed: string[]): Update[] {
    const eligible = allowed.length === 0 ? queue : queue.filter((u) => allowed.includes(updateType(u)));
    return eligible.slice(0, limit);
  }

  function assertNotBlocked(chatKey: string): void {
    if (blocked.has(chatKey)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
  }

  function resolveTarget(p: Params): { chatKey: string; chatId: number; messageId: number } | null {
    if (str(p, 'inline_message_id') !== undefined) return null;
    const chatId = chatIdOf(p);
    const messageId = num(p, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    return { chatKey: String(chatId), chatId, messageId };
  }

  function replyToOf(p: Params): number | undefined {
    const legacy = num(p, 'reply_to_message_id');
    if (legacy !== undefined) return legacy;
    const parameters = json(p, 'reply_parameters');
    if (isRecord(parameters)) return num(parameters, 'message_id');
    return undefined;
  }

  function inlineMarkup(markup: unknown): Message.TextMessage['reply_markup'] {
    if (isRecord(markup) && Array.isArray(markup['inline_keyboard'])) {
      return markup as unknown as Message.TextMessage['reply_markup'];
    }
    return undefined;
  }

  type Handler = (p: Params) => unknown;
  const handlers: Record<string, Handler> = {
    getMe: () => getMeResult,

    getFile: (p) => {
      const id = str(p, 'file_id');
      const bytes = id === undefined ? undefined : files.get(id);
      if (id === undefined || bytes === undefined) throw badRequest('Bad Request: invalid file_id');
      // The real Bot API refuses to hand out a file over 20 MB.
      if (bytes.byteLength > 20 * 1024 * 1024) throw badRequest('Bad Request: file is too big');
      return { file_id: id, file_unique_id: `u${id}`, file_size: bytes.byteLength, file_path: `docs/${id}` };
    },

    getUpdates: (p) => {
      if (webhook) {
        throw new ApiError(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const offset = num(p, 'offset') ?? 0;
      const limit = Math.min(100, Math.max(1, num(p, 'limit') ?? 100));
      const timeout = Math.max(0, num(p, 'timeout') ?? 0);
      const allowedRaw = json(p, 'allowed_updates');
      const allowed = Array.isArray(allowedRaw)
        ? allowedRaw.filter((x): x is string => typeof x === 'string')
        : [];
      if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
      else if (offset < 0) queue = queue.slice(offset);
      if (waiter) {
        waiter.finish(
          new ApiError(
            409,
            'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          ),
        );
      }
      const ready = readyUpdates(limit, allowed);
      if (ready.length > 0 || timeout === 0) return ready;
      return new Promise<Update[] | ApiError>((resolve) => {
        const self: PollWaiter = {
          limit,
          allowed,
          timer: setTimeout(() => self.finish([]), timeout * 1000),
          finish: (result) => {
            clearTimeout(self.timer);
            if (waiter === self) waiter = null;
            resolve(result);
          },
        };
        waiter = self;
      });
    },

    setWebhook: (p) => {
      const url = str(p, 'url') ?? '';
      if (url === '') {
        webhook = null;
        return true;
      }
      if (!/^https?:\/\//.test(url))
        throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      const secret = str(p, 'secret_token');
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
        throw badRequest('secret token contains unallowed characters');
      }
      if (bool(p, 'drop_pending_updates')) queue = [];
      webhook = { ...p };
      if (waiter) waiter.finish(new ApiError(409, 'Conflict: terminated by setWebhook request'));
      return true;
    },

    deleteWebhook: (p) => {
      webhook = null;
      if (bool(p, 'drop_pending_updates')) queue = [];
      return true;
    },

    getWebhookInfo: () => {
      const info: Record<string, unknown> = {
        url: webhook ? (str(webhook, 'url') ?? '') : '',
        has_custom_certificate: false,
        pending_update_count: queue.length,
      };
      if (webhook) {
        const max = num(webhook, 'max_connections');
        if (max !== undefined) info['max_connections'] = max;
        const allowed = json(webhook, 'allowed_updates');
        if (Array.isArray(allowed)) info['allowed_updates'] = allowed;
      }
      return info;
    },

    sendMessage: (p) => {
      const chatId = chatIdOf(p);
      const chatKey = String(chatId);
      const text = str(p, 'text') ?? '';
      const parseMode = str(p, 'parse_mode');
      if (text === '') throw badRequest('message text is empty');
      const plain = parseFormatted(text, parseMode);
      if (plain.trim() === '') throw badRequest('message text is empty');
      if (plain.length > 4096) throw badRequest('message is too long');
      const markup = json(p, 'reply_markup');
      checkReplyMarkup(markup);
      assertNotBlocked(chatKey);
      const messageId = nextMessageId(chatKey);
      const replyTo = replyToOf(p);
      const at = Date.now();
      const record: SentMessage = { chat_id: chatId, text, plain, message_id: messageId, at };
      if (parseMode !== undefined) record.parse_mode = parseMode;
      if (markup !== undefined) record.reply_markup = markup;
      if (replyTo !== undefined) record.reply_to_message_id = replyTo;
      sent.push(record);
      messages.set(messageKey(chatKey, messageId), {
        chatKey,
        message_id: messageId,
        text,
        parse_mode: parseMode,
        reply_markup: markup,
        fromBot: true,
        deleted: false,
      });
      const message: Message.TextMessage = {
        message_id: messageId,
        from: botUser,
        chat: chatObject(chatId),
        date: unixNow(),
        text: plain,
      };
      const keyboard = inlineMarkup(markup);
      if (keyboard) message.reply_markup = keyboard;
      return message;
    },

    sendPhoto: (p) => {
      const chatId = chatIdOf(p);
      const chatKey = String(chatId);
      const photo = p['photo'];
      if (photo === undefined || photo === '') throw badRequest('there is no photo in the request');
      const caption = str(p, 'caption');
      const parseMode = str(p, 'parse_mode');
      if (caption !== undefined) {
        const plain = parseFormatted(caption, parseMode);
        if (plain.length > 1024) throw badRequest('message caption is too long');
      }
      const markup = json(p, 'reply_markup');
      checkReplyMarkup(markup);
      assertNotBlocked(chatKey);
      const messageId = nextMessageId(chatKey);
      const record: SentPhoto = { chat_id: chatId, message_id: messageId, at: Date.now() };
      if (caption !== undefined) record.caption = caption;
      if (parseMode !== undefined) record.parse_mode = parseMode;
      if (markup !== undefined) record.reply_markup = markup;
      let fileSize = 0;
      if (photo instanceof UploadedFile) {
        record.filename = photo.filename;
        record.byteLength = photo.byteLength;
        record.head = photo.head;
        fileSize = photo.byteLength;
      } else if (typeof photo === 'string') {
        record.file = photo;
      } else {
        throw badRequest('wrong remote file identifier specified');
      }
      photos.push(record);
      messages.set(messageKey(chatKey, messageId), {
        chatKey,
        message_id: messageId,
        reply_markup: markup,
        fromBot: true,
        deleted: false,
      });
      const fileId = `photo-${chatKey}-${messageId}`;
      const message: Message.PhotoMessage = {
        message_id: messageId,
        from: botUser,
        chat: chatObject(chatId),
        date: unixNow(),
        photo: [{ file_id: fileId, file_unique_id: fileId, width: 800, height: 600, file_size: fileSize }],
      };
      if (caption !== undefined) message.caption = caption;
      const keyboard = inlineMarkup(markup);
      if (keyboard) message.reply_markup = keyboard;
      return message;
    },

    sendDocument: (p) => {
      const chatId = chatIdOf(p);
      const chatKey = String(chatId);
      const doc = p['document'];
      if (doc === undefined || doc === '') throw badRequest('there is no document in the request');
      const caption = str(p, 'caption');
      const parseMode = str(p, 'parse_mode');
      if (caption !== undefined) {
        const plain = parseFormatted(caption, parseMode);
        if (plain.length > 1024) throw badRequest('message caption is too long');
      }
      assertNotBlocked(chatKey);
      const markup = json(p, 'reply_markup');
      checkReplyMarkup(markup);
      const record: SentDocument = { chat_id: chatId, message_id: 0, at: Date.now() };
      let fileSize = 0;
      let fileName: string | undefined;
      if (doc instanceof UploadedFile) {
        if (doc.byteLength === 0) throw badRequest('file must be non-empty');
        if (doc.byteLength > 50 * 1024 * 1024) throw new ApiError(413, 'Request Entity Too Large');
        record.filename = doc.filename;
        record.bytes = doc.bytes;
        fileSize = doc.byteLength;
        fileName = doc.filename;
      } else if (typeof doc === 'string') {
        record.file = doc;
      } else {
        throw badRequest('wrong remote file identifier specified');
      }
      const messageId = nextMessageId(chatKey);
      record.message_id = messageId;
      if (caption !== undefined) record.caption = caption;
      if (parseMode !== undefined) record.parse_mode = parseMode;
      if (markup !== undefined) record.reply_markup = markup;
      documents.push(record);
      messages.set(messageKey(chatKey, messageId), {
        chatKey,
        message_id: messageId,
        fromBot: true,
        deleted: false,
      });
      const fileId = `document-${chatKey}-${messageId}`;
      const message: Message.DocumentMessage = {
        message_id: messageId,
        from: botUser,
        chat: chatObject(chatId),
        date: unixNow(),
        document: {
          file_id: fileId,
          file_unique_id: fileId,
          file_size: fileSize,
          ...(fileName === undefined ? {} : { file_name: fileName }),
        },
      };
      if (caption !== undefined) message.caption = caption;
      const keyboard = inlineMarkup(markup);
      if (keyboard) message.reply_markup = keyboard;
      return message;
    },

    editMessageText: (p) => {
      const target = resolveTarget(p);
      const text = str(p, 'text') ?? '';
      const parseMode = str(p, 'parse_mode');
      if (text === '') throw badRequest('message text is empty');
      const plain = parseFormatted(text, parseMode);
      if (plain.length > 4096) throw badRequest('MESSAGE_TOO_LONG');
      const markup = json(p, 'reply_markup');
      checkReplyMarkup(markup);
      const record: EditedMessage = { method: 'editMessageText', text, at: Date.now() };
      if (parseMode !== undefined) record.parse_mode = parseMode;
      if (markup !== undefined) record.reply_markup = markup;
      if (!target) {
        record.inline_message_id = str(p, 'inline_message_id');
        edited.push(record);
        return true;
      }
      assertNotBlocked(target.chatKey);
      const key = messageKey(target.chatKey, target.messageId);
      const stored = messages.get(key);
      if (stored?.deleted) throw badRequest('message to edit not found');
      if (stored && !stored.fromBot) throw badRequest("message can't be edited");
      if (
        stored &&
        stored.text === text &&
        stored.parse_mode === parseMode &&
        JSON.stringify(stored.reply_markup ?? null) === JSON.stringify(markup ?? null)
      ) {
        throw badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      messages.set(key, {
        chatKey: target.chatKey,
        message_id: target.messageId,
        text,
        parse_mode: parseMode,
        reply_markup: markup,
        fromBot: true,
        deleted: false,
      });
      record.chat_id = target.chatId;
      record.message_id = target.messageId;
      edited.push(record);
      const message: Message.TextMessage = {
        message_id: target.messageId,
        from: botUser,
        chat: chatObject(target.chatId),
        date: unixNow(),
        edit_date: unixNow(),
        text: plain,
      };
      const keyboard = inlineMarkup(markup);
      if (keyboard) message.reply_markup = keyboard;
      return message;
    },

    editMessageReplyMarkup: (p) => {
      const target = resolveTarget(p);
      const markup = json(p, 'reply_markup');
      checkReplyMarkup(markup);
      const record: EditedMessage = { method: 'editMessageReplyMarkup', at: Date.now() };
      if (markup !== undefined) record.reply_markup = markup;
      if (!target) {
        record.inline_message_id = str(p, 'inline_message_id');
        edited.push(record);
        return true;
      }
      assertNotBlocked(target.chatKey);
      const key = messageKey(target.chatKey, target.messageId);
      const stored = messages.get(key);
      if (stored?.deleted) throw badRequest('message to edit not found');
      if (stored && JSON.stringify(stored.reply_markup ?? null) === JSON.stringify(markup ?? null)) {
        throw badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      if (stored) stored.reply_markup = markup;
      record.chat_id = target.chatId;
      record.message_id = target.messageId;
      edited.push(record);
      const message: Message.TextMessage = {
        message_id: target.messageId,
        from: botUser,
        chat: chatObject(target.chatId),
        date: unixNow(),
        edit_date: unixNow(),
        text: stored?.text ?? '',
      };
      const keyboard = inlineMarkup(markup);
      if (keyboard) message.reply_markup = keyboard;
      return message;
    },

    deleteMessage: (p) => {
      const chatId = chatIdOf(p);
      const messageId = num(p, 'message_id');
      if (messageId === undefined) throw badRequest('message identifier is not specified');
      const stored = messages.get(messageKey(String(chatId), messageId));
      if (stored?.deleted) throw badRequest('message to delete not found');
      if (stored) stored.deleted = true;
      deleted.push({ chat_id: chatId, message_id: messageId, at: Date.now() });
      return true;
    },

    answerCallbackQuery: (p) => {
      const id = str(p, 'callback_query_id');
      if (id === undefined || id === '') throw badRequest('query ID is empty');
      if (answeredQueries.has(id)) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      answeredQueries.add(id);
      const record: CallbackAnswer = { callback_query_id: id, at: Date.now() };
      const text = str(p, 'text');
      if (text !== undefined) record.text = text;
      const alert = bool(p, 'show_alert');
      if (alert !== undefined) record.show_alert = alert;
      const url = str(p, 'url');
      if (url !== undefined) record.url = url;
      const cache = num(p, 'cache_time');
      if (cache !== undefined) record.cache_time = cache;
      callbackAnswers.push(record);
      return true;
    },

    sendChatAction: (p) => {
      const chatId = chatIdOf(p);
      if (str(p, 'action') === undefined) throw badRequest('action is empty');
      assertNotBlocked(String(chatId));
      return true;
    },

    setMyCommands: (p) => {
      const list = json(p, 'commands');
      if (!Array.isArray(list)) throw badRequest('commands must be an Array');
      const parsed: Array<{ command: string; description: string }> = [];
      for (const item of list) {
        if (!isRecord(item)) throw badRequest('BOT_COMMAND_INVALID');
        const command = typeof item['command'] === 'string' ? item['command'] : '';
        const description = typeof item['description'] === 'string' ? item['description'] : '';
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
        if (description.trim() === '' || description.length > 256)
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        parsed.push({ command, description });
      }
      const scope = json(p, 'scope');
      const language = str(p, 'language_code');
      const record: CommandsCall = { commands: parsed, at: Date.now() };
      if (scope !== undefined) record.scope = scope;
      if (language !== undefined) record.language_code = language;
      commands.push(record);
      commandSets.set(`${JSON.stringify(scope ?? { type: 'default' })}|${language ?? ''}`, parsed);
      return true;
    },

    getMyCommands: (p) => {
      const scope = json(p, 'scope');
      const language = str(p, 'language_code');
      return commandSets.get(`${JSON.stringify(scope ?? { type: 'default' })}|${language ?? ''}`) ?? [];
    },

    deleteMyCommands: (p) => {
      const scope = json(p, 'scope');
      const language = str(p, 'language_code');
      commandSets.delete(`${JSON.stringify(scope ?? { type: 'default' })}|${language ?? ''}`);
      return true;
    },

    setChatMenuButton: (p) => {
      const key = p['chat_id'] === undefined ? '' : String(chatIdOf(p));
      menuButtons.set(key, json(p, 'menu_button') ?? { type: 'default' });
      return true;
    },

    getChatMenuButton: (p) => {
      const key = p['chat_id'] === undefined ? '' : String(chatIdOf(p));
      return menuButtons.get(key) ?? menuButtons.get('') ?? { type: 'default' };
    },

    getChat: (p) => {
      return chatObject(chatIdOf(p));
    },
  };

  // ---- HTTP plumbing

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function respond(res: http.ServerResponse, call: ApiCall | null, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    if (call) call.status = status;
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    });
    res.end(payload);
  }

  function respondError(res: http.ServerResponse, call: ApiCall | null, error: ApiError): void {
    const body: Record<string, unknown> = {
      ok: false,
      error_code: error.status,
      description: error.description,
    };
    if (error.parameters) body['parameters'] = error.parameters;
    respond(res, call, error.status, body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const arrival = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return;
    }
    const download = /^\/file\/bot([^/]*)\/docs\/([^/]+)$/.exec(url.pathname);
    if (download) {
      const bytes = download[1] === token ? files.get(download[2] ?? '') : undefined;
      calls.push({ method: 'file', params: { path: download[2] }, at: Date.now(), monoAt: arrival });
      if (bytes === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength });
      res.end(bytes);
      return;
    }
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      respondError(res, null, new ApiError(404, 'Not Found'));
      return;
    }
    const [, requestToken, method = ''] = match;
    if (requestToken !== token) {
      respondError(res, null, new ApiError(401, 'Unauthorized'));
      return;
    }
    let params: Params;
    try {
      params = parseBody(req, body, url.searchParams);
    } catch (error) {
      respondError(res, null, error instanceof ApiError ? error : badRequest(String(error)));
      return;
    }
    const call: ApiCall = { method, params, at: Date.now(), monoAt: arrival };
    calls.push(call);
    for (const watcher of callWatchers) {
      if (watcher.predicate(call)) {
        callWatchers.delete(watcher);
        watcher.resolve(call);
      }
    }

    const failure = takeFailure(method, params);
    if (failure === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure !== null && failure !== 'drop-after') {
      const parameters = failure.retryAfter !== undefined ? { retry_after: failure.retryAfter } : undefined;
      respondError(res, call, new ApiError(failure.status, failure.description, parameters));
      return;
    }

    const handler = handlers[method];
    if (!handler) {
      respondError(res, call, new ApiError(404, 'Not Found: method not found'));
      return;
    }
    if (method === 'getUpdates') {
      // A long poll whose client went away (telegraf's bot.stop() aborts it) must not linger.
      res.on('close', () => {
        if (!res.writableEnded && waiter) waiter.finish([]);
      });
    }
    try {
      if (isSendMethod(method)) {
        const chatKey = String(params['chat_id'] ?? '');
        const refused = checkFlood(chatKey, arrival);
        if (refused) throw refused;
      }
      const result = await handler(params);
      if (failure === 'drop-after') {
        req.socket.destroy();
        return;
      }
      if (result instanceof ApiError) throw result;
      respond(res, call, 200, { ok: true, result });
    } catch (error) {
      if (failure === 'drop-after') {
        req.socket.destroy();
        return;
      }
      respondError(
        res,
        call,
        error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`),
      );
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;

  const api: FakeTelegramApi = {
    url,
    token,
    botUser,
    calls,
    sent,
    edited,
    photos,
    documents,
    deleted,
    callbackAnswers,
    commands,
    get webhook() {
      return webhook;
    },
    get tooManyRequestsCount() {
      return tooManyRequestsCount;
    },
    get pendingUpdates() {
      return queue;
    },

    async close() {
      if (waiter) waiter.finish([]);
      for (const watcher of callWatchers) callWatchers.delete(watcher);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },

    nextUpdateId: () => ++updateSeq,

    pushUpdate(update) {
      queue.push(update);
      queue.sort((a, b) => a.update_id - b.update_id);
      if (waiter) {
        const ready = readyUpdates(waiter.limit, waiter.allowed);
        if (ready.length > 0) waiter.finish(ready);
      }
      return update;
    },

    addFile(bytes) {
      const id = `f${files.size + 1}`;
      files.set(id, bytes);
      return id;
    },

    makeFileUpdate(input) {
      const update = api.makeTextUpdate({ ...input, text: input.caption ?? '' });
      const m = update.message as unknown as Record<string, unknown>;
      delete m.text;
      const entities = m.entities;
      delete m.entities;
      if (input.caption !== undefined) m.caption = input.caption;
      if (entities !== undefined) m.caption_entities = entities;
      const bytes = files.get(input.fileId);
      const size = input.fileSize ?? bytes?.byteLength;
      const ref = { file_id: input.fileId, file_unique_id: `u${input.fileId}`, file_size: size };
      if (input.kind === 'photo') m.photo = [{ ...ref, width: 90, height: 60 }];
      else m.document = { ...ref, file_name: input.fileName, mime_type: input.mimeType };
      return update as unknown as Update.MessageUpdate;
    },

    makeTextUpdate(input) {
      const chatId = input.chatId ?? input.fromId;
      const firstName = input.firstName ?? 'Người dùng';
      const from: User = { id: input.fromId, is_bot: false, first_name: firstName };
      if (input.lastName !== undefined) from.last_name = input.lastName;
      if (input.username !== undefined) from.username = input.username;
      if (input.languageCode !== undefined) from.language_code = input.languageCode;
      const chat = rememberChat(chatId, input.chatType, firstName, input.chatTitle);
      const chatKey = String(chatId);
      const messageId = nextMessageId(chatKey);
      messages.set(messageKey(chatKey, messageId), {
        chatKey,
        message_id: messageId,
        text: input.text,
        fromBot: false,
        deleted: false,
      });
      const message: Update.MessageUpdate<Message.TextMessage>['message'] = {
        message_id: messageId,
        from,
        chat,
        date: unixNow(),
        text: input.text,
      };
      const command = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?/.exec(input.text);
      if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
      if (input.replyToMessageId !== undefined) {
        const replied = messages.get(messageKey(chatKey, input.replyToMessageId));
        const original: Message.TextMessage = {
          message_id: input.replyToMessageId,
          chat,
          date: unixNow(),
          text: replied?.text ?? '',
        };
        if (replied?.fromBot !== false) original.from = botUser;
        message.reply_to_message = original as Message.TextMessage & { reply_to_message: undefined };
      }
      return { update_id: api.nextUpdateId(), message };
    },

    makeCallbackUpdate(input) {
      const firstName = input.firstName ?? 'Người dùng';
      const from: User = { id: input.fromId, is_bot: false, first_name: firstName };
      if (input.languageCode !== undefined) from.language_code = input.languageCode;
      const known = chats.get(String(input.chatId))?.chat;
      const chat = known ?? rememberChat(input.chatId, input.chatType, firstName);
      const stored = messages.get(messageKey(String(input.chatId), input.messageId));
      const message: Message.TextMessage = {
        message_id: input.messageId,
        from: botUser,
        chat,
        date: unixNow(),
        text: stored?.text ?? '',
      };
      const keyboard = inlineMarkup(stored?.reply_markup);
      if (keyboard) message.reply_markup = keyboard;
      const updateId = api.nextUpdateId();
      const id = `cb-${updateId}`;
      return {
        update_id: updateId,
        callback_query: {
          id,
          from,
          chat_instance: `ci-${input.chatId}`,
          data: input.data,
          message,
        },
      };
    },

    failNext(method, failure, times = 1, when) {
      failNextRules.push({ method, failure, remaining: Math.max(1, times), ...(when ? { when } : {}) });
    },

    failRandomly(method, probability, status) {
      if (probability <= 0) randomRules.delete(method);
      else randomRules.set(method, { probability, status });
    },

    clearFailures() {
      failNextRules.length = 0;
      randomRules.clear();
    },

    blockChat(chatId) {
      blocked.add(String(chatId));
    },

    unblockChat(chatId) {
      blocked.delete(String(chatId));
    },

    waitForCall(predicate, timeoutMs = 5000) {
      const existing = calls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise<ApiCall>((resolve, reject) => {
        const watcher = {
          predicate,
          resolve: (call: ApiCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          callWatchers.delete(watcher);
          reject(new Error(`fake Telegram: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        callWatchers.add(watcher);
      });
    },
  };
  return api;
}
