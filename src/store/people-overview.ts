// The console's people page: everyone, where they are registered, when the bot last heard from them.
import { sql } from 'drizzle-orm';
import type { AgencyCode, Messenger, PersonCode, Role } from '../core/types.ts';
import { rows, type DbOrTx } from './db.ts';

export interface PersonOverview {
  code: PersonCode;
  name: string;
  role: Role;
  title: string;
  agency: AgencyCode;
  agencyName: string;
  phone: string | null;
  /** The messengers the person registered on, with when. */
  accounts: Array<{ channel: Messenger; registeredAt: Date }>;
  /**
   * The latest of: a registration, an update or explanation they sent, a conversation of theirs that
   * moved (a confirmation asked, a list paged). Null: never heard from on a messenger.
   */
  lastSeen: Date | null;
  /** Heads their agency (gets its digest and escalations). */
  head: boolean;
  /** An unused, unexpired invite code is out. */
  invitePending: boolean;
}

export async function peopleOverview(db: DbOrTx, now: Date): Promise<PersonOverview[]> {
  const list = await rows<{
    code: string;
    full_name: string;
    role: Role;
    title_vi: string;
    agency: string;
    agency_vi: string;
    phone: string | null;
    accounts: Array<{ channel: Messenger; at: string }> | null;
    last_history: string | Date | null;
    last_turn: string | Date | null;
    head: boolean;
    pending: boolean;
  }>(
    db,
    sql`select pe.code, pe.full_name, pe.role::text as role, pe.title_vi, a.code as agency,
          a.name_vi as agency_vi, pe.phone, (a.head_person_id = pe.id) is true as head,
          (select json_agg(json_build_object('channel', c.channel, 'at', c.registered_at) order by c.channel)
             from chat_accounts c where c.person_id = pe.id and c.channel in ('telegram', 'zalo')) as accounts,
          (select max(h.at) from history h where h.person_id = pe.id and h.channel in ('telegram', 'zalo')) as last_history,
          (select max(cv.updated_at) from conversations cv join chat_accounts c
             on c.channel = cv.channel and c.chat_id = cv.chat_id where c.person_id = pe.id) as last_turn,
          exists (select 1 from invites i where i.person_id = pe.id and i.used_at is null
             and i.expires_at > ${now.toISOString()}::timestamptz) as pending
        from people pe join agencies a on a.id = pe.agency_id order by pe.code`,
  );
  return list.map((r) => {
    const accounts = (r.accounts ?? []).map((x) => ({ channel: x.channel, registeredAt: new Date(x.at) }));
    const seen = [...accounts.map((x) => x.registeredAt), r.last_history, r.last_turn]
      .filter((d) => d !== null)
      .map((d) => new Date(d).getTime());
    return {
      code: r.code as PersonCode,
      name: r.full_name,
      role: r.role,
      title: r.title_vi,
      agency: r.agency as AgencyCode,
      agencyName: r.agency_vi,
      phone: r.phone,
      accounts,
      lastSeen: seen.length > 0 ? new Date(Math.max(...seen)) : null,
      head: r.head,
      invitePending: r.pending,
    };
  });
}
