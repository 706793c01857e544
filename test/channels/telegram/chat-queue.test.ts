// One chat's updates one after another, in order; different chats side by side.
import { describe, expect, it } from 'vitest';
import { createChatQueue } from '../../../src/channels/telegram/chat-queue.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the chat queue', () => {
  it('runs one chat’s tasks in order and other chats meanwhile', async () => {
    const queue = createChatQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}+`);
      await tick(ms);
      log.push(`${name}-`);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', task('a1', 30)),
      queue.run('a', task('a2', 1)),
      queue.run('b', task('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['a1+', 'b1+', 'b1-', 'a1-', 'a2+', 'a2-']);
    expect(queue.pending).toBe(0);
  });

  it('goes on after a task fails, and idle() waits for everything', async () => {
    const queue = createChatQueue();
    const failed = queue.run('a', async () => {
      await tick(5);
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'next');
    const idle = queue.idle();
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
    await idle;
    expect(queue.pending).toBe(0);
  });
});
