// One send limiter per channel: every outgoing message of that channel is started through it.
//
// Three sliding windows are enforced on the instant a send STARTS (the moment `send()` is called):
//   - global:   at most `perSecond` starts per second (Telegram: ~30 msg/s per bot); a rate that is no
//               whole number (28.5) is ⌈rate⌉ starts in any ⌈rate⌉/rate s window (29 in 1.0175 s),
//   - per chat: at most `perChatPerSecond` starts in any 1 s (+ margin) window to one chat (Telegram: 1 msg/s),
//   - groups:   additionally at most `perGroupPerMinute` starts in any 60 s (+ margin) window to one group
//               (Telegram: 20/min).
// "Sliding" is exact: a start at time t is allowed only if the N-th most recent start (N = the limit)
// happened at or before t − window, so no half-open window [x, x + window) ever holds more than N starts.
//
// The per-chat windows (1 s and a group's 60 s) keep a margin, `chatMarginMs` (default 50 ms): a strict
// server counts a message exactly 1.000 s after the previous one as inside its 1 s window and refuses it.
// And when messages to a chat go one at a time (`orderedPerChat`), the previous one counts from when it
// was ANSWERED, not started: the server saw it somewhere in between, so the gap it sees is at least
// window + margin whatever the network's jitter (a first request slowed by its TLS handshake included).
//
// Scheduling is timer-driven: when nothing may start now, one timer is armed for the earliest instant
// something may. Chats with work that may start now are served round-robin (one message per turn), so a
// chat with 500 queued messages never starves the others; chats waiting on their own window sit in a
// min-heap keyed by the instant they become ready. Messages to one chat start in FIFO order and, by
// default (`orderedPerChat`), one at a time, so they also arrive in order.
//
// `pause(ms)` stops every start until then: a Telegram 429 `retry_after` is per bot, not per chat.
// The limiter never retries; see backoff.ts for the retry policy and its idempotence rule.
// Time is injected (`now`, `sleep`) so tests can drive it with a fake clock.
//
// Typical use — retries OUTSIDE the limiter, so every attempt takes a fresh slot:
//   const send = () => limiter.schedule({ id: String(chatId), group }, () => tg.sendMessage(chatId, text));
//   await withRetries(send, {
//     retries: 3, baseMs: 500, maxMs: 10_000, isRetryable: classifySendError,
//     onRetry: ({ decision }) => decision.afterMs !== undefined && limiter.pause(decision.afterMs),
//   });

export interface ChatRef {
  id: string;
  /** Group chats also get the per-minute ceiling. */
  group: boolean;
}

export interface SendLimiterOptions {
  /** Global starts per 1 s window for the channel. Default 30 (Telegram). `Infinity` disables. */
  perSecond?: number;
  /** Starts per 1 s window to one chat. Default 1. `Infinity` disables. */
  perChatPerSecond?: number;
  /** Starts per 60 s window to one group chat. Default 20. `Infinity` disables. */
  perGroupPerMinute?: number;
  /**
   * Added to the per-chat windows (1 s, and a group's 60 s), so a strict server's window never sees two
   * sends in it. Default 50 ms (CHAT_MARGIN_MS).
   */
  chatMarginMs?: number;
  /** Messages to one chat start only after the previous one to that chat settled. Default true. */
  orderedPerChat?: boolean;
  /** Milliseconds on a monotonic clock. Default `performance.now()`. */
  now?: () => number;
  /** Default: `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

export interface SendLimiterStats {
  /** Messages waiting to start. */
  queued: number;
  /** Started and not yet settled. */
  inFlight: number;
  started: number;
  succeeded: number;
  failed: number;
  /** Chats with queued messages. */
  chatsWaiting: number;
  /** Starts within the last 1 s window. */
  startedLastSecond: number;
  /** Until when (on the `now` clock) the channel is paused, or null. */
  pausedUntil: number | null;
}

export interface SendLimiter {
  /** Queues `send` for `chat`; resolves or rejects with whatever `send` does, once it has been started and settled. */
  schedule<T>(chat: ChatRef, send: () => Promise<T>): Promise<T>;
  /** Nothing starts for `ms` from now (extends, never shortens, a running pause). */
  pause(ms: number): void;
  stats(): SendLimiterStats;
  /** Resolves when nothing is queued or in flight. */
  idle(): Promise<void>;
}

export const TELEGRAM_SEND_LIMITS = { perSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 } as const;
/** Two messages to one chat are at least 1.05 s apart, not exactly 1 s (see the top of this file). */
export const CHAT_MARGIN_MS = 50;

const SECOND = 1000;
const MINUTE = 60_000;

/** The last `limit` start times in a ring; answers when the next start is allowed. */
class SlidingWindow {
  private readonly times: number[] = [];
  private head = 0;
  last = Number.NEGATIVE_INFINITY;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  nextAllowedAt(): number {
    if (this.limit === Number.POSITIVE_INFINITY || this.times.length < this.limit) {
      return Number.NEGATIVE_INFINITY;
    }
    return (this.times[this.head] ?? Number.NEGATIVE_INFINITY) + this.windowMs;
  }

