import { describe, expect, it } from 'vitest';
import {
  dueText,
  expectedProgress,
  LIGHT_EMOJI,
  formatDay,
  formatInteger,
  formatPercent,
  formatShortDay,
  itemLine,
  riskOrder,
  share,
  trafficLight,
  truncate,
} from '../../src/core/format.ts';
import { lineText } from '../../src/core/reply.ts';
import type {
  AgencyCode,
  ItemCode,
  ItemStatus,
  ItemView,
  LocalDate,
  Percent,
  PersonCode,
  ProgramCode,
} from '../../src/core/types.ts';

const TODAY = '2025-07-15' as LocalDate;
const day = (d: string) => d as LocalDate;

function item(
  over: Omit<Partial<ItemView>, 'code'> & { code?: string; due?: string; start?: string } = {},
): ItemView {
  const { code = 'NQ57-12.3', due = '2025-09-30', start = '2025-01-01', ...rest } = over;
  return {
    kind: 'task',
    code: code as ItemCode,
    title: {
      vi: 'Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới',
      en: 'Install 5G stations in remote communes',
    },
    program: 'NQ57' as ProgramCode,
    agency: 'SKHCN' as AgencyCode,
    agencyName: { vi: 'Sở KH&CN', en: 'Department of Science and Technology' },
    assignee: { code: 'P09' as PersonCode, name: 'Đặng Quang Huy' },
    dueDate: day(due),
    dueText: null,
    startDate: day(start),
    status: 'in_progress',
    progress: 40 as Percent,
    updatedAt: new Date('2025-07-10T09:00:00+07:00'),
    completedAt: null,
    ...rest,
  };
}
const status = (s: ItemStatus) => s;
const pct = (n: number) => n as Percent;

describe('traffic lights', () => {
  it('is red for an item due before today that is not done', () => {
    expect(trafficLight(item({ due: '2025-07-10' }), TODAY)).toBe('red');
    expect(
      trafficLight(item({ due: '2025-07-14', status: status('not_started'), progress: pct(0) }), TODAY),
    ).toBe('red');
  });

  it('marks a done item done (✅, never ⚪ like a not-started one), even one whose due date has passed', () => {
    expect(trafficLight(item({ due: '2025-07-10', status: status('done'), progress: pct(100) }), TODAY)).toBe(
      'done',
    );
    expect(LIGHT_EMOJI.done).toBe('✅');
    expect(LIGHT_EMOJI.done).not.toBe(LIGHT_EMOJI.white);
  });

  it('is orange for a blocked item that is not yet due', () => {
    expect(trafficLight(item({ status: status('blocked'), progress: pct(90) }), TODAY)).toBe('orange');
  });

  it('is orange for an item due within 7 days and behind the progress its time implies', () => {
    // 1 Jul → 20 Jul: on 15 Jul, 14 of 19 days have passed (about 74%); 50% is behind.
    const soon = { start: '2025-07-01', due: '2025-07-20' };
    expect(expectedProgress(item(soon), TODAY)).toBeCloseTo(73.7, 1);
    expect(trafficLight(item({ ...soon, progress: pct(50) }), TODAY)).toBe('orange');
    expect(trafficLight(item({ ...soon, progress: pct(80) }), TODAY)).toBe('green');
  });

  it('treats an item due today as at risk, not overdue', () => {
    expect(trafficLight(item({ due: '2025-07-15', progress: pct(90) }), TODAY)).toBe('orange');
  });

  it('is green for an item in progress whose due date is more than 7 days away, however far behind', () => {
    expect(trafficLight(item({ due: '2025-07-23', progress: pct(5) }), TODAY)).toBe('green');
  });

  it('is white for a not-started item far from its due date, orange when it is close', () => {
    expect(trafficLight(item({ status: status('not_started'), progress: pct(0) }), TODAY)).toBe('white');
    expect(
      trafficLight(item({ status: status('not_started'), progress: pct(0), due: '2025-07-18' }), TODAY),
    ).toBe('orange');
  });

  it('expects nothing before the start date and everything after the due date', () => {
    expect(expectedProgress(item({ start: '2025-08-01', due: '2025-09-30' }), TODAY)).toBe(0);
    expect(expectedProgress(item({ start: '2025-01-01', due: '2025-07-01' }), TODAY)).toBe(100);
  });
});

