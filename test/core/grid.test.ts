// The status grid's rule (tracking model): one cell per item at a day, the finish read in the province's zone.
import { describe, expect, it } from 'vitest';
import { gridCell, isAwaiting, isOverdue, tally, type GridItem } from '../../src/core/grid.ts';
import type { ItemStatus, LocalDate } from '../../src/core/types.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const D = (d: string) => d as LocalDate;
const item = (status: ItemStatus, due: string | null, completed: string | null = null): GridItem => ({
  status,
  dueDate: due === null ? null : D(due),
  completedAt: completed === null ? null : new Date(completed),
});

describe('the status grid', () => {
  it('a done item finished on its due day, late in the evening in Hòa An, is on time', () => {
    expect(gridCell(item('done', '2025-06-30', '2025-06-30T16:30:00Z'), D('2025-07-15'), TZ)).toBe(
      'done_on_time',
    );
  });
  it('finished after midnight local time (still the 30th in UTC) is late', () => {
    expect(gridCell(item('done', '2025-06-30', '2025-06-30T17:30:00Z'), D('2025-07-15'), TZ)).toBe(
      'done_late',
    );
  });
  it('due today is within the deadline; due yesterday is overdue, whatever the work status', () => {
    expect(gridCell(item('in_progress', '2025-07-15'), D('2025-07-15'), TZ)).toBe('open_in_time');
    expect(gridCell(item('blocked', '2025-07-14'), D('2025-07-15'), TZ)).toBe('open_overdue');
    expect(isOverdue(item('not_started', '2025-07-14'), D('2025-07-15'))).toBe(true);
    expect(isOverdue(item('done', '2025-07-14', '2025-07-20T00:00:00Z'), D('2025-07-15'))).toBe(false);
  });
  it('a task with no deadline is ongoing, counted apart', () => {
    expect(gridCell(item('in_progress', null), D('2025-07-15'), TZ)).toBe('ongoing');
  });
  it('an ongoing task ("Thường xuyên") is never overdue, whatever its status and however far the day', () => {
    const days = ['2000-01-01', '2025-07-15', '2025-12-31', '2099-12-31'].map(D);
    const ongoing = [
      item('not_started', null),
      item('in_progress', null),
      item('blocked', null),
      item('done', null, '2025-03-01T02:00:00Z'),
    ];
    for (const day of days)
      for (const one of ongoing) {
        expect(isOverdue(one, day)).toBe(false);
        expect(gridCell(one, day, TZ)).toBe('ongoing');
      }
    expect(tally(ongoing, D('2099-12-31'), TZ)).toMatchObject({ total: 4, ongoing: 4, overdue: 0 });
  });
  it('a re-opened item (done, then back in progress: completed_at cleared) is judged not done', () => {
    // Finished on 10/7 (on time for a due day of 14/7), re-opened on 12/7: on the 15th it is overdue.
    const reopened = item('in_progress', '2025-07-14');
    expect(gridCell(reopened, D('2025-07-13'), TZ)).toBe('open_in_time');
    expect(gridCell(reopened, D('2025-07-15'), TZ)).toBe('open_overdue');
    expect(isOverdue(reopened, D('2025-07-15'))).toBe(true);
    expect(tally([reopened], D('2025-07-15'), TZ)).toMatchObject({ done: 0, doneOnTime: 0, overdue: 1 });
    // The work status decides: a finish left behind on a re-opened row does not make it done.
    const stale = item('in_progress', '2025-07-14', '2025-07-10T03:00:00Z');
    expect(gridCell(stale, D('2025-07-15'), TZ)).toBe('open_overdue');
    expect(tally([stale], D('2025-07-15'), TZ)).toMatchObject({ done: 0, doneOnTime: 0, overdue: 1 });
  });
  it('tally gives two partitions of the same total', () => {
    const c = tally(
      [
        item('done', '2025-06-30', '2025-06-29T00:00:00Z'),
        item('done', '2025-06-30', '2025-07-02T00:00:00Z'),
        item('blocked', '2025-07-01'),
        item('in_progress', '2025-08-01'),
        item('not_started', '2025-08-01'),
      ],
      D('2025-07-15'),
      TZ,
    );
    expect(c).toEqual({
      total: 5,
      notStarted: 1,
      inProgress: 1,
      blocked: 1,
      done: 2,
      doneOnTime: 1,
      doneLate: 1,
      openInTime: 2,
      overdue: 1,
      ongoing: 0,
      awaiting: 0,
    });
  });
  it('a "done" awaiting confirmation is not done: in its open cell, and counted on its own line', () => {
    const waiting = { ...item('in_progress', '2025-07-10'), awaitingSince: new Date('2025-07-09T03:00:00Z') };
    expect(gridCell(waiting, D('2025-07-15'), TZ)).toBe('open_overdue');
    expect(isAwaiting(waiting)).toBe(true);
    const c = tally(
      [waiting, { ...item('not_started', '2025-08-01'), awaitingSince: new Date('2025-07-14T03:00:00Z') }],
      D('2025-07-15'),
      TZ,
    );
    expect(c).toMatchObject({ total: 2, done: 0, overdue: 1, openInTime: 1, awaiting: 2 });
    // A done item never awaits (its claim was confirmed).
    expect(isAwaiting({ status: 'done', awaitingSince: new Date('2025-07-09T03:00:00Z') })).toBe(false);
  });
});