  record(t: number): void {
    this.last = t;
    if (this.limit === Number.POSITIVE_INFINITY) return;
    if (this.times.length < this.limit) {
      this.times.push(t);
    } else {
      this.times[this.head] = t;
      this.head = (this.head + 1) % this.limit;
    }
  }

  /** The most recent start is held until `t` (it was answered then): the window counts from there. */
  holdLast(t: number): void {
    this.last = Math.max(this.last, t);
    if (this.limit === Number.POSITIVE_INFINITY || this.times.length === 0) return;
    const i =
      this.times.length < this.limit ? this.times.length - 1 : (this.head + this.limit - 1) % this.limit;
    this.times[i] = Math.max(this.times[i] ?? t, t);
  }

  countSince(t: number): number {
    let n = 0;
    for (const x of this.times) if (x > t) n++;
    return n;
  }
}

/** FIFO with O(1) amortised shift. */
class Deque<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

interface Job {
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

interface ChatState {
  readonly id: string;
  group: boolean;
  readonly queue: Deque<Job>;
  readonly perSecond: SlidingWindow;
  perMinute: SlidingWindow | null;
  /** idle: neither in the ready ring nor the heap. */
  where: 'idle' | 'ready' | 'cooling';
  inFlight: number;
}

/** Min-heap of chats keyed by the instant they may start again. */
class ReadyHeap {
  private readonly items: Array<{ at: number; chat: ChatState }> = [];

  get size(): number {
    return this.items.length;
  }

  peekAt(): number | undefined {
    return this.items[0]?.at;
  }

  push(at: number, chat: ChatState): void {
    const items = this.items;
    items.push({ at, chat });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      const c = items[i];
      if (!p || !c || p.at <= c.at) break;
      items[parent] = c;
      items[i] = p;
      i = parent;
    }
  }

  pop(): ChatState | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last) return undefined;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if ((items[l]?.at ?? Infinity) < (items[m]?.at ?? Infinity)) m = l;
        if ((items[r]?.at ?? Infinity) < (items[m]?.at ?? Infinity)) m = r;
        if (m === i) break;
        const a = items[i];
        const b = items[m];
        if (!a || !b) break;
        items[i] = b;
        items[m] = a;
        i = m;
      }
    }
    return top.chat;
  }
}

