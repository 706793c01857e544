// One message being handled: who sent it, in which chat and language, and the chat's remembered state.
import type { FileSources } from './files.ts';
import { messages } from './messages.ts';
import type { ChatRef, ConversationState, CoreStore, Person } from './ports.ts';
import type { Button, ButtonAction, Line, Reply } from './reply.ts';
import type { ChannelName, ItemCode, Lang, Lexicon, LocalDate, Messenger, PersonCode } from './types.ts';

/** A chat message (or a button press) as every channel hands it to the core. */
export interface IncomingMessage {
  channel: ChannelName;
  chatId: string;
  chatKind: 'private' | 'group';
  /** The channel's user id; for `cli` and `web` it is a PersonCode (local, trusted). */
  senderId: string;
  text: string;
  messageId: string | null;
  /** The item a reply to a bot message is about: set by the core from `replyTo` (or by a test). */
  replyToItem: ItemCode | null;
  /** The id of the bot's message this one replies to; the core looks up which item it was about. */
  replyTo?: string | null;
  /** A button press. */
  action: ButtonAction | null;
  /** Group chats: the bot was mentioned or given a command. */
  addressed: boolean;
  langHint: Lang | null;
  at: Date;
  /** What the messenger's once-only gate already read in its own statement (absent: the core reads it). */
  known?: KnownAtGate;
  /** A photo or document sent with the message (its caption is `text`), fetched only when it is kept. */
  file?: IncomingFile | null;
}

/**
 * A file as a messenger offers it: its name and the size it declares, and how to fetch its bytes
 * (the edge's download, bounded in time and size; it throws FileError).
 */
export interface IncomingFile {
  name: string;
  declaredSize: number | null;
  load(maxBytes: number): Promise<Uint8Array>;
}

/** The sender and the chat's state, read by the once-only gate in the same round trip as its insert. */
export interface KnownAtGate {
  /** The registered person behind the sender's account, or null for someone unregistered. */
  sender: Person | null;
  state: ConversationState;
}

/**
 * What became of a notification: queued on these messengers' outboxes, or on none (the person has no
 * chat account). Confirmations are built from it, so the bot never says "sent" for what was not.
 */
export interface Delivery {
  queued: readonly Messenger[];
}

/** A stored file sent with a notification, by its id in the files table: the bytes stay in the store. */
export interface StoredFileRef {
  fileId: number;
  /** The name the chat shows, the one it was sent under. */
  name: string;
}

/** Delivers a message to a person on their own chat; the composition root makes it durable. */
export interface Notifier {
  /**
   * `key` makes a retried notification idempotent. `files` go with the message where the messenger
   * takes files from a bot (the message their caption, or after them); elsewhere the message alone.
   */
  notify(person: PersonCode, reply: Reply, key: string, files?: readonly StoredFileRef[]): Promise<Delivery>;
}

const MESSENGER_NAMES: Record<Messenger, string> = { telegram: 'Telegram', zalo: 'Zalo' };

/** The line that tells the sender what became of a notification to `to`, in the sender's language. */
export function deliveryLine(delivery: Delivery, to: Pick<Person, 'name' | 'code'>, lang: Lang): string {
  const m = messages(lang);
  if (delivery.queued.length === 0) return m.deliveryNone(to.name, to.code);
  return m.deliveryQueued(to.name, delivery.queued.map((c) => MESSENGER_NAMES[c]).join(', '));
}

/** One handled message, as every messenger's traffic reaches the metrics: through the core's one door. */
export interface TurnObservation {
  channel: ChannelName;
  replies: number;
  seconds: number;
}

export interface ConversationDeps {
  store: CoreStore;
  now: () => Date;
  tz: string;
  notify: Notifier;
  /** The largest evidence file kept (FILE_MAX_MB); default 20 MB. */
  fileMaxBytes?: number;
  /** What /chart and /baocao are made with, where the process can make them. */
  files?: FileSources;
}

/** In a group the bot speaks only when spoken to: a mention, a command, a reply to it, or its button. */
export function spokenTo(msg: IncomingMessage): boolean {
  if (msg.chatKind !== 'group') return true;
  return msg.addressed || msg.action !== null || msg.replyToItem !== null || (msg.replyTo ?? null) !== null;
}

export interface Turn {
  deps: ConversationDeps;
  msg: IncomingMessage;
  chat: ChatRef;
  person: Person;
  lang: Lang;
  today: LocalDate;
  lexicon: Lexicon;
  /** Mutated while handling; saved once at the end when it changed. */
  state: ConversationState;
}

export function reply(
  lang: Lang,
  lines: Line[],
  opts: { buttons?: Button[][]; about?: ItemCode | null } = {},
): Reply {
  return { lang, lines, buttons: opts.buttons ?? [], about: opts.about ?? null };
}

/** One message of one sentence (a command's short answer, a console notice). */
export function sentence(lang: Lang, text: string): Reply {
  return reply(lang, [[text]]);
}

/** The common case: one message of plain sentences. */
export function say(turn: Pick<Turn, 'lang'>, ...texts: string[]): Reply[] {
  return [
    reply(
      turn.lang,
      texts.map((t) => [t]),
    ),
  ];
}
