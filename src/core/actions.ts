// Button actions as short strings: Telegram allows 64 bytes of callback data, the web uses the same codec.
import type { ButtonAction } from './reply.ts';
import type { IntentName, ItemCode, ItemStatus, Percent } from './types.ts';

const STATUS_CODE: Record<ItemStatus, string> = {
  done: 'd',
  in_progress: 'p',
  blocked: 'b',
  not_started: 'n',
};
const CODE_STATUS = Object.fromEntries(Object.entries(STATUS_CODE).map(([k, v]) => [v, k])) as Record<
  string,
  ItemStatus
>;
const ITEM = /^[A-Z][A-Z0-9]{0,15}-\d{1,4}(?:\.\d{1,4})?$/;
/** A list id: the chat's list counter in base 36 (see core/paging.ts). */
const LIST = /^[0-9a-z]{1,10}$/;
const PAGE = /^\d{1,4}$/;
/** A claim's history row id (bigserial; far under 64 bytes with the code). */
const CLAIM = /^[1-9]\d{0,14}$/;

export const MAX_ACTION_BYTES = 64;

/** The intents a "which did you mean" button may name: questions answered from the store. */
const CHOOSABLE = new Set<IntentName>(['overdue', 'due_soon', 'list', 'summary', 'my_tasks', 'help']);

/** u|CODE|status|percent · s|CODE · pg|LIST|N · c|1 · i|INTENT · v|CODE|CLAIM|1 */
export function encodeAction(action: ButtonAction): string {
  switch (action.kind) {
    case 'update':
      return `u|${action.item}|${STATUS_CODE[action.status]}|${action.percent ?? ''}`;
    case 'snooze':
      return `s|${action.item}`;
    case 'page':
      return action.list === null ? `pg|${action.page}` : `pg|${action.list}|${action.page}`;
    case 'confirm':
      return `c|${action.yes ? 1 : 0}`;
    case 'choose':
      return `i|${action.intent}`;
    case 'verdict':
      return `v|${action.item}|${action.claim}|${action.ok ? 1 : 0}`;
  }
}

/** Null for anything that is not a well-formed action: a forged or stale button changes nothing. */
export function decodeAction(data: string): ButtonAction | null {
  if (Buffer.byteLength(data, 'utf8') > MAX_ACTION_BYTES) return null;
  const [kind, a, b, c, ...rest] = data.split('|');
  if (rest.length > 0) return null;
  if (kind === 'u' && a && ITEM.test(a) && b && CODE_STATUS[b] && c !== undefined) {
    const percent = c === '' ? null : Number(c);
    if (percent !== null && !(Number.isInteger(percent) && percent >= 0 && percent <= 100 && /^\d+$/.test(c)))
      return null;
    return {
      kind: 'update',
      item: a as ItemCode,
      status: CODE_STATUS[b],
      percent: percent as Percent | null,
    };
  }
  if (kind === 's' && a && ITEM.test(a) && b === undefined) return { kind: 'snooze', item: a as ItemCode };
  if (kind === 'pg' && a && LIST.test(a) && b && PAGE.test(b) && c === undefined)
    return { kind: 'page', list: a, page: Number(b) };
  // `pg|N`, sent before lists carried an id: still read, so the core can say its list is gone.
  if (kind === 'pg' && a && PAGE.test(a) && b === undefined)
    return { kind: 'page', list: null, page: Number(a) };
  if (kind === 'i' && a && CHOOSABLE.has(a as IntentName) && b === undefined)
    return { kind: 'choose', intent: a as IntentName };
  if (kind === 'v' && a && ITEM.test(a) && b && CLAIM.test(b) && (c === '0' || c === '1'))
    return { kind: 'verdict', item: a as ItemCode, claim: Number(b), ok: c === '1' };
  if (kind === 'c' && (a === '0' || a === '1') && b === undefined) return { kind: 'confirm', yes: a === '1' };
  return null;
}
