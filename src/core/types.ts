// The vocabulary every layer shares: codes, intents, items and replies. No I/O here.

declare const brand: unique symbol;
/** A primitive that carries its meaning in the type, so a PersonCode is never passed where an ItemCode goes. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type ProgramCode = Brand<string, 'ProgramCode'>;
export type AgencyCode = Brand<string, 'AgencyCode'>;
export type PersonCode = Brand<string, 'PersonCode'>;
/** A target (`NQ57-12`) or task (`NQ57-12.3`) code, always upper case. */
export type ItemCode = Brand<string, 'ItemCode'>;
/** Whole number 0–100. */
export type Percent = Brand<number, 'Percent'>;
/** A calendar day `YYYY-MM-DD` in the configured zone (Asia/Ho_Chi_Minh). */
export type LocalDate = Brand<string, 'LocalDate'>;

// Each closed vocabulary is written once: its type is derived from it, and the database's enums
// (src/store/schema.ts) are built from the same lists.
export const LANGS = ['vi', 'en'] as const;
export const ROLES = ['leader', 'staff', 'admin'] as const;
export const ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export const CHANNELS = ['telegram', 'zalo', 'web', 'cli'] as const;
export const AGENCY_KINDS = ['province', 'department', 'commune', 'ward', 'center'] as const;
/** `claim`: a "done" reported under confirmation, waiting for a checker (it changes the item only once confirmed). */
export const HISTORY_KINDS = ['update', 'explanation_request', 'explanation', 'claim'] as const;

export type Lang = (typeof LANGS)[number];
export type Role = (typeof ROLES)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type ChannelName = (typeof CHANNELS)[number];
/** The channels that reach a person on their own chat: notifications and reminders travel on these. */
export type Messenger = Extract<ChannelName, 'telegram' | 'zalo'>;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export type IntentName =
  | 'overdue'
  | 'due_soon'
  | 'list'
  | 'status'
  | 'summary'
  | 'my_tasks'
  | 'update'
  | 'request_explanation'
  | 'help'
  | 'unknown';

/** Inclusive window of local days. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** Exactly the object of docs/intents.md: every key present, absent facts null. */
export interface Intent {
  intent: IntentName;
  program: ProgramCode | null;
  agency: AgencyCode | null;
  target: ItemCode | null;
  percent: Percent | null;
  status: ItemStatus | null;
  period: Period | null;
}

/** What the parser knows of the province: every way people write each programme and agency. */
export interface LexiconEntry<C> {
  code: C;
  /** The official names, as written in the data (with diacritics, any case); `en` may be empty. */
  vi: string;
  en: string;
  /** Other ways people write it: abbreviations, unmarked spellings, older names. */
  aliases: string[];
}
export interface Lexicon {
  programs: LexiconEntry<ProgramCode>[];
  agencies: LexiconEntry<AgencyCode>[];
}

/**
 * Conversation moves that are not questions: registering, paging, answering a confirmation, and the
 * commands that re-assign a task and turn a group's digest on or off. They ride beside the Intent,
 * which they never change.
 */
export type Control =
  | { kind: 'register'; code: string }
  | { kind: 'next_page' }
  | { kind: 'confirm'; yes: boolean }
  | AssignControl
  | GroupDigestControl
  | VerdictControl
  | ChartControl
  | ReportControl;

/**
 * "/xacnhan NQ57-12.3" | "/tralai NQ57-12.3 lý do" (en "/approve …" | "/return …"): a checker's word on
 * a reported "done", typed where there are no buttons (Zalo). `item` null when no code is given;
 * `reason` the words after the code, null when none (the bot then asks for it).
 */
export interface VerdictControl {
  kind: 'verdict';
  ok: boolean;
  item: ItemCode | null;
  reason: string | null;
}

/**
 * "/chart NQ57": a programme's progress chart, as a photo where the chat takes one. `program` is the
 * word after the command in capitals (not yet checked against the lexicon), null when none.
 */
export interface ChartControl {
  kind: 'chart';
  program: string | null;
}

/**
 * "/baocao [thang|quy] [NQ57]" (en "/report [month|quarter] [NQ57]"): this month's or quarter's report to
 * date, one programme or all. `bad`: words that are neither a span nor a code (the answer is the usage).
 */
export interface ReportControl {
  kind: 'report';
  span: 'month' | 'quarter';
  program: string | null;
  bad: boolean;
}

/**
 * "/bantin bật" | "/bantin tắt" (en "/digest on" | "/digest off"), sent in a group chat: the daily province
 * digest for that group. `on` is null when the word after the command is missing or not understood;
 * `lang` is the command's own language, which the digest is then written in.
 */
