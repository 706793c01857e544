// A migrated, empty PGlite data directory kept as a tarball, so a new DATA_DIR opens in about a second.
//
// PGlite initialises a new cluster inside WebAssembly: 4–13 s on this project's machines, which would
// make the first `npm start` miss its 10-second target. `npm install` runs `dondoc prepare`, which pays
// that cost once and saves the result; a new DATA_DIR is then unpacked from it. A template made by an
// older checkout is still fine: the migrations that follow every open bring it up to date.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { fromPglite, runMigrations } from './db.ts';

/** In node_modules/.cache: rebuilt by every install, never committed, removed with node_modules. */
export const TEMPLATE_FILE = fileURLToPath(
  new URL('../../node_modules/.cache/dondoc/pglite-template.tar.gz', import.meta.url),
);

/** Builds the template (a new cluster with every migration applied) and writes it atomically. */
export async function writeTemplate(file: string = TEMPLATE_FILE): Promise<number> {
  const database = fromPglite(await PGlite.create());
  try {
    await runMigrations(database);
    const dump = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await dump.arrayBuffer());
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
    return bytes.length;
  } finally {
    await database.close();
  }
}

/** The template to unpack into `dataDir`, when that directory holds no cluster yet and one was prepared. */
export function templateFor(dataDir: string, file: string = TEMPLATE_FILE): Blob | null {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !existsSync(file)) return null;
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    return null; // unreadable: PGlite initialises the directory itself, only slower
  }
}
