// People, their chat accounts and one-time registration codes (only a hash of each code is stored).
import { createHash, randomInt } from 'node:crypto';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { InviteError, UnknownCodeError } from '../core/errors.ts';
import type { ChatRef, Person } from '../core/ports.ts';
import type { AgencyCode, ChannelName, Lang, PersonCode, Role } from '../core/types.ts';
import { rows, type Db, type DbOrTx } from './db.ts';
import { auditLog, chatAccounts, invites, people } from './schema.ts';

const INVITE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and retyped
const INVITE_LENGTH = 8;
export const INVITE_TTL_DAYS = 7;

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

export interface PersonRow {
  id: number;
  code: string;
  full_name: string;
  role: Role;
  agency: string;
  agency_vi: string;
  agency_en: string;
  agency_kind: string;
  lang: Lang;
}

const PERSON = sql`select pe.id, pe.code, pe.full_name, pe.role::text as role, pe.lang::text as lang,
  a.code as agency, a.name_vi as agency_vi, a.name_en as agency_en, a.kind::text as agency_kind
  from people pe join agencies a on a.id = pe.agency_id`;

export const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  code: r.code as PersonCode,
  name: r.full_name,
  role: r.role,
  agency: r.agency as AgencyCode,
  agencyName: { vi: r.agency_vi, en: r.agency_en },
  lang: r.lang,
  local: r.agency_kind === 'commune' || r.agency_kind === 'ward',
});

export async function personByCode(db: DbOrTx, code: PersonCode): Promise<Person | null> {
  const [r] = await rows<PersonRow>(db, sql`${PERSON} where pe.code = ${code}`);
  return r ? toPerson(r) : null;
}

/** Everyone, by code: the directory a person named in chat is looked up in. */
export async function personDirectory(db: DbOrTx): Promise<Person[]> {
  return (await rows<PersonRow>(db, sql`${PERSON} order by pe.code`)).map(toPerson);
}

/** The person behind a messenger account, as SQL: findSender, and the webhook's gate in the same statement. */
export function senderQuery(channel: ChannelName, externalUserId: string): SQL {
  return sql`${PERSON} join chat_accounts c on c.person_id = pe.id
         where c.channel = ${channel} and c.external_user_id = ${externalUserId}`;
}

export async function findSender(
  db: DbOrTx,
  channel: ChannelName,
  externalUserId: string,
): Promise<Person | null> {
  const [r] = await rows<PersonRow>(db, senderQuery(channel, externalUserId));
  return r ? toPerson(r) : null;
}

function newInviteCode(): string {
  return Array.from({ length: INVITE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join(
    '',
  );
}

/** Makes a one-time code for a person; the clear code is returned once and never stored. */
export async function createInvite(
  db: Db,
  person: PersonCode,
  now: Date,
  ttlDays = INVITE_TTL_DAYS,
): Promise<{ code: string; expiresAt: Date }> {
  const [made] = await createInvites(db, [person], now, ttlDays);
  return made!;
}

/**
 * One fresh code per person, all in one transaction (a sheet of invitations is printed whole or not
 * at all); each audited. Earlier codes stay valid until they expire or are used.
 */
export async function createInvites(
  db: Db,
  persons: readonly PersonCode[],
  now: Date,
  ttlDays = INVITE_TTL_DAYS,
  actor = 'cli',
): Promise<Array<{ person: PersonCode; code: string; expiresAt: Date }>> {
  if (persons.length === 0) return [];
  const found = await db
    .select({ id: people.id, code: people.code })
    .from(people)
    .where(inArray(people.code, [...persons]));
  const idOf = new Map(found.map((p) => [p.code, p.id]));
  const missing = persons.find((p) => !idOf.has(p));
  if (missing) throw new UnknownCodeError('person', missing);
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
  const made = persons.map((person) => ({ person, code: newInviteCode(), expiresAt }));
  await db.transaction(async (tx) => {
    await tx.insert(invites).values(
      made.map((m) => ({
        personId: idOf.get(m.person)!,
        codeHash: hashInviteCode(m.code),
        createdAt: now,
        expiresAt,
      })),
    );
    await tx.insert(auditLog).values(
      made.map((m) => ({
        personId: idOf.get(m.person)!,
        actor,
        action: 'invite',
        entity: 'person',
        entityCode: m.person,
        after: { expiresAt },
      })),
    );
  });
  return made;
}

/** Who has no Telegram or Zalo account linked yet, by code; optionally of one agency or among some codes. */
export async function unregisteredPeople(
  db: DbOrTx,
  filter: { agency?: AgencyCode; people?: readonly PersonCode[] } = {},
): Promise<Person[]> {
  const agency = filter.agency ? sql` and a.code = ${filter.agency}` : sql``;
  const only =
    filter.people && filter.people.length > 0
      ? sql` and pe.code in (${sql.join(
          filter.people.map((c) => sql`${c}`),
          sql`, `,
        )})`
      : sql``;
  const list = await rows<PersonRow>(
    db,
    sql`${PERSON} where not exists (select 1 from chat_accounts c where c.person_id = pe.id
          and c.channel in ('telegram', 'zalo'))${agency}${only} order by pe.code`,
  );
  return list.map(toPerson);
}

/** Links a chat account to the invite's person; the code works once and only before it expires. */
export async function register(
  db: Db,
  code: string,
  account: ChatRef & { externalUserId: string },
  at: Date,
): Promise<Person> {
  const personId = await db.transaction(async (tx) => {
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.codeHash, hashInviteCode(code)))
      .for('update');
    if (!invite) throw new InviteError('unknown');
    if (invite.usedAt) throw new InviteError('used');
    if (invite.expiresAt.getTime() <= at.getTime()) throw new InviteError('expired');
    const [linked] = await tx
      .insert(chatAccounts)
      .values({
        personId: invite.personId,
        channel: account.channel,
        externalUserId: account.externalUserId,
        chatId: account.chatId,
        registeredAt: at,
      })
      .onConflictDoUpdate({
        target: [chatAccounts.channel, chatAccounts.externalUserId],
        set: { personId: invite.personId, chatId: account.chatId, registeredAt: at },
      })
      .returning({ id: chatAccounts.id });
    await tx
      .update(invites)
      .set({ usedAt: at, usedByAccountId: linked!.id })
      .where(eq(invites.id, invite.id));
    await tx.update(people).set({ unreachableSince: null }).where(eq(people.id, invite.personId));
    await tx.insert(auditLog).values({
      personId: invite.personId,
      actor: 'invite',
      channel: account.channel,
      action: 'register',
      entity: 'chat_account',
      entityCode: `${account.channel}:${account.externalUserId}`,
    });
    return invite.personId;
  });
  const [r] = await rows<PersonRow>(db, sql`${PERSON} where pe.id = ${personId}`);
  return toPerson(r!);
}

export async function chatAccountsOf(db: DbOrTx, person: PersonCode) {
  return db
    .select({
      channel: chatAccounts.channel,
      chatId: chatAccounts.chatId,
      externalUserId: chatAccounts.externalUserId,
    })
    .from(chatAccounts)
    .innerJoin(people, eq(people.id, chatAccounts.personId))
    .where(and(eq(people.code, person)));
}
