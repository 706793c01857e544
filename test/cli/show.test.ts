// `dondoc show CODE --json`: one target or task as the store holds it (cli-and-env.md's shape).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');

describe.each(dbKinds())('dondoc show on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind, 'demo');
  });
  afterAll(() => db.close());

  const show = async (code: string, now = '2025-07-15') => {
    const run = await runCommand(['show', code, '--json', '--now', now], { db, now: NOW });
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    return JSON.parse(run.out[0]!) as Record<string, unknown>;
  };

  it('a target measured by an indicator takes its progress from it (41 of 68 communes: 60 %)', async () => {
    expect(await show('nq57-12')).toEqual({
      code: 'NQ57-12',
      kind: 'target',
      program: 'NQ57',
      title_vi: 'Phủ sóng 5G đến 100% xã, phường',
      title_en: '5G coverage in 100% of communes and wards',
      lead_agency: 'SKHCN',
      co_agencies: [],
      assignee: null,
      deliverable: null,
      due_text: null,
      due_date: '2025-09-30',
      deadline_state: 'open_in_time',
      status: 'in_progress',
      progress: 60,
      completed_at: null,
      indicator: { unit: 'xã', target_value: 68, current_value: 41 },
      field: null,
      note: null,
      target: null,
      tasks: ['NQ57-12.1', 'NQ57-12.2', 'NQ57-12.3', 'NQ57-12.4'],
    });
  });

  it('a task finished after its due day is done late, with the time it was finished', async () => {
    const task = await show('NQ57-06.1');
    expect(task).toMatchObject({
      kind: 'task',
      target: 'NQ57-06',
      lead_agency: 'SNV',
      assignee: 'P16',
      due_date: '2025-06-15',
      deadline_state: 'done_late',
      status: 'done',
      progress: 100,
      completed_at: '2025-06-21T01:17:43.000Z',
      indicator: null,
      tasks: [],
    });
  });

  it('the deadline state is read at --now: in time before the due day, overdue after it', async () => {
    expect((await show('NQ57-12.2', '2025-07-31')).deadline_state).toBe('open_in_time');
    expect((await show('NQ57-12.2', '2025-08-01')).deadline_state).toBe('open_overdue');
  });

  it('an unknown code fails with one line, a missing code is bad usage', async () => {
    const missing = await runCommand(['show', 'NQ57-99', '--json'], { db, now: NOW });
    expect(missing.code).toBe(1);
    expect(missing.out).toEqual([]);
    expect(missing.err).toEqual(['error: no target or task NQ57-99']);
    expect((await runCommand(['show'], { db, now: NOW })).code).toBe(2);
  });
});
