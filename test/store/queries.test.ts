import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidUpdateError, UnknownCodeError } from '../../src/core/errors.ts';
import type { Scope } from '../../src/core/ports.ts';
import type {
  ItemCode,
  LocalDate,
  Percent,
  PersonCode,
  ProgramCode,
  AgencyCode,
} from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TODAY = '2025-07-15' as LocalDate;
const NOW = new Date('2025-07-15T08:00:00+07:00');
const all: Scope = { program: null, agency: null };
const nq57: Scope = { program: 'NQ57' as ProgramCode, agency: null };
const code = (c: string) => c as ItemCode;

async function fingerprint(t: TestDatabase): Promise<string> {
  const [r] = await rows<{ f: string }>(
    t.db,
    `select (select count(*) from history)::text || '/' || (select count(*) from audit_log)::text || '/' ||
            (select md5(string_agg(code || status || progress || updated_at::text, ',' order by code)) from tasks) || '/' ||
            (select md5(string_agg(code || status || progress, ',' order by code)) from targets) as f` as never,
  );
  return r!.f;
}

describe.each(dbKinds())('store queries on %s (demo province, %s)', (kind) => {
  let t: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    store = createStore(t.db, () => NOW);
  });
  afterAll(() => t.close());

  it('counts the overdue targets and tasks of each programme as the demo README says', async () => {
    const expected = { NQ57: [9, 20], DA06: [3, 8], CDS25: [3, 8] } as const;
    for (const [program, [targets, tasks]] of Object.entries(expected)) {
      const scope = { program: program as ProgramCode, agency: null };
      expect((await store.overdue(scope, 'target', TODAY)).length).toBe(targets);
      expect((await store.overdue(scope, 'task', TODAY)).length).toBe(tasks);
    }
  });

  it('lists overdue items most overdue first, never done ones and never one due today', async () => {
    const items = await store.overdue(all, 'task', TODAY);
    const dues = items.map((i) => i.dueDate);
    expect(dues).toEqual([...dues].sort());
    expect(items.every((i) => i.status !== 'done' && i.dueDate !== null && i.dueDate < TODAY)).toBe(true);
    const dueToday = await store.dueBetween(all, 'task', { from: TODAY, to: TODAY });
    for (const item of dueToday) expect(items.map((i) => i.code)).not.toContain(item.code);
  });

  it('finds the targets due in the week of 14–20 July per programme', async () => {
    const week = { from: '2025-07-14' as LocalDate, to: '2025-07-20' as LocalDate };
    expect((await store.dueBetween(nq57, 'target', week)).length).toBe(3);
    expect(
      (await store.dueBetween({ program: 'DA06' as ProgramCode, agency: null }, 'target', week)).length,
    ).toBe(1);
  });

  it('treats period boundaries as inclusive local days', async () => {
    const items = await store.dueBetween(all, 'task', {
      from: '2025-06-30' as LocalDate,
      to: '2025-06-30' as LocalDate,
    });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.dueDate === '2025-06-30')).toBe(true);
  });

  it('summarises NQ57 as 17 of 43 targets done', async () => {
    const s = await store.summary(nq57, TODAY, null);
    expect(s.programs).toHaveLength(1);
    expect(s.programs[0]!.targets).toMatchObject({ total: 43, done: 17, overdue: 9 });
    expect(s.programs[0]!.tasks.total).toBe(117);
    const overdueByAgency = s.agencies.map((a) => a.tasks.overdue);
    expect(overdueByAgency).toEqual([...overdueByAgency].sort((a, b) => b - a));
  });

  it('scopes a summary to one agency', async () => {
    const s = await store.summary({ program: null, agency: 'SKHCN' as AgencyCode }, TODAY, null);
    expect(s.agencies.map((a) => a.agency)).toEqual(['SKHCN']);
  });

  it("lists a person's open tasks only", async () => {
    const mine = await store.openTasksOf('P09' as PersonCode);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.assignee?.code === 'P09' && i.status !== 'done')).toBe(true);
  });

  it('shows one item with its target, its tasks and its latest history', async () => {
    const target = await store.item(code('NQ57-12'));
    expect(target?.item.kind).toBe('target');
    expect(target?.children.map((c) => c.code).every((c) => c.startsWith('NQ57-12.'))).toBe(true);
    const task = await store.item(code('NQ57-01.1'));
    expect(task?.parent?.code).toBe('NQ57-01');
    expect(task?.history[0]?.note).toMatch(/tiếp thu/);
    expect(await store.item(code('NQ57-99'))).toBeNull();
  });

  it("gathers a target's recent history from its tasks, newest first, each marked with its task", async () => {
    const target = (await store.item(code('NQ57-12')))!;
    const perTask = await Promise.all(target.children.map((c) => store.item(c.code)));
    const all = perTask
      .flatMap((d) => d!.history.map((h) => ({ at: h.at.getTime(), item: d!.item.code })))
      .sort((a, b) => b.at - a.at);
    expect(all.length).toBeGreaterThan(5);
    expect(target.recent.map((h) => ({ at: h.at.getTime(), item: h.item }))).toEqual(all.slice(0, 5));
    // A task's recent history is its own, unmarked.
    const task = (await store.item(code('NQ57-01.1')))!;
    expect(task.recent).toEqual(task.history.map((h) => ({ ...h, item: null })));
  });

  it('builds the lexicon from programmes and agencies with their aliases', async () => {
    const lex = await store.lexicon();
    expect(lex.programs.find((p) => p.code === 'NQ57')?.aliases).toContain('57-NQ/TW');
    expect(lex.agencies.find((a) => a.code === 'SKHCN')?.aliases).toContain('Sở KH&CN');
  });

  describe('recordUpdate', () => {
    const base = { person: 'P09' as PersonCode, channel: 'cli' as const, messageId: null, note: null };

    it('records history, updates the task, rolls the target up and audits, in one go', async () => {
      const before = await store.item(code('NQ57-03'));
      const task = before!.children.find((c) => c.status !== 'done')!;
      const result = await store.recordUpdate({
        ...base,
        item: task.code,
        at: NOW,
        progress: 100 as Percent,
        status: null,
      });
      expect(result.item).toMatchObject({ status: 'done', progress: 100 });
      expect(result.before).toEqual({ status: task.status, progress: task.progress });
      const after = await store.item(code('NQ57-03'));
      const mean = Math.round(after!.children.reduce((s, c) => s + c.progress, 0) / after!.children.length);
      expect(after!.item.progress).toBe(mean);
      expect(result.target?.progress).toBe(mean);
      const [audit] = await rows<{ n: number }>(
        t.db,
        `select count(*)::int n from audit_log where entity_code = '${task.code}'` as never,
      );
      expect(audit!.n).toBe(1);
    });

    it('marks a target done when its last open task is done', async () => {
      const detail = await store.item(code('NQ57-12'));
      for (const c of detail!.children.filter((c) => c.status !== 'done')) {
        await store.recordUpdate({ ...base, item: c.code, at: NOW, progress: null, status: 'done' });
      }
      expect((await store.item(code('NQ57-12')))!.item.status).toBe('done');
    });

    it('a bare percent means in progress; blocked keeps the progress', async () => {
      const r1 = await store.recordUpdate({
        ...base,
        item: code('DA06-03.1'),
        at: NOW,
        progress: 45 as Percent,
        status: null,
      });
      expect(r1.item).toMatchObject({ status: 'in_progress', progress: 45 });
      const r2 = await store.recordUpdate({
        ...base,
        item: code('DA06-03.1'),
        at: NOW,
        progress: null,
        status: 'blocked',
      });
      expect(r2.item).toMatchObject({ status: 'blocked', progress: 45 });
    });

    it('records a redelivered chat message once', async () => {
      const input = {
        ...base,
        channel: 'zalo' as const,
        messageId: 'm-1',
        item: code('CDS25-04.1'),
        at: NOW,
        progress: 30 as Percent,
        status: null,
      };
      const first = await store.recordUpdate(input);
      const again = await store.recordUpdate(input);
      expect(first.duplicate).toBe(false);
      expect(again.duplicate).toBe(true);
    });

    it.each([
      ['an unknown code', { item: code('NQ57-99.9'), progress: 50 }, UnknownCodeError],
      ['150%', { item: code('NQ57-05.1'), progress: 150 }, InvalidUpdateError],
      ['-5%', { item: code('NQ57-05.1'), progress: -5 }, InvalidUpdateError],
      ['a fractional percent', { item: code('NQ57-05.1'), progress: 12.5 }, InvalidUpdateError],
      [
        'a time in the future',
        { item: code('NQ57-05.1'), progress: 50, at: new Date('2025-07-16T08:00:00+07:00') },
        InvalidUpdateError,
      ],
      ['an unknown person', { item: code('NQ57-05.1'), progress: 50, person: 'P99' }, UnknownCodeError],
      [
        'a note over 2,000 characters',
        { item: code('NQ57-05.1'), progress: 50, note: 'x'.repeat(2001) },
        InvalidUpdateError,
      ],
      ['nothing at all', { item: code('NQ57-05.1'), progress: null }, InvalidUpdateError],
    ])('rejects %s with a typed error and writes nothing', async (_name, over, errorType) => {
      const before = await fingerprint(t);
      const input = { ...base, at: NOW, status: null, ...over } as Parameters<Store['recordUpdate']>[0];
      await expect(store.recordUpdate(input)).rejects.toBeInstanceOf(errorType);
      expect(await fingerprint(t)).toBe(before);
    });
  });
});
