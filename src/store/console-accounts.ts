// Console sign-in state: sessions, people's passwords, the bootstrap admin's password, one-time tokens.
// Only hashes are stored: a session id or token read from a leaked table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PersonCode, Role } from '../core/types.ts';
import { rows, type Db, type DbOrTx } from './db.ts';
import {
  auditLog,
  consoleBootstrap,
  consolePasswords,
  consoleSessions,
  consoleTokens,
  people,
} from './schema.ts';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 32 random bytes, URL-safe: a session id or a one-time link's token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Who a session or token belongs to: a person, or null for the bootstrap admin. */
export interface ConsoleAccount {
  personId: number | null;
  person: PersonCode | null;
}

export async function createSession(db: Db, personId: number | null, now: Date): Promise<string> {
  const token = newToken();
  await db
    .insert(consoleSessions)
    .values({ tokenHash: hashToken(token), personId, createdAt: now, lastSeenAt: now });
  return token;
}

export interface SessionRules {
  /** A session unused this long is over. */
  idleMs: number;
  /** A session this old is over, however busy. */
  maxAgeMs: number;
}

/**
 * The live session for a cookie's token, touching its last-seen time (at most once a minute, so a page
 * with many requests writes once); null when unknown, revoked, idle too long or too old.
 */
export async function liveSession(
  db: DbOrTx,
  token: string,
  now: Date,
  rules: SessionRules,
): Promise<(ConsoleAccount & { id: number }) | null> {
  const idleSince = new Date(now.getTime() - rules.idleMs);
  const bornAfter = new Date(now.getTime() - rules.maxAgeMs);
  const [r] = await rows<{
    id: string | number;
    person_id: number | null;
    code: string | null;
    seen: Date | string;
  }>(
    db,
    sql`select s.id, s.person_id, p.code, s.last_seen_at as seen
          from console_sessions s left join people p on p.id = s.person_id
         where s.token_hash = ${hashToken(token)} and s.revoked_at is null
           and s.last_seen_at > ${idleSince.toISOString()} and s.created_at > ${bornAfter.toISOString()}`,
  );
  if (!r) return null;
  const id = Number(r.id);
  if (now.getTime() - new Date(r.seen).getTime() > 60_000)
    await db.update(consoleSessions).set({ lastSeenAt: now }).where(eq(consoleSessions.id, id));
  return { id, personId: r.person_id, person: (r.code as PersonCode | null) ?? null };
}

export async function revokeSession(db: DbOrTx, token: string, now: Date): Promise<void> {
  await db
    .update(consoleSessions)
    .set({ revokedAt: now })
    .where(and(eq(consoleSessions.tokenHash, hashToken(token)), isNull(consoleSessions.revokedAt)));
}

/** Every open session of a person (or, with null, of the bootstrap admin): after a password change. */
export async function revokeSessionsOf(db: DbOrTx, personId: number | null, now: Date): Promise<number> {
  const who = personId === null ? isNull(consoleSessions.personId) : eq(consoleSessions.personId, personId);
  const done = await db
    .update(consoleSessions)
    .set({ revokedAt: now })
    .where(and(who, isNull(consoleSessions.revokedAt)))
    .returning({ id: consoleSessions.id });
  return done.length;
}

export interface ConsolePerson {
  id: number;
  code: PersonCode;
  role: Role;
  /** `scrypt$salt$hash`, or null before a password was set. */
  passwordHash: string | null;
}

export async function consolePerson(db: DbOrTx, code: string): Promise<ConsolePerson | null> {
  const [r] = await db
    .select({ id: people.id, code: people.code, role: people.role, hash: consolePasswords.hash })
    .from(people)
    .leftJoin(consolePasswords, eq(consolePasswords.personId, people.id))
    .where(eq(people.code, code.toUpperCase()));
  return r ? { id: r.id, code: r.code as PersonCode, role: r.role, passwordHash: r.hash ?? null } : null;
}

