// When a scheduled report may go out: the reminders' working-day rules, read in Hà Nội.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLIDAYS } from '../../src/reminders/calendar.ts';
import { reportSendAt } from '../../src/reminders/reports.ts';
import { DEFAULT_RULES } from '../../src/reminders/rules.ts';

const input = {
  tz: 'Asia/Ho_Chi_Minh',
  holidays: DEFAULT_HOLIDAYS,
  rules: { defaults: DEFAULT_RULES, byProgram: {} },
};
const at = (local: string) => new Date(`${local}+07:00`);

describe('reportSendAt', () => {
  it.each([
    ['a working day keeps its slot', '2025-07-21T08:00:00', '2025-07-21T08:00:00'],
    ['a Sunday goes on Monday at the same time', '2025-07-20T08:00:00', '2025-07-21T08:00:00'],
    [
      'the National Day break (Sat 30/8 – Tue 2/9) goes on Wednesday',
      '2025-08-30T08:00:00',
      '2025-09-03T08:00:00',
    ],
    ['before the quiet hours end: at 07:00 the same day', '2025-07-21T06:00:00', '2025-07-21T07:00:00'],
    [
      'in the evening quiet hours: at 07:00 the next working day',
      '2025-07-25T22:00:00',
      '2025-07-28T07:00:00',
    ],
  ])('%s', (_label, slot, expected) => {
    expect(reportSendAt(input, at(slot))).toEqual(at(expected));
  });
});
