// Periods named in messages, resolved against "today": boundaries of weeks, months, quarters and leap years.
import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/core/intent/normalize.ts';
import { resolvePeriod } from '../../../src/core/intent/period.ts';
import type { LocalDate } from '../../../src/core/types.ts';

const period = (text: string, today = '2025-07-15') => resolvePeriod(fold(text), today as LocalDate);
const span = (from: string, to: string) => ({ from, to });

describe('a weekday that is no period', () => {
  it.each([['Sở KHCN xếp thứ 2'], ['đứng thứ ba toàn tỉnh'], ['hạng thứ 5']])(
    'reads %j as no period',
    (text) => {
      expect(period(text)).toBeNull();
    },
  );
});

describe('periods on the demo reference day, Tuesday 2025-07-15', () => {
  it.each([
    ['hôm nay', span('2025-07-15', '2025-07-15')],
    ['today', span('2025-07-15', '2025-07-15')],
    ['ngày mai', span('2025-07-16', '2025-07-16')],
    ['tuần này', span('2025-07-14', '2025-07-20')],
    ['this week', span('2025-07-14', '2025-07-20')],
    ['tuan nay', span('2025-07-14', '2025-07-20')],
    ['tuần sau', span('2025-07-21', '2025-07-27')],
    ['tuần tới', span('2025-07-21', '2025-07-27')],
    ['next week', span('2025-07-21', '2025-07-27')],
    ['tuần trước', span('2025-07-07', '2025-07-13')],
    ['thứ 6 này', span('2025-07-18', '2025-07-18')],
    ['thứ sáu tuần này', span('2025-07-18', '2025-07-18')],
    ['thứ năm tuần sau', span('2025-07-24', '2025-07-24')],
    ['thứ hai tuần trước', span('2025-07-07', '2025-07-07')],
    ['thứ 2', span('2025-07-21', '2025-07-21')],
    ['thứ ba', span('2025-07-15', '2025-07-15')],
    ['chủ nhật', span('2025-07-20', '2025-07-20')],
    ['next Monday', span('2025-07-21', '2025-07-21')],
    ['on friday', span('2025-07-18', '2025-07-18')],
    ['tháng này', span('2025-07-01', '2025-07-31')],
    ['this month', span('2025-07-01', '2025-07-31')],
    ['tháng sau', span('2025-08-01', '2025-08-31')],
    ['next month', span('2025-08-01', '2025-08-31')],
    ['tháng 9', span('2025-09-01', '2025-09-30')],
    ['tháng 09', span('2025-09-01', '2025-09-30')],
    ['tháng 9/2024', span('2024-09-01', '2024-09-30')],
    ['tháng 9 năm 2026', span('2026-09-01', '2026-09-30')],
    ['in September', span('2025-09-01', '2025-09-30')],
    ['in may', span('2025-05-01', '2025-05-31')],
    ['quý 3', span('2025-07-01', '2025-09-30')],
    ['quý III', span('2025-07-01', '2025-09-30')],
    ['Q3', span('2025-07-01', '2025-09-30')],
    ['quarter 3', span('2025-07-01', '2025-09-30')],
    ['the third quarter', span('2025-07-01', '2025-09-30')],
    ['end of Q3', span('2025-07-01', '2025-09-30')],
    ['before the end of Q3', span('2025-07-01', '2025-09-30')],
    ['quý 4', span('2025-10-01', '2025-12-31')],
    ['Q1 2026', span('2026-01-01', '2026-03-31')],
    ['quý này', span('2025-07-01', '2025-09-30')],
    ['next quarter', span('2025-10-01', '2025-12-31')],
    ['6 tháng đầu năm', span('2025-01-01', '2025-06-30')],
    ['first half', span('2025-01-01', '2025-06-30')],
    ['6 tháng cuối năm', span('2025-07-01', '2025-12-31')],
    ['second half', span('2025-07-01', '2025-12-31')],
    ['cuối năm', span('2025-07-15', '2025-12-31')],
    ['end of year', span('2025-07-15', '2025-12-31')],
    ['by the end of the year', span('2025-07-15', '2025-12-31')],
    ['năm nay', span('2025-01-01', '2025-12-31')],
    ['cuối tháng', span('2025-07-15', '2025-07-31')],
    ['trước 30/9', span('2025-07-15', '2025-09-30')],
    ['truoc 30/9', span('2025-07-15', '2025-09-30')],
    ['trước ngày 30/9/2025', span('2025-07-15', '2025-09-30')],
    ['trước ngày 30 tháng 9', span('2025-07-15', '2025-09-30')],
    ['before 30/9', span('2025-07-15', '2025-09-30')],
    ['by 30 September', span('2025-07-15', '2025-09-30')],
    ['by September 30th', span('2025-07-15', '2025-09-30')],
    ['từ 1/8 đến 15/8', span('2025-08-01', '2025-08-15')],
    ['from 1/8 to 15/8', span('2025-08-01', '2025-08-15')],
    ['ngày 30/9', span('2025-09-30', '2025-09-30')],
    ['trong 7 ngày tới', span('2025-07-15', '2025-07-22')],
  ])('resolves %j', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });
});

