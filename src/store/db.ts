// Opens the database: postgres.js for a server, PGlite embedded otherwise; one drizzle type for both.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: store functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  /** `pglite`: this process owns the files; `socket`: another dondoc serves them; `postgres`: a server. */
  kind: 'pglite' | 'postgres' | 'socket';
  /** The embedded instance, when this process holds it (to expose it on a socket). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Migrations, the demo seed and imports take this transaction-level advisory lock, so two processes
 * starting together, or an import during a seed, never interleave.
 */
export const SCHEMA_LOCK = 0x646f6e64; // "dond"

/** Told of every statement sent (its SQL and parameters): the plan checks and the round-trip counts. */
export type QueryListener = (query: string, params: unknown[]) => void;

const listening = (onQuery?: QueryListener) => (onQuery ? { logger: { logQuery: onQuery } } : {});

export function fromPglite(pglite: PGlite, onQuery?: QueryListener): Database {
  return {
    db: drizzlePglite({ client: pglite, schema, ...listening(onQuery) }) as unknown as Db,
    kind: 'pglite',
    pglite,
    close: () => pglite.close(),
  };
}

export function fromPostgresUrl(
  url: string,
  kind: 'postgres' | 'socket' = 'postgres',
  max = 10,
  onQuery?: QueryListener,
): Database {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // Dates and numerics come back as strings from raw SQL; the store converts where it reads them.
    connection: { application_name: 'dondoc' },
  });
  return {
    db: drizzlePostgres({ client, schema, ...listening(onQuery) }) as unknown as Db,
    kind,
    pglite: null,
    close: () => client.end({ timeout: 5 }),
  };
}

export async function runMigrations(database: Database, url?: string): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (url === undefined) throw new Error('runMigrations needs the connection URL for a server');
  // Session-level advisory lock on a dedicated connection: concurrent starters wait, then find nothing to do.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${SCHEMA_LOCK})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
    await client`select pg_advisory_unlock(${SCHEMA_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Rows of a raw query, the same shape from PGlite and postgres.js. */
export async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export async function ping(db: Db): Promise<boolean> {
  const r = await rows<{ ok: number }>(db, sql`select 1 as ok`);
  return r[0]?.ok === 1;
}
