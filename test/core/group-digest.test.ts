// "/bantin bật|tắt" in chat: through handleMessage on a real store — who may, where, what is stored and audited.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type IncomingMessage } from '../../src/core/index.ts';
import { renderPlain } from '../../src/core/reply.ts';
import type { ChannelName, PersonCode } from '../../src/core/types.ts';
import { createOutboxNotifier } from '../../src/reminders/notifier.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite } from '../../src/store/people.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { NOW, TZ } from './helpers.ts';

const GROUP = '-100500';
let seq = 0;

describe.each(dbKinds())('a group’s daily digest on %s', (kind) => {
  let t: TestDatabase;
  async function send(
    from: string,
    text: string,
    extra: Partial<IncomingMessage> = {},
    channel: ChannelName = 'telegram',
  ): Promise<string> {
    const replies = await handleMessage(
      {
        store: createStore(t.db, () => NOW),
        now: () => NOW,
        tz: TZ,
        notify: createOutboxNotifier(t.db),
      },
      {
        channel,
        chatId: GROUP,
        chatKind: 'group',
        senderId: `${channel}-${from}`,
        text,
        messageId: `m${++seq}`,
        replyToItem: null,
        action: null,
        addressed: true,
        langHint: null,
        at: NOW,
        ...extra,
      },
    );
    return replies.map((r) => renderPlain(r.lines)).join('\n---\n');
  }
  const inPrivate = (from: string) => ({ chatKind: 'private' as const, chatId: `telegram-${from}` });

  async function register(person: string, channel: ChannelName = 'telegram'): Promise<void> {
    const { code } = await createInvite(t.db, person as PersonCode, NOW);
    const chatId = `${channel}-${person}`;
    const text = await send(person, `/start ${code}`, { chatKind: 'private', chatId }, channel);
    expect(text).toMatch(/^(Chào mừng|Welcome)/);
  }

  const subscriptions = () =>
    rows<{ channel: string; chat: string; by: string | null; lang: string }>(
      t.db,
      sql`select g.channel::text as channel, g.chat_id as chat, pe.code as by, g.lang::text as lang
            from group_digests g left join people pe on pe.id = g.subscribed_by_id order by g.id`,
    );
  const audits = () =>
    rows<{ action: string; actor: string; code: string; before: string | null; after: string | null }>(
      t.db,
      sql`select action, actor, entity_code as code, before::text as before, after::text as after
            from audit_log where entity = 'group_chat' order by id`,
    );

  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    for (const p of ['P02', 'P05', 'P09']) await register(p);
    await register('P03', 'zalo');
  });
  afterAll(() => t.close());

  it('lets a leader turn it on in the group: stored once per group with who and the language, audited', async () => {
    expect(await send('P02', '/bantin bật')).toBe(
      '✅ Đã bật bản tin: mỗi ngày làm việc nhóm này nhận tổng hợp tiến độ toàn tỉnh (không kèm việc riêng của ai). Gõ “/bantin tat” để tắt.',
    );
    expect(await send('P02', '/bantin bat')).toBe(
      'Nhóm này đã nhận bản tin hằng ngày, không có gì thay đổi.',
    );
    expect(await subscriptions()).toEqual([{ channel: 'telegram', chat: GROUP, by: 'P02', lang: 'vi' }]);
    expect(await audits()).toEqual([
      {
        action: 'group_digest_on',
        actor: 'P02',
        code: `telegram:${GROUP}`,
        before: null,
        after: '{"lang": "vi"}',
      },
    ]);
  });

  it('lets an admin switch the group’s digest to English with “/digest on”', async () => {
    expect(await send('P05', '/digest on')).toBe(
      "✅ Digest on: every working day this group gets the province's progress summary (no one's own tasks). Send “/digest off” to stop it.",
    );
    expect(await subscriptions()).toEqual([{ channel: 'telegram', chat: GROUP, by: 'P05', lang: 'en' }]);
  });

  it('refuses staff with the reason, and changes nothing', async () => {
    const before = [await subscriptions(), await audits()];
    expect(await send('P09', '/bantin tat')).toBe(
      'Chỉ lãnh đạo và quản trị viên mới bật hoặc tắt bản tin hằng ngày của nhóm.',
    );
    expect(await send('P09', '/digest off')).toBe(
      "Only leaders and administrators can turn a group's daily digest on or off.",
    );
    expect([await subscriptions(), await audits()]).toEqual(before);
  });

  it('works only in groups: a private chat is told so, and nothing is stored', async () => {
    const before = await subscriptions();
    expect(await send('P02', '/bantin bat', inPrivate('P02'))).toBe(
      'Bản tin hằng ngày chỉ dành cho nhóm chat: hãy gửi “/bantin bat” trong nhóm của Ban Chỉ đạo, không gửi tin nhắn riêng.',
    );
    expect(await send('P02', '/digest on', inPrivate('P02'))).toMatch(/^The daily digest is for group chats/);
    expect(await subscriptions()).toEqual(before);
  });

  it('says how, in one line, when the word after the command is missing or not understood', async () => {
    expect(await send('P02', '/bantin')).toBe(
      'Nhóm này đang nhận bản tin hằng ngày; gõ “/bantin tat” để tắt.',
    );
    expect(await send('P02', '/bantin bắt')).toBe(
      'Nhóm này đang nhận bản tin hằng ngày; gõ “/bantin tat” để tắt.',
    );
  });

  it('turns it off, once', async () => {
    expect(await send('P02', '/bantin tắt')).toBe('Đã tắt bản tin hằng ngày của nhóm này.');
    expect(await send('P02', '/bantin tat')).toBe(
      'Nhóm này chưa nhận bản tin hằng ngày, không có gì để tắt.',
    );
    expect(await subscriptions()).toEqual([]);
    expect((await audits()).map((a) => a.action)).toEqual([
      'group_digest_on',
      'group_digest_on',
      'group_digest_off',
    ]);
    expect(await send('P02', '/bantin')).toBe(
      'Nhóm này chưa nhận bản tin; gõ “/bantin bat” để nhận tổng hợp tiến độ mỗi ngày làm việc.',
    );
  });

  it('works the same in a Zalo group (a command there is always addressed to the bot)', async () => {
    expect(await send('P03', '/bantin bat', { chatId: 'zalo-group-1' }, 'zalo')).toMatch(
      /^✅ Đã bật bản tin/,
    );
    expect(await subscriptions()).toEqual([{ channel: 'zalo', chat: 'zalo-group-1', by: 'P03', lang: 'vi' }]);
  });

  it('tells a stranger only how to register', async () => {
    expect(await send('stranger', '/bantin bat', { chatId: '-100777' })).toMatch(/^Bạn chưa đăng ký/);
    expect((await subscriptions()).some((s) => s.chat === '-100777')).toBe(false);
  });
});
