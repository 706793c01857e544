// Reading Telegram's entities: when a group message is meant for the bot, and what text the core gets.
import { describe, expect, it } from 'vitest';
import type { Message, MessageEntity } from 'telegraf/types';
import { incomingText, isAddressed, textForCore } from '../../../src/channels/telegram/incoming.ts';

const me = { id: 123, username: 'dondoc_test_bot' };
const AT = new Date('2025-07-15T01:00:00Z');

function message(
  text: string,
  entities: MessageEntity[] = [],
  extra: Partial<Message.TextMessage> = {},
): Message {
  return {
    message_id: 7,
    date: 0,
    chat: { id: -100500, type: 'group', title: 'Ban Chỉ đạo' },
    from: { id: 42, is_bot: false, first_name: 'Lan', language_code: 'en-GB' },
    text,
    entities,
    ...extra,
  } as Message;
}
const command = (text: string): MessageEntity => ({
  type: 'bot_command',
  offset: 0,
  length: text.split(' ')[0]!.length,
});

describe('isAddressed', () => {
  it.each([
    ['@dondoc_test_bot quá hạn?', [{ type: 'mention', offset: 0, length: 16 }], true],
    ['quá hạn? @DonDoc_Test_Bot', [{ type: 'mention', offset: 9, length: 16 }], true],
    ['@someone_else quá hạn?', [{ type: 'mention', offset: 0, length: 13 }], false],
    ['quá hạn?', [], false],
    ['/quahan NQ57', [command('/quahan NQ57')], true],
    ['/quahan@dondoc_test_bot NQ57', [command('/quahan@dondoc_test_bot NQ57')], true],
    ['/quahan@other_bot NQ57', [command('/quahan@other_bot NQ57')], false],
    ['xem /quahan', [{ type: 'bot_command', offset: 4, length: 7 }], false],
  ] as Array<[string, MessageEntity[], boolean]>)('%s → %s', (text, entities, addressed) => {
    expect(isAddressed(message(text, entities), me)).toBe(addressed);
  });

  it('counts a text mention of the bot and a reply to one of its messages', () => {
    const user = { id: 123, is_bot: true, first_name: 'dondoc' };
    expect(isAddressed(message('bot ơi', [{ type: 'text_mention', offset: 0, length: 3, user }]), me)).toBe(
      true,
    );
    const reply = { message_id: 3, date: 0, chat: { id: -100500, type: 'group' }, from: user, text: 'x' };
    expect(isAddressed(message('xong', [], { reply_to_message: reply } as never), me)).toBe(true);
  });
});

describe('the text the core reads', () => {
  it('drops the bot’s own mention and keeps the rest word for word', () => {
    const text = '@dondoc_test_bot  NQ57-12.3 80% <b>&';
    expect(textForCore(message(text, [{ type: 'mention', offset: 0, length: 16 }]), me)).toBe(
      'NQ57-12.3 80% <b>&',
    );
    expect(textForCore(message('@other hi', [{ type: 'mention', offset: 0, length: 6 }]), me)).toBe(
      '@other hi',
    );
  });

  it('reads a photo’s caption as its text', () => {
    const photo = {
      message_id: 1,
      date: 0,
      chat: { id: 5, type: 'private' },
      photo: [],
      caption: 'NQ57-12.3 xong',
    };
    expect(textForCore(photo as never, me)).toBe('NQ57-12.3 xong');
  });

  it('builds the IncomingMessage: group, sender, a message id unique per channel, and the language hint', () => {
    const incoming = incomingText(message('/tonghop', [command('/tonghop')]), me, null, AT);
    expect(incoming).toEqual({
      channel: 'telegram',
      chatId: '-100500',
      chatKind: 'group',
      senderId: '42',
      text: '/tonghop',
      messageId: '-100500:7',
      replyToItem: null,
      action: null,
      addressed: true,
      langHint: 'en',
      at: AT,
    });
  });
});
