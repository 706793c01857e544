// `dondoc assign TASK PERSON`: in-process through runCli on the test database.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');

describe.each(dbKinds())('dondoc assign on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  const run = (...argv: string[]) =>
    runCommand(argv, { env: { DONDOC_NOW: NOW.toISOString() }, now: NOW, db: t });

  const audits = async () =>
    (
      await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'reassign'`)
    )[0]!.n;

  it('re-assigns a task by person code, audited as the command line', async () => {
    const r = await run('assign', 'nq57-12.3', 'P09');
    expect(r).toEqual({
      code: 0,
      out: [
        // Nobody in the demo has a chat account yet: the command says so, for both people.
        '✅ Re-assigned NQ57-12.3 Install 5G stations in remote and border communes: Trịnh Thu Trang → Đặng Quang Huy.\n' +
          '⚠️ Not delivered to Đặng Quang Huy: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite P09”).\n' +
          '⚠️ Not delivered to Trịnh Thu Trang: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite P10”).',
      ],
      err: [],
    });
    const [audit] = await rows<{ actor: string; person: number | null; channel: string }>(
      t.db,
      sql`select actor, person_id as person, channel::text as channel from audit_log where action = 'reassign'`,
    );
    expect(audit).toEqual({ actor: 'cli', person: null, channel: 'cli' });
  });

  it('takes a full name without diacritics and prints JSON', async () => {
    const r = await run('assign', 'NQ57-12.3', 'tran', 'van', 'dat', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toEqual({
      task: 'NQ57-12.3',
      changed: true,
      from: { assignee: 'P09', agency: 'SKHCN' },
      to: { assignee: 'P14', agency: 'CA' },
      notices: [
        '⚠️ Not delivered to Trần Văn Đạt: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite P14”).',
        '⚠️ Not delivered to Đặng Quang Huy: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite P09”).',
      ],
    });
  });

  it('fails in one line, changing nothing, for a target, an unknown task or person; usage is exit 2', async () => {
    const before = await audits();
    expect(await run('assign', 'NQ57-12', 'P09')).toEqual({
      code: 1,
      out: [],
      err: ['error: NQ57-12 is a target, not a task: only tasks are assigned'],
    });
    expect((await run('assign', 'NQ57-99.1', 'P09')).err).toEqual(['error: unknown task: NQ57-99.1']);
    expect((await run('assign', 'NQ57-12.3', 'Nobody')).err).toEqual([
      'error: unknown person: Nobody (write a person code or a full name)',
    ]);
    expect((await run('assign', 'NQ57-12.3')).code).toBe(2);
    expect(await audits()).toBe(before);
  });
});
