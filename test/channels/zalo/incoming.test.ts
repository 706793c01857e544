// A Zalo update becomes the core's IncomingMessage: ids, chat kind, text, and nothing parsed.
import { describe, expect, it } from 'vitest';
import { parseZaloUpdate, type ZaloUpdate } from '../../../src/channels/zalo/api-types.ts';
import { toIncoming } from '../../../src/channels/zalo/incoming.ts';
import { makeTextUpdate } from '../../fakes/zalo-api.ts';

const AT = new Date('2025-07-15T08:00:00+07:00');
const update = (value: unknown): ZaloUpdate => parseZaloUpdate(value)!;

describe('toIncoming', () => {
  it('maps a private text message, keeping the text as written and using our clock', () => {
    const u = update(makeTextUpdate('  NQ57-12.3 80%  ', { messageId: 'm-1', fromId: 'u-1', chatId: 'u-1' }));
    expect(toIncoming(u, AT)).toEqual({
      channel: 'zalo',
      chatId: 'u-1',
      chatKind: 'private',
      senderId: 'u-1',
      text: '  NQ57-12.3 80%  ',
      messageId: 'm-1',
      replyToItem: null,
      action: null,
      addressed: true,
      langHint: null,
      at: AT,
    });
  });

  it('gives images, stickers and unsupported messages empty text, so the core answers them', () => {
    for (const event_name of [
      'message.image.received',
      'message.sticker.received',
      'message.unsupported.received',
    ]) {
      const u = update({
        event_name,
        message: {
          message_id: 'm-2',
          from: { id: 'u-1' },
          chat: { id: 'u-1', chat_type: 'PRIVATE' },
          text: 'ignored',
        },
      });
      expect(toIncoming(u, AT)).toMatchObject({ text: '', messageId: 'm-2', chatKind: 'private' });
    }
  });

  it('reads numeric ids as strings', () => {
    const u = update({
      event_name: 'message.text.received',
      message: { message_id: 42, from: { id: 7 }, chat: { id: 7, chat_type: 'PRIVATE' }, text: 'hi' },
    });
    expect(toIncoming(u, AT)).toMatchObject({ messageId: '42', senderId: '7', chatId: '7' });
  });

  it('treats a group message as addressed only when it is a command', () => {
    const plain = update(makeTextUpdate('tiến độ NQ57-12', { chatId: 'g-1', chatType: 'GROUP' }));
    const command = update(makeTextUpdate('/help', { chatId: 'g-1', chatType: 'GROUP' }));
    expect(toIncoming(plain, AT)).toMatchObject({ chatKind: 'group', chatId: 'g-1', addressed: false });
    expect(toIncoming(command, AT)).toMatchObject({ chatKind: 'group', addressed: true });
  });

  it('drops events without a message, unknown events and messages from bots', () => {
    expect(toIncoming(update({ event_name: 'message.text.received' }), AT)).toBeNull();
    const future = makeTextUpdate('x');
    future.event_name = 'user.follow';
    expect(toIncoming(update(future), AT)).toBeNull();
    const bot = makeTextUpdate('x') as { message: { from: { is_bot: boolean } } };
    bot.message.from.is_bot = true;
    expect(toIncoming(update(bot), AT)).toBeNull();
  });
});
