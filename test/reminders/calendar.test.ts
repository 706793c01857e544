// Local days, weekdays and the holiday table, with literal dates.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLIDAYS,
  addDays,
  asLocalDate,
  daysBetween,
  endOfWeek,
  holidayOn,
  isLocalDate,
  isWorkingDay,
  localDate,
  localTime,
  weekdayOf,
} from '../../src/reminders/index.ts';

const d = asLocalDate;
const holidayDates = (from: string, to: string): string[] =>
  DEFAULT_HOLIDAYS.map((h) => h.date as string).filter((x) => x >= from && x <= to);

describe('local days in Asia/Ho_Chi_Minh', () => {
  it('puts 17:00 UTC on the next local day, because Vietnam is seven hours ahead', () => {
    expect(localDate(new Date('2025-07-14T17:00:00Z'))).toBe('2025-07-15');
    expect(localDate(new Date('2025-07-14T16:59:59Z'))).toBe('2025-07-14');
  });

  it('reads 01:00 UTC as 08:00 on a Tuesday', () => {
    expect(localTime(new Date('2025-07-15T01:00:00Z'))).toEqual({ hour: 8, minute: 0, weekday: 2 });
  });

  it('reads local midnight as hour 0, never 24', () => {
    expect(localTime(new Date('2025-07-15T00:00:00+07:00'))).toEqual({ hour: 0, minute: 0, weekday: 2 });
  });

  it('honours another zone when one is named', () => {
    expect(localDate(new Date('2025-07-15T01:00:00Z'), 'America/New_York')).toBe('2025-07-14');
    expect(localTime(new Date('2025-07-15T01:00:00Z'), 'America/New_York').hour).toBe(21);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2025-07-15'), -15)).toBe('2025-06-30');
  });

  it('counts days from the first date to the second, negative when the second is earlier', () => {
    expect(daysBetween(d('2025-07-15'), d('2025-07-18'))).toBe(3);
    expect(daysBetween(d('2025-07-15'), d('2025-07-10'))).toBe(-5);
    expect(daysBetween(d('2025-12-31'), d('2026-01-01'))).toBe(1);
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(weekdayOf(d('2025-07-14'))).toBe(1);
    expect(weekdayOf(d('2025-07-15'))).toBe(2);
    expect(weekdayOf(d('2025-07-20'))).toBe(7);
  });

  it('ends a week on its Sunday', () => {
    expect(endOfWeek(d('2025-07-15'))).toBe('2025-07-20');
    expect(endOfWeek(d('2025-07-20'))).toBe('2025-07-20');
  });

  it('rejects days that do not exist', () => {
    expect(isLocalDate('2025-02-30')).toBe(false);
    expect(isLocalDate('2025-7-1')).toBe(false);
    expect(() => asLocalDate('2025-13-01')).toThrow(/calendar day/);
  });
});

describe('working days', () => {
  it('treats an ordinary Tuesday as a working day and the weekend as not', () => {
    expect(isWorkingDay(d('2025-07-15'), DEFAULT_HOLIDAYS)).toBe(true);
    expect(isWorkingDay(d('2025-07-19'), DEFAULT_HOLIDAYS)).toBe(false);
    expect(isWorkingDay(d('2025-07-20'), DEFAULT_HOLIDAYS)).toBe(false);
  });

  it('lets a six-day office count Saturday', () => {
    expect(isWorkingDay(d('2025-07-19'), DEFAULT_HOLIDAYS, [1, 2, 3, 4, 5, 6])).toBe(true);
  });

  it('treats National Day and the day before it as holidays', () => {
    expect(isWorkingDay(d('2025-09-01'), DEFAULT_HOLIDAYS)).toBe(false);
    expect(isWorkingDay(d('2025-09-02'), DEFAULT_HOLIDAYS)).toBe(false);
    expect(isWorkingDay(d('2025-09-03'), DEFAULT_HOLIDAYS)).toBe(true);
    expect(holidayOn(d('2025-09-02'), DEFAULT_HOLIDAYS)?.name_vi).toBe('Quốc khánh');
  });
});

describe('the default holiday table', () => {
  it('gives Tết Ất Tỵ 2025 nine days, 25 January to 2 February', () => {
    expect(holidayDates('2025-01-20', '2025-02-10')).toEqual([
      '2025-01-25',
      '2025-01-26',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
    ]);
  });

  it('gives Tết Bính Ngọ 2026 nine days, 14 to 22 February', () => {
    const tet = holidayDates('2026-02-01', '2026-02-28');
    expect(tet).toHaveLength(9);
    expect(tet[0]).toBe('2026-02-14');
    expect(tet[8]).toBe('2026-02-22');
    expect(holidayOn(d('2026-02-17'), DEFAULT_HOLIDAYS)?.name_vi).toBe('Tết Nguyên đán');
  });

  it('estimates Tết 2027 around the lunar new year on 6 February', () => {
    expect(holidayDates('2027-01-15', '2027-02-28')).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
    ]);
  });

  it('puts the Hùng Kings day on 10/3 of the lunar calendar each year', () => {
    const gioTo = DEFAULT_HOLIDAYS.filter((h) => h.name_vi === 'Giỗ Tổ Hùng Vương').map((h) => h.date);
    expect(gioTo).toEqual(['2025-04-07', '2026-04-26', '2027-04-16']);
  });

  it('gives a Monday off in lieu when Giỗ Tổ 2026 falls on a Sunday', () => {
    expect(holidayOn(d('2026-04-27'), DEFAULT_HOLIDAYS)?.name_vi).toBe('Nghỉ bù');
  });

  it('closes offices on 1/1, 30/4, 1/5, 1/9 and 2/9 of every year', () => {
    for (const year of ['2025', '2026', '2027']) {
      for (const md of ['01-01', '04-30', '05-01', '09-01', '09-02']) {
        expect(holidayOn(d(`${year}-${md}`), DEFAULT_HOLIDAYS), `${year}-${md}`).not.toBeNull();
      }
    }
  });

  it('lists each day once, in order, with both names', () => {
    const dates = DEFAULT_HOLIDAYS.map((h) => h.date as string);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const h of DEFAULT_HOLIDAYS) expect(h.name_vi && h.name_en).toBeTruthy();
  });
});
