// The database schema (drizzle-orm); migrations in drizzle/ are generated from this file by drizzle-kit.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { AGENCY_KINDS, CHANNELS, HISTORY_KINDS, ITEM_STATUSES, LANGS, ROLES } from '../core/types.ts';

export const itemStatus = pgEnum('item_status', ITEM_STATUSES);
export const role = pgEnum('role', ROLES);
export const lang = pgEnum('lang', LANGS);
export const agencyKind = pgEnum('agency_kind', AGENCY_KINDS);
export const channel = pgEnum('channel', CHANNELS);
export const historyKind = pgEnum('history_kind', HISTORY_KINDS);

// The outbox's vocabularies; store/outbox.ts derives its types from them. The order is the database's.
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'unreachable'] as const;
/**
 * What an outbox row carries: a planned reminder, a core notification (explanation asked/answered, a
 * task re-assigned), the province digest to a subscribed group chat, or a programme's chart (a photo)
 * after a leader's weekly digest.
 */
export const OUTBOX_KINDS = [
  'assignee',
  'agency_digest',
  'leader_digest',
  'escalation',
  'notification',
  'group_digest',
  'leader_chart',
  'leader_report',
  'checker_nudge',
] as const;
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);
export const reminderKind = pgEnum('reminder_kind', OUTBOX_KINDS);

/** A history id held elsewhere without a foreign key (history references tasks; no cycle). */
const bigserialRef = (name: string) => bigint(name, { mode: 'number' });
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

export const programs = pgTable(
  'programs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The report's issuing body, top left: the superior body ("UBND TỈNH HÒA AN") over the issuer
     * ("BAN CHỈ ĐẠO …"); both null means the default (the province's committee and "BAN CHỈ ĐẠO"). */
    issuerSuperior: text('issuer_superior'),
    issuerBody: text('issuer_body'),
    /** A reported "done" waits for a checker's confirmation (the tracking office's word) when on. */
    confirmation: boolean('confirmation').notNull().default(false),
  },
  (t) => [
    check(
      'programs_issuer_whole',
      sql`(${t.issuerSuperior} is null and ${t.issuerBody} is null) or (${t.issuerSuperior} is not null and ${t.issuerBody} <> '')`,
    ),
  ],
);

export const agencies = pgTable(
  'agencies',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    kind: agencyKind('kind').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => agencies.id),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Who gets the agency digest and escalations; set by the loader from titles, editable. */
    headPersonId: integer('head_person_id').references((): AnyPgColumn => people.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [index('agencies_parent_idx').on(t.parentId)],
);

export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    fullName: text('full_name').notNull(),
    role: role('role').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    titleVi: text('title_vi').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    lang: lang('lang').notNull().default('vi'),
    telegramUsername: text('telegram_username'),
    zaloUserId: text('zalo_user_id'),
    /** As the focal-point list writes it, digits only ("0912345678"); how import-people recognises a person again. */
    phone: text('phone'),
    /** Where reminders go when the person has several chat accounts; null = every registered one. */
    preferredChannel: channel('preferred_channel'),
    /** Set when every channel refused the bot (blocked, never started); cleared on the next message from them. */
    unreachableSince: ts('unreachable_since'),
  },
  (t) => [index('people_agency_idx').on(t.agencyId)],
);

