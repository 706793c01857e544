// Runs a dondoc command in-process through runCli, as bin/dondoc does, on a test database.
import { makeContext, type Io } from '../../src/cli/context.ts';
import { runCli } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import type { TestDatabase } from './db.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export interface CliOptions {
  /** The environment the config is read from; LOG_LEVEL defaults to silent. */
  env?: Record<string, string>;
  now?: Date;
  /** The database the command opens; left open when the command closes "its" connection. */
  db?: TestDatabase;
  logger?: Logger;
  /** Receives the stop steps `serve` registers (what SIGTERM would run). */
  onShutdown?: (step: () => Promise<void>) => void;
}

export async function runCommand(argv: string[], opts: CliOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    stdinLines: async function* () {},
  };
  const now = opts.now ?? new Date();
  const { db } = opts;
  const code = await runCli(argv, io, () =>
    makeContext(
      loadConfig({ LOG_LEVEL: 'silent', ...opts.env }),
      opts.logger ?? createLogger('silent'),
      () => now,
      io,
      opts.onShutdown ?? (() => {}),
      db ? async () => ({ ...db, expose: async () => null, close: async () => {} }) : undefined,
    ),
  );
  return { code, out, err };
}
