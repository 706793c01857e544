// One process owns the PGlite files; others reach them through its loopback Postgres-protocol socket.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DatabaseBusyError } from '../core/errors.ts';
import { fromPglite, fromPostgresUrl, type Database } from './db.ts';
import { templateFor } from './template.ts';

interface LockInfo {
  pid: number;
  port: number | null;
}

const LOCK_FILE = 'dondoc.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, port: info.port ?? null } : null;
  } catch {
    return null;
  }
}

/** Takes the data directory for this process, or tells who holds it. 'wx' makes the take atomic. */
function takeLock(path: string): { taken: true } | { taken: false; holder: LockInfo } {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, port: null }), { flag: 'wx' });
      return { taken: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) return { taken: false, holder };
      // A crashed holder left its lock behind: the files are free.
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseBusyError(`could not take ${path}`);
}

export function socketUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** `serve` must own the files; `client` (CLI commands) goes through the owner's socket when there is one. */
  mode: 'serve' | 'client';
}

export interface EmbeddedDatabase extends Database {
  /** Serves the files to other local dondoc processes; returns the port. */
  expose(): Promise<number>;
  /** The URL migrations need when this is a socket client. */
  url: string | undefined;
}

export async function openEmbedded(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  if (opts.dataDir === 'memory://') {
    return withExpose(fromPglite(await PGlite.create()), null);
  }
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE);
  const lock = takeLock(lockPath);
  if (!lock.taken) {
    const { pid, port } = lock.holder;
    if (opts.mode === 'serve') {
      throw new DatabaseBusyError(`${dir} is already served by dondoc process ${pid}; stop it first`);
    }
    if (port === null) {
      throw new DatabaseBusyError(
        `${dir} is held by process ${pid}, which does not serve it to other processes; wait for it or stop it`,
      );
    }
    const url = socketUrl(port);
    const database = fromPostgresUrl(url, 'socket', 1);
    try {
      await database.db.execute('select 1');
    } catch {
      await database.close();
      throw new DatabaseBusyError(
        `${dir} is held by dondoc process ${pid}, but its socket on port ${port} does not answer`,
      );
    }
    return {
      ...database,
      url,
      expose: () => Promise.reject(new Error('a socket client cannot expose the database')),
    };
  }
  try {
    const template = templateFor(dir);
    const pglite = await PGlite.create(template ? { dataDir: dir, loadDataDir: template } : { dataDir: dir });
    return withExpose(fromPglite(pglite), lockPath);
  } catch (err) {
    rmSync(lockPath, { force: true });
    throw err;
  }
}

function withExpose(database: Database, lockPath: string | null): EmbeddedDatabase {
  let server: PGLiteSocketServer | null = null;
  return {
    ...database,
    url: undefined,
    async expose() {
      if (!database.pglite) throw new Error('no embedded database to expose');
      server = new PGLiteSocketServer({
        db: database.pglite,
        host: '127.0.0.1',
        port: 0,
        maxConnections: 16,
      });
      await server.start();
      const port = Number(server.getServerConn().split(':').pop());
      if (lockPath) writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port }));
      return port;
    },
    async close() {
      if (server) await server.stop();
      await database.close();
      if (lockPath) rmSync(lockPath, { force: true });
    },
  };
}
