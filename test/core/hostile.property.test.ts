// Issue 10, "done when": thousands of generated hostile messages — unreadable and look-alike codes,
// surrogates, control and invisible characters, huge texts, odd percents, forged buttons, mixed with
// real updates — from a staff member, a leader and a stranger. For every one: the bot answers with
// something visible, and the store changes only as the reply's confirmations say, on the item named.
// Deterministic: HOSTILE_SEED picks another run; a failure prints its seed, index and message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.ts';
import { MAX_TEXT_CHARS, type IncomingMessage } from '../../src/core/index.ts';
import { messages } from '../../src/core/messages.ts';
import { lineText, type Reply } from '../../src/core/reply.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { dbKinds, type DbKind } from '../helpers/db.ts';
import { testWeb, type TestWeb } from '../web/helpers.ts';
import { code, harness, plain, type Harness } from './helpers.ts';
import { gen, hostileMessages, namedCodes, sameCode, type Hostile } from './hostile-messages.ts';
import { claims, snapshot, unexplained, visible, watchWrites, type Claims } from './hostile-oracle.ts';

const SEED = Number(process.env['HOSTILE_SEED'] ?? 20250715);
/** Messages per sender: 5,000 in all on PGlite; Postgres repeats a shorter run, to keep the file near a minute. */
const RUNS: Record<DbKind, Record<Sender, number>> = {
  pglite: { staff: 1700, leader: 1700, stranger: 1600 },
  postgres: { staff: 400, leader: 400, stranger: 200 },
};
type Sender = 'staff' | 'leader' | 'stranger';

/** P10's own tasks (Sở KH&CN): half of the generated updates aim at work the sender may change. */
const P10_TASKS = ['NQ57-10.2', 'NQ57-12.3', 'NQ57-12.4', 'CDS25-13.2', 'NQ57-12.1', 'NQ57-11.2'].map(code);

/** Who sends, and on which chat: a function of the generator, so the run stays deterministic. */
async function senderOf(
  h: Harness,
  who: Sender,
): Promise<(pick: (p: number) => boolean) => Partial<IncomingMessage>> {
  if (who === 'stranger') {
    // Unknown on Telegram (never registered) and, on the trusted CLI, a person code nobody has.
    return (chance) =>
      chance(0.8)
        ? { channel: 'telegram', senderId: '9000000001', chatId: '9000000001' }
        : { channel: 'cli', senderId: 'P99', chatId: 'chat-P99' };
  }
  const person = (who === 'staff' ? 'P10' : 'P02') as PersonCode;
  const telegram = await h.registerChat(person, 'telegram');
  return (chance) => {
    if (chance(0.25)) return { channel: 'telegram', senderId: telegram, chatId: telegram };
    // A leader also speaks in the steering committee's group, where /bantin is at home.
    if (who === 'leader' && chance(0.2))
      return {
        channel: 'telegram',
        senderId: telegram,
        chatId: '-100777',
        chatKind: 'group',
        addressed: true,
      };
    return { senderId: person, chatId: `chat-${person}` };
  };
}

/** The items an update in reply to `msg` may land on: the ones it names, else the one the chat is about. */
function rightItems(
  msg: Hostile,
  state: { lastItem?: string | null; pending?: { input: { item: string } } | null },
) {
  if (msg.action?.kind === 'update') return [msg.action.item];
  const pending = state.pending?.input.item;
  if (msg.action) return msg.action.kind === 'confirm' && pending ? [pending] : [];
  // The core refuses a longer text unread: nothing may be recorded from it.
  if (msg.text.length > MAX_TEXT_CHARS) return [];
  const named = namedCodes(msg.text);
  if (named.length > 0) return named;
  return [msg.replyToItem, state.lastItem, pending].filter((c): c is string => !!c);
}

const STRANGER_LINES = new Set(
  (['vi', 'en'] as const).flatMap((l) => {
    const m = messages(l);
    return [...m.registerHowTo, m.inviteUnknown, m.inviteUsed, m.inviteExpired, m.registerPrivately];
  }),
);

function check(who: Sender, msg: Hostile, replies: Reply[], said: Claims, right: string[]): string[] {
  const wrong: string[] = [];
  if (replies.length === 0) wrong.push('no reply');
  for (const r of replies)
    if (!r.lines.some((l) => visible(lineText(l)))) wrong.push('a reply with no visible text');
  for (const u of said.updates)
    if (!said.duplicate && !right.map(sameCode).includes(sameCode(u.code)))
      wrong.push(`recorded on ${u.code}; the message names ${right.join(', ') || 'nothing'}`);
  if (who === 'stranger') {
    const lines = replies.flatMap((r) => r.lines.map(lineText));
    const told = lines.filter(
      (l) => !STRANGER_LINES.has(l) && !/^(Tin nhắn quá dài|Your message is too long)/u.test(l),
    );
    if (told.length > 0) wrong.push(`a stranger was told: ${told[0]}`);
  }
  if (said.question && msg.family === 'forged button' && msg.action?.kind !== 'update')
    wrong.push('a button other than an update asked a confirmation question');
  return wrong;
}

