// Assignee reminders: grouping, lead days, overdue repeats, snoozes, no-nag, staleness, determinism.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type PlanInput, asLocalDate, planReminders } from '../../src/reminders/index.ts';
import { I, P, PG, input, people, target, task } from './fixtures.ts';

const at = (local: string): Date => new Date(`${local}T08:00:00+07:00`);
const assigneeItems = (overrides: Partial<PlanInput>, person = 'P09'): string[] =>
  planReminders(input(overrides)).messages.find((m) => m.kind === 'assignee' && m.person === person)?.items ??
  [];

describe('assignee reminders', () => {
  it('sends one message per person, listing all their tasks most overdue first, then soonest due', () => {
    const plan = planReminders(
      input({
        items: [
          task('NQ57-02.1', { due: '2025-07-16' }),
          task('NQ57-01.2', { due: '2025-07-10' }),
          task('NQ57-01.1', { due: '2025-06-30' }),
          task('DA06-01.1', { due: '2025-07-18' }),
          task('NQ57-03.1', { due: '2025-07-10', assignee: 'P11' }),
        ],
      }),
    );
    const assignee = plan.messages.filter((m) => m.kind === 'assignee');
    expect(assignee).toEqual([
      {
        person: 'P09',
        kind: 'assignee',
        items: ['NQ57-01.1', 'NQ57-01.2', 'NQ57-02.1', 'DA06-01.1'],
        idempotencyKey: 'P09:assignee:2025-07-15',
        lang: 'vi',
      },
      {
        person: 'P11',
        kind: 'assignee',
        items: ['NQ57-03.1'],
        idempotencyKey: 'P11:assignee:2025-07-15',
        lang: 'en',
      },
    ]);
  });

  it('nudges a task 7, 3 and 1 days before it is due and on the day, not on the days between', () => {
    const items = [
      '2025-07-15',
      '2025-07-16',
      '2025-07-17',
      '2025-07-18',
      '2025-07-21',
      '2025-07-22',
      '2025-07-23',
    ].map((due, n) => task(`NQ57-10.${n + 1}`, { due }));
    expect(assigneeItems({ items })).toEqual(['NQ57-10.1', 'NQ57-10.2', 'NQ57-10.4', 'NQ57-10.6']);
  });

  it('says a lead day that falls on a weekend on the Friday before it', () => {
    // Due Wednesday 23 July: "3 days before" is Sunday 20th, so Friday 18th says it.
    const items = [task('NQ57-10.1', { due: '2025-07-23' })];
    expect(assigneeItems({ items, now: at('2025-07-17') })).toEqual([]);
    expect(assigneeItems({ items, now: at('2025-07-18') })).toEqual(['NQ57-10.1']);
    expect(assigneeItems({ items, now: at('2025-07-21') })).toEqual([]);
    expect(assigneeItems({ items, now: at('2025-07-22') })).toEqual(['NQ57-10.1']);
  });

  it('says the lead days that fall in the Tết 2026 break on the last working day before it', () => {
    const items = [task('NQ57-10.1', { due: '2026-02-23' })];
    expect(assigneeItems({ items, now: at('2026-02-12') })).toEqual([]);
    expect(assigneeItems({ items, now: at('2026-02-13') })).toEqual(['NQ57-10.1']);
  });

  it('repeats an overdue task every working day', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10' })];
    for (const day of ['2025-07-15', '2025-07-16', '2025-07-17', '2025-07-18', '2025-07-21']) {
      expect(assigneeItems({ items, now: at(day) }), day).toEqual(['NQ57-10.1']);
    }
  });

  it('repeats an overdue task every other reminder day when overdueEveryDays is 2', () => {
    const rules = { defaults: { ...DEFAULT_RULES, overdueEveryDays: 2 }, byProgram: {} };
    const items = [task('NQ57-10.1', { due: '2025-07-14' })];
    const said = ['2025-07-15', '2025-07-16', '2025-07-17', '2025-07-18', '2025-07-21'].filter(
      (day) => assigneeItems({ items, rules, now: at(day) }).length > 0,
    );
    expect(said).toEqual(['2025-07-15', '2025-07-17', '2025-07-21']);
  });

  it('respects "nhắc lại mai": snoozed today, reminded again tomorrow', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10' })];
    const snoozes = [{ person: P('P09'), item: I('NQ57-10.1'), until: asLocalDate('2025-07-15') }];
    expect(assigneeItems({ items, snoozes, now: at('2025-07-15') })).toEqual([]);
    expect(assigneeItems({ items, snoozes, now: at('2025-07-16') })).toEqual(['NQ57-10.1']);
  });

  it('does not nag someone who updated the task within the last two days', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', progress: 60 })];
    const updated = (iso: string) => [{ item: I('NQ57-10.1'), person: P('P09'), at: new Date(iso) }];
    expect(assigneeItems({ items, lastUpdateBy: updated('2025-07-13T16:00:00+07:00') })).toEqual([]);
    expect(assigneeItems({ items, lastUpdateBy: updated('2025-07-12T16:00:00+07:00') })).toEqual([
      'NQ57-10.1',
    ]);
  });

  it('still reminds the assignee when someone else made the recent update', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10' })];
    const lastUpdateBy = [
      { item: I('NQ57-10.1'), person: P('P07'), at: new Date('2025-07-15T07:30:00+07:00') },
    ];
    expect(assigneeItems({ items, lastUpdateBy })).toEqual(['NQ57-10.1']);
  });

  it('never mentions a done task', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', status: 'done' })];
    expect(planReminders(input({ items })).messages.filter((m) => m.kind === 'assignee')).toEqual([]);
  });

  it('nudges an in-progress task with no update for 14 days, then weekly', () => {
    const items = [
      task('NQ57-10.1', { due: '2025-12-31', progress: 30, updated: '2025-07-01T10:00:00+07:00' }),
    ];
    const said = ['2025-07-14', '2025-07-15', '2025-07-16', '2025-07-21', '2025-07-22', '2025-07-29'].filter(
      (day) => assigneeItems({ items, now: at(day) }).length > 0,
    );
    expect(said).toEqual(['2025-07-15', '2025-07-22', '2025-07-29']);
  });

  it('gives a staleness week that ends on a Saturday its nudge on the Monday after', () => {
    // Fourteen silent days end on Saturday 19 July.
    const items = [
      task('NQ57-10.1', { due: '2025-12-31', progress: 30, updated: '2025-07-05T10:00:00+07:00' }),
    ];
    expect(assigneeItems({ items, now: at('2025-07-18') })).toEqual([]);
    expect(assigneeItems({ items, now: at('2025-07-21') })).toEqual(['NQ57-10.1']);
    expect(assigneeItems({ items, now: at('2025-07-22') })).toEqual([]);
  });

  it('leaves a not-started task that is far from due alone', () => {
    const items = [task('NQ57-10.1', { due: '2025-12-31', updated: '2025-01-01T10:00:00+07:00' })];
    expect(assigneeItems({ items })).toEqual([]);
  });

  it('sends no message to a person with nothing to mention', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-30' })];
    expect(planReminders(input({ items })).messages).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ kind: 'assignee' })]),
    );
  });

  it('includes a task a leader asked to explain, even when it is not due and was just updated', () => {
    const items = [
      task('NQ57-10.1', { due: '2025-09-30', progress: 20 }),
      task('NQ57-10.2', { due: '2025-07-10' }),
    ];
    const plan = planReminders(
      input({
        items,
        lastUpdateBy: [{ item: I('NQ57-10.1'), person: P('P09'), at: new Date('2025-07-15T07:00:00+07:00') }],
        pendingExplanations: [
          { item: I('NQ57-10.1'), requestedBy: P('P02'), requestedAt: new Date('2025-07-14T09:00:00+07:00') },
        ],
      }),
    );
    expect(plan.messages.find((m) => m.kind === 'assignee')).toMatchObject({
      person: 'P09',
      items: ['NQ57-10.2', 'NQ57-10.1'],
      pendingExplanations: ['NQ57-10.1'],
    });
  });

  it('plans nothing for an assignee with no chat account, and reports them to leaders instead', () => {
    const items = [task('NQ57-10.1', { due: '2025-07-10', assignee: 'P32', agency: 'X-TANPHU' })];
    const plan = planReminders(input({ items }));
    expect(plan.messages.some((m) => m.person === 'P32')).toBe(false);
    expect(plan.messages.find((m) => m.kind === 'leader_digest')?.unreachable).toEqual(['P32']);
  });

  it('follows a programme override of lead days and weekdays, and the defaults elsewhere', () => {
    const rules = {
      defaults: DEFAULT_RULES,
      byProgram: { [PG('DA06')]: { leadDays: [14], weekdays: [1, 2] }, [PG('NQ57')]: { weekdays: [1] } },
    };
    const items = [
      task('DA06-01.1', { due: '2025-07-29' }),
      task('DA06-01.2', { due: '2025-07-22' }),
      task('NQ57-01.1', { due: '2025-07-22' }),
      task('NQ57-01.2', { due: '2025-07-10' }),
    ];
    expect(assigneeItems({ items, rules })).toEqual(['DA06-01.1']);
    expect(assigneeItems({ items, rules, now: at('2025-07-21') })).toEqual(['NQ57-01.2', 'NQ57-01.1']);
  });
});