export const chatAccounts = pgTable(
  'chat_accounts',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    channel: channel('channel').notNull(),
    externalUserId: text('external_user_id').notNull(),
    /** The private chat to reach the person in (Telegram: equals the user id; Zalo: the chat id). */
    chatId: text('chat_id').notNull(),
    registeredAt: ts('registered_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('chat_accounts_channel_user_uq').on(t.channel, t.externalUserId),
    index('chat_accounts_person_idx').on(t.personId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: serial('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** sha256 of the code: a leaked database does not leak usable codes. */
    codeHash: text('code_hash').notNull().unique(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    usedByAccountId: integer('used_by_account_id').references(() => chatAccounts.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [index('invites_person_idx').on(t.personId)],
);

export const targets = pgTable(
  'targets',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    unit: text('unit'),
    targetValue: numeric('target_value', { mode: 'number' }).notNull().default(1),
    currentValue: numeric('current_value', { mode: 'number' }).notNull().default(0),
    startDate: day('start_date').notNull(),
    /** The last day of the deadline as written; null for an ongoing target ("Thường xuyên"). */
    dueDate: day('due_date'),
    /** The deadline as the plan writes it ("Quý III/2025"); null when the plan gave a plain date. */
    dueText: text('due_text'),
    /** The field of work the plan groups it under (a section row: "I. Hoàn thiện thể chế"). */
    fieldVi: text('field_vi'),
    /** Sản phẩm: what finishing it produces ("Quyết định của UBND tỉnh"). */
    deliverable: text('deliverable'),
    /** Ghi chú: the plan's note, kept as written. */
    note: text('note'),
    status: itemStatus('status').notNull().default('not_started'),
    progress: smallint('progress').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** When the update that made it done was made; null while it is not done (the status grid's "finished"). */
    completedAt: ts('completed_at'),
    /** A "done" reported under confirmation: when it was reported (null when none waits). */
    awaitingSince: ts('awaiting_since'),
    /** The history row (kind `claim`) that waits; a button names it so a stale one changes nothing. */
    awaitingClaimId: bigserialRef('awaiting_claim_id'),
  },
  (t) => [
    check('targets_progress_range', sql`${t.progress} between 0 and 100`),
    check('targets_code_upper', sql`${t.code} = upper(${t.code})`),
    check('targets_dates', sql`${t.startDate} <= ${t.dueDate}`),
    check('targets_awaiting_pair', sql`(${t.awaitingSince} is null) = (${t.awaitingClaimId} is null)`),
    index('targets_open_due_idx')
      .on(t.programId, t.dueDate)
      .where(sql`${t.status} <> 'done'`),
    index('targets_agency_idx').on(t.leadAgencyId),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    titleVi: text('title_vi').notNull(),
    titleEn: text('title_en').notNull().default(''),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    assigneeId: integer('assignee_id').references(() => people.id, { onDelete: 'set null' }),
    startDate: day('start_date').notNull(),
    /** The last day of the deadline as written; null for an ongoing task ("Thường xuyên"). */
    dueDate: day('due_date'),
    /** The deadline as the plan writes it ("Quý III/2025"); null when the plan gave a plain date. */
    dueText: text('due_text'),
    /** Sản phẩm: what finishing it produces ("Quyết định của UBND tỉnh", "Báo cáo"). */
    deliverable: text('deliverable'),
    /** Ghi chú: the plan's note, kept as written. */
    note: text('note'),
    status: itemStatus('status').notNull().default('not_started'),
    progress: smallint('progress').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** When the update that made it done was made; null while it is not done (the status grid's "finished"). */
    completedAt: ts('completed_at'),
    /** A "done" reported under confirmation: when it was reported (null when none waits). */
    awaitingSince: ts('awaiting_since'),
    /** The history row (kind `claim`) that waits; a button names it so a stale one changes nothing. */
    awaitingClaimId: bigserialRef('awaiting_claim_id'),
  },
  (t) => [
    check('tasks_progress_range', sql`${t.progress} between 0 and 100`),
    check('tasks_done_is_100', sql`(${t.status} = 'done') = (${t.progress} = 100)`),
    check('tasks_code_upper', sql`${t.code} = upper(${t.code})`),
    check('tasks_dates', sql`${t.startDate} <= ${t.dueDate}`),
    check('tasks_awaiting_pair', sql`(${t.awaitingSince} is null) = (${t.awaitingClaimId} is null)`),
    index('tasks_open_due_idx')
      .on(t.dueDate)
      .where(sql`${t.status} <> 'done'`),
    index('tasks_open_agency_due_idx')
      .on(t.agencyId, t.dueDate)
      .where(sql`${t.status} <> 'done'`),
    index('tasks_open_assignee_idx')
      .on(t.assigneeId, t.dueDate)
      .where(sql`${t.status} <> 'done'`),
    index('tasks_target_idx').on(t.targetId),
  ],
);

/** Cơ quan phối hợp: the agencies that co-operate on a task beside its lead (the report's "phối hợp"). */
export const taskCoAgencies = pgTable(
  'task_co_agencies',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The order the plan names them in. */
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.agencyId] }),
    index('task_co_agencies_agency_idx').on(t.agencyId),
  ],
);

/** Cơ quan phối hợp of a target, as its plan row names them. */
export const targetCoAgencies = pgTable(
  'target_co_agencies',
  {
    targetId: integer('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.agencyId] }),
    index('target_co_agencies_agency_idx').on(t.agencyId),
  ],
);

/** Append-only: every status report, explanation request and explanation, with who, when and from where. */
export const history = pgTable(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    targetId: integer('target_id').references(() => targets.id, { onDelete: 'cascade' }),
    kind: historyKind('kind').notNull().default('update'),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    at: ts('at').notNull(),
    progress: smallint('progress'),
    status: itemStatus('status'),
    note: text('note'),
    channel: channel('channel'),
    messageId: text('message_id'),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    check('history_one_item', sql`(${t.taskId} is null) <> (${t.targetId} is null)`),
    check('history_progress_range', sql`${t.progress} is null or ${t.progress} between 0 and 100`),
    check('history_note_length', sql`${t.note} is null or length(${t.note}) <= 4000`),
    index('history_task_at_idx').on(t.taskId, t.at),
    index('history_target_at_idx').on(t.targetId, t.at),
    index('history_person_at_idx').on(t.personId, t.at),
    // A redelivered chat message must not be recorded twice.
    uniqueIndex('history_message_uq').on(t.channel, t.messageId, t.kind),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Who acted when it was not a person: 'cli', 'import', 'seed', 'system'. */
    actor: text('actor').notNull(),
    channel: channel('channel'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityCode: text('entity_code'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityCode)],
);

/** Per-chat conversation state: pending confirmation, last list (for paging), last item mentioned. */
export const conversations = pgTable(
  'conversations',
  {
    channel: channel('channel').notNull(),
    chatId: text('chat_id').notNull(),
    state: jsonb('state')
      .notNull()
      .default(sql`'{}'::jsonb`),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.chatId] })],
);

