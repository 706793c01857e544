// The store as the conversation core sees it: a small interface, implemented by src/store.
import type { AgencyRank } from './ranking.ts';
import type {
  AgencyCode,
  ChannelName,
  Intent,
  ItemCode,
  ItemStatus,
  ItemView,
  Lang,
  Lexicon,
  LocalDate,
  Named,
  Percent,
  Period,
  PersonCode,
  ProgramCode,
  Role,
  UpdateView,
} from './types.ts';

export interface Scope {
  program: ProgramCode | null;
  agency: AgencyCode | null;
}

/** Targets are what leaders track; tasks are what staff do. */
export type Level = 'target' | 'task';

export interface Person {
  id: number;
  code: PersonCode;
  name: string;
  role: Role;
  agency: AgencyCode;
  agencyName: Named;
  lang: Lang;
  /** The agency is a commune or ward: its people act for it alone, leaders included. */
  local?: boolean;
}

export interface ItemDetail {
  item: ItemView;
  /** The target a task belongs to. */
  parent: ItemView | null;
  /** A target's tasks. */
  children: ItemView[];
  /** Newest first. */
  history: UpdateView[];
  /**
   * The latest updates a status answer shows, newest first. Work is reported on tasks, so a target's
   * own history is nearly empty: for a target this gathers its tasks' updates too.
   */
  recent: HistoryEntry[];
}

/** A history entry, with the task it was reported on when a target's history gathers its tasks' updates. */
export type HistoryEntry = UpdateView & { item: ItemCode | null };

import type { Counts } from './grid.ts';
export type { Counts };

export interface ProgramSummary {
  program: ProgramCode;
  name: Named;
  targets: Counts;
  tasks: Counts;
}

export interface AgencySummary {
  agency: AgencyCode;
  name: Named;
  targets: Counts;
  tasks: Counts;
}

export interface SummaryView {
  programs: ProgramSummary[];
  /** Agencies with any item in scope, worst first (most overdue tasks, then least done). */
  agencies: AgencySummary[];
}

export interface UpdateInput {
  item: ItemCode;
  person: PersonCode;
  at: Date;
  progress: Percent | null;
  status: ItemStatus | null;
  note: string | null;
  channel: ChannelName;
  /** The chat message it came from: a redelivered message is recorded once. */
  messageId: string | null;
  /** Evidence sent with it (a photo, a signed decision), attached to its history row. */
  files?: EvidenceFile[];
}

/** A file as a messenger delivered it, checked for size and type before it reaches the store. */
export interface EvidenceFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A file attached to an item, as the console and the checkers' message list it. */
export interface EvidenceView {
  id: number;
  /** The stored file's id in the files table (one per content). */
  fileId: number;
  name: string;
  mimeType: string;
  size: number;
  at: Date;
  person: PersonCode | null;
}

/** A file sent without an update (a reply to a message about the item): attached to the item alone. */
export interface AttachInput {
  item: ItemCode;
  person: PersonCode;
  at: Date;
  channel: ChannelName;
  messageId: string | null;
  file: EvidenceFile;
}

/** A checker's word on a reported "done": the claim id a button carries, or null for the waiting one. */
export interface VerdictInput {
  item: ItemCode;
  claimId: number | null;
  by: PersonCode;
  at: Date;
  channel: ChannelName;
  /** Returning: why (kept in the item's history and sent to the assignee). */
  reason?: string;
}

/** A reported "done" waiting for a checker: the history row of the claim, who made it and when. */
export interface WaitingClaim {
  claimId: number;
  reporter: PersonCode | null;
  at: Date;
  note: string | null;
}

export interface VerdictResult {
  item: ItemView;
  /** Who reported it done, told of the verdict. */
  reporter: PersonCode | null;
  reportedAt: Date;
  /** The history row of the claim: a notification key. */
  claimId: number;
}

export interface UpdateResult {
  before: { status: ItemStatus; progress: Percent };
  item: ItemView;
  /** The target after its roll-up, when a task was updated. */
  target: ItemView | null;
  /** True when this message had already been recorded (a redelivery): nothing new was written. */
  duplicate: boolean;
  /**
   * A "done" under confirmation: recorded as a claim (this history row) waiting for a checker; the
   * item itself is unchanged. Absent or null for an ordinary update.
   */
  claimId?: number | null;
}

export interface ExplanationRequest {
  id: number;
  item: ItemCode;
  requestedBy: Person;
  asked: Person | null;
  requestedAt: Date;
}

export interface ReassignInput {
  task: ItemCode;
  assignee: PersonCode;
  /** The admin who re-assigns; null for the command line. */
  by: PersonCode | null;
  at: Date;
  channel: ChannelName;
}

export interface ReassignResult {
  /** The task as it was and as it is now (the same when nothing changed). */
  before: ItemView;
  after: ItemView;
  /** False when the task was already the assignee's: nothing was written. */
  changed: boolean;
  /** The audit row of the change (a notification key); null when nothing changed. */
  changeId: number | null;
}

/** A group chat on a messenger the bot can push to: where a group digest goes. */
export interface GroupChat {
  channel: 'telegram' | 'zalo';
  chatId: string;
}

export interface GroupDigestSubscription {
  chat: GroupChat;
  /** The leader or admin who turns it on. */
  by: PersonCode;
  lang: Lang;
  at: Date;
}

/** Whatever the conversation must remember between two messages of one chat. */
/** A question whose answer runs over pages: asked again for each page, so a page shows the data as they are now. */
export interface PagedList {
  id: string;
  intent: Intent;
  level: Level;
  /** A summary that leads with the agencies' ranking. */
  ranking?: boolean;
  /** The page shown last, and how many there were then. */
  page: number;
  pages: number;
}

