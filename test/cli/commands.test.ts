// The data commands in-process through runCli, on the test database: ask, invite, import/export, usage errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { startFakeTelegramApi } from '../fakes/telegram-api.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');

describe.each(dbKinds())('dondoc commands on %s', (kind) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-cmd-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...argv: string[]) =>
    runCommand(argv, { env: { DONDOC_NOW: NOW.toISOString() }, now: NOW, db: t });

  it('ask answers as the person, in Vietnamese with diacritics', async () => {
    const r = await run('ask', 'mục tiêu NQ57 nào quá hạn?', '--as', 'P02');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/quá hạn/);
    expect(r.out.join('\n')).toMatch(/NQ57-\d\d/);
  });

  it('ask --json prints the intent and the reply as one JSON line', async () => {
    const r = await run('ask', 'tổng hợp tiến độ NQ57', '--as', 'P01', '--json');
    expect(r.out).toHaveLength(1);
    const parsed = JSON.parse(r.out[0]!) as { intent: { intent: string; program: string }; reply: string };
    expect(parsed.intent).toMatchObject({ intent: 'summary', program: 'NQ57' });
    expect(parsed.reply).toContain('17/43');
    expect(parsed.reply).toContain('39,5%');
  });

  it('ask refuses an unknown person with exit 1 and no usage is 2', async () => {
    expect((await run('ask', 'việc của tôi', '--as', 'P99')).code).toBe(1);
    expect((await run('ask', 'việc của tôi')).code).toBe(2);
  });

  it('invite --json prints a code that is stored only as a hash', async () => {
    const r = await run('invite', 'P09', '--json');
    const { person, code } = JSON.parse(r.out[0]!) as { person: string; code: string };
    expect(person).toBe('P09');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    const hits = await rows<{ n: number }>(
      t.db,
      `select count(*)::int n from invites where code_hash = '${code}'` as never,
    );
    expect(hits[0]!.n).toBe(0);
  });

  it('invite prints the Telegram deep link when a bot token is set, and works without it', async () => {
    const fake = await startFakeTelegramApi({ token: '77:invite-test-not-secret' });
    try {
      const env = {
        DONDOC_NOW: NOW.toISOString(),
        TELEGRAM_BOT_TOKEN: '77:invite-test-not-secret',
        TELEGRAM_API_ROOT: fake.url,
      };
      const r = await runCommand(['invite', 'P09'], { env, now: NOW, db: t });
      expect(r.code).toBe(0);
      const code = /: ([A-Z2-9]{8}) \(valid until/.exec(r.out[0]!)?.[1];
      expect(r.out).toContain(`Telegram link: https://t.me/dondoc_test_bot?start=${code}`);
      expect(r.out.join('\n')).not.toContain('invite-test-not-secret');
    } finally {
      await fake.close();
    }
    const plain = await run('invite', 'P09');
    expect(plain.code).toBe(0);
    expect(plain.out.some((l) => l.startsWith('Telegram link:'))).toBe(false);
  });

  it('export writes a report that imports back unchanged, and a bad import changes nothing', async () => {
    const xlsx = join(dir, 'report.xlsx');
    expect((await run('export', xlsx)).code).toBe(0);
    const dry = await run('import', xlsx, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out.at(-1)).toMatch(
      /^Chạy thử, chưa ghi gì: 0 sẽ tạo, 0 sẽ cập nhật, \d+ giữ nguyên, 0 bỏ qua, 0 lỗi$/,
    );

    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'code,target_code,title_vi,title_en,agency_code,assignee_code,due_date,status,progress\n' +
        'NQ57-01.9,NQ57-01,Việc mới,New task,SKHCN,P09,2025-13-40,in_progress,10\n',
    );
    const before = await rows<{ n: number }>(t.db, 'select count(*)::int n from tasks' as never);
    const r = await run('import', bad);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/NQ57-01\.9/);
    expect(await rows<{ n: number }>(t.db, 'select count(*)::int n from tasks' as never)).toEqual(before);
  });
});
