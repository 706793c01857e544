// The reminder planner's view of confirmation: claims still waiting for a checker, and who checks what.
import { sql } from 'drizzle-orm';
import type { ItemCode, PersonCode, ProgramCode } from '../core/types.ts';
import type { AwaitingClaim, PlanInput } from '../reminders/index.ts';
import { rows, type DbOrTx } from './db.ts';

/** Waiting claims of tasks and targets, in programmes whose confirmation is still on. */
export async function loadAwaitingClaims(db: DbOrTx): Promise<AwaitingClaim[]> {
  const result = await rows<{
    item: string;
    claim: number | string;
    person: string | null;
    at_ms: number | string;
  }>(
    db,
    sql`select w.code as item, h.id as claim, pe.code as person,
               (extract(epoch from h.at) * 1000)::float8 as at_ms
          from (select t.code, t.awaiting_claim_id as claim, g.program_id
                  from tasks t join targets g on g.id = t.target_id where t.awaiting_claim_id is not null
                union all
                select g.code, g.awaiting_claim_id, g.program_id from targets g where g.awaiting_claim_id is not null) w
          join programs p on p.id = w.program_id and p.confirmation
          join history h on h.id = w.claim and h.kind = 'claim'
          left join people pe on pe.id = h.person_id
         order by h.at, h.id`,
  );
  return result.map((r) => ({
    item: r.item as ItemCode,
    claimId: Number(r.claim),
    reporter: (r.person as PersonCode | null) ?? null,
    at: new Date(Number(r.at_ms)),
  }));
}

/** The named checkers of each programme (admins are checkers of every programme by their role). */
export async function loadCheckers(db: DbOrTx): Promise<NonNullable<PlanInput['checkers']>> {
  const result = await rows<{ program: string; person: string }>(
    db,
    sql`select p.code as program, pe.code as person
          from program_checkers c join programs p on p.id = c.program_id join people pe on pe.id = c.person_id
         order by p.code, pe.code`,
  );
  return result.map((r) => ({ program: r.program as ProgramCode, person: r.person as PersonCode }));
}
