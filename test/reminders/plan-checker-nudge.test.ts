// Checkers are nudged about claims of "done" that waited more than two working days for their word.
import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/core/reply.ts';
import type { PlanPerson } from '../../src/reminders/index.ts';
import { planReminders } from '../../src/reminders/index.ts';
import { reminderReply, renderContext } from '../../src/reminders/render.ts';
import { A, I, P, PG, input, people, task } from './fixtures.ts';

const admin: PlanPerson = {
  code: P('P01'),
  name: 'Lê Văn Quản',
  role: 'admin',
  agency: A('UBND'),
  lang: 'vi',
  channels: ['telegram'],
};
const MONDAY_8AM = new Date('2025-07-14T08:00:00+07:00');
const TUESDAY_8AM = new Date('2025-07-15T08:00:00+07:00');
// Thursday 10 July 2025: Friday, Monday and Tuesday are the next working days.
const claim = {
  item: I('NQ57-10.1'),
  claimId: 41,
  reporter: P('P09'),
  at: new Date('2025-07-10T15:00:00+07:00'),
};
const base = {
  people: [admin, ...people],
  items: [task('NQ57-10.1', { due: '2025-12-31', progress: 60, updated: '2025-07-10T15:00:00+07:00' })],
  awaitingClaims: [claim],
  checkers: [{ program: PG('NQ57'), person: P('P07') }],
};
const nudges = (now: Date, more = {}) =>
  planReminders(input({ ...base, now, ...more })).messages.filter((m) => m.kind === 'checker_nudge');

describe('checker nudges', () => {
  it('waits on Monday (two working days since Thursday) and nudges on Tuesday', () => {
    expect(nudges(MONDAY_8AM)).toEqual([]);
    expect(nudges(TUESDAY_8AM).map((m) => [m.person, m.items, m.idempotencyKey])).toEqual([
      ['P01', ['NQ57-10.1'], 'P01:checker_nudge:2025-07-15'],
      ['P07', ['NQ57-10.1'], 'P07:checker_nudge:2025-07-15'],
    ]);
  });

  it('never nudges the reporter of the claim, even an admin', () => {
    const own = { ...claim, reporter: P('P01') };
    expect(nudges(TUESDAY_8AM, { awaitingClaims: [own] }).map((m) => m.person)).toEqual(['P07']);
  });

  it('lists every waiting claim in one message with the verdict buttons of each', () => {
    const second = {
      item: I('NQ57-10.2'),
      claimId: 42,
      reporter: P('P11'),
      at: new Date('2025-07-09T09:00:00+07:00'),
    };
    const items = [...base.items, task('NQ57-10.2', { due: '2025-12-31', assignee: 'P11' })];
    const inp = input({ ...base, now: TUESDAY_8AM, items, awaitingClaims: [claim, second] });
    const plan = planReminders(inp);
    const msg = plan.messages.find((m) => m.kind === 'checker_nudge' && m.person === 'P07')!;
    expect(msg.items).toEqual(['NQ57-10.2', 'NQ57-10.1']);
    const reply = reminderReply(msg, renderContext(inp, plan));
    const text = renderPlain(reply.lines);
    expect(text).toContain('🔔 2 báo cáo hoàn thành chờ anh/chị xác nhận quá 2 ngày làm việc:');
    expect(text).toContain('• NQ57-10.2 Việc NQ57-10.2 — Lý Văn Khánh,');
    expect(text).toContain('• NQ57-10.1 Việc NQ57-10.1 — Đặng Quang Huy,');
    expect(reply.buttons).toEqual([
      [
        {
          label: '✅ Xác nhận NQ57-10.2',
          action: { kind: 'verdict', item: 'NQ57-10.2', claim: 42, ok: true },
        },
        {
          label: '↩️ Trả lại NQ57-10.2',
          action: { kind: 'verdict', item: 'NQ57-10.2', claim: 42, ok: false },
        },
      ],
      [
        {
          label: '✅ Xác nhận NQ57-10.1',
          action: { kind: 'verdict', item: 'NQ57-10.1', claim: 41, ok: true },
        },
        {
          label: '↩️ Trả lại NQ57-10.1',
          action: { kind: 'verdict', item: 'NQ57-10.1', claim: 41, ok: false },
        },
      ],
    ]);
  });
});
