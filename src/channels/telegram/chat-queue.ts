// Runs the updates of one chat one after another (in arrival order), different chats side by side.

export interface ChatQueue {
  /** Runs `fn` after every earlier task of `key` has settled; resolves or rejects as `fn` does. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly pending: number;
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
}

export function createChatQueue(): ChatQueue {
  const tails = new Map<string, Promise<unknown>>();
  let pending = 0;
  let waiters: Array<() => void> = [];

  const settle = (): void => {
    pending--;
    if (pending > 0) return;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };

  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      pending++;
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(fn, fn);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        // Forget a chat once its last task is done, so the map holds only busy chats.
        if (tails.get(key) === tail) tails.delete(key);
        settle();
      });
      return result;
    },
    get pending() {
      return pending;
    },
    idle(): Promise<void> {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
