// A programme's settings as `dondoc program` shows and changes them. Each setting is a column of
// `programs`; a change is one transaction with its audit_log row, so nothing is half-written.
import { eq } from 'drizzle-orm';
import type { Issuer, Named, ProgramCode } from '../core/types.ts';
import type { Db } from './db.ts';
import { auditLog, programs } from './schema.ts';

export interface ProgramSettings {
  code: ProgramCode;
  name: Named;
  /** The report's issuing body; null = the default (the province's committee, "BAN CHỈ ĐẠO"). */
  issuer: Issuer | null;
}

/** What a change may set; a key left out is kept. */
export type ProgramChange = Partial<Pick<ProgramSettings, 'issuer'>>;

type Row = typeof programs.$inferSelect;

/** The settings a change may touch, as the audit row keeps them (add a new setting here too). */
const changeable = (s: ProgramSettings): ProgramChange => ({ issuer: s.issuer });

function settingsOf(r: Row): ProgramSettings {
  return {
    code: r.code as ProgramCode,
    name: { vi: r.nameVi, en: r.nameEn || r.nameVi },
    issuer: r.issuerBody === null ? null : { superior: r.issuerSuperior ?? '', body: r.issuerBody },
  };
}

/** The programme's settings, or null when no programme has that code. */
export async function programSettings(db: Db, code: string): Promise<ProgramSettings | null> {
  const [r] = await db.select().from(programs).where(eq(programs.code, code.trim().toUpperCase()));
  return r === undefined ? null : settingsOf(r);
}

/** Applies `change` (audited as `actor`) and returns the settings after it; null for an unknown code. */
export async function changeProgramSettings(
  db: Db,
  code: string,
  change: ProgramChange,
  actor: string,
): Promise<ProgramSettings | null> {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(programs)
      .where(eq(programs.code, code.trim().toUpperCase()))
      .for('update');
    if (r === undefined) return null;
    const before = settingsOf(r);
    const set: Partial<Row> = {};
    if (change.issuer !== undefined) {
      set.issuerSuperior = change.issuer?.superior ?? null;
      set.issuerBody = change.issuer?.body ?? null;
    }
    if (Object.keys(set).length === 0) return before;
    const [updated] = await tx.update(programs).set(set).where(eq(programs.id, r.id)).returning();
    const after = settingsOf(updated ?? r);
    await tx.insert(auditLog).values({
      actor,
      action: 'program_settings',
      entity: 'program',
      entityCode: r.code,
      before: changeable(before),
      after: changeable(after),
    });
    return after;
  });
}
