// A conversation harness over a real store on the demo province: people speak, the bot answers.
import { handleMessage, type IncomingMessage } from '../../src/core/index.ts';
import { renderPlain, type ButtonAction, type Reply } from '../../src/core/reply.ts';
import type { ChannelName, ItemCode, Lang, PersonCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite } from '../../src/store/people.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { expectConsistent, freshDatabase, type DbKind, type TestDatabase } from '../helpers/db.ts';

/** The demo's reference instant: Tuesday 15 July 2025, 08:00 in Hà Nội. */
export const NOW = new Date('2025-07-15T08:00:00+07:00');
export const TZ = 'Asia/Ho_Chi_Minh';

export interface Sent {
  person: PersonCode;
  reply: Reply;
  key: string;
}

export interface Harness {
  db: TestDatabase;
  store: Store;
  /** What the notifier was asked to deliver, in order. */
  sent: Sent[];
  send(text: string, opts?: Partial<IncomingMessage>): Promise<Reply[]>;
  /** Plain text of every reply, joined. */
  ask(text: string, opts?: Partial<IncomingMessage>): Promise<string>;
  press(action: ButtonAction, opts?: Partial<IncomingMessage>): Promise<Reply[]>;
  /** Links a Telegram (or Zalo) account to a demo person through a real invite; returns the sender id. */
  registerChat(person: PersonCode, channel?: ChannelName): Promise<string>;
  counts(): Promise<{ history: number; audit: number; tasks: string; targets: string }>;
  close(): Promise<void>;
}

let messageSeq = 0;

export async function harness(kind: DbKind): Promise<Harness> {
  const db = await freshDatabase(kind, 'demo');
  const store = createStore(db.db, () => NOW);
  const sent: Sent[] = [];
  const deps = {
    store,
    now: () => NOW,
    tz: TZ,
    notify: {
      notify: async (person: PersonCode, reply: Reply, key: string) => {
        sent.push({ person, reply, key });
        // The recipient is taken as registered on Telegram; delivery-truth.test.ts uses the real outbox.
        return { queued: ['telegram' as const] };
      },
    },
  };
  const send = (text: string, opts: Partial<IncomingMessage> = {}): Promise<Reply[]> =>
    handleMessage(deps, {
      channel: 'cli',
      chatId: `chat-${opts.senderId ?? 'P02'}`,
      chatKind: 'private',
      senderId: 'P02',
      text,
      messageId: `m${++messageSeq}`,
      replyToItem: null,
      action: null,
      addressed: false,
      langHint: null,
      at: NOW,
      ...opts,
    });
  return {
    db,
    store,
    sent,
    send,
    ask: async (text, opts) => plain(await send(text, opts)),
    press: (action, opts) => send('', { action, ...opts }),
    registerChat: async (person, channel = 'telegram') => {
      const { code } = await createInvite(db.db, person, NOW);
      const senderId = `${channel}-${person}`;
      const replies = await send(`/start ${code}`, { channel, senderId, chatId: senderId });
      if (!/Chào mừng|Welcome/.test(plain(replies)))
        throw new Error(`registration failed: ${plain(replies)}`);
      return senderId;
    },
    counts: async () => {
      const [r] = await rows<{ history: number; audit: number; tasks: string; targets: string }>(
        db.db,
        `select (select count(*)::int from history) history, (select count(*)::int from audit_log) audit,
                (select md5(string_agg(code || status || progress || updated_at::text, ',' order by code)) from tasks) tasks,
                (select md5(string_agg(code || status || progress, ',' order by code)) from targets) targets` as never,
      );
      return r!;
    },
    close: async () => {
      await expectConsistent(db.db);
      await db.close();
    },
  };
}

export function plain(replies: Reply[]): string {
  return replies.map((r) => renderPlain(r.lines)).join('\n---\n');
}

export const code = (c: string) => c as ItemCode;
export const lang = (l: Lang) => l;
