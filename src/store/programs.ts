// A programme's settings as `dondoc program` shows and changes them. Each setting is a column of
// `programs`; a change is one transaction with its audit_log row, so nothing is half-written.
import { eq, inArray } from 'drizzle-orm';
import { UnknownCodeError } from '../core/errors.ts';
import type { Issuer, Named, PersonCode, ProgramCode } from '../core/types.ts';
import type { Db, DbOrTx } from './db.ts';
import { auditLog, people, programCheckers, programs } from './schema.ts';

export interface ProgramSettings {
  code: ProgramCode;
  name: Named;
  /** The report's issuing body; null = the default (the province's committee, "BAN CHỈ ĐẠO"). */
  issuer: Issuer | null;
  /** A reported "done" waits for a checker's confirmation (off by default). */
  confirmation: boolean;
  /** People named as checkers, by code; every admin checks besides them. */
  checkers: PersonCode[];
}

/** What a change may set; a key left out is kept. */
export type ProgramChange = Partial<Pick<ProgramSettings, 'issuer' | 'confirmation' | 'checkers'>>;

type Row = typeof programs.$inferSelect;

/** The settings a change touched, as the audit row keeps them: only the keys it names. */
const changeable = (s: ProgramSettings, change: ProgramChange): ProgramChange =>
  Object.fromEntries(Object.keys(change).map((k) => [k, s[k as keyof ProgramChange]]));

async function settingsOf(db: DbOrTx, r: Row): Promise<ProgramSettings> {
  const named = await db
    .select({ code: people.code })
    .from(programCheckers)
    .innerJoin(people, eq(people.id, programCheckers.personId))
    .where(eq(programCheckers.programId, r.id))
    .orderBy(people.code);
  return {
    code: r.code as ProgramCode,
    name: { vi: r.nameVi, en: r.nameEn || r.nameVi },
    issuer: r.issuerBody === null ? null : { superior: r.issuerSuperior ?? '', body: r.issuerBody },
    confirmation: r.confirmation,
    checkers: named.map((n) => n.code as PersonCode),
  };
}

/** The programme's settings, or null when no programme has that code. */
export async function programSettings(db: DbOrTx, code: string): Promise<ProgramSettings | null> {
  const [r] = await db.select().from(programs).where(eq(programs.code, code.trim().toUpperCase()));
  return r === undefined ? null : settingsOf(db, r);
}

/** Every programme's settings, in code order (the console's programmes page). */
export async function allProgramSettings(db: DbOrTx): Promise<ProgramSettings[]> {
  const all = await db.select().from(programs).orderBy(programs.code);
  return Promise.all(all.map((r) => settingsOf(db, r)));
}

/** Names the programme's checkers (replacing the list); throws UnknownCodeError for a code no one has. */
async function setCheckers(tx: DbOrTx, programId: number, codes: readonly string[]): Promise<void> {
  const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()))];
  const found = wanted.length
    ? await tx.select({ id: people.id, code: people.code }).from(people).where(inArray(people.code, wanted))
    : [];
  const missing = wanted.find((c) => !found.some((f) => f.code === c));
  if (missing !== undefined) throw new UnknownCodeError('person', missing);
  await tx.delete(programCheckers).where(eq(programCheckers.programId, programId));
  if (found.length > 0) {
    await tx.insert(programCheckers).values(found.map((f) => ({ programId, personId: f.id })));
  }
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
    const before = await settingsOf(tx, r);
    const set: Partial<Row> = {};
    if (change.issuer !== undefined) {
      set.issuerSuperior = change.issuer?.superior ?? null;
      set.issuerBody = change.issuer?.body ?? null;
    }
    if (change.confirmation !== undefined) set.confirmation = change.confirmation;
    if (Object.keys(set).length > 0) await tx.update(programs).set(set).where(eq(programs.id, r.id));
    if (change.checkers !== undefined) await setCheckers(tx, r.id, change.checkers);
    const [updated] = await tx.select().from(programs).where(eq(programs.id, r.id));
    const after = await settingsOf(tx, updated ?? r);
    if (JSON.stringify(changeable(after, change)) === JSON.stringify(changeable(before, change)))
      return before;
    await tx.insert(auditLog).values({
      actor,
      action: 'program_settings',
      entity: 'program',
      entityCode: r.code,
      before: changeable(before, change),
      after: changeable(after, change),
    });
    return after;
  });
}
