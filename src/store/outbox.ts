// The durable outbox's SQL, one operation per function: enqueue, claim, and the four ways a send ends.
//
// A row is `pending` until a worker settles it as `sent`, `failed` or `unreachable`. A reply too long for
// one message goes out in parts, each its own delivery: a pending row's `external_message_id` lists the
// parts delivered so far, so the next attempt resumes after them. Claiming leases it
// (`locked_until`) with FOR UPDATE SKIP LOCKED, so any number of workers, in one process or many, take
// disjoint rows; a worker that dies leaves its lease to expire and the row is claimed again.
import { sql } from 'drizzle-orm';
import type { Reply } from '../core/reply.ts';
import type { StoredFileRef } from '../core/turn.ts';
import type { ItemCode, Messenger } from '../core/types.ts';
import type { ChartRequest, ReportRequest } from '../reminders/model.ts';
import { rows, type DbOrTx } from './db.ts';
import type { OUTBOX_KINDS, OUTBOX_STATUSES } from './schema.ts';

export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What a worker needs to send a row, stored as jsonb. */
export type OutboxPayload = TextPayload | ChartPayload | ReportPayload;

/** A message: the reply to send, with stored files (a checker's evidence) where the messenger takes them. */
export interface TextPayload {
  reply: Reply;
  items: ItemCode[];
  kind: Exclude<OutboxKind, 'leader_chart' | 'leader_report'>;
  /** Sent before or with the reply, by their ids in the files table; absent: the reply alone. */
  files?: StoredFileRef[];
}

/** A photo: the chart is drawn when the row is sent (a retry draws it again); `reply` is its caption. */
export interface ChartPayload {
  reply: Reply;
  items: [];
  kind: 'leader_chart';
  chart: ChartRequest;
}

/**
 * The progress report: rendered when the row is sent, from the store at `report.today` (so a retry
 * renders the same document); a document on a messenger that takes uploads, a summary text elsewhere.
 * `reply` is its caption.
 */
export interface ReportPayload {
  reply: Reply;
  items: [];
  kind: 'leader_report';
  report: ReportRequest;
}

export interface NewOutboxRow {
  /** With `channel`, unique: the same key enqueued twice is kept once. */
  idempotencyKey: string;
  personId: number | null;
  channel: Messenger;
  chatId: string;
  kind: OutboxKind;
  payload: OutboxPayload;
  /** Not sent before this instant (default: at once): a scheduled report waits for a working day. */
  notBefore?: Date;
}

/** A row a worker holds: what was enqueued (its send time passed), with what earlier attempts left. */
export interface ClaimedRow extends Omit<NewOutboxRow, 'notBefore'> {
  id: number;
  /** Including this one: claiming counts an attempt, so a row that crashes its worker cannot loop forever. */
  attempts: number;
  /** The previous attempt's error, if any. */
  lastError: string | null;
  /** Message ids of the parts earlier attempts delivered, in order: the next attempt starts after them. */
  deliveredIds: string[];
}

const iso = (d: Date): string => d.toISOString();
/** Rows per insert statement: keeps one statement's jsonb parameter to a few megabytes. */
const ENQUEUE_CHUNK = 1000;

/** Inserts rows whose (idempotency key, channel) is new; returns how many were new. */
export async function enqueue(db: DbOrTx, items: readonly NewOutboxRow[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < items.length; i += ENQUEUE_CHUNK) {
    const chunk = items.slice(i, i + ENQUEUE_CHUNK).map((r) => ({
      key: r.idempotencyKey,
      person_id: r.personId,
      channel: r.channel,
      chat_id: r.chatId,
      kind: r.kind,
      payload: r.payload,
      not_before: r.notBefore === undefined ? null : iso(r.notBefore),
    }));
    const inserted = await rows<{ id: number }>(
      db,
      sql`insert into outbox (idempotency_key, person_id, channel, chat_id, kind, payload, next_attempt_at)
          select r.key, r.person_id, r.channel::channel, r.chat_id, r.kind::reminder_kind, r.payload,
                 coalesce(r.not_before, now())
            from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
                 as r(key text, person_id int, channel text, chat_id text, kind text, payload jsonb,
                      not_before timestamptz)
          on conflict (idempotency_key, channel) do nothing
          returning id`,
    );
    added += inserted.length;
  }
  return added;
}

interface ClaimRow {
  id: number | string;
  idempotency_key: string;
  person_id: number | null;
  channel: Messenger;
  chat_id: string;
  kind: OutboxKind;
  payload: string;
  attempts: number;
  last_error: string | null;
  external_message_id: string | null;
}

/**
 * Leases up to `limit` due pending rows of `channels` for `lockMs`, oldest first, skipping rows another
 * worker holds. The lease must outlast the send (limiter wait included), or another worker may resend.
 */
export async function claim(
  db: DbOrTx,
  opts: { limit: number; lockMs: number; now: Date; channels?: readonly Messenger[] },
): Promise<ClaimedRow[]> {
  const channels = opts.channels ?? ['telegram', 'zalo'];
  if (channels.length === 0 || opts.limit <= 0) return [];
  const now = iso(opts.now);
  const until = iso(new Date(opts.now.getTime() + opts.lockMs));
  const result = await rows<ClaimRow>(
    db,
    sql`update outbox set locked_until = ${until}::timestamptz, attempts = attempts + 1
         where id in (
           select id from outbox
            where status = 'pending' and next_attempt_at <= ${now}::timestamptz
              and (locked_until is null or locked_until < ${now}::timestamptz)
              and channel::text in (${sql.join(
                channels.map((c) => sql`${c}`),
                sql`, `,
              )})
            order by id
            for update skip locked
            limit ${opts.limit})
        returning id, idempotency_key, person_id, channel::text as channel, chat_id, kind::text as kind,
                  payload::text as payload, attempts, last_error, external_message_id`,
  );
  return result
    .map((r) => ({
      id: Number(r.id),
      idempotencyKey: r.idempotency_key,
      personId: r.person_id === null ? null : Number(r.person_id),
      channel: r.channel,
      chatId: r.chat_id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as OutboxPayload,
      attempts: Number(r.attempts),
      lastError: r.last_error,
      deliveredIds: r.external_message_id ? r.external_message_id.split(',') : [],
    }))
    .sort((a, b) => a.id - b.id);
}

