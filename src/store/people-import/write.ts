// Writing a checked people import: one transaction, people inserted or updated by code, agency heads
// set, one audit_log row per person written.
import { eq, inArray } from 'drizzle-orm';
import type { AgencyCode } from '../../core/types.ts';
import type { Tx } from '../db.ts';
import { agencies, auditLog, people } from '../schema.ts';
import type { PersonEntry } from './plan.ts';

export async function writePeople(
  tx: Tx,
  entries: PersonEntry[],
  heads: Map<AgencyCode, string>,
  opts: { now: Date; actor: string },
): Promise<void> {
  const codes = [...new Set(entries.map((e) => e.after.agency))];
  const agencyId = new Map(
    codes.length === 0
      ? []
      : (
          await tx
            .select({ id: agencies.id, code: agencies.code })
            .from(agencies)
            .where(inArray(agencies.code, codes))
        ).map((a) => [a.code, a.id]),
  );
  for (const e of entries) {
    if (e.before !== null && e.changes.length === 0) continue;
    const values = {
      fullName: e.after.name,
      agencyId: agencyId.get(e.after.agency)!,
      titleVi: e.after.title,
      role: e.after.role,
      phone: e.after.phone,
      lang: e.after.lang,
    };
    const before = e.before;
    const [written] =
      before === null
        ? await tx
            .insert(people)
            .values({ code: e.after.code, ...values })
            .returning({ id: people.id })
        : await tx.update(people).set(values).where(eq(people.id, before.id)).returning({ id: people.id });
    await tx.insert(auditLog).values({
      at: opts.now,
      personId: written!.id,
      actor: opts.actor,
      action: before === null ? 'import_person' : 'update_person',
      entity: 'person',
      entityCode: e.after.code,
      before: before === null ? null : { ...before, id: undefined },
      after: e.after,
    });
  }
  for (const [agency, code] of heads) {
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.code, code));
    await tx.update(agencies).set({ headPersonId: p!.id }).where(eq(agencies.code, agency));
    await tx.insert(auditLog).values({
      at: opts.now,
      personId: p!.id,
      actor: opts.actor,
      action: 'set_head',
      entity: 'agency',
      entityCode: agency,
      after: { head: code },
    });
  }
}
