// The one path of every inbound message, whichever messenger brought it (after grammY's composer):
// de-duplication, group gate, typing, the core, sending, what the reply was about, metrics — in that order,
// inside one error boundary. A messenger only says how its updates read and how a reply goes out.
import type { Hono } from 'hono';
import { handleMessage } from '../core/conversation.ts';
import { messages } from '../core/messages.ts';
import type { Reply } from '../core/reply.ts';
import { rememberSent } from '../core/sent.ts';
import { spokenTo, type ConversationDeps, type IncomingMessage, type TurnObservation } from '../core/turn.ts';
import type { ChannelName, Lang } from '../core/types.ts';
import { errorFields, type ChannelLogger } from './log.ts';
import { DeliveryError, type Outgoing, type SentMessage } from './outbound.ts';
import type { RedeliveryGate } from './redelivery.ts';
import { withTyping, type TypingIndicator } from './typing.ts';

/** One update as the pipeline reads it; what its words mean is the core's to read. */
export interface Inbound {
  /** For the core; null when there is nothing for it (a button from an older bot: only `acknowledge` runs). */
  message: IncomingMessage | null;
  /** Handled once per key, in this process or any other (null: the messenger does not redeliver). */
  key: string | null;
  /** What the logs say about the update (its ids, never its words). */
  log: Record<string, unknown>;
  /** Answers a button press at once (Telegram's toast), before the replies go out; null when handling failed. */
  acknowledge?: (replies: readonly Reply[] | null) => Promise<void>;
}

/** What one messenger gives the pipeline. */
export interface ChannelAdapter<U> {
  readonly name: ChannelName;
  /** The update as the pipeline reads it, or null when it is nothing to answer (logged by the adapter). */
  toIncoming(update: U, receivedAt: Date): Inbound | null;
  /** Sends one reply (a photo when it has one); throws DeliveryError. */
  send(chatId: string, reply: Outgoing): Promise<SentMessage>;
  typing?: TypingIndicator;
  /** The messenger's webhook routes, mounted on the server with `app.route('/', webhook)`. */
  webhook?: Hono | null;
}

export interface PipelineDeps {
  core: ConversationDeps;
  logger: ChannelLogger;
  /** De-duplication of redeliveries; without it every update is handled. */
  firstSeen?: RedeliveryGate;
  /** Told of every message handled (to count it on /metrics). Must not throw. */
  observe?: (turn: TurnObservation) => void;
}

export interface Outcome {
  /** The replies delivered, in order (the web console and the CLI show these). */
  delivered: Outgoing[];
}

const NOTHING: Outcome = { delivered: [] };

/** The one text a person reads when handling their message failed, from the core's catalogue. */
export function failureReply(lang: Lang): Reply {
  return { lang, lines: [[messages(lang).errorTryAgain]], buttons: [], about: null };
}

/**
 * Takes one update end to end. Never throws for a failure of the core or of a send (the person is told,
 * the failure logged); only de-duplication's own failure propagates, so the messenger delivers again.
 */
export async function run<U>(deps: PipelineDeps, adapter: ChannelAdapter<U>, update: U): Promise<Outcome> {
  const { core, logger } = deps;
  const channel = adapter.name;
  const inbound = adapter.toIncoming(update, core.now());
  if (inbound === null) return NOTHING;
  let msg = inbound.message;
  if (inbound.key !== null && deps.firstSeen) {
    const from = msg && { chatId: msg.chatId, senderId: msg.senderId };
    const known = await deps.firstSeen(channel, inbound.key, from);
    if (known === null) {
      logger.info({ channel, ...inbound.log }, `${channel}: redelivered update skipped`);
      return NOTHING;
    }
    // The sender and the chat's state came with the gate's insert: the core need not read them again.
    if (msg) msg = { ...msg, known };
  }
  if (msg === null) {
    await inbound.acknowledge?.([]);
    return NOTHING;
  }
  if (!spokenTo(msg)) return NOTHING;

  const started = performance.now();
  const context = { channel, chatId: msg.chatId, ...inbound.log };
  let replies: Outgoing[];
  try {
    const work = (): Promise<Outgoing[]> => handleMessage(core, msg);
    replies = adapter.typing
      ? await withTyping(adapter.typing, msg.chatId, work, { logger, channel })
      : await work();
    await inbound.acknowledge?.(replies);
  } catch (err) {
    logger.error({ ...context, err: errorFields(err) }, `${channel}: update failed`);
    await inbound.acknowledge?.(null);
    // A button press was answered by its toast; a group is not told (the message may not be for the bot).
    replies = inbound.acknowledge || msg.chatKind === 'group' ? [] : [failureReply(msg.langHint ?? 'vi')];
  }

  // Counted once the replies are ready, before they go out: latency is the bot's, not the messenger's.
  deps.observe?.({ channel, replies: replies.length, seconds: (performance.now() - started) / 1000 });
  const delivered: Outgoing[] = [];
  for (const reply of replies) {
    let sent: SentMessage;
    try {
      sent = await adapter.send(msg.chatId, reply);
    } catch (err) {
      // The first failure stops the rest: later replies would arrive out of context.
      const unreachable = err instanceof DeliveryError && err.kind === 'unreachable';
      logger[unreachable ? 'warn' : 'error'](
        { ...context, failure: err instanceof DeliveryError ? err.kind : 'unknown', err: errorFields(err) },
        `${channel}: reply not delivered`,
      );
      break;
    }
    delivered.push(reply);
    try {
      await rememberSent(core.store, { channel, chatId: msg.chatId }, sent.messageIds, reply.about);
    } catch (err) {
      logger.error(
        { ...context, err: errorFields(err) },
        `${channel}: could not remember which item a message was about`,
      );
    }
  }
  return { delivered };
}

/**
 * The web console and `dondoc ask`, which sign people in themselves and show the replies they get back
 * from run(): the message is already built, and nothing is sent anywhere.
 */
export function localAdapter(name: 'web' | 'cli'): ChannelAdapter<IncomingMessage> {
  return {
    name,
    toIncoming: (message) => ({ message, key: null, log: { messageId: message.messageId } }),
    send: async () => ({ messageIds: [] }),
  };
}
