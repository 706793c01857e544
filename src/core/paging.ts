// Answers to questions, split into pages a phone can show; "trang sau" or a list's own button shows the next page.
import {
  agencyName,
  answerDueSoon,
  answerList,
  answerMyTasks,
  answerOverdue,
  answerSummary,
  statusLines,
  type AnswerContext,
} from './answers.ts';
import { messages } from './messages.ts';
import { chatReadScope, inScope } from './permissions.ts';
import type { Level, PagedList } from './ports.ts';
import { MAX_PAGE_CHARS, paginate, type Line, type Reply } from './reply.ts';
import { reply, say, type Turn } from './turn.ts';
import type { Intent } from './types.ts';
import { unknownCodeReply } from './updates.ts';

/** Room left on each page for the "Trang 1/3 — …" footer, so a page with it stays within the limit. */
const FOOTER_ROOM = 120;

/** Intents whose answer is read from the store and may run over one page. */
export const LIST_INTENTS = new Set<Intent['intent']>([
  'overdue',
  'due_soon',
  'list',
  'summary',
  'my_tasks',
  'status',
]);

async function answerLines(
  turn: Turn,
  asked: Intent,
  asLevel: Level,
  ranking: boolean,
): Promise<Line[] | null> {
  const ctx: AnswerContext = { store: turn.deps.store, today: turn.today, lang: turn.lang, tz: turn.deps.tz };
  // A commune's leader reads his commune: a question names no other agency, and is about its tasks.
  const reader = chatReadScope(turn.person);
  let intent = asked;
  let level = asLevel;
  const own = reader.all ? '' : agencyName(turn.lexicon, reader.agency, turn.lang);
  if (!reader.all && asked.intent !== 'my_tasks' && asked.intent !== 'status') {
    if (asked.agency !== null && asked.agency !== reader.agency)
      return [[messages(turn.lang).onlyOwnAgency(own)]];
    intent = { ...asked, agency: reader.agency };
    level = 'task';
  }
  switch (intent.intent) {
    case 'overdue':
      return answerOverdue(ctx, intent, level);
    case 'due_soon':
      return answerDueSoon(ctx, intent, level);
    case 'list':
      return answerList(ctx, intent, level);
    case 'summary':
      return answerSummary(ctx, intent, ranking);
    case 'my_tasks':
      return answerMyTasks(ctx, turn.person);
    case 'status': {
      const detail = intent.target ? await turn.deps.store.item(intent.target) : null;
      if (detail && !inScope(reader, detail.item))
        return [[messages(turn.lang).notYourAgencyItem(detail.item.code, own)]];
      return detail ? statusLines(detail, ctx) : null;
    }
    default:
      return null;
  }
}

/** How many lists a chat keeps: the newest, and the long ones before it (whose buttons may still be pressed). */
export const MAX_LISTS = 5;

/** Keeps `list` as the newest; a one-page list before it had no button, so it is dropped. */
function remember(turn: Turn, list: Omit<PagedList, 'id'> & { id: string | null }): string {
  const older = (turn.state.lists ?? []).filter((l) => l.id !== list.id && l.pages > 1);
  let id = list.id;
  if (id === null) {
    const seq = (turn.state.listSeq ?? 0) + 1;
    turn.state.listSeq = seq;
    id = seq.toString(36);
  }
  turn.state.lists = [...older.slice(-(MAX_LISTS - 1)), { ...list, id }];
  return id;
}

/**
 * Page `page` (1-based) of the answer to a list's question. The answer is computed afresh, so a later
 * page shows the data as they are now; the conversation remembers the question, not the text.
 * `byButton`: a page a button named, which may be out of range (forged, or the list has shrunk since).
 */
async function showPage(
  turn: Turn,
  list: { id: string | null; intent: Intent; level: Level; ranking?: boolean },
  page: number,
  byButton: boolean,
): Promise<Reply[]> {
  const m = messages(turn.lang);
  const { intent, level } = list;
  const lines = await answerLines(turn, intent, level, list.ranking === true);
  if (lines === null) return intent.target ? unknownCodeReply(turn, intent.target) : say(turn, m.noList);
  const pages = paginate(lines, MAX_PAGE_CHARS - FOOTER_ROOM);
  const about = intent.intent === 'status' ? intent.target : null;
  // A page no whole number (NaN, 1.5: a forged button) would pass both range checks and show nothing.
  const inRange = Number.isInteger(page) && page >= 1 && page <= pages.length;
  if (byButton && !inRange) return say(turn, m.noSuchPage(page, pages.length));
  const id = remember(turn, { ...list, page: Math.min(page, pages.length), pages: pages.length });
  if (about) turn.state.lastItem = about;
  if (page > pages.length) return say(turn, m.noMorePages);
  const body = pages[page - 1] ?? [];
  if (pages.length === 1) return [reply(turn.lang, body, { about })];
  const last = page === pages.length;
  const footer = last ? m.lastPage(page, pages.length) : m.pageFooter(page, pages.length);
  const next = { kind: 'page' as const, list: id, page: page + 1 };
  const buttons = last ? [] : [[{ label: m.nextPage, action: next }]];
  return [reply(turn.lang, [...body, [footer]], { buttons, about })];
}

/** The answer to a new question: page 1 of a new list. */
export function showList(turn: Turn, intent: Intent, level: Level, ranking = false): Promise<Reply[]> {
  return showPage(turn, { id: null, intent, level, ...(ranking ? { ranking } : {}) }, 1, false);
}

/** "trang sau", "next": the next page of the list shown last. */
export function continueList(turn: Turn): Promise<Reply[]> | Reply[] {
  const last = turn.state.lists?.at(-1);
  if (!last) return say(turn, messages(turn.lang).noList);
  return showPage(turn, last, last.page + 1, false);
}

/** A page button: the page of the list it was sent under, or plainly "that list is gone". */
export function pageOfList(turn: Turn, listId: string | null, page: number): Promise<Reply[]> | Reply[] {
  const list = listId === null ? undefined : turn.state.lists?.find((l) => l.id === listId);
  if (!list) return say(turn, messages(turn.lang).listGone);
  return showPage(turn, list, page, true);
}
