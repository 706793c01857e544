// The planner on the demo province at its reference moment, against the README's numbers.
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/core/reply.ts';
import {
  daysBetween,
  leaderDigest,
  localDate,
  planReminders,
  renderContext,
  renderReminder,
} from '../../src/reminders/index.ts';
import { demoInput } from './demo.ts';

// The demo README's reference moment: Tuesday 15 July 2025, 08:00 in Hà Nội.
const input = demoInput(new Date('2025-07-15T01:00:00Z'));
const plan = planReminders(input);
const today = plan.localDay;

describe('the demo province on 15 July 2025 at 08:00', () => {
  it('is a working day, so reminders go out', () => {
    expect(plan.localDay).toBe('2025-07-15');
    expect(plan.skipped).toBeNull();
  });

  it('has the README’s programme numbers: NQ57 17/43 done (39.5%), 9 overdue, 3 due this week', () => {
    const digest = leaderDigest(
      input.items,
      today,
      input.programs.map((p) => p.code),
    );
    expect(digest.programs).toEqual([
      { program: 'NQ57', total: 43, done: 17, overdue: 9, dueThisWeek: 3, percentDone: 39.5 },
      { program: 'DA06', total: 12, done: 5, overdue: 3, dueThisWeek: 1, percentDone: 41.7 },
      { program: 'CDS25', total: 15, done: 6, overdue: 3, dueThisWeek: 1, percentDone: 40 },
    ]);
  });

  it('lists the 15 overdue targets in every leader digest, most overdue first', () => {
    const digests = plan.messages.filter((m) => m.kind === 'leader_digest');
    expect(digests.map((m) => m.person)).toEqual(['P01', 'P02', 'P03', 'P04']);
    const items = digests[0]?.items ?? [];
    expect(items).toHaveLength(15);
    expect(items.filter((c) => c.startsWith('NQ57-'))).toHaveLength(9);
    const due = items.map((c) => input.items.find((i) => i.code === c)?.dueDate ?? '');
    expect([...due].sort()).toEqual(due);
  });

  it('reminds the assignee of each of the 20 overdue NQ57 tasks, unless they updated it in the last two days', () => {
    const overdue = input.items.filter(
      (i) =>
        i.kind === 'task' &&
        i.program === 'NQ57' &&
        i.status !== 'done' &&
        i.dueDate !== null &&
        i.dueDate < today,
    );
    expect(overdue).toHaveLength(20);
    const reminded = new Set(plan.messages.filter((m) => m.kind === 'assignee').flatMap((m) => m.items));
    const spared = overdue.filter((t) => !reminded.has(t.code));
    expect(spared.map((t) => t.code).sort()).toEqual(['NQ57-08.3', 'NQ57-39.2']);
    for (const t of spared) {
      const own = input.lastUpdateBy.find((u) => u.item === t.code && u.person === t.assignee?.code);
      expect(own && daysBetween(localDate(own.at), today)).toBeLessThanOrEqual(2);
    }
  });

  it('counts 8 overdue tasks in DA06 and 8 in CDS25', () => {
    const overdue = (program: string) =>
      input.items.filter(
        (i) =>
          i.kind === 'task' &&
          i.program === program &&
          i.status !== 'done' &&
          i.dueDate !== null &&
          i.dueDate < today,
      );
    expect(overdue('DA06')).toHaveLength(8);
    expect(overdue('CDS25')).toHaveLength(8);
  });

  it('ranks the Department of Science and Technology most behind, with 10 overdue tasks', () => {
    const digest = leaderDigest(input.items, today);
    expect(digest.agencies[0]).toMatchObject({ agency: 'SKHCN', overdue: 10 });
  });

  it('sends every person at most one message of each kind, in person-then-kind order', () => {
    const keys = plan.messages.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(planReminders(demoInput(new Date('2025-07-15T03:00:00Z')))).toEqual(plan);
  });

  it('renders the chairman’s digest in Vietnamese with the demo’s numbers', () => {
    const ctx = renderContext(input, plan);
    const digest = plan.messages.find((m) => m.person === 'P02' && m.kind === 'leader_digest');
    expect(digest).toBeDefined();
    const lines = renderReminder(digest!, ctx).map(lineText);
    expect(lines[0]).toBe('📊 Tổng hợp ngày 15/07/2025');
    expect(lines[1]).toBe('NQ57: 17/43 chỉ tiêu hoàn thành (39,5%), 9 quá hạn, 3 đến hạn tuần này');
    expect(lines[2]).toBe('DA06: 5/12 chỉ tiêu hoàn thành (41,7%), 3 quá hạn, 1 đến hạn tuần này');
    expect(lines).toContain('1. Sở Khoa học và Công nghệ: 10 việc quá hạn, 50,9% hoàn thành');
  });

  it('renders the same digest in English for an English reader', () => {
    const ctx = renderContext(input, plan);
    const digest = plan.messages.find((m) => m.kind === 'leader_digest');
    const lines = renderReminder({ ...digest!, lang: 'en' }, ctx).map(lineText);
    expect(lines[1]).toBe('NQ57: 17/43 targets done (39.5%), 9 overdue, 3 due this week');
  });

  it('skips the Saturday after', () => {
    expect(planReminders(demoInput(new Date('2025-07-19T08:00:00+07:00'))).skipped).toEqual({
      reason: 'non_working_day',
    });
  });
});
