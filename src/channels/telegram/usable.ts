// Which updates the bot can act on. Anything else is acknowledged and logged, never stored: a webhook
// that answered it with an error would have Telegram deliver it again and again.
type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const optional = (o: Fields, key: string, ok: (v: unknown) => boolean): boolean =>
  o[key] === undefined || ok(o[key]);

function chatProblem(chat: unknown): string | null {
  if (chat === undefined) return 'no chat';
  if (!isObject(chat) || !isInteger(chat.id) || typeof chat.type !== 'string') return 'malformed chat';
  return null;
}

function senderProblem(from: unknown): string | null {
  if (from === undefined) return 'no sender';
  if (!isObject(from) || !isInteger(from.id)) return 'malformed sender';
  // Read before the error boundary of an update, to choose the language of "sorry".
  if (!optional(from, 'language_code', (v) => typeof v === 'string')) return 'malformed sender';
  return null;
}

const isEntity = (e: unknown): boolean =>
  isObject(e) && typeof e.type === 'string' && isInteger(e.offset) && isInteger(e.length);
const isEntities = (v: unknown): boolean => Array.isArray(v) && v.every(isEntity);

/** What the handlers read of a message: its id, chat, sender, words and their entities, what it replies to. */
function messageProblem(m: unknown): string | null {
  if (!isObject(m)) return 'not a message';
  if (!isInteger(m.message_id)) return 'no message_id';
  const who = chatProblem(m.chat) ?? senderProblem(m.from);
  if (who !== null) return who;
  const words =
    optional(m, 'text', (v) => typeof v === 'string') &&
    optional(m, 'caption', (v) => typeof v === 'string') &&
    optional(m, 'entities', isEntities) &&
    optional(m, 'caption_entities', isEntities);
  if (!words) return 'malformed text';
  const replied = m.reply_to_message;
  if (replied !== undefined && !(isObject(replied) && isInteger(replied.message_id)))
    return 'malformed reply';
  if (isObject(replied) && replied.from !== undefined && senderProblem(replied.from) !== null)
    return 'malformed reply';
  return null;
}

function callbackProblem(q: unknown): string | null {
  if (!isObject(q)) return 'not a callback query';
  if (typeof q.id !== 'string' || q.id === '') return 'no id';
  const who = senderProblem(q.from);
  if (who !== null) return who;
  // A game button, or a forgery: we never send a button without data.
  if (typeof q.data !== 'string') return 'no data';
  if (q.message !== undefined && (!isObject(q.message) || chatProblem(q.message.chat) !== null))
    return 'message without chat';
  return null;
}

/** Why the bot cannot use `value` as an update, or null when it can (then it is an Update). */
export function unusableReason(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  if (!isInteger(value.update_id) || value.update_id < 0) return 'no usable update_id';
  if ('message' in value) {
    const why = messageProblem(value.message);
    return why === null ? null : `message: ${why}`;
  }
  if ('callback_query' in value) {
    const why = callbackProblem(value.callback_query);
    return why === null ? null : `callback_query: ${why}`;
  }
  return 'a kind of update the bot does not ask for';
}

/** The update_id for a log line, when it is one (a huge or forged one is left out). */
export function loggableUpdateId(value: unknown): number | undefined {
  const id = isObject(value) ? value.update_id : undefined;
  return isInteger(id) ? id : undefined;
}
