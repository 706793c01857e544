// One outbox worker in a process of its own, for the crash test: it is killed with SIGKILL, then started again.
// Env: CHILD_DATABASE_URL (Postgres) or CHILD_PGLITE_DIR (an on-disk PGlite), CHILD_API_ROOT (the fake Bot API),
// CHILD_RATE (messages per second), CHILD_LOCK_MS (the lease).
import { PGlite } from '@electric-sql/pglite';
import { startOutboxWorker } from '../../src/reminders/worker.ts';
import { fromPglite, fromPostgresUrl, type Database } from '../../src/store/db.ts';
import { createLogger } from '../../src/logger.ts';
import { telegramChannel } from './delivery.ts';
import type { FakeTelegramApi } from '../fakes/telegram-api.ts';

const env = process.env;
const rate = Number(env['CHILD_RATE'] ?? '50');
const database: Database = env['CHILD_DATABASE_URL']
  ? fromPostgresUrl(env['CHILD_DATABASE_URL'], 'postgres', 2)
  : fromPglite(await PGlite.create({ dataDir: env['CHILD_PGLITE_DIR'] }));
// telegramChannel only reads the fake's url.
const fake = { url: env['CHILD_API_ROOT'] ?? '' } as FakeTelegramApi;
const worker = startOutboxWorker({
  db: database.db,
  channels: telegramChannel(fake, { perSecond: rate, perChatPerSecond: 1 }),
  logger: createLogger(env['CHILD_LOG_LEVEL'] ?? 'silent'),
  lockMs: Number(env['CHILD_LOCK_MS'] ?? '2000'),
  pollMs: 50,
});
process.stdout.write('started\n');
await worker.drain();
await worker.stop();
await database.close();
process.exit(0);
