// The one interface every messenger offers for sending: reminders, notifications and replies all use it.
import type { DocumentFile, Photo, Reply } from '../core/reply.ts';
import type { Messenger } from '../core/types.ts';

export interface SentMessage {
  /** The channel's ids of the messages sent (a long reply may take several). */
  messageIds: string[];
}

export type { DocumentFile, Photo };

/** A reply as a channel sends it: text and buttons, or a photo or a document with the reply as its caption. */
export type Outgoing = Reply;

/**
 * How far an earlier attempt got with a reply too long for one message. Each part is its own delivery:
 * the parts already delivered are not sent again, and each new one is reported the moment it is, so a
 * retry after a failure on part 2 resumes at part 2 instead of repeating part 1.
 */
export interface PartProgress {
  /** Parts (from the first) an earlier attempt delivered; they are skipped. */
  delivered: number;
  /** Told each part's message id once it is delivered (`index` counts every part from 0). Must not throw. */
  onPart(index: number, messageId: string): Promise<void>;
}

export interface OutboundChannel {
  readonly name: Messenger;
  /**
   * Sends a reply to a chat, through the channel's limiter; throws DeliveryError. With `progress`, the
   * parts it has delivered are skipped and `messageIds` holds only the parts this call sent.
   */
  send(chatId: string, reply: Reply, progress?: PartProgress): Promise<SentMessage>;
  /**
   * Uploads a photo with `caption` (rendered the channel's way, without buttons), through the same
   * limiter; throws DeliveryError. Absent when the messenger cannot take an upload (Zalo wants a public URL).
   */
  sendPhoto?(chatId: string, photo: Photo, caption: Reply): Promise<SentMessage>;
  /**
   * Uploads a file with `caption` and its buttons, through the same limiter; throws DeliveryError. Absent
   * when the messenger cannot take an upload (Zalo's Bot API sends text and photos by URL only).
   */
  sendDocument?(chatId: string, file: DocumentFile, caption: Reply): Promise<SentMessage>;
  /** Whether `reply` fits whole in a document's caption (else it is cut); present with sendDocument. */
  fitsCaption?(reply: Reply): boolean;
}

/**
 * Why a send failed, as the outbox needs to know it:
 * `unreachable` — the person blocked the bot or never started it: do not retry;
 * `retry` — the message certainly did not go out (429, 5xx, refused connection): try again later;
 * `unknown` — it may have gone out (timeout after sending): retrying risks a duplicate;
 * `fatal` — it never will (bad request): give up.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly kind: 'unreachable' | 'retry' | 'unknown' | 'fatal',
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
