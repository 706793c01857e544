// "typing…" shows only for a slow answer, repeats while it lasts, stops with it, and never fails it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTyping } from '../../src/channels/typing.ts';

describe('withTyping', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const client = () => ({ sendChatAction: vi.fn(async (_chatId: string) => {}) });

  it('shows nothing for an answer faster than the delay', async () => {
    const c = client();
    const answer = await withTyping({ show: c.sendChatAction, delayMs: 400 }, 'c-1', async () => 'ok');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(answer).toBe('ok');
    expect(c.sendChatAction).not.toHaveBeenCalled();
  });

  it('shows it after the delay, again every repeat, and stops when the answer is ready', async () => {
    const c = client();
    let finish!: (v: string) => void;
    const running = withTyping(
      { show: c.sendChatAction, delayMs: 400, repeatMs: 4000 },
      'c-1',
      () => new Promise<string>((r) => (finish = r)),
    );
    await vi.advanceTimersByTimeAsync(399);
    expect(c.sendChatAction).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(c.sendChatAction).toHaveBeenCalledWith('c-1');
    await vi.advanceTimersByTimeAsync(8000);
    expect(c.sendChatAction).toHaveBeenCalledTimes(3);
    finish('done');
    expect(await running).toBe('done');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(c.sendChatAction).toHaveBeenCalledTimes(3);
  });

  it('shows it at once with delay 0, and a failing indicator does not fail the answer', async () => {
    const c = { sendChatAction: vi.fn(async () => Promise.reject(new Error('429'))) };
    const debug = vi.fn();
    const logger = { debug, info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    expect(
      await withTyping({ show: c.sendChatAction, delayMs: 0 }, 'c-1', async () => 7, {
        logger,
        channel: 'zalo',
      }),
    ).toBe(7);
    expect(c.sendChatAction).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(debug).toHaveBeenCalledWith(
      expect.objectContaining({ chatId: 'c-1' }),
      'zalo: typing indicator not shown',
    );
  });

  it('passes the work’s own failure through, and stops showing', async () => {
    const c = client();
    await expect(
      withTyping({ show: c.sendChatAction, delayMs: 0 }, 'c-1', async () =>
        Promise.reject(new Error('core failed')),
      ),
    ).rejects.toThrow('core failed');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(c.sendChatAction).toHaveBeenCalledTimes(1);
  });
});