describe('plans are deterministic', () => {
  const items = [
    task('NQ57-01.1', { due: '2025-06-30' }),
    task('NQ57-01.2', { due: '2025-07-18', assignee: 'P11' }),
    task('DA06-02.1', {
      due: '2025-07-01',
      assignee: 'P20',
      agency: 'TTCDS',
      updated: '2025-07-01T09:00:00+07:00',
    }),
    task('NQ57-02.1', { due: '2025-07-16', assignee: 'P07' }),
    target('NQ57-01', { due: '2025-06-30' }),
  ];

  it('gives the same idempotency keys to two plans made on the same day', () => {
    const morning = planReminders(input({ items, now: new Date('2025-07-15T08:00:00+07:00') }));
    const later = planReminders(input({ items, now: new Date('2025-07-15T10:30:00+07:00') }));
    expect(later.messages.map((m) => m.idempotencyKey)).toEqual(
      morning.messages.map((m) => m.idempotencyKey),
    );
    expect(morning.messages.map((m) => m.idempotencyKey)).toContain('P09:assignee:2025-07-15');
  });

  it('gives the next day new keys', () => {
    const next = planReminders(input({ items, now: new Date('2025-07-16T08:00:00+07:00') }));
    expect(next.messages.every((m) => m.idempotencyKey.endsWith(':2025-07-16'))).toBe(true);
  });

  it('orders messages by person code, then kind, whatever order the input came in', () => {
    const plan = planReminders(input({ items }));
    const shuffled = planReminders(input({ items: [...items].reverse(), people: [...people].reverse() }));
    expect(shuffled).toEqual(plan);
    expect(plan.messages.map((m) => `${m.person} ${m.kind}`)).toEqual([
      'P02 leader_digest',
      'P03 leader_digest',
      'P07 assignee',
      'P07 agency_digest',
      'P07 escalation',
      'P09 assignee',
      'P11 assignee',
      'P20 assignee',
    ]);
  });
});
