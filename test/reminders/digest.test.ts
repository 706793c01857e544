// Programme totals and agency ranking behind the leader digest.
import { describe, expect, it } from 'vitest';
import { asLocalDate, rankAgencies, summarizePrograms } from '../../src/reminders/index.ts';
import { PG, target, task } from './fixtures.ts';

const today = asLocalDate('2025-07-15');

describe('programme summaries', () => {
  it('count targets done, overdue and due by Sunday, with the share done to one decimal', () => {
    const items = [
      target('NQ57-01', { due: '2025-06-30', status: 'done' }),
      target('NQ57-02', { due: '2025-07-01', status: 'done' }),
      target('NQ57-03', { due: '2025-07-14' }),
      target('NQ57-04', { due: '2025-07-15' }),
      target('NQ57-05', { due: '2025-07-20', progress: 50 }),
      target('NQ57-06', { due: '2025-07-21' }),
      task('NQ57-03.1', { due: '2025-07-01' }),
    ];
    expect(summarizePrograms(items, today)).toEqual([
      { program: 'NQ57', total: 6, done: 2, overdue: 1, dueThisWeek: 2, percentDone: 33.3 },
    ]);
  });

  it('list programmes in the order given, then any others by code, and empty ones with zeros', () => {
    const items = [target('DA06-01', { due: '2025-08-01' }), target('CDS25-01', { due: '2025-08-01' })];
    expect(
      summarizePrograms(items, today, [PG('NQ57'), PG('DA06')]).map((s) => [s.program, s.total]),
    ).toEqual([
      ['NQ57', 0],
      ['DA06', 1],
      ['CDS25', 1],
    ]);
  });

  it('count only today as this week on a Sunday', () => {
    const items = [target('NQ57-01', { due: '2025-07-20' }), target('NQ57-02', { due: '2025-07-21' })];
    expect(summarizePrograms(items, asLocalDate('2025-07-20'))[0]?.dueThisWeek).toBe(1);
  });
});

describe('agency ranking', () => {
  it('puts the agency with most overdue tasks first, then the one with the lowest share done', () => {
    const items = [
      task('NQ57-01.1', { due: '2025-07-01', agency: 'TTCDS' }),
      task('NQ57-01.2', { due: '2025-07-01', agency: 'TTCDS' }),
      task('NQ57-02.1', { due: '2025-07-01', agency: 'SKHCN' }),
      task('NQ57-02.2', { due: '2025-07-01', agency: 'SKHCN', status: 'done' }),
      task('NQ57-03.1', { due: '2025-07-01', agency: 'X-TANPHU' }),
      task('NQ57-03.2', { due: '2025-08-01', agency: 'X-TANPHU' }),
      task('NQ57-04.1', { due: '2025-08-01', agency: 'UBND' }),
      target('NQ57-05', { due: '2025-07-01', agency: 'UBND' }),
    ];
    expect(rankAgencies(items, today).map((a) => [a.agency, a.overdue, a.percentDone])).toEqual([
      ['TTCDS', 2, 0],
      ['X-TANPHU', 1, 0],
      ['SKHCN', 1, 50],
      ['UBND', 0, 0],
    ]);
  });
});
