// The one place environment variables are read and validated (shared/spec/cli-and-env.md).
import { z } from 'zod';
import cron from 'node-cron';
import { isZaloSecret } from './channels/zalo/webhook.ts';
import { isIP } from 'node:net';

/** REMINDER_CRON's default: 08:00 on working days. */
export const DEFAULT_REMINDER_CRON = '0 8 * * 1-5';
/** REPORT_CRON's default: the 20th of each month at 08:00 (the next working day when that is not one). */
export const DEFAULT_REPORT_CRON = '0 8 20 * *';

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (what: string) =>
  optionalText.refine((v) => v === undefined || URL.canParse(v), { message: `must be a ${what} URL` });

/** A comma-separated list of IP addresses (no names, no ranges: what the socket reports is compared). */
const addressList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  )
  .refine((list) => list.every((a) => isIP(a.replace(/^\[(.*)\]$/, '$1')) !== 0), {
    message: 'must be a comma-separated list of IP addresses, e.g. 127.0.0.1,10.0.0.5',
  });

const isoInstant = optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
  message: 'must be an ISO date or date-time, e.g. 2025-07-15 or 2025-07-15T08:00:00+07:00',
});

const zone = z
  .string()
  .default('Asia/Ho_Chi_Minh')
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Asia/Ho_Chi_Minh' },
  );

/** A whole number from `min` to `max`, every way of missing it told in the same words. */
const wholeNumber = (min: number, max: number, message: string) =>
  z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });

const schema = z.object({
  DATABASE_URL: url('postgres://'),
  DATA_DIR: z.string().default('./data'),
  TEST_DATABASE_URL: url('postgres://'),
  DONDOC_NOW: isoInstant,
  TZ_NAME: zone,
  PORT: wholeNumber(0, 65535, 'must be a port number 0-65535').default(3000),
  HOST: z.string().default('127.0.0.1'),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: url('https://'),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'must be 1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram rule)',
  }),
  ZALO_BOT_TOKEN: optionalText,
  ZALO_API_ROOT: z.url().default('https://bot-api.zaloplatforms.com'),
  ZALO_WEBHOOK_URL: url('https://'),
  ZALO_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || isZaloSecret(v), {
    message: 'must be 8-256 characters (Zalo rule)',
  }),
  REMINDER_CRON: z
    .string()
    .default(DEFAULT_REMINDER_CRON)
    .refine((v) => cron.validate(v), { message: 'must be a node-cron expression such as "0 8 * * 1-5"' }),
  REPORT_CRON: z
    .string()
    .default(DEFAULT_REPORT_CRON)
    .refine((v) => cron.validate(v), { message: 'must be a node-cron expression such as "0 8 20 * *"' }),
  SEND_RATE_PER_SECOND: z.coerce
    .number({ message: 'must be a number of messages per second, above 0 and at most 1000' })
    .positive({ message: 'must be a number of messages per second, above 0 and at most 1000' })
    .max(1000, { message: 'must be a number of messages per second, above 0 and at most 1000' })
    // Telegram's 30/s with the per-chat rule's 5 % margin (1.05 s): 28.5/s, never 30 in any 1 s window.
    .default(28.5),
  // Telegram's Bot API downloads no file over 20 MB: a higher limit would promise what cannot be kept.
  FILE_MAX_MB: wholeNumber(1, 20, 'must be a whole number of megabytes from 1 to 20').default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_ADMIN_PASSWORD: optionalText,
  /** The console's public address, for the links `dondoc console-invite` prints; unset: http://HOST:PORT. */
  CONSOLE_URL: url('http(s)://'),
  /** The Chromium that prints `dondoc invites --out FILE.pdf`; unset: /usr/bin/chromium and its kin. */
  CHROMIUM_PATH: optionalText,
  TRUST_PROXY: addressList,
  INSECURE_COOKIES: z.enum(['0', '1', '']).default('0'),
  METRICS_ALLOW: addressList,
  METRICS_TOKEN: optionalText.refine((v) => v === undefined || (v.length >= 16 && /^\S+$/.test(v)), {
    message: 'must be at least 16 characters without spaces',
  }),
});

export type Config = z.infer<typeof schema>;

/** A bad environment value; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    const cfg = parsed.data;
    if (cfg.TELEGRAM_WEBHOOK_URL && !cfg.TELEGRAM_WEBHOOK_SECRET) {
      throw new ConfigError('TELEGRAM_WEBHOOK_SECRET: must be set when TELEGRAM_WEBHOOK_URL is set');
    }
    return cfg;
  }
  const issue = parsed.error.issues[0];
  const name = issue?.path.join('.') ?? 'environment';
  // Echo no value: a mistyped variable may hold a secret.
  throw new ConfigError(`${name}: ${issue?.message ?? 'invalid value'}`);
}

/** The process clock: DONDOC_NOW when set, so runs are reproducible. */
export function clockFrom(cfg: Pick<Config, 'DONDOC_NOW'>): () => Date {
  const fixed = cfg.DONDOC_NOW;
  if (fixed === undefined) return () => new Date();
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T08:00:00+07:00` : fixed);
  return () => new Date(at);
}