export interface ConversationState {
  /** An update waiting for "có"/"yes" (lowering progress, closing a target with open tasks). */
  pending?: { input: Omit<UpdateInput, 'at' | 'messageId'>; asked: string } | null;
  /**
   * The lists shown lately, oldest first, the one "trang sau" continues last. Each "Trang sau ▶" button
   * names its list, so an old one still pages its own list while the list is kept (core/paging.ts).
   */
  lists?: PagedList[] | null;
  /** The last list id given out in this chat; ids are never reused, so an old button never pages another list. */
  listSeq?: number;
  /** The item the bot last asked this chat about (a reminder, an explanation request). */
  lastItem?: ItemCode | null;
  /** An agency question that matched several agencies. */
  agencyChoices?: AgencyCode[] | null;
  /** A checker pressed "↩️ Trả lại": the next message is the reason (the claim it returns, when asked). */
  returning?: { item: ItemCode; claimId: number; by: PersonCode; asked: string } | null;
  /** A question the bot asked about ("quá hạn hay sắp đến hạn?"): its slots, for the button pressed. */
  choice?: { intent: Intent; level: Level } | null;
}

export interface ChatRef {
  channel: ChannelName;
  chatId: string;
}

/** A message the bot answered "not understood" or had to ask about, for an admin to label. */
export interface UnreadMessage {
  at: Date;
  text: string;
  role: Role;
  channel: ChannelName;
  outcome: 'unknown' | 'ask';
}

export interface CoreStore {
  lexicon(): Promise<Lexicon>;
  findSender(channel: ChannelName, externalUserId: string): Promise<Person | null>;
  personByCode(code: PersonCode): Promise<Person | null>;
  /** Uses a one-time code; throws InviteError. */
  register(code: string, account: ChatRef & { externalUserId: string }, at: Date): Promise<Person>;

  overdue(scope: Scope, level: Level, today: LocalDate): Promise<ItemView[]>;
  dueBetween(scope: Scope, level: Level, period: Period): Promise<ItemView[]>;
  /** Items of one work status; done ones finished within `period` when one is given. */
  byStatus(scope: Scope, level: Level, status: ItemStatus, period: Period | null): Promise<ItemView[]>;
  item(code: ItemCode): Promise<ItemDetail | null>;
  /** Every target and task code. */
  itemCodes(): Promise<ItemCode[]>;
  summary(scope: Scope, today: LocalDate, period: Period | null): Promise<SummaryView>;
  /** The agencies' on-time rates for a period, lowest first (tracking model). */
  ranking(scope: Scope, period: Period, today: LocalDate): Promise<AgencyRank[]>;
  openTasksOf(person: PersonCode): Promise<ItemView[]>;

  /** Validates and records in one transaction; throws UnknownCodeError / InvalidUpdateError and writes nothing. */
  recordUpdate(input: UpdateInput): Promise<UpdateResult>;
  /** Attaches a file to an item, audited; false when this message's file was attached already. */
  attachEvidence(input: AttachInput): Promise<boolean>;
  evidenceOf(item: ItemCode): Promise<EvidenceView[]>;
  /** Who may confirm or return the item's reported "done": its programme's checkers and every admin. */
  checkersOf(item: ItemCode): Promise<PersonCode[]>;
  /** The item's waiting claim, or null when nothing waits for a checker. */
  claimOf(item: ItemCode): Promise<WaitingClaim | null>;
  /** Confirms the waiting "done" (done as of when it was reported); throws ConfirmationError. */
  confirmClaim(input: VerdictInput): Promise<VerdictResult>;
  /** Returns it to in progress with the reason in its history; throws ConfirmationError. */
  returnClaim(input: VerdictInput & { reason: string }): Promise<VerdictResult>;

  requestExplanation(item: ItemCode, by: PersonCode, at: Date): Promise<ExplanationRequest>;
  /** The open explanation request addressed to this person about this item, if any. */
  openExplanationFor(person: PersonCode, item: ItemCode | null): Promise<ExplanationRequest | null>;
  answerExplanation(
    requestId: number,
    answer: string,
    at: Date,
    source: { channel: ChannelName; messageId: string | null },
  ): Promise<void>;

  snooze(person: PersonCode, item: ItemCode, until: LocalDate): Promise<void>;

  /** Everyone a task can be given to, by code, for finding a person by code or name. */
  personDirectory(): Promise<Person[]>;
  /**
   * Gives a task to another person in one transaction (the task's agency follows the assignee's),
   * audited; throws UnknownCodeError / NotATaskError and writes nothing.
   */
  reassign(input: ReassignInput): Promise<ReassignResult>;

  /** The group's digest subscription (its language), or null when it has none. */
  groupDigest(chat: GroupChat): Promise<{ lang: Lang } | null>;
  /** Subscribes a group (or changes its digest's language), audited: whether anything changed. */
  subscribeGroupDigest(sub: GroupDigestSubscription): Promise<'added' | 'changed' | 'unchanged'>;
  /** Ends a group's subscription, audited; false when it had none. */
  unsubscribeGroupDigest(chat: GroupChat, by: PersonCode, at: Date): Promise<boolean>;

  conversation(chat: ChatRef): Promise<ConversationState>;
  saveConversation(chat: ChatRef, state: ConversationState): Promise<void>;
  /** Which item a message the bot sent was about (for replies), or null. */
  itemOfBotMessage(chat: ChatRef, messageId: string): Promise<ItemCode | null>;
  rememberBotMessage(chat: ChatRef, messageId: string, item: ItemCode): Promise<void>;
  /** Keeps a message the bot did not understand, for the console's labelling page. */
  keepUnread(message: UnreadMessage): Promise<void>;
}
