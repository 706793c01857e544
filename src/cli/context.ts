// What every command gets: validated config, a logger, the clock, output streams and a way to open the store.
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { openDatabase, type OpenedDatabase } from '../store/open.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Standard input as lines, for `parse` with no text. */
  stdinLines(): AsyncIterable<string>;
}

export interface CliContext {
  config: Config;
  logger: Logger;
  now: () => Date;
  io: Io;
  openDb(mode?: 'serve' | 'client'): Promise<OpenedDatabase>;
  /** Registers a stop step for SIGINT/SIGTERM; steps run in the order registered. */
  onShutdown(step: () => Promise<void>): void;
}

export function makeContext(
  config: Config,
  logger: Logger,
  now: () => Date,
  io: Io,
  onShutdown: (step: () => Promise<void>) => void,
  openDb: CliContext['openDb'] = (mode = 'client') => openDatabase(config, mode),
): CliContext {
  return { config, logger, now, io, onShutdown, openDb };
}

/** Wrong arguments: exit 2 with the usage line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs `fn` with the database open, closing it whatever happens. */
export async function withDb<T>(ctx: CliContext, fn: (db: OpenedDatabase) => Promise<T>): Promise<T> {
  const db = await ctx.openDb('client');
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `--now` accepts a date (read as 08:00 local, when reminders go out) or a full ISO instant. */
export function parseNow(value: string | undefined, fallback: () => Date): Date {
  if (value === undefined) return fallback();
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T08:00:00+07:00` : value;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new UsageError(`--now: not an ISO date or date-time: ${value}`);
  return at;
}
