// A worker process killed with SIGKILL mid-broadcast and started again: everything arrives, at most one twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { fromPglite, runMigrations, type Database } from '../../src/store/db.ts';
import { enqueue, outboxStats } from '../../src/store/outbox.ts';
import { dbKinds, freshDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { TOKEN, broadcastRows, deliveriesByChat, waitUntil } from './delivery.ts';

const ROOT = join(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'worker-child.ts');
const RECIPIENTS = 200;
const KILL_AFTER = 70;

function startChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { child, exited };
}

describe.each(dbKinds())('a worker process killed mid-broadcast on %s', (kind) => {
  let fake: FakeTelegramApi | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the broadcast after a restart, sending nothing twice but perhaps the one in flight', async () => {
    fake = await startFakeTelegramApi({ token: TOKEN, limits: { perSecond: 30, perChatPerSecond: 1 } });
    // The database the children share: a Postgres database, or PGlite files on disk.
    let env: Record<string, string>;
    let reopen: () => Promise<Database>;
    if (kind === 'postgres') {
      const t = await freshDatabase(kind, 'empty');
      await enqueue(t.db, broadcastRows(RECIPIENTS));
      env = { CHILD_DATABASE_URL: t.url! };
      reopen = async () => t;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'dondoc-crash-'));
      const database = fromPglite(await PGlite.create({ dataDir: dir }));
      await runMigrations(database);
      await enqueue(database.db, broadcastRows(RECIPIENTS));
      await database.close();
      env = { CHILD_PGLITE_DIR: dir };
      const path = dir;
      reopen = async () => fromPglite(await PGlite.create({ dataDir: path }));
    }
    env = { ...env, CHILD_API_ROOT: fake.url, CHILD_RATE: '25', CHILD_LOCK_MS: '1500' };

    const first = startChild(env);
    // Generous: the child starts tsx and opens the database first, slow on a busy 2-core machine.
    await waitUntil(() => fake!.sent.length >= KILL_AFTER, 120_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const atKill = fake.sent.length;
    expect(atKill).toBeLessThan(RECIPIENTS);

    const second = startChild(env);
    expect(await second.exited).toBe(0);

    const counts = deliveriesByChat(fake);
    expect(counts.size).toBe(RECIPIENTS);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(1);
    // No assertion on 429s here: a restarted process's limiter starts with an empty window, so the Bot API
    // may refuse a send or two in the first second after a quick restart; those are retried like any 429.

    const database = await reopen();
    try {
      expect(await outboxStats(database.db)).toEqual({
        pending: 0,
        sent: RECIPIENTS,
        failed: 0,
        unreachable: 0,
      });
    } finally {
      await database.close();
    }
  }, 240_000);
});
