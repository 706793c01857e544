// The composition root for the command line: the only module that reads process.env, argv and signals.
import { createInterface } from 'node:readline';
import { clockFrom, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { makeContext, type Io } from './cli/context.ts';
import { runCli } from './cli/run.ts';

const io: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
};

const shutdownSteps: Array<() => Promise<void>> = [];
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  io.err(`${signal}: shutting down`);
  for (const step of shutdownSteps) {
    try {
      await step();
    } catch (err) {
      io.err(`shutdown step failed: ${(err as Error).message}`);
    }
  }
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

const code = await runCli(process.argv.slice(2), io, () => {
  const config = loadConfig(process.env);
  return makeContext(config, createLogger(config.LOG_LEVEL), clockFrom(config), io, (step) =>
    shutdownSteps.push(step),
  );
});
process.exitCode = code;
// postgres.js or PGlite may keep the loop alive a little while closing; a finished command does not wait.
if (shutdownSteps.length === 0) setTimeout(() => process.exit(code), 100).unref();
