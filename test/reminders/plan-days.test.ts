// Which moments the planner refuses: weekends, holidays, disabled weekdays, quiet hours.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, planReminders } from '../../src/reminders/index.ts';
import { PG, input, target, task } from './fixtures.ts';

// One overdue task and one target, so a day that is not skipped always has something to send.
const items = [task('NQ57-01.1', { due: '2025-07-01' }), target('NQ57-01', { due: '2025-07-01' })];
const planAt = (iso: string, overrides = {}) =>
  planReminders(input({ now: new Date(iso), items, ...overrides }));

describe('days and hours without reminders', () => {
  it('sends on a working Tuesday at 08:00 local (01:00 UTC)', () => {
    const plan = planAt('2025-07-15T01:00:00Z');
    expect(plan.localDay).toBe('2025-07-15');
    expect(plan.skipped).toBeNull();
    expect(plan.messages.length).toBeGreaterThan(0);
  });

  it('skips Saturday and Sunday as non-working days', () => {
    for (const day of ['2025-07-19', '2025-07-20']) {
      expect(planAt(`${day}T08:00:00+07:00`)).toEqual({
        localDay: day,
        skipped: { reason: 'non_working_day' },
        messages: [],
        charts: [],
      });
    }
  });

  it('skips a weekday inside the Tết 2026 break', () => {
    expect(planAt('2026-02-16T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(planAt('2026-02-20T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(planAt('2026-02-23T08:00:00+07:00').skipped).toBeNull();
  });

  it('skips National Day 2/9 and the Monday before it in 2025', () => {
    expect(planAt('2025-09-01T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(planAt('2025-09-02T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(planAt('2025-09-03T08:00:00+07:00').skipped).toBeNull();
  });

  it('skips Giỗ Tổ Hùng Vương, 7 April 2025', () => {
    expect(planAt('2025-04-07T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
  });

  it('keeps quiet at 22:00 local, which is 15:00 UTC', () => {
    expect(planAt('2025-07-15T15:00:00Z')).toEqual({
      localDay: '2025-07-15',
      skipped: { reason: 'quiet_hours' },
      messages: [],
      charts: [],
    });
  });

  it('keeps quiet at 06:30 local, which is still the previous day in UTC', () => {
    const plan = planAt('2025-07-14T23:30:00Z');
    expect(plan.localDay).toBe('2025-07-15');
    expect(plan.skipped).toEqual({ reason: 'quiet_hours' });
  });

  it('names the day, not the hour, when a weekend night is skipped', () => {
    expect(planAt('2025-07-19T22:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
  });

  it('skips a working day the rules do not enable', () => {
    const rules = { defaults: { ...DEFAULT_RULES, weekdays: [1, 3, 5] }, byProgram: {} };
    expect(planAt('2025-07-15T08:00:00+07:00', { rules }).skipped).toEqual({ reason: 'weekday_not_enabled' });
    expect(planAt('2025-07-16T08:00:00+07:00', { rules }).skipped).toBeNull();
  });

  it('sends on a Saturday when the rules enable it and do not ask for working days only', () => {
    const rules = {
      defaults: { ...DEFAULT_RULES, weekdays: [1, 2, 3, 4, 5, 6], workingDaysOnly: false },
      byProgram: {},
    };
    expect(planAt('2025-07-19T08:00:00+07:00', { rules }).skipped).toBeNull();
    expect(planAt('2025-07-20T08:00:00+07:00', { rules }).skipped).toEqual({ reason: 'weekday_not_enabled' });
  });

  it('sends on a Saturday for the one programme whose override enables it, and only its items', () => {
    const rules = {
      defaults: DEFAULT_RULES,
      byProgram: { [PG('DA06')]: { weekdays: [6], workingDaysOnly: false } },
    };
    const plan = planReminders(
      input({
        now: new Date('2025-07-19T08:00:00+07:00'),
        rules,
        items: [...items, task('DA06-01.1', { due: '2025-07-01' })],
      }),
    );
    expect(plan.skipped).toBeNull();
    expect(plan.messages.find((m) => m.kind === 'assignee')?.items).toEqual(['DA06-01.1']);
  });
});
