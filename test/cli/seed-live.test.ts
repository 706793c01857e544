// `seed-demo` on a live database adds only what is missing, `--reset` asks first, and `check` holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T09:00:00+07:00');

describe.each(dbKinds())('seed-demo and check on a live %s database', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  const run = (...argv: string[]) =>
    runCommand(argv, { env: { DONDOC_NOW: NOW.toISOString() }, now: NOW, db: t });
  const task = async (code: string) =>
    (
      await rows<{ status: string; progress: number }>(
        t.db,
        `select status::text, progress from tasks where code = '${code}'` as never,
      )
    )[0];
  const historyCount = async () =>
    (await rows<{ n: number }>(t.db, 'select count(*)::int n from history' as never))[0]!.n;

  it('check passes on the demo as loaded', async () => {
    const r = await run('check');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/every task agrees/);
  });

  it('keeps staff updates when the demo is loaded again', async () => {
    expect((await run('ask', 'NQ57-06.3 100% đã tích hợp xong', '--as', 'P09')).code).toBe(0);
    expect((await run('ask', 'NQ57-16.3 vướng chờ Bộ cấp quyền kết nối', '--as', 'P09')).code).toBe(0);
    expect(await task('NQ57-06.3')).toEqual({ status: 'done', progress: 100 });
    expect(await task('NQ57-16.3')).toMatchObject({ status: 'blocked' });
    const before = await historyCount();

    const seeded = await run('seed-demo');
    expect(seeded.code).toBe(0);
    expect(seeded.err.join('\n')).toMatch(/added 0 programmes.*0 tasks, 0 updates.*178 tasks already/);
    expect(await task('NQ57-06.3')).toEqual({ status: 'done', progress: 100 });
    expect(await task('NQ57-16.3')).toMatchObject({ status: 'blocked' });
    expect(await historyCount()).toBe(before);
    expect((await run('check')).code).toBe(0);
  });

  it('adds a task that is missing without touching the rest', async () => {
    await t.db.execute(
      "delete from history where task_id = (select id from tasks where code = 'NQ57-01.1')" as never,
    );
    await t.db.execute("delete from tasks where code = 'NQ57-01.1'" as never);
    const seeded = await run('seed-demo');
    expect(seeded.err.join('\n')).toMatch(/1 tasks/);
    expect(await task('NQ57-01.1')).toBeDefined();
    expect(await task('NQ57-06.3')).toEqual({ status: 'done', progress: 100 });
    expect((await run('check')).code).toBe(0);
  });

  it('check names a task whose row disagrees with its history, and exits 1', async () => {
    // NQ57-40 has no indicator, so its progress is the average of its tasks and follows the bad row.
    await t.db.execute("update tasks set progress = 55 where code = 'NQ57-40.3'" as never);
    const r = await run('check', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out[0]!) as { ok: boolean; problems: { code: string; kind: string }[] };
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'NQ57-40.3', kind: 'task_vs_history' }),
    );
    expect(report.problems).toContainEqual(
      expect.objectContaining({ code: 'NQ57-40', kind: 'target_rollup' }),
    );
  });

  it('check names kept counts that drifted from a recount, and recount heals them', async () => {
    await t.db.execute(
      'update count_rollup set n = n + 2 where id = (select min(id) from count_rollup where n > 0)' as never,
    );
    const r = await run('check', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out[0]!) as { problems: { kind: string; detail: string }[] };
    const drift = report.problems.filter((p) => p.kind === 'count_rollup');
    expect(drift).toHaveLength(1);
    expect(drift[0]!.detail).toMatch(/a recount says/);
    const healed = await run('recount');
    expect(healed.code).toBe(0);
    expect(healed.out.join('\n')).toMatch(/buckets rebuilt/);
    const after = JSON.parse((await run('check', '--json')).out[0]!) as { problems: { kind: string }[] };
    expect(after.problems.filter((p) => p.kind === 'count_rollup')).toEqual([]);
  });

  it('--reset refuses without --yes and changes nothing', async () => {
    const before = await historyCount();
    const r = await run('seed-demo', '--reset');
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/--reset --yes/);
    expect(await historyCount()).toBe(before);
  });

  it('--reset --yes starts over from the demo files', async () => {
    const r = await run('seed-demo', '--reset', '--yes');
    expect(r.code).toBe(0);
    expect(await task('NQ57-06.3')).toEqual({ status: 'in_progress', progress: 30 });
    expect(await historyCount()).toBe(249);
    expect((await run('check')).code).toBe(0);
  });
});
