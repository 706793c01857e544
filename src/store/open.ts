// Chooses and opens the configured database, migrated and ready.
import type { Config } from '../config.ts';
import { fromPostgresUrl, runMigrations, type Database } from './db.ts';
import { openEmbedded } from './embedded.ts';

export interface OpenedDatabase extends Database {
  /** Serve embedded files to other local processes (no-op on a server). */
  expose(): Promise<number | null>;
}

export async function openDatabase(
  cfg: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  mode: 'serve' | 'client',
  opts: { migrate?: boolean } = {},
): Promise<OpenedDatabase> {
  if (cfg.DATABASE_URL) {
    const database = fromPostgresUrl(cfg.DATABASE_URL);
    if (opts.migrate !== false) await runMigrations(database, cfg.DATABASE_URL);
    return { ...database, expose: async () => null };
  }
  const embedded = await openEmbedded({ dataDir: cfg.DATA_DIR, mode });
  try {
    if (opts.migrate !== false) await runMigrations(embedded, embedded.url);
  } catch (err) {
    await embedded.close();
    throw err;
  }
  return embedded;
}
