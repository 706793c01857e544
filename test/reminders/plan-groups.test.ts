// Group digests, planned and rendered purely: one per subscribed group on a working day, none on days off, nothing personal.
import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/core/reply.ts';
import {
  groupDigestReply,
  planGroupDigests,
  planReminders,
  renderContext,
  type PlanGroup,
} from '../../src/reminders/index.ts';
import { input, people, target, task } from './fixtures.ts';

const GROUP: PlanGroup = { channel: 'telegram', chatId: '-100500', lang: 'vi' };
const EN_GROUP: PlanGroup = { channel: 'zalo', chatId: 'zalo-group-7', lang: 'en' };

// Overdue tasks assigned to named people, an overdue target, an open and a done one.
const items = [
  target('NQ57-01', { due: '2025-07-01', progress: 40 }),
  target('NQ57-02', { due: '2025-07-18', progress: 10 }),
  target('NQ57-03', { due: '2025-06-30', status: 'done' }),
  target('DA06-01', { due: '2025-12-31', progress: 5, agency: 'X-TANPHU' }),
  task('NQ57-01.1', { due: '2025-07-01', assignee: 'P09', progress: 40 }),
  task('NQ57-01.2', { due: '2025-07-05', assignee: 'P11' }),
  task('NQ57-03.1', { due: '2025-06-30', assignee: 'P07', status: 'done' }),
  task('DA06-01.1', { due: '2025-07-10', assignee: 'P32', agency: 'X-TANPHU' }),
];
const planAt = (iso: string, groups: PlanGroup[] = [GROUP]) =>
  planGroupDigests(input({ now: new Date(iso), items, groups }));

const ITEM_CODE = /\b[A-Z]{2,5}\d{2}-\d{2}/;

describe('group digests', () => {
  it('plans exactly one digest per subscribed group on a working day, keyed by group and day', () => {
    const plan = planAt('2025-07-15T08:00:00+07:00', [GROUP, EN_GROUP, GROUP]);
    expect(plan).toEqual({
      localDay: '2025-07-15',
      skipped: null,
      digests: [
        { kind: 'group_digest', ...GROUP, idempotencyKey: 'group:telegram:-100500:2025-07-15' },
        { kind: 'group_digest', ...EN_GROUP, idempotencyKey: 'group:zalo:zalo-group-7:2025-07-15' },
      ],
    });
  });

  it('sends none on a weekend, a holiday or in quiet hours, as the reminders', () => {
    expect(planAt('2025-07-19T08:00:00+07:00')).toEqual({
      localDay: '2025-07-19',
      skipped: { reason: 'non_working_day' },
      digests: [],
    });
    expect(planAt('2025-09-02T08:00:00+07:00').skipped).toEqual({ reason: 'non_working_day' });
    expect(planAt('2025-07-15T22:00:00+07:00').skipped).toEqual({ reason: 'quiet_hours' });
    expect(planAt('2025-09-03T08:00:00+07:00').digests).toHaveLength(1);
  });

  it('sends none without subscribers or without targets to count, and leaves the people’s plan alone', () => {
    expect(planAt('2025-07-15T08:00:00+07:00', []).digests).toEqual([]);
    expect(planGroupDigests(input({ items: [], groups: [GROUP] })).digests).toEqual([]);
    const without = planReminders(input({ items }));
    expect(planReminders(input({ items, groups: [GROUP, EN_GROUP] }))).toEqual(without);
  });

  it('shows the province per programme and the agencies most behind, and nothing private', () => {
    const all = input({ items, groups: [GROUP, EN_GROUP] });
    const plan = planGroupDigests(all);
    const ctx = renderContext(all, plan);
    const [vi, en] = plan.digests.map((d) => groupDigestReply(d, ctx));
    expect(renderPlain(vi!.lines)).toBe(
      [
        '📊 Bản tin tiến độ toàn tỉnh ngày 15/07/2025',
        'NQ57: 1/3 chỉ tiêu hoàn thành (33,3%), 1 quá hạn, 1 đến hạn tuần này',
        'DA06: 0/1 chỉ tiêu hoàn thành (0%), 0 quá hạn, 0 đến hạn tuần này',
        'Đơn vị chậm nhất:',
        '1. Sở Khoa học và Công nghệ: 2 việc quá hạn, 33,3% hoàn thành',
        '2. Xã Tân Phú: 1 việc quá hạn, 0% hoàn thành',
        'Hỏi thêm ngay trong nhóm: “/quahan NQ57”, “/tonghop DA06”. Gõ “/bantin tat” để dừng bản tin.',
      ].join('\n'),
    );
    expect(renderPlain(en!.lines)).toMatch(
      /^📊 Province progress digest, .*\nNQ57: 1\/3 targets done \(33.3%\)/,
    );
    for (const reply of [vi!, en!]) {
      const text = renderPlain(reply.lines);
      for (const p of people) expect(text).not.toContain(p.name);
      expect(text).not.toMatch(ITEM_CODE);
      expect(reply.buttons).toEqual([]);
      expect(reply.about).toBeNull();
    }
  });
});
