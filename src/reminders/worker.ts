// Delivers the outbox: claims due rows, sends each through its channel, and records how the send ended.
//
// Policy (see DeliveryError):
//   sent        → `sent`, with the channel's message ids;
//   unreachable → `unreachable` at once, and the person marked unreachable (for the leaders' digest);
//   retry       → pending again after max(retry_after, full-jitter backoff: uniform in
//                 [0, min(maxMs, baseMs·2^(attempt−1)))), base 1 s, ceiling 5 min; `failed` after maxAttempts;
//   unknown     → it may have gone out (timeout after writing the request). Retried ONCE — a lost reminder
//                 costs more than a duplicate one — and the row is tagged "[maybe delivered]"; a second
//                 unknown, or running out of attempts, ends it as `failed` (visible, never resent by itself);
//   fatal       → `failed`.
// Anything else a channel throws is treated as unknown. A failed recipient never stops the broadcast.
//
// A chart row (a leader's weekly programme chart) is drawn just before it is sent, from the data then, and
// drawn again on a retry; a chart that cannot be drawn (the drawing threw) is retried, one whose programme
// is gone, or with no drawer or no photo-capable channel, fails.
//
// A message with stored files (a checker's evidence) goes out as documents where the channel takes them —
// one file captioned with the message and its buttons, or each file and then the message — each file a
// part as below; elsewhere (Zalo) as the message alone. The row holds the files' ids, never their bytes.
//
// A reply too long for one message goes out in parts, each its own delivery: every part is recorded on
// the row the moment it is delivered, and any later attempt (a 429 on part 2, a crash, another worker)
// resumes at the first part not recorded, so the parts before it never go twice.
//
// Crash safety: rows are claimed (leased) in batches and each is marked the moment its send returns. A
// worker killed mid-broadcast leaves at most `concurrency` rows (default 1) that may have gone out
// unrecorded; they and the rest of its batch are claimed again when their lease ends, so at most those
// go twice and nothing is lost. A row is never started after half its lease, so no other worker can
// take it while it is being sent.
import type { Logger } from '../logger.ts';
import { fullJitterDelay } from '../channels/backoff.ts';
import { DeliveryError, type OutboundChannel } from '../channels/outbound.ts';
import { rememberSent } from '../core/sent.ts';
import * as conv from '../store/conversation.ts';
import type { DbOrTx } from '../store/db.ts';
import {
  claim,
  markFailed,
  markRetry,
  markSent,
  markUnreachable,
  nextPendingAt,
  release,
  type ClaimedRow,
} from '../store/outbox.ts';
import type { ReportRenderer } from '../report/deliver.ts';
import type { Messenger } from '../core/types.ts';
import { messageOf, payloadSenders, type ChartDrawer } from './send-payloads.ts';

