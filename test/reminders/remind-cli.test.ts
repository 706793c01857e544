// `dondoc remind`, run in-process through the CLI dispatcher with captured output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxStats } from '../../src/store/outbox.ts';
import { runCommand, type CliRun } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { NOW, TOKEN, quietLogger, registerPeople } from './delivery.ts';

type Run = CliRun;

describe.each(dbKinds())('dondoc remind on %s', (kind) => {
  let t: TestDatabase;
  let fake: FakeTelegramApi;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    await registerPeople(t.db, { except: ['P08'] });
    fake = await startFakeTelegramApi({ token: TOKEN });
  });
  afterAll(async () => {
    await fake.close();
    await t.close();
  });

  const remind = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
    runCommand(['remind', ...args], {
      env: { SEND_RATE_PER_SECOND: '100', ...env },
      now: NOW,
      db: t,
      logger: quietLogger(),
    });

  it('prints one JSON object per planned message with --dry-run --json, and records nothing', async () => {
    const run = await remind(['--dry-run', '--json', '--now', '2025-07-15']);
    expect(run.code).toBe(0);
    expect(run.out.length).toBeGreaterThan(20);
    const lines = run.out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['person', 'channel', 'kind', 'items', 'text', 'buttons']);
      expect(['assignee', 'agency_digest', 'leader_digest', 'escalation']).toContain(l['kind']);
      expect(l['items']).toEqual(expect.arrayContaining([expect.stringMatching(/^[A-Z0-9]+-\d+/)]));
    }
    // P08 never registered: planned, but with nowhere to go.
    expect(lines.filter((l) => l['person'] === 'P08')).toEqual([
      { person: 'P08', channel: null, kind: 'assignee', items: ['NQ57-04.3'], text: null, buttons: [] },
    ]);
    expect(lines.filter((l) => l['person'] !== 'P08').every((l) => l['channel'] === 'telegram')).toBe(true);
    expect(run.err.join('\n')).toMatch(/dry run/);
    expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 0, failed: 0, unreachable: 0 });
  });

  it('enqueues and delivers through the configured bot, then finds nothing new on a second run', async () => {
    const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.url };
    const first = await remind(['--now', '2025-07-15'], env);
    expect(first.code).toBe(0);
    const planned = first.out.filter((l) => !l.includes('(no chat account)')).length;
    expect(fake.sent).toHaveLength(planned);
    expect(first.err.at(-1)).toMatch(new RegExp(`${planned} new in the outbox .*${planned} sent, 0 pending`));
    const second = await remind(['--now', '2025-07-15T10:00:00+07:00'], env);
    expect(second.err.at(-1)).toMatch(/ 0 new in the outbox/);
    expect(fake.sent).toHaveLength(planned);
  });

  it('leaves rows pending when no messenger token is set', async () => {
    const run = await remind(['--now', '2025-07-16']);
    expect(run.code).toBe(0);
    expect(run.err.at(-1)).toMatch(/no messenger token set: left pending/);
    expect((await outboxStats(t.db)).pending).toBeGreaterThan(0);
  });

  it('refuses stray arguments with exit code 2', async () => {
    expect((await remind(['now'])).code).toBe(2);
  });
});
