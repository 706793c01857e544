// Replies go out in order; only a one-part reply that certainly did not go out is sent again.
import { describe, expect, it, vi } from 'vitest';
import { DeliveryError, type OutboundChannel } from '../../../src/channels/outbound.ts';
import { sendReplies } from '../../../src/channels/zalo/replies.ts';
import type { Reply } from '../../../src/core/reply.ts';

const reply = (text: string): Reply => ({ lang: 'vi', lines: [[text]], buttons: [], about: null });
const long = reply(Array.from({ length: 60 }, (_, i) => `dòng ${i} ${'x'.repeat(60)}`).join('\n'));

function outbound(failures: Array<DeliveryError | null>): OutboundChannel & { sent: Reply[] } {
  const sent: Reply[] = [];
  return {
    name: 'zalo',
    sent,
    send: vi.fn(async (_chatId: string, r: Reply) => {
      const failure = failures.shift();
      if (failure) throw failure;
      sent.push(r);
      return { messageIds: ['1'] };
    }),
  };
}

const logger = () => ({ debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('sendReplies', () => {
  it('sends every reply, in order', async () => {
    const out = outbound([]);
    expect(await sendReplies(out, 'c-1', [reply('a'), reply('b')], { messageId: 'm-1' })).toBe(true);
    expect(out.sent.map((r) => r.lines[0]?.[0])).toEqual(['a', 'b']);
  });

  it('sends a one-part reply again after a certain non-delivery (429, 5xx)', async () => {
    const out = outbound([new DeliveryError('retry', 'zalo 429: slow down', 1)]);
    expect(await sendReplies(out, 'c-1', [reply('a')], { messageId: 'm-1', baseMs: 1 })).toBe(true);
    expect(out.send).toHaveBeenCalledTimes(2);
  });

  it('does not resend an ambiguous failure, nor a long reply whose first parts may be on screen', async () => {
    for (const [r, failure] of [
      [reply('a'), new DeliveryError('unknown', 'timeout')],
      [long, new DeliveryError('retry', 'zalo 500')],
    ] as const) {
      const out = outbound([failure]);
      const log = logger();
      expect(
        await sendReplies(out, 'c-1', [r, reply('after')], { messageId: 'm-9', logger: log, baseMs: 1 }),
      ).toBe(false);
      expect(out.send).toHaveBeenCalledTimes(1);
      expect(log.error).toHaveBeenCalledWith(
        expect.objectContaining({ channel: 'zalo', chatId: 'c-1', messageId: 'm-9', failure: failure.kind }),
        'zalo: reply not delivered',
      );
    }
  });
});
