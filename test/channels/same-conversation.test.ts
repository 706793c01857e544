// One conversation, three ways in: Telegram (telegraf against the fake Bot API), Zalo (axios against the fake
// Zalo API) and the web console's chat all reach the core through the same pipeline, so the same staff member
// saying the same things gets the same answers and the same changes to the store. Each step runs on each
// channel; a last test compares what the three said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/core/actions.ts';
import { messages } from '../../src/core/messages.ts';
import type { ButtonAction, Reply } from '../../src/core/reply.ts';
import type { ItemCode, Percent } from '../../src/core/types.ts';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../src/store/db.ts';
import type { Store } from '../../src/store/store.ts';
import { dbKinds, type DbKind } from '../helpers/db.ts';
import { startRig } from './telegram/helpers.ts';
import { startZaloE2E } from './zalo/e2e-harness.ts';
import { testWeb } from '../web/helpers.ts';

/** P10, staff of Sở KH&CN, writes Vietnamese: NQ57-12.3 (60 %), NQ57-12.4 (0 %), NQ57-10.2 (65 %), CDS25-13.2 (45 %). */
const PERSON = 'P10';
const code = (c: string) => c as ItemCode;

/** What a conversation needs of a channel: the same few gestures, each the channel's own way. */
interface Channel {
  store: Store;
  db: Db;
  /** The person types a message; resolves with the texts they read back (markup removed). */
  say(text: string): Promise<string[]>;
  /** A reminder about `item` arrives the way the outbox sends it; the person answers it with `text`. */
  answerReminder: ((item: ItemCode, text: string) => Promise<string[]>) | null;
  /** The person takes a one-tap answer (a button; on Zalo, typing the button's label under a reminder). */
  press(action: ButtonAction, label: string): Promise<string[]>;
  close(): Promise<void>;
}

function reminderAbout(item: ItemCode): Reply {
  const half: ButtonAction = { kind: 'update', item, status: 'in_progress', percent: 50 as Percent };
  return {
    lang: 'vi',
    lines: [['⏰ Nhắc việc: ', { code: item }, ' sắp đến hạn.']],
    buttons: [[{ label: '50%', action: half }]],
    about: item,
  };
}

