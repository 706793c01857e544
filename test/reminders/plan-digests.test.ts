// Agency-head and leader digests: what they list and who gets them.
import { describe, expect, it } from 'vitest';
import { planReminders } from '../../src/reminders/index.ts';
import { I, P, input, target, task } from './fixtures.ts';

const recent = '2025-07-14T16:00:00+07:00';

describe('agency digests', () => {
  it('send the head the agency’s overdue tasks and those due within seven days, worst first', () => {
    const items = [
      task('NQ57-10.1', { due: '2025-07-22', updated: recent }),
      task('NQ57-10.2', { due: '2025-07-23', updated: recent }),
      task('NQ57-10.3', { due: '2025-07-01', updated: recent }),
      task('NQ57-10.4', { due: '2025-07-01', status: 'done' }),
      task('NQ57-10.5', { due: '2025-07-01', assignee: 'P20', agency: 'TTCDS', updated: recent }),
    ];
    const digests = planReminders(input({ items })).messages.filter((m) => m.kind === 'agency_digest');
    expect(digests).toEqual([
      {
        person: 'P07',
        kind: 'agency_digest',
        items: ['NQ57-10.3', 'NQ57-10.1'],
        idempotencyKey: 'P07:agency_digest:2025-07-15',
        lang: 'vi',
      },
    ]);
  });

  it('are not sent when the agency has nothing overdue or due soon', () => {
    const items = [task('NQ57-10.1', { due: '2025-08-30' })];
    expect(planReminders(input({ items })).messages.some((m) => m.kind === 'agency_digest')).toBe(false);
  });
});

describe('leader digests', () => {
  const items = [
    target('NQ57-01', { due: '2025-06-30', progress: 50 }),
    target('NQ57-02', { due: '2025-07-10', progress: 10 }),
    target('NQ57-03', { due: '2025-06-30', progress: 20 }),
    target('NQ57-04', { due: '2025-06-30', status: 'done' }),
    target('DA06-01', { due: '2025-07-18' }),
    task('NQ57-01.1', { due: '2025-06-30', assignee: 'P32', agency: 'X-TANPHU' }),
  ];

  it('go to every leader with the overdue targets, most overdue and least advanced first', () => {
    const plan = planReminders(input({ items }));
    const digests = plan.messages.filter((m) => m.kind === 'leader_digest');
    expect(digests.map((m) => [m.person, m.lang])).toEqual([
      ['P02', 'vi'],
      ['P03', 'en'],
    ]);
    expect(digests[0]?.items).toEqual(['NQ57-03', 'NQ57-01', 'NQ57-02']);
  });

  it('carry the unreachable people and the explanations still awaited, oldest request first', () => {
    const plan = planReminders(
      input({
        items,
        unreachable: [P('P11'), P('P09')],
        pendingExplanations: [
          { item: I('NQ57-02'), requestedBy: P('P02'), requestedAt: new Date('2025-07-14T09:00:00+07:00') },
          { item: I('NQ57-01'), requestedBy: P('P03'), requestedAt: new Date('2025-07-10T09:00:00+07:00') },
          { item: I('NQ57-02'), requestedBy: P('P03'), requestedAt: new Date('2025-07-14T10:00:00+07:00') },
        ],
      }),
    );
    const digest = plan.messages.find((m) => m.kind === 'leader_digest');
    expect(digest?.unreachable).toEqual(['P09', 'P11', 'P32']);
    expect(digest?.pendingExplanations).toEqual(['NQ57-01', 'NQ57-02']);
  });

  it('leave the unreachable field off every other kind of message', () => {
    const plan = planReminders(input({ items, unreachable: [P('P09')] }));
    for (const m of plan.messages.filter((x) => x.kind !== 'leader_digest'))
      expect(m.unreachable).toBeUndefined();
  });

  it('are not sent when there is nothing at all to report', () => {
    expect(planReminders(input({ items: [] })).messages).toEqual([]);
  });
});
