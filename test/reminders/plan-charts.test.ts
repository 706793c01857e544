// The leaders' weekly charts: planned on the first reminder day of each week, for Telegram chats only.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, planReminders, type Plan } from '../../src/reminders/index.ts';
import { PG, input, target, task } from './fixtures.ts';

// Targets in both programmes, and an overdue task so every reminder day has an assignee message too.
const items = [
  target('NQ57-01', { due: '2025-12-31' }),
  target('DA06-01', { due: '2025-12-31' }),
  task('NQ57-01.1', { due: '2025-07-01' }),
];
const planAt = (iso: string, overrides = {}): Plan =>
  planReminders(input({ now: new Date(iso), items, ...overrides }));
const chartsOf = (plan: Plan) => plan.charts.map((c) => [c.person, c.chart.program, c.idempotencyKey]);

describe('the weekly charts after the leaders’ digest', () => {
  it('go to each Telegram leader on Monday, one per programme with targets, in the leader’s language', () => {
    const plan = planAt('2025-07-14T08:00:00+07:00');
    expect(plan.charts).toEqual([
      {
        kind: 'leader_chart',
        person: 'P02',
        channel: 'telegram',
        chart: { program: 'DA06', lang: 'vi', today: '2025-07-14' },
        idempotencyKey: 'P02:leader_chart:DA06:2025-07-14',
      },
      {
        kind: 'leader_chart',
        person: 'P02',
        channel: 'telegram',
        chart: { program: 'NQ57', lang: 'vi', today: '2025-07-14' },
        idempotencyKey: 'P02:leader_chart:NQ57:2025-07-14',
      },
    ]);
    // P03 is a leader reached on Zalo only: the digest's text, and no chart (Zalo needs a public URL).
    const p03 = plan.messages.filter((m) => m.person === 'P03').map((m) => m.kind);
    expect(p03).toEqual(['leader_digest']);
    expect(plan.charts.some((c) => c.person === 'P03')).toBe(false);
  });

  it('are not sent again on the other days of the week', () => {
    for (const day of ['2025-07-15', '2025-07-16', '2025-07-18']) {
      const plan = planAt(`${day}T08:00:00+07:00`);
      expect(plan.messages.some((m) => m.kind === 'leader_digest')).toBe(true);
      expect(plan.charts).toEqual([]);
    }
  });

  it('move to the Tuesday when Monday is a holiday (Giỗ Tổ Hùng Vương, 7 April 2025)', () => {
    expect(planAt('2025-04-07T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(chartsOf(planAt('2025-04-08T08:00:00+07:00'))).toEqual([
      ['P02', 'DA06', 'P02:leader_chart:DA06:2025-04-08'],
      ['P02', 'NQ57', 'P02:leader_chart:NQ57:2025-04-08'],
    ]);
    expect(planAt('2025-04-09T08:00:00+07:00').charts).toEqual([]);
  });

  it('move to the Wednesday when Monday and Tuesday are off (1–2 September 2025)', () => {
    expect(chartsOf(planAt('2025-09-03T08:00:00+07:00'))).toHaveLength(2);
    expect(planAt('2025-09-04T08:00:00+07:00').charts).toEqual([]);
  });

  it('are not planned at all on a skipped day, nor in quiet hours', () => {
    expect(planAt('2025-07-13T08:00:00+07:00').charts).toEqual([]);
    expect(planAt('2025-07-14T22:00:00+07:00')).toMatchObject({
      skipped: { reason: 'quiet_hours' },
      charts: [],
    });
  });

  it('leave out a programme with no targets', () => {
    const plan = planReminders(
      input({
        now: new Date('2025-07-14T08:00:00+07:00'),
        items: [target('NQ57-01', { due: '2025-12-31' }), task('DA06-01.1', { due: '2025-07-01' })],
      }),
    );
    expect(chartsOf(plan)).toEqual([['P02', 'NQ57', 'P02:leader_chart:NQ57:2025-07-14']]);
  });

  it('follow each programme’s own weekdays: one reminded on Wednesdays and Fridays has its chart on Wednesday', () => {
    const rules = {
      defaults: DEFAULT_RULES,
      byProgram: { [PG('DA06')]: { weekdays: [3, 5] } },
    };
    expect(chartsOf(planAt('2025-07-14T08:00:00+07:00', { rules }))).toEqual([
      ['P02', 'NQ57', 'P02:leader_chart:NQ57:2025-07-14'],
    ]);
    expect(chartsOf(planAt('2025-07-16T08:00:00+07:00', { rules }))).toEqual([
      ['P02', 'DA06', 'P02:leader_chart:DA06:2025-07-16'],
    ]);
    expect(planAt('2025-07-18T08:00:00+07:00', { rules }).charts).toEqual([]);
  });

  it('go to nobody when no leader is on Telegram', () => {
    const plan = planAt('2025-07-14T08:00:00+07:00', {
      people: input().people.map((p) => (p.code === 'P02' ? { ...p, channels: ['zalo'] as const } : p)),
    });
    expect(plan.messages.filter((m) => m.kind === 'leader_digest')).toHaveLength(2);
    expect(plan.charts).toEqual([]);
  });
});