describe('risk order', () => {
  it('puts red first (most overdue first), then orange (blocked first), green, not started, done', () => {
    const items = [
      item({ code: 'A-1', status: status('done'), progress: pct(100) }),
      item({ code: 'A-2', status: status('not_started'), progress: pct(0) }),
      item({ code: 'A-3' }),
      item({ code: 'A-4', due: '2025-07-18', start: '2025-07-01', progress: pct(10) }),
      item({ code: 'A-5', status: status('blocked'), due: '2025-08-30' }),
      item({ code: 'A-6', due: '2025-07-10' }),
      item({ code: 'A-7', due: '2025-06-30' }),
    ];
    expect(riskOrder(items, TODAY).map((i) => i.code)).toEqual([
      'A-7',
      'A-6',
      'A-5',
      'A-4',
      'A-3',
      'A-2',
      'A-1',
    ]);
  });
});

describe('numbers and days', () => {
  it('writes a decimal comma in Vietnamese and a point in English', () => {
    expect(formatPercent(share(17, 43), 'vi')).toBe('39,5%');
    expect(formatPercent(share(17, 43), 'en')).toBe('39.5%');
    expect(formatPercent(40, 'vi')).toBe('40%');
    expect(formatPercent(share(0, 0), 'en')).toBe('0%');
  });

  it('groups thousands with a point in Vietnamese and a comma in English', () => {
    expect(formatInteger(4000, 'vi')).toBe('4.000');
    expect(formatInteger(20000, 'en')).toBe('20,000');
    expect(formatInteger(999, 'vi')).toBe('999');
  });

  it('writes days day-first in Vietnamese and with a month name in English', () => {
    expect(formatDay(day('2025-09-30'), 'vi')).toBe('30/09/2025');
    expect(formatDay(day('2025-09-30'), 'en')).toBe('30 Sep 2025');
    expect(formatShortDay(day('2025-07-18'), 'vi', TODAY)).toBe('18/07');
    expect(formatShortDay(day('2026-01-05'), 'vi', TODAY)).toBe('05/01/2026');
  });

  it('says how far the due date is', () => {
    expect(dueText(item({ due: '2025-07-10' }), TODAY, 'vi')).toBe('quá hạn 5 ngày');
    expect(dueText(item({ due: '2025-07-18' }), TODAY, 'vi')).toBe('còn 3 ngày (18/07)');
    expect(dueText(item({ due: '2025-07-16' }), TODAY, 'en')).toBe('1 day left (16 Jul)');
    expect(dueText(item({ due: '2025-07-15' }), TODAY, 'vi')).toBe('đến hạn hôm nay');
    expect(dueText(item({ due: '2025-09-30' }), TODAY, 'vi')).toBe('hạn 30/09/2025');
  });
});

describe('item lines', () => {
  it('show the light, code, title, lateness, progress and owner', () => {
    expect(lineText(itemLine(item({ due: '2025-07-10' }), TODAY, 'vi'))).toBe(
      '🔴 NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới — quá hạn 5 ngày · 40% · Đặng Quang Huy (Sở KH&CN)',
    );
    expect(lineText(itemLine(item({ due: '2025-07-18', start: '2025-07-01' }), TODAY, 'en'))).toBe(
      '🟠 NQ57-12.3 Install 5G stations in remote communes — 3 days left (18 Jul) · 40% · Đặng Quang Huy (Department of Science and Technology)',
    );
  });

  it('cut titles longer than 80 characters at a word', () => {
    const long =
      'Số hóa hồ sơ lưu trữ của cấp huyện trước khi kết thúc hoạt động chính quyền địa phương cấp huyện';
    const cut = truncate(long);
    expect([...cut].length).toBeLessThanOrEqual(80);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(truncate('ngắn')).toBe('ngắn');
  });
});
