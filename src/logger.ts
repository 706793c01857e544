// The one logger: pino, structured, with tokens and secrets redacted wherever they might appear.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'code',
  'invite',
  '*.invite',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'dondoc' } },
    // Logs go to stderr so `--json` output on stdout stays machine-readable.
    (destination ?? pino.destination(2)) as pino.DestinationStream,
  );
}

/** Removes anything shaped like a bot token from text that may end up in a log or an error. */
export function scrubSecrets(text: string): string {
  return text
    .replace(/bot[0-9A-Za-z:_-]{8,}/g, 'bot[redacted]')
    .replace(/\d{6,12}:[A-Za-z0-9_-]{30,}/g, '[redacted]');
}
