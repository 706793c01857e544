// Only a one-part reply that certainly did not go out is sent again (order and what follows a failed send: ../pipeline.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { DeliveryError, type OutboundChannel } from '../../../src/channels/outbound.ts';
import { sendRetrying } from '../../../src/channels/zalo/replies.ts';
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

describe('sendRetrying', () => {
  it('sends a one-part reply again after a certain non-delivery (429, 5xx)', async () => {
    const out = outbound([new DeliveryError('retry', 'zalo 429: slow down', 1)]);
    await sendRetrying(out, 'c-1', reply('a'), { baseMs: 1 });
    expect(out.send).toHaveBeenCalledTimes(2);
    expect(out.sent.map((r) => r.lines[0]?.[0])).toEqual(['a']);
  });

  it('does not resend an ambiguous failure, nor a long reply whose first parts may be on screen', async () => {
    for (const [r, failure] of [
      [reply('a'), new DeliveryError('unknown', 'timeout')],
      [long, new DeliveryError('retry', 'zalo 500')],
    ] as const) {
      const out = outbound([failure]);
      await expect(sendRetrying(out, 'c-1', r, { baseMs: 1 })).rejects.toBe(failure);
      expect(out.send).toHaveBeenCalledTimes(1);
    }
  });
});