/** Delivered: keeps the channel's message ids (comma-separated when a long reply took several). */
export async function markSent(
  db: DbOrTx,
  id: number,
  externalIds: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  await db.execute(
    sql`update outbox set status = 'sent', sent_at = ${iso(at)}::timestamptz, external_message_id = ${externalIds.join(',')},
               locked_until = null, last_error = null
         where id = ${id}`,
  );
}

/**
 * Some parts of a long reply are delivered (`externalIds`, every one so far): kept on the pending row, so
 * whichever worker tries it next skips them.
 */
export async function markPartsDelivered(
  db: DbOrTx,
  id: number,
  externalIds: readonly string[],
): Promise<void> {
  await db.execute(
    sql`update outbox set external_message_id = ${externalIds.join(',')}
         where id = ${id} and status = 'pending'`,
  );
}

/** Not delivered, try again at `nextAt`: the lease is released so any worker may take it then. */
export async function markRetry(db: DbOrTx, id: number, error: string, nextAt: Date): Promise<void> {
  await db.execute(
    sql`update outbox set next_attempt_at = ${iso(nextAt)}::timestamptz, locked_until = null, last_error = ${error}
         where id = ${id} and status = 'pending'`,
  );
}

/** Given up: stays visible as `failed` with its last error. */
export async function markFailed(db: DbOrTx, id: number, error: string): Promise<void> {
  await db.execute(
    sql`update outbox set status = 'failed', locked_until = null, last_error = ${error}
         where id = ${id}`,
  );
}

/**
 * The chat refuses the bot (blocked, never started): not retried. The person is marked unreachable
 * (for the leaders' digest) unless another messenger they use has not refused too; a channel "refuses"
 * when its latest settled row for the person is `unreachable`.
 */
export async function markUnreachable(
  db: DbOrTx,
  id: number,
  error: string,
  at: Date = new Date(),
): Promise<void> {
  // A group that removed the bot is unsubscribed (and audited) rather than failing every working day.
  await db.execute(
    sql`with o as (
          update outbox set status = 'unreachable', locked_until = null, last_error = ${error}
           where id = ${id}
          returning person_id, channel, chat_id, kind),
        g as (
          delete from group_digests d using o
           where o.kind = 'group_digest' and d.channel = o.channel and d.chat_id = o.chat_id
          returning d.channel, d.chat_id, d.lang),
        a as (
          insert into audit_log (at, actor, channel, action, entity, entity_code, before, after)
          select ${iso(at)}::timestamptz, 'system', g.channel, 'group_digest_off', 'group_chat',
                 g.channel || ':' || g.chat_id, jsonb_build_object('lang', g.lang),
                 jsonb_build_object('reason', 'the group refuses the bot')
            from g)
        update people p set unreachable_since = coalesce(p.unreachable_since, ${iso(at)}::timestamptz)
          from o
         where p.id = o.person_id
           and not exists (
             select 1 from chat_accounts ca
              where ca.person_id = p.id and ca.channel in ('telegram', 'zalo') and ca.channel <> o.channel
                and (p.preferred_channel is null or p.preferred_channel = ca.channel)
                and coalesce((select s.status::text from outbox s
                               where s.person_id = p.id and s.channel = ca.channel
                                 and s.status in ('sent', 'unreachable')
                               order by s.id desc limit 1), 'sent') <> 'unreachable')`,
  );
}

/** Hands back claimed rows that were not sent (a stopping worker, a lease too old to trust): due at once. */
export async function release(db: DbOrTx, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(
    sql`update outbox set locked_until = null, attempts = greatest(attempts - 1, 0)
         where status = 'pending' and id in (${sql.join(
           ids.map((id) => sql`${id}`),
           sql`, `,
         )})`,
  );
}

export interface OutboxStats {
  pending: number;
  sent: number;
  failed: number;
  unreachable: number;
}

/** Row counts by status. */
export async function outboxStats(db: DbOrTx): Promise<OutboxStats> {
  const result = await rows<{ status: OutboxStatus; n: number | string }>(
    db,
    sql`select status::text as status, count(*)::int as n from outbox group by status`,
  );
  const stats: OutboxStats = { pending: 0, sent: 0, failed: 0, unreachable: 0 };
  for (const r of result) stats[r.status] = Number(r.n);
  return stats;
}

/**
 * When the next pending row of `channels` may be claimed (its retry time or the end of another
 * worker's lease), or null when none is pending.
 */
export async function nextPendingAt(db: DbOrTx, channels: readonly Messenger[]): Promise<Date | null> {
  if (channels.length === 0) return null;
  const [r] = await rows<{ at_ms: number | string | null }>(
    db,
    sql`select (extract(epoch from min(greatest(next_attempt_at, coalesce(locked_until, next_attempt_at)))) * 1000)::float8 as at_ms
          from outbox
         where status = 'pending' and channel::text in (${sql.join(
           channels.map((c) => sql`${c}`),
           sql`, `,
         )})`,
  );
  return r?.at_ms === null || r?.at_ms === undefined ? null : new Date(Number(r.at_ms));
}
