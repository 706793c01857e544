// The environment is validated once: a bad value stops the program with one line naming the variable
// and never echoing the value (it may be a secret typed into the wrong variable).
import { describe, expect, it } from 'vitest';
import { clockFrom, ConfigError, loadConfig } from '../../src/config.ts';
import { runCommand } from '../helpers/cli.ts';

const failure = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('gives the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATA_DIR: './data',
      TZ_NAME: 'Asia/Ho_Chi_Minh',
      PORT: 3000,
      HOST: '127.0.0.1',
      REMINDER_CRON: '0 8 * * 1-5',
      REPORT_CRON: '0 8 20 * *',
      SEND_RATE_PER_SECOND: 28.5,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com',
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: must be a port number/],
    [{ PORT: '70000' }, /^PORT: must be a port number/],
    [{ TZ_NAME: 'Asia/Hanoi_City' }, /^TZ_NAME: must be an IANA time zone/],
    [{ REMINDER_CRON: 'every morning' }, /^REMINDER_CRON: must be a node-cron expression/],
    [{ REPORT_CRON: 'monthly' }, /^REPORT_CRON: must be a node-cron expression/],
    [{ CONSOLE_URL: 'dondoc dot gov' }, /^CONSOLE_URL: must be a http\(s\):\/\/ URL/],
    [{ DONDOC_NOW: '15/07/2025' }, /^DONDOC_NOW: must be an ISO date/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ SEND_RATE_PER_SECOND: '-3' }, /^SEND_RATE_PER_SECOND: must be a number of messages per second/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ TELEGRAM_WEBHOOK_SECRET: 'has spaces in it' }, /^TELEGRAM_WEBHOOK_SECRET: must be 1-256 characters/],
    [
      { TELEGRAM_WEBHOOK_URL: 'https://bot.example.vn/telegram/webhook' },
      /^TELEGRAM_WEBHOOK_SECRET: must be set/,
    ],
    [{ ZALO_WEBHOOK_SECRET: 'short' }, /^ZALO_WEBHOOK_SECRET: must be 8-256 characters/],
  ])('rejects %o with one line naming the variable', (env, message) => {
    const text = failure(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
    for (const value of Object.values(env)) expect(text).not.toContain(value);
  });

  it('reads DONDOC_NOW as a fixed clock; a bare date is 08:00 in Hà Nội', () => {
    expect(clockFrom(loadConfig({ DONDOC_NOW: '2025-07-15' }))().toISOString()).toBe(
      '2025-07-15T01:00:00.000Z',
    );
    expect(clockFrom(loadConfig({}))().getTime()).toBeGreaterThan(Date.parse('2025-01-01'));
  });

  it('stops the command line with that one line and exit code 1', async () => {
    const { code, err } = await runCommand(['migrate'], { env: { PORT: 'eighty' } });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^PORT: /)]);
  });
});
