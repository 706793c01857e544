// Deadlines as plans write them, each with the literal day it resolves to (docs/counting.md's table).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDeadline } from '../../src/core/deadline.ts';
import { dueAsWritten } from '../../src/core/format.ts';
import type { LocalDate } from '../../src/core/types.ts';

const CASES: Array<[string, string]> = [
  ['30/9/2025', '2025-09-30'],
  ['30/09/2025', '2025-09-30'],
  ['30.9.2025', '2025-09-30'],
  ['30-9-2025', '2025-09-30'],
  ['Trước 31/12/2025', '2025-12-31'],
  ['trước ngày 15/8/2025', '2025-08-15'],
  ['chậm nhất 15/8/2025', '2025-08-15'],
  ['Tháng 11/2025', '2025-11-30'],
  ['tháng 11 năm 2025', '2025-11-30'],
  ['T11/2025', '2025-11-30'],
  ['11/2025', '2025-11-30'],
  ['Tháng 2/2028', '2028-02-29'],
  ['Quý III/2025', '2025-09-30'],
  ['Quý 3/2025', '2025-09-30'],
  ['quý III năm 2025', '2025-09-30'],
  ['Q3/2025', '2025-09-30'],
  ['Quý I/2026', '2026-03-31'],
  ['Quý IV/2025', '2025-12-31'],
  ['Quy II/2025', '2025-06-30'],
  ['6 tháng đầu năm 2025', '2025-06-30'],
  ['6 tháng cuối năm 2025', '2025-12-31'],
  ['Năm 2025', '2025-12-31'],
  ['2025', '2025-12-31'],
  ['Trong năm 2025', '2025-12-31'],
  ['2025-2026', '2026-12-31'],
  ['2025 - 2030', '2030-12-31'],
  ['Giai đoạn 2025-2030', '2030-12-31'],
  ['  Quý  III / 2025 ', '2025-09-30'],
];

describe('a deadline as written resolves to the last day of what it names', () => {
  for (const [written, due] of CASES) {
    it(`"${written}" is ${due}`, () => {
      expect(resolveDeadline(written)).toEqual({ kind: 'day', due });
    });
  }
  for (const written of ['Thường xuyên', 'Hằng năm', 'Hàng năm', 'Liên tục', 'Hằng quý', 'thuong xuyen']) {
    it(`"${written}" is an ongoing task, with no day`, () => {
      expect(resolveDeadline(written)).toEqual({ kind: 'ongoing' });
    });
  }
  for (const written of [
    '',
    'sớm',
    '31/2/2025',
    '13/2025',
    'Quý V/2025',
    '32/1/2025',
    'Giai đoạn 2030-2025',
    'Khi có yêu cầu',
    'Năm 1890',
  ]) {
    it(`"${written}" is refused, not guessed`, () => {
      expect(resolveDeadline(written)).toBeNull();
    });
  }
});

describe("the README's deadline table (Plan annexes) says what the reader gets", () => {
  const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
  const from = readme.indexOf('| written | due day |');
  const rows = readme.slice(from, readme.indexOf('\n\n', from)).split('\n').slice(2);
  it('lists the forms of the tracking model, the zero-padded day and the spaced period among them', () => {
    expect(from).toBeGreaterThan(-1);
    expect(rows).toHaveLength(8);
    const forms = rows.flatMap((r) => [...r.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    expect(forms).toEqual(expect.arrayContaining(['30/09/2025', '2025 - 2030', 'Giai đoạn 2025-2030']));
  });
  it.each(rows)('%s', (row) => {
    const ongoing = row.includes('none: an ongoing task');
    for (const [, written] of row.matchAll(/`([^`]+)`/g)) {
      const got = resolveDeadline(written!);
      expect(got, written).not.toBeNull();
      expect(got!.kind, written).toBe(ongoing ? 'ongoing' : 'day');
      if (!ongoing)
        expect(got, written).toEqual({ kind: 'day', due: CASES.find(([w]) => w === written)![1] });
    }
  });
});

describe('a deadline as every view shows it', () => {
  const D = (d: string) => d as LocalDate;
  it('words with the resolved day when they differ', () => {
    expect(dueAsWritten({ dueText: 'Quý III/2025', dueDate: D('2025-09-30') }, 'vi')).toBe(
      'Quý III/2025 (30/09/2025)',
    );
  });
  it('a written day alone when it is that day', () => {
    expect(dueAsWritten({ dueText: '30/09/2025', dueDate: D('2025-09-30') }, 'vi')).toBe('30/09/2025');
  });
  it('the day alone when no words were kept, the words alone for an ongoing task', () => {
    expect(dueAsWritten({ dueText: null, dueDate: D('2025-09-30') }, 'vi')).toBe('30/09/2025');
    expect(dueAsWritten({ dueText: 'Thường xuyên', dueDate: null }, 'vi')).toBe('Thường xuyên');
    expect(dueAsWritten({ dueText: null, dueDate: null }, 'en')).toBe('ongoing');
  });
});