/** Sets (or replaces) a person's password and ends every session they had, in one transaction; audited. */
export async function setConsolePassword(db: Db, personId: number, hash: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(consolePasswords)
      .values({ personId, hash, setAt: now })
      .onConflictDoUpdate({ target: consolePasswords.personId, set: { hash, setAt: now } });
    await revokeSessionsOf(tx, personId, now);
    await tx.insert(auditLog).values({
      personId,
      actor: 'console',
      action: 'console_password',
      entity: 'person',
      entityCode: null,
      after: { setAt: now },
    });
  });
}

/** The bootstrap admin's stored hash (last start-up's WEB_ADMIN_PASSWORD), or null. */
export async function bootstrapHash(db: DbOrTx): Promise<string | null> {
  const [r] = await db.select({ hash: consoleBootstrap.hash }).from(consoleBootstrap);
  return r?.hash ?? null;
}

/** A new WEB_ADMIN_PASSWORD: store its hash and end the bootstrap admin's sessions. */
export async function replaceBootstrapHash(db: Db, hash: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx
      .insert(consoleBootstrap)
      .values({ id: 1, hash, setAt: now })
      .onConflictDoUpdate({ target: consoleBootstrap.id, set: { hash, setAt: now } });
    return revokeSessionsOf(tx, null, now);
  });
}

export type TokenKind = 'invite' | 'code';

/** A one-time token for a person; the clear token is returned once. Earlier unused ones of its kind lapse. */
export async function createConsoleToken(
  db: Db,
  personId: number,
  kind: TokenKind,
  token: string,
  now: Date,
  ttlMs: number,
): Promise<Date> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.transaction(async (tx) => {
    await tx
      .update(consoleTokens)
      .set({ usedAt: now })
      .where(
        and(eq(consoleTokens.personId, personId), eq(consoleTokens.kind, kind), isNull(consoleTokens.usedAt)),
      );
    await tx
      .insert(consoleTokens)
      .values({ personId, kind, tokenHash: hashToken(token), createdAt: now, expiresAt });
  });
  return expiresAt;
}

/** The token of this kind, not used and not expired at `now`. */
const live = (token: string, kind: TokenKind, now: Date) =>
  and(
    eq(consoleTokens.tokenHash, hashToken(token)),
    eq(consoleTokens.kind, kind),
    isNull(consoleTokens.usedAt),
    gt(consoleTokens.expiresAt, now),
  );

/** Whose unused, unexpired token this is, without using it (the link's form is shown first). */
export async function tokenOwner(
  db: DbOrTx,
  token: string,
  kind: TokenKind,
  now: Date,
): Promise<{ id: number; code: PersonCode } | null> {
  const [r] = await db
    .select({ id: people.id, code: people.code })
    .from(consoleTokens)
    .innerJoin(people, eq(people.id, consoleTokens.personId))
    .where(live(token, kind, now));
  return r ? { id: r.id, code: r.code as PersonCode } : null;
}

/** Uses a token once: the person it was for, or null when unknown, used, expired or someone else's. */
export async function useConsoleToken(
  db: DbOrTx,
  token: string,
  kind: TokenKind,
  now: Date,
  personId?: number,
): Promise<number | null> {
  const [r] = await db
    .update(consoleTokens)
    .set({ usedAt: now })
    .where(
      and(live(token, kind, now), personId === undefined ? undefined : eq(consoleTokens.personId, personId)),
    )
    .returning({ personId: consoleTokens.personId });
  return r?.personId ?? null;
}

/** An administrator looked at the console as someone else: who, as whom, which page. */
export async function auditViewAs(
  db: DbOrTx,
  adminPersonId: number | null,
  viewed: PersonCode,
  path: string,
  now: Date,
): Promise<void> {
  await db.insert(auditLog).values({
    at: now,
    personId: adminPersonId,
    actor: adminPersonId === null ? 'console-admin' : 'console',
    action: 'view_as',
    entity: 'person',
    entityCode: viewed,
    after: { path: path.slice(0, 512) },
  });
}