describe('periods across boundaries', () => {
  it('keeps a week that spans the new year Monday to Sunday', () => {
    expect(period('tuần này', '2025-12-31')).toEqual(span('2025-12-29', '2026-01-04'));
    expect(period('next week', '2025-12-31')).toEqual(span('2026-01-05', '2026-01-11'));
  });

  it('keeps a week that spans a month end', () => {
    expect(period('this week', '2025-07-31')).toEqual(span('2025-07-28', '2025-08-03'));
  });

  it('treats Sunday as the last day of its week, not the first of the next', () => {
    expect(period('tuần này', '2025-07-20')).toEqual(span('2025-07-14', '2025-07-20'));
  });

  it('treats Monday as the first day of its week', () => {
    expect(period('tuần này', '2025-07-14')).toEqual(span('2025-07-14', '2025-07-20'));
  });

  it('rolls "next month" from December into January of the next year', () => {
    expect(period('tháng sau', '2025-12-10')).toEqual(span('2026-01-01', '2026-01-31'));
  });

  it('rolls "next quarter" from Q4 into Q1 of the next year', () => {
    expect(period('quý sau', '2025-11-02')).toEqual(span('2026-01-01', '2026-03-31'));
  });

  it('gives February 29 days in a leap year and 28 otherwise', () => {
    expect(period('tháng 2', '2028-01-05')).toEqual(span('2028-02-01', '2028-02-29'));
    expect(period('tháng 2', '2025-01-05')).toEqual(span('2025-02-01', '2025-02-28'));
  });

  it('accepts 29/2 as a deadline in a leap year', () => {
    expect(period('trước 29/2', '2028-02-10')).toEqual(span('2028-02-10', '2028-02-29'));
  });

  it("takes a year-less deadline already past as next year's: deadlines point forward", () => {
    expect(period('trước 31/3', '2025-12-20')).toEqual(span('2025-12-20', '2026-03-31'));
  });

  it('runs "cuối năm" from today even on the last day of the year', () => {
    expect(period('cuối năm', '2025-12-31')).toEqual(span('2025-12-31', '2025-12-31'));
  });
});

describe('spans counted from today, ahead and behind', () => {
  it.each([
    ['trong 3 tháng tới', span('2025-07-15', '2025-10-15')],
    ['next 2 months', span('2025-07-15', '2025-09-15')],
    ['nửa tháng tới', span('2025-07-15', '2025-07-30')],
    ['10 ngày qua', span('2025-07-05', '2025-07-15')],
    ['trong 30 ngày gần đây', span('2025-06-15', '2025-07-15')],
    ['last 30 days', span('2025-06-15', '2025-07-15')],
    ['past 2 weeks', span('2025-07-01', '2025-07-15')],
    ['3 tháng vừa qua', span('2025-04-15', '2025-07-15')],
    ['past 6 months', span('2025-01-15', '2025-07-15')],
    ['tuần qua', span('2025-07-07', '2025-07-13')],
    ['trong tuần vừa qua', span('2025-07-07', '2025-07-13')],
    ['tháng vừa rồi', span('2025-06-01', '2025-06-30')],
    ['trong tháng tới', span('2025-08-01', '2025-08-31')],
    ['trước thứ 6', span('2025-07-15', '2025-07-18')],
    ['by Friday', span('2025-07-15', '2025-07-18')],
    ['hạn đến thứ 2 tuần sau', span('2025-07-15', '2025-07-21')],
  ])('reads %j', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });

  it('clamps a month ahead to the last day of a shorter month', () => {
    expect(period('trong 1 tháng tới', '2025-01-31')).toEqual(span('2025-01-31', '2025-02-28'));
  });

  it('reads "3 ngày quá hạn" as lateness, not as the last three days', () => {
    expect(period('NQ57-12 đã 3 ngày quá hạn')).toBeNull();
    expect(period('việc tuần qua hạn')).toBeNull();
  });
});

describe('periods that are not there', () => {
  it.each([['trước 31/2'], ['trước 29/2/2025'], ['tháng 13'], ['tháng 0'], ['trước 32/1']])(
    'gives no period for the impossible date in %j',
    (text) => {
      expect(period(text)).toBeNull();
    },
  );

  it('gives no period for a deadline with an explicit year already past', () => {
    expect(period('trước 30/6/2025')).toBeNull();
  });

  it.each([['tổng hợp tiến độ'], ['máy tính'], ['đã lắp 12/20 trạm'], ['kế hoạch chuyển đổi số 2025'], ['']])(
    'finds no period in %j',
    (text) => {
      expect(period(text)).toBeNull();
    },
  );

  it('refuses a malformed today rather than guessing', () => {
    expect(() => resolvePeriod('hom nay', '15/07/2025' as LocalDate)).toThrow(RangeError);
  });
});

describe('the end of another month or year', () => {
  it.each([
    ['cuối tháng trước', span('2025-06-01', '2025-06-30')],
    ['cuối tháng sau', span('2025-08-01', '2025-08-31')],
    ['cuối năm ngoái', span('2024-01-01', '2024-12-31')],
    ['cuối tháng', span('2025-07-15', '2025-07-31')],
  ])('reads %j as that month or year, not this one', (text, expected) => {
    expect(period(text)).toEqual(expected);
  });
});
