// Escalation of silent overdue tasks up the agency tree to heads and leaders.
import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../src/core/types.ts';
import {
  type PlanAgency,
  type PlanInput,
  asLocalDate,
  planReminders,
  superiorsOf,
} from '../../src/reminders/index.ts';
import { A, I, P, PG, agencies, input, people, task } from './fixtures.ts';

const escalations = (items: ItemView[], more: Partial<PlanInput> = {}) =>
  planReminders(input({ items, ...more }))
    .messages.filter((m) => m.kind === 'escalation')
    .map((m) => ({ person: m.person, items: m.items }));
const silentSince = (day: string): string => `${day}T16:00:00+07:00`;

describe('escalation of overdue tasks nobody updates', () => {
  it('goes to the head of the assignee’s agency after three silent days', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', updated: silentSince('2025-07-12') })];
    expect(escalations(items)).toEqual([{ person: 'P07', items: ['NQ57-10.1'] }]);
  });

  it('waits while the task was updated less than three days ago', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', updated: silentSince('2025-07-13') })];
    expect(escalations(items)).toEqual([]);
  });

  it('leaves a silent task alone while it is not yet overdue', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-15', updated: silentSince('2025-05-01') })];
    expect(escalations(items)).toEqual([]);
  });

  it('skips the head when the head is the assignee and goes to the parent agency’s head', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', assignee: 'P07' })];
    expect(escalations(items)).toEqual([{ person: 'P02', items: ['NQ57-10.1'] }]);
  });

  it('goes to the parent agency’s head when the assignee’s agency has none', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', assignee: 'P20', agency: 'TTCDS' })];
    expect(escalations(items)).toEqual([{ person: 'P07', items: ['NQ57-10.1'] }]);
  });

  it('goes to every leader when no agency up the tree has a head', () => {
    const headless: PlanAgency[] = agencies.map((a) => ({ ...a, head: null }));
    const items = [task('NQ57-10.1', { due: '2025-07-10' })];
    expect(escalations(items, { agencies: headless })).toEqual([
      { person: 'P02', items: ['NQ57-10.1'] },
      { person: 'P03', items: ['NQ57-10.1'] },
    ]);
  });

  it('goes to the other leaders when the assignee heads the top agency', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', assignee: 'P02', agency: 'UBND' })];
    expect(escalations(items)).toEqual([{ person: 'P03', items: ['NQ57-10.1'] }]);
  });

  it('sends each superior one message a day listing all their escalated tasks, worst first', () => {
    const items = [
      task('NQ57-10.1', { due: '2025-07-10' }),
      task('DA06-03.1', { due: '2025-06-30', assignee: 'P11' }),
      task('NQ57-10.2', { due: '2025-07-01', assignee: 'P20', agency: 'TTCDS' }),
    ];
    expect(escalations(items)).toEqual([{ person: 'P07', items: ['DA06-03.1', 'NQ57-10.2', 'NQ57-10.1'] }]);
  });

  it('escalates even when the assignee snoozed the task', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10' })];
    const snoozes = [{ person: P('P09'), item: I('NQ57-10.1'), until: asLocalDate('2025-07-20') }];
    const plan = planReminders(input({ items, snoozes }));
    expect(plan.messages.map((m) => `${m.person} ${m.kind}`)).toEqual([
      'P07 agency_digest',
      'P07 escalation',
    ]);
  });

  it('follows a programme’s own escalation delay', () => {
    const items = [task('DA06-10.1', { due: '2025-07-10', updated: silentSince('2025-07-10') })];
    const rules = { defaults: input().rules.defaults, byProgram: { [PG('DA06')]: { escalationDays: 7 } } };
    expect(escalations(items, { rules })).toEqual([]);
  });

  it('walks past a head who is not on the roster, and never loops on a cyclic tree', () => {
    const odd: PlanAgency[] = [
      { code: A('SKHCN'), name: agencies[1]!.name, parent: A('TTCDS'), head: P('P99') },
      { code: A('TTCDS'), name: agencies[2]!.name, parent: A('SKHCN'), head: null },
    ];
    const t = task('NQ57-10.1', { due: '2025-07-10' });
    const roster = new Map(people.map((p) => [p.code, p]));
    expect(superiorsOf(t, roster, new Map(odd.map((a) => [a.code, a])))).toEqual(['P02', 'P03']);
  });
});
