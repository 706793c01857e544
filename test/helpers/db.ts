// A fresh database per test file, copied from the run's migrated template, on PGlite and on Postgres.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { findInconsistencies } from '../../src/store/check.ts';
import { fromPglite, fromPostgresUrl, type Database } from '../../src/store/db.ts';

export type DbKind = 'pglite' | 'postgres';

/** Store suites run once per kind: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export function dbKinds(): DbKind[] {
  return inject('postgresTemplates') ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** A connection URL (Postgres only) for code that opens its own connections. */
  url: string | null;
}

export async function freshDatabase(
  kind: DbKind,
  template: 'empty' | 'demo' = 'demo',
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplates')[template]);
    const pglite = await PGlite.create({ loadDataDir: new Blob([tar]) });
    return { ...fromPglite(pglite), url: null };
  }
  const pg = inject('postgresTemplates');
  if (!pg) throw new Error('TEST_DATABASE_URL is not set');
  const name = `dondoc_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database ${name} template ${pg[template]}`);
        break;
      } catch (err) {
        // Two files copying the same template at once: Postgres refuses one; it waits and tries again.
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(pg.url);
  u.pathname = `/${name}`;
  const database = fromPostgresUrl(u.toString(), 'postgres', 4);
  return {
    ...database,
    url: u.toString(),
    async close() {
      await database.close();
      const drop = postgres(pg.url, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/**
 * What `dondoc check` verifies, after a suite's traffic: every task agrees with its history, every
 * target with its roll-up, every done item has its finishing time. The harnesses that drive the bot
 * call it before closing, so any suite that leaves the store inconsistent fails.
 */
export async function expectConsistent(db: Database['db']): Promise<void> {
  const problems = await findInconsistencies(db);
  if (problems.length > 0) {
    throw new Error(
      `store inconsistent after the suite:\n${problems.map((p) => `${p.code}: ${p.detail}`).join('\n')}`,
    );
  }
}
