// Reminders rendered into reply lines and buttons, in Vietnamese and English.
import { describe, expect, it } from 'vitest';
import { lineText, renderHtml } from '../../src/core/reply.ts';
import type { ItemCode, ItemView, Lang } from '../../src/core/types.ts';
import {
  type PlannedMessage,
  type ReminderKind,
  asLocalDate,
  reminderButtons,
  reminderReply,
  renderReminder,
} from '../../src/reminders/index.ts';
import { I, P, PG, people, target, task } from './fixtures.ts';

const today = asLocalDate('2025-07-15');
const bts = task('NQ57-12.3', {
  due: '2025-07-10',
  progress: 40,
  updated: '2025-07-07T10:00:00+07:00',
  title: 'Lắp đặt trạm BTS phủ sóng di động tại các thôn vùng lõm sóng xã Bắc Phong',
});
const portal = task('NQ57-12.4', { due: '2025-07-18', title: 'Nâng cấp Cổng dịch vụ công' });
const tomorrow = task('NQ57-12.5', { due: '2025-07-16', title: 'Báo cáo tiến độ' });
const lastYear = task('NQ57-12.6', { due: '2025-07-14', title: 'Cấp chứng thư số' });
const nextYear = task('NQ57-12.7', { due: '2026-01-05', progress: 10, title: 'Chuyển đổi IPv6' });
const all: ItemView[] = [bts, portal, tomorrow, lastYear, nextYear];

const ctx = (items: ItemView[] = all) => ({
  today,
  items: new Map(items.map((i) => [i.code, i])),
  people,
  programs: [{ code: PG('NQ57'), name: { vi: 'Nghị quyết 57', en: 'Resolution 57' } }],
});
const msg = (
  kind: ReminderKind,
  items: ItemCode[],
  lang: Lang = 'vi',
  extra: Partial<PlannedMessage> = {},
) => ({
  person: P('P09'),
  kind,
  items,
  idempotencyKey: `P09:${kind}:2025-07-15`,
  lang,
  ...extra,
});
const text = (m: PlannedMessage, items?: ItemView[]) => renderReminder(m, ctx(items)).map(lineText);

describe('assignee reminders, rendered', () => {
  it('read in Vietnamese with a dated heading, one line per task and the reply hint', () => {
    expect(text(msg('assignee', [bts.code, portal.code]))).toEqual([
      '🔔 Nhắc việc ngày 15/07/2025',
      '🔴 NQ57-12.3 Lắp đặt trạm BTS phủ sóng di động tại các thôn vùng lõm… — quá hạn 5 ngày, 40%',
      '🟠 NQ57-12.4 Nâng cấp Cổng dịch vụ công — còn 3 ngày (hạn 18/07)',
      'Trả lời tin này: “xong”, “80% ghi chú” hoặc “vướng: lý do”.',
    ]);
  });

  it('read in English with singular and plural days', () => {
    expect(text(msg('assignee', [bts.code, lastYear.code, tomorrow.code, portal.code], 'en'))).toEqual([
      '🔔 Reminders for 15 Jul 2025',
      '🔴 NQ57-12.3 Lắp đặt trạm BTS phủ sóng di động tại các thôn vùng lõm… — overdue by 5 days, 40%',
      '🔴 NQ57-12.6 Cấp chứng thư số — overdue by 1 day, 0%',
      '🟠 NQ57-12.5 Báo cáo tiến độ — 1 day left (due 16 Jul)',
      '🟠 NQ57-12.4 Nâng cấp Cổng dịch vụ công — 3 days left (due 18 Jul)',
      'Reply to this message: “done”, “80% note” or “blocked: reason”.',
    ]);
  });

  it('put the heading and the task codes in bold, and nothing else', () => {
    const lines = renderReminder(msg('assignee', [portal.code]), ctx());
    expect(lines[0]).toEqual([{ b: '🔔 Nhắc việc ngày 15/07/2025' }]);
    expect(lines[1]?.[1]).toEqual({ b: 'NQ57-12.4' });
    expect(renderHtml(lines)).toContain('🟠 <b>NQ57-12.4</b> Nâng cấp Cổng dịch vụ công');
  });

  it('say a task is due today, and give the year of a due date in another year', () => {
    const dueToday = task('NQ57-12.8', { due: '2025-07-15', progress: 90, title: 'Nghiệm thu' });
    expect(text(msg('assignee', [dueToday.code, nextYear.code]), [dueToday, nextYear]).slice(1, 3)).toEqual([
      '🟠 NQ57-12.8 Nghiệm thu — đến hạn hôm nay, 90%',
      '🟡 NQ57-12.7 Chuyển đổi IPv6 — còn 174 ngày (hạn 05/01/2026), 10%, chưa cập nhật 30 ngày',
    ]);
  });

  it('mark the tasks a leader asked to explain', () => {
    const lines = text(msg('assignee', [bts.code], 'vi', { pendingExplanations: [bts.code] }));
    expect(lines[1]).toMatch(/— ❓ cần giải trình$/);
  });
});