export interface OutboxWorkerOptions {
  db: DbOrTx;
  channels: ReadonlyMap<Messenger, OutboundChannel>;
  logger: Logger;
  /** Draws the charts of `leader_chart` rows; without it such rows fail. */
  chart?: ChartDrawer;
  /** Renders the reports of `leader_report` rows; without it such rows fail. */
  report?: ReportRenderer;
  /** A clock that moves (leases and retry times are read on it). Default: the real one. */
  now?: () => Date;
  /** Attempts per row before it is `failed`. Default 5. */
  maxAttempts?: number;
  /** Most rows claimed by one query. Default 50. */
  batch?: number;
  /**
   * Rows being sent at once. Default 1: then a crash can duplicate at most the one message in flight.
   * Raise it for a slow link to the messenger, accepting up to that many duplicates after a crash.
   */
  concurrency?: number;
  /** How long a claimed row is held; must outlast a send, limiter waits included. Default 5 min. */
  lockMs?: number;
  /** How often an idle worker looks for new rows. Default 1 s. */
  pollMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** Uniform [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Told how each attempt ended, e.g. to count it for /metrics. Must not throw. */
  onOutcome?: (outcome: DeliveryOutcome, row: ClaimedRow) => void;
}

/** How one delivery attempt ended for its row. */
export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'unreachable';

export interface OutboxWorker {
  /** Resolves once no row of this worker's channels is pending (sent, failed or unreachable, all of them). */
  drain(): Promise<void>;
  /** Stops claiming and waits for the sends in flight to be recorded. */
  stop(): Promise<void>;
}

const MAYBE_DELIVERED = '[maybe delivered] ';

export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, channels, logger } = opts;
  // What the core needs to remember which item a delivered message was about.
  const memory = {
    rememberBotMessage: conv.rememberBotMessage.bind(null, db),
    conversation: conv.conversation.bind(null, db),
    saveConversation: conv.saveConversation.bind(null, db),
  };
  const now = opts.now ?? (() => new Date());
  const maxAttempts = opts.maxAttempts ?? 5;
  const batch = opts.batch ?? 50;
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const lockMs = opts.lockMs ?? 300_000;
  const pollMs = opts.pollMs ?? 1000;
  const backoff = opts.backoff ?? { baseMs: 1000, maxMs: 300_000 };
  const random = opts.random ?? Math.random;
  const names = [...channels.keys()];
  const report = (outcome: DeliveryOutcome, row: ClaimedRow): void => opts.onOutcome?.(outcome, row);

  const inflight = new Set<Promise<void>>();
  let stopping = false;
  let drained: Array<() => void> = [];
  let wake: (() => void) | null = null;

  /** A kick that came while nobody was idle: the next idle() returns at once, so no wake-up is lost. */
  let kicked = false;

  /** Sleeps up to `ms`; `kick()` ends it early. */
  function idle(ms: number): Promise<void> {
    if (kicked) {
      kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done(): void {
        clearTimeout(timer);
        if (wake === done) wake = null;
        resolve();
      }
      wake = done;
    });
  }
  const kick = (): void => {
    if (wake) wake();
    else kicked = true;
  };

  function context(row: ClaimedRow): Record<string, unknown> {
    return {
      outboxId: row.id,
      reminderId: row.idempotencyKey,
      kind: row.kind,
      channel: row.channel,
      chatId: row.chatId,
      attempt: row.attempts,
      ...(row.deliveredIds.length > 0 ? { partsDelivered: row.deliveredIds.length } : {}),
    };
  }

  const { sendChart, sendReport, sendWithFiles, progressOf } = payloadSenders({
    db,
    logger,
    context,
    ...(opts.chart ? { chart: opts.chart } : {}),
    ...(opts.report ? { report: opts.report } : {}),
  });

  async function settleFailure(row: ClaimedRow, err: unknown): Promise<void> {
    const failure = err instanceof DeliveryError ? err : new DeliveryError('unknown', messageOf(err));
    const log = { ...context(row), failure: failure.kind, error: failure.message };
    const maybeDelivered = row.lastError?.startsWith(MAYBE_DELIVERED) ?? false;
    const tag = (text: string): string => (maybeDelivered ? MAYBE_DELIVERED + text : text);
    const at = now();
    switch (failure.kind) {
      case 'unreachable':
        await markUnreachable(db, row.id, failure.message, at);
        report('unreachable', row);
        logger.warn(log, 'outbox: chat refuses the bot; person marked unreachable, not retried');
        return;
      case 'fatal':
        await markFailed(db, row.id, tag(failure.message));
        report('failed', row);
        logger.error(log, 'outbox: message refused; failed');
        return;
      case 'unknown':
        if (maybeDelivered || row.attempts >= maxAttempts) {
          await markFailed(db, row.id, tag(failure.message));
          report('failed', row);
          logger.error(log, 'outbox: delivery unknown again; failed, not resent');
          return;
        }
        break;
      case 'retry':
        if (row.attempts >= maxAttempts) {
          await markFailed(db, row.id, tag(`gave up after ${row.attempts} attempts: ${failure.message}`));
          report('failed', row);
          logger.error(log, 'outbox: gave up; failed');
          return;
        }
        break;
    }
    const jitter = fullJitterDelay(row.attempts - 1, backoff.baseMs, backoff.maxMs, random);
    const delayMs = Math.max(failure.retryAfterMs ?? 0, jitter);
    const error = failure.kind === 'unknown' ? MAYBE_DELIVERED + failure.message : tag(failure.message);
    await markRetry(db, row.id, error, new Date(at.getTime() + delayMs));
    report('retry', row);
    logger.warn({ ...log, delayMs }, 'outbox: send failed; retrying later');
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const channel = channels.get(row.channel);
    if (!channel) return; // claim only takes rows of our channels
    // The parts delivered so far, earlier attempts' first.
    const delivered = [...row.deliveredIds];
    try {
      if (row.payload.kind === 'leader_chart') {
        delivered.push(...(await sendChart(channel, row.chatId, row.payload)).messageIds);
      } else if (row.payload.kind === 'leader_report') {
        delivered.push(...(await sendReport(channel, row, row.payload, delivered)));
      } else if (row.payload.files && row.payload.files.length > 0 && channel.sendDocument) {
        const upload = channel.sendDocument.bind(channel);
        await sendWithFiles(channel, upload, row, { ...row.payload, files: row.payload.files }, delivered);
      } else {
        const before = delivered.length;
        const sent = await channel.send(row.chatId, row.payload.reply, progressOf(row, delivered));
        // A channel that does not report its parts one by one still says what it sent.
        if (delivered.length === before) delivered.push(...sent.messageIds);
      }
    } catch (err) {
      try {
        await settleFailure({ ...row, deliveredIds: delivered }, err);
      } catch (dbErr) {
        logger.error(
          { ...context(row), err: dbErr },
          'outbox: could not record a failed send; lease will expire',
        );
      }
      return;
    }
    const messageIds = delivered;
    try {
      await markSent(db, row.id, messageIds, now());
    } catch (err) {
      logger.error(
        { ...context(row), err },
        'outbox: sent but not recorded; it may go again when the lease ends',
      );
      return;
    }
    report('sent', row);
    logger.debug({ ...context(row), messageIds }, 'outbox: sent');
    const about = row.payload.reply.about;
    try {
      await rememberSent(memory, { channel: row.channel, chatId: row.chatId }, messageIds, about);
    } catch (err) {
      logger.warn({ ...context(row), err }, 'outbox: could not remember which item the message was about');
    }
  }

  function track(p: Promise<void>): void {
    const tracked = p.finally(() => {
      inflight.delete(tracked);
      kick();
    });
    inflight.add(tracked);
  }

  /** Claimed, not yet started; each row's lease began at `claimedAt`. */
  const queue: Array<{ row: ClaimedRow; claimedAt: number }> = [];

  /** Starts queued rows up to `concurrency`; rows held so long their lease may lapse go back unsent. */
  async function dispatch(): Promise<void> {
    const stale: number[] = [];
    while (inflight.size < concurrency && queue.length > 0) {
      const next = queue.shift();
      if (!next) break;
      if (now().getTime() - next.claimedAt > lockMs / 2) stale.push(next.row.id);
      else track(deliver(next.row));
    }
    if (stale.length > 0) await release(db, stale);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      // Claim the next batch while the last rows are still going out, so sending never waits for SQL.
      if (queue.length === 0) {
        const at = now();
        try {
          const rows = await claim(db, { limit: batch, lockMs, now: at, channels: names });
          for (const row of rows) queue.push({ row, claimedAt: at.getTime() });
        } catch (err) {
          logger.error({ err }, 'outbox: claim failed; trying again');
          await idle(pollMs);
          continue;
        }
      }
      try {
        await dispatch();
      } catch (err) {
        logger.error({ err }, 'outbox: could not release stale rows; their leases will expire');
      }
      if (inflight.size > 0 || queue.length > 0) {
        await idle(pollMs); // a settled send kicks
        continue;
      }
      let next: Date | null;
      try {
        next = await nextPendingAt(db, names);
      } catch (err) {
        logger.error({ err }, 'outbox: could not read the queue; trying again');
        await idle(pollMs);
        continue;
      }
      if (next === null) {
        const waiters = drained;
        drained = [];
        for (const w of waiters) w();
      }
      const wait = next === null ? pollMs : Math.min(pollMs, Math.max(5, next.getTime() - now().getTime()));
      await idle(wait);
    }
  }

  const running = loop().catch((err: unknown) => logger.fatal({ err }, 'outbox worker stopped unexpectedly'));

  return {
    drain() {
      if (stopping) return Promise.resolve();
      return new Promise<void>((resolve) => {
        drained.push(resolve);
        kick();
      });
    },
    async stop() {
      stopping = true;
      kick();
      await running;
      await Promise.allSettled([...inflight]);
      const unsent = queue.splice(0).map((q) => q.row.id);
      try {
        await release(db, unsent);
      } catch (err) {
        logger.warn(
          { err, rows: unsent.length },
          'outbox: could not hand back unsent rows; their leases will expire',
        );
      }
      const waiters = drained;
      drained = [];
      for (const w of waiters) w();
    },
  };
}