const show = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…(${s.length})` : s);

describe.each(dbKinds())('%s: hostile traffic', (kind) => {
  const harnesses: Harness[] = [];
  afterAll(() => Promise.all(harnesses.map((h) => h.close())));

  it.each(['staff', 'leader', 'stranger'] as const)(
    'as a %s: every message answered visibly, every store change confirmed, on the item named',
    async (who) => {
      const h = await harness(kind);
      harnesses.push(h);
      const g = gen(SEED ^ { staff: 1, leader: 2, stranger: 3 }[who]);
      const codes = (await h.store.itemCodes()).slice().sort();
      const next = hostileMessages(g, codes, who === 'staff' ? P10_TASKS : codes);
      const chatOf = await senderOf(h, who);
      if (who === 'staff') {
        // Open explanation requests to P10, so free text may legitimately answer one.
        for (const item of P10_TASKS.slice(0, 3)) await h.send(`yêu cầu giải trình ${item}`);
      }
      const writes = await watchWrites(h.db.db);
      const failures: string[] = [];
      const seen = { recorded: 0, asked: 0, explained: 0 };
      let written = await writes();
      let before = await snapshot(h.db.db);
      let previousId = '';
      const n = RUNS[kind][who];
      for (let i = 0; i < n && failures.length < 10; i++) {
        const msg = next();
        const chat = chatOf(g.chance);
        const messageId = msg.sameIdAsPrevious && previousId ? previousId : `${who}-${i}`;
        previousId = messageId;
        const state = await h.store.conversation({ channel: chat.channel ?? 'cli', chatId: chat.chatId! });
        const what = `#${i} ${msg.family} ${msg.action ? JSON.stringify(msg.action) : show(msg.text)}`;
        let replies: Reply[];
        try {
          replies = await h.send(msg.text, {
            ...chat,
            action: msg.action,
            replyToItem: msg.replyToItem,
            messageId,
          });
        } catch (err) {
          failures.push(`${what}: threw ${(err as Error).stack}`);
          [written, before] = [await writes(), await snapshot(h.db.db)];
          continue;
        }
        const nowWritten = await writes();
        const after = nowWritten === written ? before : await snapshot(h.db.db);
        written = nowWritten;
        const said = claims(replies);
        seen.recorded += said.duplicate ? 0 : said.updates.length;
        seen.asked += said.question ? 1 : 0;
        seen.explained += said.explanationGiven.length + said.explanationAsked.length;
        const wrong = [
          ...check(who, msg, replies, said, rightItems(msg, state)),
          ...unexplained(before, after, said),
        ];
        if (wrong.length > 0)
          failures.push(`${what}\n  ${wrong.join('\n  ')}\n  reply: ${show(plain(replies))}`);
        before = after;
      }
      expect(failures, `HOSTILE_SEED=${SEED} (${who} on ${kind})`).toEqual([]);
      // Not vacuous: real updates were recorded, risky ones asked about, explanations asked and given.
      if (who !== 'stranger') {
        expect(seen.recorded, 'updates recorded').toBeGreaterThan(n / 50);
        expect(seen.asked, 'confirmation questions').toBeGreaterThan(n / 200);
        expect(seen.explained, 'explanations').toBeGreaterThan(0);
      }
    },
    300_000,
  );
});

/** The same traffic through the web console's chat route: never a 5xx, never an empty 200. */
describe.each(dbKinds())('%s: hostile traffic through POST /api/chat', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    // Each reading of the console's clock is 2.5 s later: a person's pace (under the chat's 30 a minute),
    // so the traffic reaches the core instead of the rate limit, which has its own test.
    let at = Date.parse('2025-07-15T01:00:00Z');
    web = await testWeb(kind, { required: false, clock: () => (at += 2500) });
  });
  afterAll(() => web.close());

  it('answers every request below 500, and every 200 with visible replies', async () => {
    const g = gen(SEED ^ 4);
    const codes = (await web.store.itemCodes()).slice().sort();
    const next = hostileMessages(g, codes, P10_TASKS);
    const failures: string[] = [];
    const n = kind === 'pglite' ? 400 : 150;
    const statuses = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const msg = next();
      const person = g.chance(0.85)
        ? g.pick(['P10', 'P02', 'p10'])
        : g.pick(['P99', '../P02', '', 'P10'.repeat(20)]);
      // A forged action as a client would send it: the codec's string, or garbage of the same shape.
      const action = msg.action
        ? g.chance(0.7)
          ? encodeAction(msg.action)
          : g.pick(['u|NQ57-12.3|d|', 'pg|', 'c|2', 'x', '|||', 's|nq57-12.3', msg.text.slice(0, 64)])
        : undefined;
      const body = action === undefined ? { person, text: msg.text } : { person, action };
      const res = await web.post('/api/chat', g.chance(0.05) ? { ...body, text: 42 } : body);
      const what = `#${i} ${msg.family} ${show(JSON.stringify(body))}`;
      if (res.status >= 500) {
        failures.push(`${what}: ${res.status} ${await res.text()}`);
        continue;
      }
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 200) continue;
      const { replies } = (await res.json()) as { replies: { html: string }[] };
      const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&\w+;/g, '&');
      if (replies.length === 0 || !replies.every((r) => visible(text(r.html))))
        failures.push(`${what}: an empty reply ${JSON.stringify(replies)}`);
    }
    expect(failures, `HOSTILE_SEED=${SEED} (web on ${kind})`).toEqual([]);
    // Not vacuous: most requests reached the core.
    expect(statuses.get(200) ?? 0, JSON.stringify([...statuses])).toBeGreaterThan(n / 2);
  }, 120_000);
});
