// Answers to questions, split into pages a phone can show; "trang sau" re-asks and shows the next page.
import {
  answerDueSoon,
  answerMyTasks,
  answerOverdue,
  answerSummary,
  statusLines,
  type AnswerContext,
} from './answers.ts';
import { messages } from './messages.ts';
import type { Level } from './ports.ts';
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
  'summary',
  'my_tasks',
  'status',
]);

async function answerLines(turn: Turn, intent: Intent, level: Level): Promise<Line[] | null> {
  const ctx: AnswerContext = { store: turn.deps.store, today: turn.today, lang: turn.lang, tz: turn.deps.tz };
  switch (intent.intent) {
    case 'overdue':
      return answerOverdue(ctx, intent, level);
    case 'due_soon':
      return answerDueSoon(ctx, intent, level);
    case 'summary':
      return answerSummary(ctx, intent);
    case 'my_tasks':
      return answerMyTasks(ctx, turn.person);
    case 'status': {
      const detail = intent.target ? await turn.deps.store.item(intent.target) : null;
      return detail ? statusLines(detail, ctx) : null;
    }
    default:
      return null;
  }
}

/**
 * Page `page` (1-based) of the answer to `intent`. The answer is computed afresh, so a later page shows
 * the data as they are now; the conversation remembers the question, not the text.
 */
export async function showPage(turn: Turn, intent: Intent, level: Level, page: number): Promise<Reply[]> {
  const m = messages(turn.lang);
  const lines = await answerLines(turn, intent, level);
  if (lines === null) return intent.target ? unknownCodeReply(turn, intent.target) : say(turn, m.noList);
  const pages = paginate(lines, MAX_PAGE_CHARS - FOOTER_ROOM);
  turn.state.lastList = { intent, level, page: Math.min(page, pages.length) };
  const about = intent.intent === 'status' ? intent.target : null;
  if (about) turn.state.lastItem = about;
  if (page > pages.length) return say(turn, m.noMorePages);
  const body = pages[page - 1] ?? [];
  if (pages.length === 1) return [reply(turn.lang, body, { about })];
  const last = page === pages.length;
  const footer = last ? m.lastPage(page, pages.length) : m.pageFooter(page, pages.length);
  const buttons = last ? [] : [[{ label: m.nextPage, action: { kind: 'page' as const, page: page + 1 } }]];
  return [reply(turn.lang, [...body, [footer]], { buttons, about })];
}

/** "trang sau", "next", or a page button: the remembered list's next (or named) page. */
export function continueList(turn: Turn, page: number | null): Promise<Reply[]> | Reply[] {
  const last = turn.state.lastList;
  if (!last) return say(turn, messages(turn.lang).noList);
  return showPage(turn, last.intent, last.level, page ?? last.page + 1);
}
