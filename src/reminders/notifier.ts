// The core's Notifier made durable: a notification is an outbox row per chat, delivered by the outbox worker.
import type { Delivery, Notifier, StoredFileRef } from '../core/turn.ts';
import type { Reply } from '../core/reply.ts';
import type { PersonCode } from '../core/types.ts';
import type { Logger } from '../logger.ts';
import type { DbOrTx } from '../store/db.ts';
import { enqueue } from '../store/outbox.ts';
import { loadChatTargets } from '../store/reminder-input.ts';

export interface NotifierOptions {
  logger?: Logger;
  /** Called when rows were added, e.g. to wake the worker instead of waiting for its next poll. */
  onEnqueued?: () => void;
}

/**
 * `notify(person, reply, key)` enqueues the reply for each chat the person is reached on (their
 * preferred messenger, else every one they registered); the same `key` enqueued again adds nothing.
 * A person with no chat account is logged and skipped, and the result says so: the sender is told.
 * `files` are stored by reference (their ids in the files table), never as bytes in the outbox.
 */
export function createOutboxNotifier(db: DbOrTx, opts: NotifierOptions = {}): Notifier {
  const { logger } = opts;
  return {
    async notify(
      person: PersonCode,
      reply: Reply,
      key: string,
      files: readonly StoredFileRef[] = [],
    ): Promise<Delivery> {
      const targets = (await loadChatTargets(db, person)).get(person) ?? [];
      if (targets.length === 0) {
        logger?.info({ person, notificationId: key }, 'notification not sent: person has no chat account');
        return { queued: [] };
      }
      const added = await enqueue(
        db,
        targets.map((t) => ({
          idempotencyKey: key,
          personId: t.personId,
          channel: t.channel,
          chatId: t.chatId,
          kind: 'notification' as const,
          payload: {
            reply,
            items: reply.about === null ? [] : [reply.about],
            kind: 'notification' as const,
            // References only: the worker reads the bytes from the files table when it sends.
            ...(files.length > 0 ? { files: [...files] } : {}),
          },
        })),
      );
      if (added > 0) opts.onEnqueued?.();
      // Queued (now, or by the first call with this key): the outbox worker delivers it.
      return { queued: [...new Set(targets.map((t) => t.channel))] };
    },
  };
}