async function historyOf(db: Db, item: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from history h join tasks t on t.id = h.task_id where t.code = ${item}`,
  );
  return row!.n;
}

const TG_USER = 1010;
async function telegram(kind: DbKind): Promise<Channel> {
  const rig = await startRig({ kind, mode: 'webhook' });
  await rig.register(PERSON, TG_USER);
  const since = async (work: () => Promise<void>): Promise<string[]> => {
    const from = rig.fake.sent.length;
    await work();
    return rig.textsTo(TG_USER, from);
  };
  return {
    store: rig.store,
    db: rig.db.db,
    say: (text) => since(() => rig.say(TG_USER, text)),
    async answerReminder(item, text) {
      const { messageIds } = await rig.telegram.outbound.send(String(TG_USER), reminderAbout(item));
      // As the outbox worker does once a reminder is delivered.
      await rig.store.rememberBotMessage(
        { channel: 'telegram', chatId: String(TG_USER) },
        messageIds[0]!,
        item,
      );
      return since(() => rig.say(TG_USER, text, { replyToMessageId: Number(messageIds[0]) }));
    },
    press: (action) =>
      since(() =>
        rig.deliver(
          rig.fake.makeCallbackUpdate({
            fromId: TG_USER,
            chatId: TG_USER,
            data: encodeAction(action),
            messageId: 1,
          }),
        ),
      ),
    close: () => rig.close(),
  };
}

const ZALO_USER = 'zalo-user-p10';
async function zalo(kind: DbKind): Promise<Channel> {
  const h = await startZaloE2E(kind, 'webhook');
  await h.register(PERSON as never, ZALO_USER);
  const answerReminder = async (item: ItemCode, text: string): Promise<string[]> => {
    await h.push(ZALO_USER, reminderAbout(item));
    // Zalo has no threading: the answer goes to the item the chat last heard about.
    return h.say(ZALO_USER, text);
  };
  return {
    store: h.store,
    db: h.db.db,
    say: (text) => h.say(ZALO_USER, text),
    answerReminder,
    // No buttons on Zalo: the reminder lists their labels, and the person types one.
    press: (action, label) => answerReminder((action as { item: ItemCode }).item, label),
    close: () => h.close(),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const plain = (html: string): string =>
  html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!);

async function web(kind: DbKind): Promise<Channel> {
  const w = await testWeb(kind);
  const chat = async (body: Record<string, unknown>): Promise<string[]> => {
    const res = await w.post('/api/chat', { person: PERSON, ...body });
    expect(res.status).toBe(200);
    const { replies } = (await res.json()) as { replies: { html: string }[] };
    return replies.map((r) => plain(r.html));
  };
  return {
    store: w.store,
    db: w.database.db,
    say: (text) => chat({ text }),
    // The console's chat gets no reminders: they go to the person's messenger.
    answerReminder: null,
    press: (action) => chat({ action: encodeAction(action) }),
    close: () => w.close(),
  };
}

const CHANNELS = { telegram, zalo, web } as const;
type ChannelKey = keyof typeof CHANNELS;

describe.each(dbKinds())('the same conversation on every channel, %s', (kind) => {
  /** The first line of each answer, per step and channel, compared at the end. */
  const heard = new Map<string, Map<ChannelKey, string>>();
  const note = (step: string, channel: ChannelKey, texts: string[]): void => {
    const first = (texts[0] ?? '').split('\n')[0]!;
    if (!heard.has(step)) heard.set(step, new Map());
    heard.get(step)!.set(channel, first);
  };

  describe.each(Object.keys(CHANNELS) as ChannelKey[])('%s', (name) => {
    let ch: Channel;
    beforeAll(async () => {
      ch = await CHANNELS[name](kind);
    });
    afterAll(() => ch.close());
    const progress = async (item: string) => (await ch.store.item(code(item)))!.item;

    it('answers a question', async () => {
      const texts = await ch.say('việc của tôi');
      expect(texts[0]).toMatch(/^📋 Bạn có 4 nhiệm vụ/);
      for (const item of ['NQ57-12.3', 'NQ57-12.4', 'NQ57-10.2', 'CDS25-13.2'])
        expect(texts.join('\n')).toContain(item);
      note('question', name, texts);
    });

    it('records an update with its note', async () => {
      const texts = await ch.say('NQ57-12.3 80% đã lắp 16/20 trạm');
      expect(texts[0]).toMatch(/^✅ NQ57-12\.3 .*: 60% → 80% \(đang thực hiện\)/);
      expect(texts.join('\n')).toContain('Ghi chú: đã lắp 16/20 trạm');
      expect(await progress('NQ57-12.3')).toMatchObject({ progress: 80, status: 'in_progress' });
      note('update', name, texts);
    });

    it('takes an answer to a reminder as an update of the reminder’s task', async () => {
      if (ch.answerReminder === null) {
        // The web chat cannot be handed a reminder; what it says to a bare "70%" is still the core's.
        const texts = await ch.say('70%');
        expect(await progress('CDS25-13.2')).toMatchObject({ progress: 45 });
        expect(texts.length).toBeGreaterThan(0);
        return;
      }
      const texts = await ch.answerReminder(code('CDS25-13.2'), '70%');
      expect(texts.at(-1)).toMatch(/^✅ CDS25-13\.2 .*: 45% → 70%/);
      expect(await progress('CDS25-13.2')).toMatchObject({ progress: 70 });
      note('reminder answer', name, texts.slice(-1));
    });

    it('records a one-tap answer', async () => {
      const action: ButtonAction = {
        kind: 'update',
        item: code('NQ57-12.4'),
        status: 'in_progress',
        percent: 50 as Percent,
      };
      const texts = await ch.press(action, '50%');
      expect(texts.at(-1)).toMatch(/^✅ NQ57-12\.4 .*: 0% → 50% \(đang thực hiện\)/);
      expect(await progress('NQ57-12.4')).toMatchObject({ progress: 50 });
      note('button', name, texts.slice(-1));
    });

    it('says the one failure text when the core fails, writes nothing, and answers again once it recovers', async () => {
      // A real failure inside the store: the history table is gone, so recording the update throws.
      const before = await historyOf(ch.db, 'NQ57-10.2');
      await ch.db.execute(sql.raw('alter table history rename to history_away'));
      let texts: string[];
      try {
        texts = await ch.say('NQ57-10.2 xong');
      } finally {
        await ch.db.execute(sql.raw('alter table history_away rename to history'));
      }
      expect(texts).toEqual([messages('vi').errorTryAgain]);
      expect(await progress('NQ57-10.2')).toMatchObject({ progress: 65, status: 'in_progress' });
      expect(await historyOf(ch.db, 'NQ57-10.2')).toBe(before);
      note('failure', name, texts);

      const again = await ch.say('NQ57-10.2 xong');
      expect(again[0]).toMatch(/^✅ NQ57-10\.2 .*: 65% → 100% \(hoàn thành\)/);
      expect(await progress('NQ57-10.2')).toMatchObject({ progress: 100, status: 'done' });
    });
  });

  it('every channel heard the same words from the core', () => {
    expect([...heard.keys()]).toEqual(['question', 'update', 'reminder answer', 'button', 'failure']);
    for (const [step, byChannel] of heard) {
      const said = [...byChannel.values()];
      expect(said.length, step).toBeGreaterThanOrEqual(step === 'reminder answer' ? 2 : 3);
      for (const s of said) expect(s, `${step}: ${[...byChannel.entries()].join(' | ')}`).toBe(said[0]);
    }
  });
});