/** Which bot message was about which item, so a reply to it updates that item. */
export const botMessages = pgTable(
  'bot_messages',
  {
    channel: channel('channel').notNull(),
    chatId: text('chat_id').notNull(),
    messageId: text('message_id').notNull(),
    itemCode: text('item_code').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.chatId, t.messageId] })],
);

export const snoozes = pgTable(
  'snoozes',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    /** Snoozed through this local day, inclusive. */
    until: day('until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.itemCode] })],
);

export const explanationRequests = pgTable(
  'explanation_requests',
  {
    id: serial('id').primaryKey(),
    itemCode: text('item_code').notNull(),
    requestedById: integer('requested_by_id')
      .notNull()
      .references(() => people.id),
    askedPersonId: integer('asked_person_id').references(() => people.id),
    requestedAt: ts('requested_at').notNull(),
    answeredAt: ts('answered_at'),
    answer: text('answer'),
    requesterNotifiedAt: ts('requester_notified_at'),
  },
  (t) => [
    index('explanations_asked_idx')
      .on(t.askedPersonId)
      .where(sql`${t.answeredAt} is null`),
    uniqueIndex('explanations_open_uq')
      .on(t.itemCode, t.requestedById)
      .where(sql`${t.answeredAt} is null`),
  ],
);

/** Reminder rules: one row with program_id null for the defaults, one per programme override. */
export const reminderRules = pgTable('reminder_rules', {
  id: serial('id').primaryKey(),
  programId: integer('program_id')
    .unique()
    .references(() => programs.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').notNull(),
});

export const holidays = pgTable('holidays', {
  day: day('day').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
});

/** The last reminder slot each schedule completed; advanced by a guarded upsert so a slot runs once. */
export const reminderCycles = pgTable('reminder_cycles', {
  name: text('name').primaryKey(),
  lastSlot: ts('last_slot').notNull(),
  completedAt: ts('completed_at').notNull(),
});

/** Durable outbox: one row per planned message; the idempotency key makes planning twice send once. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    channel: channel('channel').notNull(),
    chatId: text('chat_id').notNull(),
    kind: reminderKind('kind').notNull(),
    payload: jsonb('payload').notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    lockedUntil: ts('locked_until'),
    sentAt: ts('sent_at'),
    externalMessageId: text('external_message_id'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_key_channel_uq').on(t.idempotencyKey, t.channel),
    index('outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Group chats (a steering committee's) that get the daily province digest: programme counts and the
 * agencies most behind, never anyone's own items. A leader or admin turns it on in the group.
 */
export const groupDigests = pgTable(
  'group_digests',
  {
    id: serial('id').primaryKey(),
    channel: channel('channel').notNull(),
    /** The group chat (Telegram: a negative number). */
    chatId: text('chat_id').notNull(),
    subscribedById: integer('subscribed_by_id').references(() => people.id, { onDelete: 'set null' }),
    /** The language the digest is written in: the one the subscribing command was written in. */
    lang: lang('lang').notNull().default('vi'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('group_digests_chat_uq').on(t.channel, t.chatId)],
);

/** Inbound updates already handled, so a redelivery (Zalo, Telegram webhook retry) is processed once. */
export const inboundSeen = pgTable(
  'inbound_seen',
  {
    channel: channel('channel').notNull(),
    key: text('key').notNull(),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.key] })],
);

/**
 * Messages the bot did not understand or had to ask about, kept so an admin can label them in the
 * console (/unread) and add them to the parser's training corpus. Only admins see them.
 */
export const unreadMessages = pgTable(
  'unread_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    text: text('text').notNull(),
    role: role('role').notNull(),
    channel: channel('channel').notNull(),
    /** 'unknown', or 'ask' when the bot asked which of two intents was meant. */
    outcome: text('outcome').notNull(),
    /** The intent an admin says it meant; null until labelled. */
    label: text('label'),
    labelledAt: ts('labelled_at'),
  },
  (t) => [index('unread_messages_at_idx').on(t.at)],
);