function checkLimit(name: string, value: number): number {
  if (value === Number.POSITIVE_INFINITY) return value;
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number ≥ 1 or Infinity, got ${value}`);
  }
  return value;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createSendLimiter(options: SendLimiterOptions = {}): SendLimiter {
  const rate = options.perSecond ?? TELEGRAM_SEND_LIMITS.perSecond;
  if (!(rate >= 1)) throw new RangeError(`perSecond must be a number ≥ 1 or Infinity, got ${rate}`);
  // 28.5/s: 29 starts in any 1017.5 ms, so no 1 s window ever holds more than 29 (Telegram allows 30).
  const perSecond = Number.isFinite(rate) ? Math.ceil(rate) : rate;
  const globalWindowMs = Number.isFinite(rate) ? (SECOND * perSecond) / rate : SECOND;
  const perChatPerSecond = checkLimit(
    'perChatPerSecond',
    options.perChatPerSecond ?? TELEGRAM_SEND_LIMITS.perChatPerSecond,
  );
  const perGroupPerMinute = checkLimit(
    'perGroupPerMinute',
    options.perGroupPerMinute ?? TELEGRAM_SEND_LIMITS.perGroupPerMinute,
  );
  const margin = options.chatMarginMs ?? CHAT_MARGIN_MS;
  if (!Number.isFinite(margin) || margin < 0) {
    throw new RangeError(`chatMarginMs must be a finite number ≥ 0, got ${margin}`);
  }
  const chatWindowMs = SECOND + margin;
  const groupWindowMs = MINUTE + margin;
  const ordered = options.orderedPerChat ?? true;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? realSleep;

  const global = new SlidingWindow(perSecond, globalWindowMs);
  const chats = new Map<string, ChatState>();
  const ready = new Deque<ChatState>();
  const cooling = new ReadyHeap();

  let queued = 0;
  let inFlight = 0;
  let started = 0;
  let succeeded = 0;
  let failed = 0;
  let pausedUntil = Number.NEGATIVE_INFINITY;
  let pumpQueued = false;
  /** Wake-up instant of the earliest outstanding timer, or null. */
  let armedAt: number | null = null;
  let lastSweep = now();
  let idleWaiters: Array<() => void> = [];

  function chatReadyAt(chat: ChatState): number {
    const a = chat.perSecond.nextAllowedAt();
    const b = chat.perMinute ? chat.perMinute.nextAllowedAt() : Number.NEGATIVE_INFINITY;
    return Math.max(a, b);
  }

  /** Puts an idle chat that has startable work into the ready ring or the cooling heap. */
  function place(chat: ChatState, t: number): void {
    if (chat.where !== 'idle' || chat.queue.length === 0) return;
    if (ordered && chat.inFlight > 0) return;
    const at = chatReadyAt(chat);
    if (at <= t) {
      chat.where = 'ready';
      ready.push(chat);
    } else {
      chat.where = 'cooling';
      cooling.push(at, chat);
    }
  }

  function requestPump(): void {
    if (pumpQueued) return;
    pumpQueued = true;
    queueMicrotask(pump);
  }

  function arm(at: number): void {
    if (armedAt !== null && armedAt <= at) return;
    armedAt = at;
    const delay = Math.max(1, Math.ceil(at - now()));
    const wake = (): void => {
      if (armedAt === at) armedAt = null;
      pump();
    };
    sleep(delay).then(wake, wake);
  }

  function settle(chat: ChatState): void {
    inFlight--;
    chat.inFlight--;
    const t = now();
    if (ordered) {
      // Only this chat's one message was in flight: its windows count from its answer.
      chat.perSecond.holdLast(t);
      chat.perMinute?.holdLast(t);
    }
    place(chat, t);
    if (ordered) requestPump();
    notifyIdle();
  }

  function start(chat: ChatState, job: Job): void {
    started++;
    inFlight++;
    chat.inFlight++;
    let promise: Promise<unknown>;
    try {
      promise = Promise.resolve(job.send());
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => {
        succeeded++;
        settle(chat);
        job.resolve(value);
      },
      (error: unknown) => {
        failed++;
        settle(chat);
        job.reject(error);
      },
    );
  }

  function sweep(t: number): void {
    lastSweep = t;
    for (const [id, chat] of chats) {
      if (chat.where !== 'idle' || chat.queue.length > 0 || chat.inFlight > 0) continue;
      const expiry = Math.max(
        chat.perSecond.last + chatWindowMs,
        chat.perMinute ? chat.perMinute.last + groupWindowMs : 0,
      );
      if (expiry <= t) chats.delete(id);
    }
  }

  function pump(): void {
    pumpQueued = false;
    for (;;) {
      const t = now();
      if (t - lastSweep > MINUTE) sweep(t);
      if (t < pausedUntil) {
        if (queued > 0) arm(pausedUntil);
        return;
      }
      while ((cooling.peekAt() ?? Infinity) <= t) {
        const chat = cooling.pop();
        if (!chat) break;
        chat.where = 'idle';
        place(chat, t);
      }
      if (ready.length === 0) {
        const next = cooling.peekAt();
        if (next !== undefined) arm(next);
        return;
      }
      const globalAt = global.nextAllowedAt();
      if (globalAt > t) {
        arm(globalAt);
        return;
      }
      const chat = ready.shift();
      if (!chat) return;
      chat.where = 'idle';
      const chatAt = chatReadyAt(chat);
      if (chatAt > t) {
        place(chat, t);
        continue;
      }
      const job = chat.queue.shift();
      if (!job) continue;
      queued--;
      global.record(t);
      chat.perSecond.record(t);
      chat.perMinute?.record(t);
      start(chat, job);
      place(chat, t);
    }
  }

  function notifyIdle(): void {
    if (queued > 0 || inFlight > 0 || idleWaiters.length === 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  }

  return {
    schedule<T>(ref: ChatRef, send: () => Promise<T>): Promise<T> {
      let chat = chats.get(ref.id);
      if (!chat) {
        chat = {
          id: ref.id,
          group: ref.group,
          queue: new Deque<Job>(),
          perSecond: new SlidingWindow(perChatPerSecond, chatWindowMs),
          perMinute: null,
          where: 'idle',
          inFlight: 0,
        };
        chats.set(ref.id, chat);
      }
      chat.group = chat.group || ref.group;
      if (chat.group && !chat.perMinute) chat.perMinute = new SlidingWindow(perGroupPerMinute, groupWindowMs);
      const target = chat;
      return new Promise<T>((resolve, reject) => {
        target.queue.push({ send, resolve: resolve as (value: unknown) => void, reject });
        queued++;
        place(target, now());
        requestPump();
      });
    },

    pause(ms: number): void {
      if (!(ms > 0)) return;
      pausedUntil = Math.max(pausedUntil, now() + ms);
      requestPump();
    },

    stats(): SendLimiterStats {
      const t = now();
      let chatsWaiting = 0;
      for (const chat of chats.values()) if (chat.queue.length > 0) chatsWaiting++;
      return {
        queued,
        inFlight,
        started,
        succeeded,
        failed,
        chatsWaiting,
        startedLastSecond: global.countSince(t - SECOND),
        pausedUntil: t < pausedUntil ? pausedUntil : null,
      };
    },

    idle(): Promise<void> {
      if (queued === 0 && inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