export interface GroupDigestControl {
  kind: 'group_digest';
  on: boolean | null;
  lang: Lang;
}

/**
 * "/giao NQ57-12.3 P09", "giao NQ57-12.3 cho Nguyễn Văn A": who should take a task over. `assignee` is
 * the person as written (a code or a full name, resolved by the core); either part null when missing.
 */
export interface AssignControl {
  kind: 'assign';
  item: ItemCode | null;
  assignee: string | null;
}

/**
 * Why the progress an update was written with cannot be recorded as is: outside 0–100 ("150%", "-5%"), not a
 * whole number ("80,5%", which is refused rather than silently cut), or two different percents in one
 * message ("20% 90%"), which the bot asks about instead of guessing. `written` is the number as typed.
 */
export type PercentProblem =
  | { kind: 'out_of_range'; value: number; written: string }
  | { kind: 'fraction'; value: number; written: string }
  | { kind: 'several'; values: number[] };

/** The parser's full answer: the spec's Intent plus what the conversation needs around it. */
export interface ParsedMessage {
  intent: Intent;
  /** Free text of an update or explanation after the code/percent/status words, trimmed; null when none. */
  note: string | null;
  /** The language the message is written in, when it can be told; null for bare commands and codes. */
  lang: Lang | null;
  control: Control | null;
  /** When an agency name matched several agencies equally well: the candidates, so the bot can ask which. */
  agencyChoices: AgencyCode[];
  /** A summary that asks which agencies are most behind: its answer leads with the ranking. */
  ranking?: boolean;
  /**
   * Something written like an item code that cannot be read as one ("NQ57-12.3x", "XX-1.1"), as written,
   * when the message names no readable code: the bot must say it does not know it, never guess an item.
   */
  unreadableCode: string | null;
  /** The update's percent cannot be recorded as written; percent and status are then null. */
  percentProblem: PercentProblem | null;
  /** The intent is `unknown` because the message could mean either of these: the bot asks which. */
  choices?: [IntentName, IntentName];
  /**
   * The message read as continuing the item talked about (the one the message replies to, or the chat's
   * last item), when it names none itself and then reports on it, or in a reply asks after it.
   */
  about?: ParsedMessage;
  /** "giải trình NQ57-12: …": the answer to an explanation request the message gives, when written so. */
  explanation?: { item: ItemCode | null; text: string };
  /** Whether a list or count is about targets or tasks (the word used; else tasks for an agency). */
  level: 'target' | 'task';
  /**
   * The message tells rather than asks: not written as a question and naming no work ("đang chờ Sở Nội
   * vụ thẩm định biên chế"), so it can be the answer to an open explanation request.
   */
  statement: boolean;
}

/** A report's issuing body, its two lines top left: the superior body over the issuer. */
export interface Issuer {
  superior: string;
  body: string;
}

export interface Named {
  vi: string;
  en: string;
}

export interface PersonRef {
  code: PersonCode;
  name: string;
}

/** A target or a task as the answers and the reminder planner see it. */
export interface ItemView {
  kind: 'target' | 'task';
  code: ItemCode;
  title: Named;
  program: ProgramCode;
  agency: AgencyCode;
  agencyName: Named;
  /** Tasks have an assignee; targets do not (their lead agency owns them). */
  assignee: PersonRef | null;
  /** null: an ongoing item ("Thường xuyên"), never overdue. */
  dueDate: LocalDate | null;
  /** The deadline as the plan writes it ("Quý III/2025"); null when it gave a plain date. */
  dueText: string | null;
  status: ItemStatus;
  progress: Percent;
  /** When the last update (or the plan load) touched it. */
  updatedAt: Date;
  /** The day work was planned to start; the basis of the progress its time implies. */
  startDate: LocalDate;
  /** When the update that made it done was made; null while not done. */
  completedAt: Date | null;
  /** A "done" reported under confirmation waits for a checker since then (null or absent: none). */
  awaitingSince?: Date | null;
  /** The co-operating agencies (cơ quan phối hợp), in the plan's order; absent: not read. */
  coAgencies?: Named[];
  /** What the plan says the item delivers (sản phẩm); absent or null: none. */
  deliverable?: string | null;
  /** A target's indicator ("41 of 68 xã"); absent or null: none. */
  indicator?: Indicator | null;
}

export interface Indicator {
  unit: string;
  target: number;
  current: number;
}

export interface UpdateView {
  at: Date;
  person: PersonRef | null;
  progress: Percent | null;
  status: ItemStatus | null;
  note: string | null;
  /** `claim`: a "done" reported under confirmation (it changes the item only once confirmed). */
  kind: HistoryKind;
  channel: ChannelName | null;
}
