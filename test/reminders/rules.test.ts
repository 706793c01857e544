// Default reminder rules, per-programme overrides and quiet-hour windows.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, isQuiet, rulesFor } from '../../src/reminders/index.ts';
import { PG } from './fixtures.ts';

describe('reminder rules', () => {
  it('defaults to nudges 7, 3 and 1 days ahead, escalation after 3 silent days, weekdays only', () => {
    expect(DEFAULT_RULES).toEqual({
      leadDays: [7, 3, 1],
      dueSoonDays: 7,
      escalationDays: 3,
      staleDays: 14,
      noNagDays: 2,
      weekdays: [1, 2, 3, 4, 5],
      workingDaysOnly: true,
      quietHours: { start: '21:00', end: '07:00' },
      overdueEveryDays: 1,
    });
  });

  it('lays a programme override over the defaults and leaves other programmes alone', () => {
    const overrides = { [PG('DA06')]: { leadDays: [14, 7], weekdays: [1] } };
    expect(rulesFor(PG('DA06'), overrides)).toEqual({ ...DEFAULT_RULES, leadDays: [14, 7], weekdays: [1] });
    expect(rulesFor(PG('NQ57'), overrides)).toEqual(DEFAULT_RULES);
  });

  it('keeps the default for a key an override leaves undefined', () => {
    expect(rulesFor(PG('NQ57'), { [PG('NQ57')]: { staleDays: undefined } }).staleDays).toBe(14);
  });

  it('merges onto the defaults it is given rather than the built-in ones', () => {
    const defaults = { ...DEFAULT_RULES, noNagDays: 5 };
    expect(rulesFor(PG('NQ57'), { [PG('NQ57')]: { staleDays: 30 } }, defaults)).toMatchObject({
      noNagDays: 5,
      staleDays: 30,
    });
  });

  it('never changes the defaults while merging', () => {
    rulesFor(PG('NQ57'), { [PG('NQ57')]: { leadDays: [2] } });
    expect(DEFAULT_RULES.leadDays).toEqual([7, 3, 1]);
  });
});

describe('quiet hours', () => {
  const night = { start: '21:00', end: '07:00' };

  it('spans midnight when the end is earlier than the start', () => {
    expect(isQuiet(22, 0, night)).toBe(true);
    expect(isQuiet(6, 30, night)).toBe(true);
    expect(isQuiet(0, 0, night)).toBe(true);
    expect(isQuiet(8, 0, night)).toBe(false);
  });

  it('includes the start minute and excludes the end minute', () => {
    expect(isQuiet(21, 0, night)).toBe(true);
    expect(isQuiet(20, 59, night)).toBe(false);
    expect(isQuiet(7, 0, night)).toBe(false);
  });

  it('handles a window inside one day, and none at all', () => {
    expect(isQuiet(12, 30, { start: '12:00', end: '13:00' })).toBe(true);
    expect(isQuiet(13, 0, { start: '12:00', end: '13:00' })).toBe(false);
    expect(isQuiet(3, 0, null)).toBe(false);
  });

  it('refuses a malformed time', () => {
    expect(() => isQuiet(3, 0, { start: '9pm', end: '07:00' })).toThrow(/HH:MM/);
  });
});