describe('buttons under a reminder', () => {
  it('offer done, 50%, 80%, blocked and remind-tomorrow for a single task, in Vietnamese', () => {
    const item = I('NQ57-12.3');
    expect(reminderButtons(msg('assignee', [item]))).toEqual([
      [
        { label: '✅ Xong', action: { kind: 'update', item, status: 'done', percent: 100 } },
        { label: '50%', action: { kind: 'update', item, status: 'in_progress', percent: 50 } },
        { label: '80%', action: { kind: 'update', item, status: 'in_progress', percent: 80 } },
      ],
      [
        { label: '⏸ Vướng', action: { kind: 'update', item, status: 'blocked', percent: null } },
        { label: '🔔 Nhắc lại mai', action: { kind: 'snooze', item } },
      ],
    ]);
  });

  it('speak English to an English reader', () => {
    const labels = reminderButtons(msg('assignee', [I('NQ57-12.3')], 'en'))
      .flat()
      .map((b) => b.label);
    expect(labels).toEqual(['✅ Done', '50%', '80%', '⏸ Blocked', '🔔 Remind me tomorrow']);
  });

  it('are left off when the message lists several tasks, and on digests', () => {
    expect(reminderButtons(msg('assignee', [bts.code, portal.code]))).toEqual([]);
    expect(reminderButtons(msg('agency_digest', [bts.code]))).toEqual([]);
  });

  it('come with the task the reply is about in the full reply', () => {
    const reply = reminderReply(msg('assignee', [bts.code]), ctx());
    expect(reply.about).toBe('NQ57-12.3');
    expect(reply.buttons).toHaveLength(2);
    expect(reminderReply(msg('assignee', [bts.code, portal.code]), ctx()).about).toBeNull();
  });
});

describe('digests and escalations, rendered', () => {
  it('show an agency head each task with its assignee', () => {
    expect(text(msg('agency_digest', [bts.code, portal.code]))).toEqual([
      '🏢 Việc cần chú ý của Sở Khoa học và Công nghệ ngày 15/07/2025',
      '1 việc quá hạn, 1 việc sắp đến hạn.',
      '🔴 NQ57-12.3 Lắp đặt trạm BTS phủ sóng di động tại các thôn vùng lõm… — quá hạn 5 ngày, 40% · Đặng Quang Huy',
      '🟠 NQ57-12.4 Nâng cấp Cổng dịch vụ công — còn 3 ngày (hạn 18/07), 0% · Đặng Quang Huy',
    ]);
  });

  it('tell a superior how long each escalated task has been silent', () => {
    expect(text(msg('escalation', [bts.code], 'en'))).toEqual([
      '⚠️ Overdue tasks with no recent update, 15 Jul 2025',
      '🔴 NQ57-12.3 Lắp đặt trạm BTS phủ sóng di động tại các thôn vùng lõm… — overdue by 5 days, 40%, no update for 8 days · Đặng Quang Huy',
      'Please follow up, or write “ask for an explanation of NQ57-12.3”.',
    ]);
    expect(text(msg('escalation', [bts.code])).at(-1)).toBe(
      'Đề nghị đôn đốc, hoặc nhắn “yêu cầu giải trình NQ57-12.3”.',
    );
  });

  it('give a leader programme totals with a decimal comma, the worst agencies, the unreachable and the awaited', () => {
    const targets = [
      target('NQ57-01', { due: '2025-06-30', progress: 20, title: 'Thành lập Trung tâm Đổi mới sáng tạo' }),
      target('NQ57-02', { due: '2025-07-01', status: 'done' }),
      target('NQ57-03', { due: '2025-07-20' }),
    ];
    const items = [
      ...targets,
      bts,
      portal,
      task('NQ57-20.1', { due: '2025-07-01', agency: 'TTCDS', assignee: 'P20' }),
    ];
    const lines = text(
      msg('leader_digest', [I('NQ57-01')], 'vi', {
        unreachable: [P('P32'), P('P77')],
        pendingExplanations: [I('NQ57-01'), I('NQ57-12.3')],
      }),
      items,
    );
    expect(lines).toEqual([
      '📊 Tổng hợp ngày 15/07/2025',
      'NQ57: 1/3 chỉ tiêu hoàn thành (33,3%), 1 quá hạn, 1 đến hạn tuần này',
      'Chỉ tiêu quá hạn (1):',
      '🔴 NQ57-01 Thành lập Trung tâm Đổi mới sáng tạo — quá hạn 15 ngày, 20% · Sở Khoa học và Công nghệ',
      'Đơn vị chậm nhất:',
      '1. Sở Khoa học và Công nghệ: 1 việc quá hạn, 0% hoàn thành',
      '2. Trung tâm Chuyển đổi số: 1 việc quá hạn, 0% hoàn thành',
      '📵 Chưa liên lạc được: Nguyễn Văn Tâm, P77',
      '❓ Đang chờ giải trình: NQ57-01, NQ57-12.3',
    ]);
  });

  it('give an English leader the same numbers with a decimal point', () => {
    const targets = [
      target('NQ57-01', { due: '2025-06-30' }),
      target('NQ57-02', { due: '2025-07-01', status: 'done' }),
      target('NQ57-03', { due: '2025-07-20' }),
    ];
    const lines = text(msg('leader_digest', [I('NQ57-01')], 'en', { unreachable: [P('P32')] }), targets);
    expect(lines.slice(0, 3)).toEqual([
      '📊 Summary for 15 Jul 2025',
      'NQ57: 1/3 targets done (33.3%), 1 overdue, 1 due this week',
      'Overdue targets (1):',
    ]);
    expect(lines.at(-1)).toBe('📵 Not reachable: Nguyễn Văn Tâm');
  });

  it('count the overdue targets beyond the first ten instead of listing them', () => {
    const targets = Array.from({ length: 12 }, (_, n) =>
      target(`NQ57-${String(n + 1).padStart(2, '0')}`, { due: '2025-07-01' }),
    );
    const lines = text(
      msg(
        'leader_digest',
        targets.map((t) => t.code),
        'vi',
      ),
      targets,
    );
    expect(lines).toContain('… và 2 chỉ tiêu khác');
    expect(lines.filter((l) => l.startsWith('🔴'))).toHaveLength(10);
  });
});