/** People a programme names as its checkers (besides every admin): who confirms or returns a "done". */
export const programCheckers = pgTable(
  'program_checkers',
  {
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.programId, t.personId] })],
);

/** Evidence files, one copy per content: the same photo sent twice is stored once. */
export const files = pgTable(
  'files',
  {
    id: serial('id').primaryKey(),
    /** sha256 of the bytes, hex. */
    sha256: text('sha256').notNull().unique(),
    name: text('name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [check('files_size', sql`${t.size} = octet_length(${t.bytes})`)],
);

/** A file attached to an item, with the history row of the update it came with (null: sent alone). */
export const evidence = pgTable(
  'evidence',
  {
    id: serial('id').primaryKey(),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id),
    taskId: integer('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    targetId: integer('target_id').references(() => targets.id, { onDelete: 'cascade' }),
    historyId: bigint('history_id', { mode: 'number' }).references(() => history.id, {
      onDelete: 'set null',
    }),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The name it was sent under (the stored file keeps the first one). */
    name: text('name').notNull(),
    at: ts('at').notNull(),
    channel: channel('channel'),
    messageId: text('message_id'),
  },
  (t) => [
    check('evidence_one_item', sql`(${t.taskId} is null) <> (${t.targetId} is null)`),
    index('evidence_task_idx').on(t.taskId),
    index('evidence_target_idx').on(t.targetId),
    // A redelivered chat message attaches its file once.
    uniqueIndex('evidence_message_uq').on(t.channel, t.messageId),
  ],
);

/**
 * The counts behind the summary and the dashboard, kept by triggers on tasks and targets in the same
 * transaction as every write (update, import, re-assignment, roll-up): how many items of a level sit
 * in each programme × agency × work status × due day × finished-late × awaiting confirmation. Deadline states change with the
 * date alone, so "overdue at D" is a sum over the open rows due before D (src/store/counts.ts reads
 * it with the same rule as a full count). A cache: `dondoc check` compares it with a recount and
 * `dondoc recount` (and the nightly job) rebuilds it. Late is judged in Asia/Ho_Chi_Minh.
 */
export const countRollup = pgTable(
  'count_rollup',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    level: text('level').notNull(),
    programId: integer('program_id').notNull(),
    agencyId: integer('agency_id').notNull(),
    status: itemStatus('status').notNull(),
    dueDate: day('due_date'),
    late: boolean('late').notNull(),
    /** Reported done, waiting for a checker's confirmation (awaiting_since set). */
    awaiting: boolean('awaiting').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    check('count_rollup_level', sql`${t.level} in ('target', 'task')`),
    unique('count_rollup_key_uq')
      .on(t.level, t.programId, t.agencyId, t.status, t.dueDate, t.late, t.awaiting)
      .nullsNotDistinct(),
  ],
);

/**
 * Console sessions: the cookie holds a random id, the database only its sha256, so a leaked table opens
 * nothing. A session ends when revoked (logout, password change) or idle too long (src/store/console-auth.ts).
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    /** Null: the bootstrap administrator (WEB_ADMIN_PASSWORD). */
    personId: integer('person_id').references(() => people.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('console_sessions_person_idx').on(t.personId)],
);

/** A person's console password, as `scrypt$salt$hash` (hex); set through a one-time link. */
export const consolePasswords = pgTable('console_passwords', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  setAt: ts('set_at').notNull(),
});

/** WEB_ADMIN_PASSWORD's hash as last seen at start-up: a different password revokes the admin's sessions. */
export const consoleBootstrap = pgTable(
  'console_bootstrap',
  {
    id: smallint('id').primaryKey().default(1),
    hash: text('hash').notNull(),
    setAt: ts('set_at').notNull(),
  },
  (t) => [check('console_bootstrap_one', sql`${t.id} = 1`)],
);

/** One-time console tokens: a link to set a password ('invite') or a code sent by chat ('code'); sha256 only. */
export const consoleTokens = pgTable(
  'console_tokens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [
    index('console_tokens_person_idx').on(t.personId),
    check('console_tokens_kind', sql`${t.kind} in ('invite', 'code')`),
  ],
);

/**
 * Failed-login counters per key ('account:P02', 'address:10.0.0.9', 'global'), shared by every process:
 * the back-off and the hourly ceiling hold however many servers answer /login.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    hourStart: ts('hour_start').notNull(),
    hourFailures: integer('hour_failures').notNull().default(0),
    lockedUntil: ts('locked_until'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('login_throttle_updated_idx').on(t.updatedAt)],
);
