// What a reminder says: the assignee's, agency's and leader's daily messages, escalations and buttons.
import type { Lang } from '../types.ts';
import type { Bilingual, WordsOf } from './bilingual.ts';

/** "5 ngày" / "1 day", "5 days". */
export function days(n: number, lang: Lang): string {
  return lang === 'vi' ? `${n} ngày` : `${n} ${n === 1 ? 'day' : 'days'}`;
}

const vi = {
  assigneeTitle: (day: string) => `🔔 Nhắc việc ngày ${day}`,
  replyHint: 'Trả lời tin này: “xong”, “80% ghi chú” hoặc “vướng: lý do”.',
  overdue: (n: number) => `quá hạn ${days(n, 'vi')}`,
  dueToday: 'đến hạn hôm nay',
  left: (n: number, due: string) => `còn ${days(n, 'vi')} (hạn ${due})`,
  silent: (n: number) => `chưa cập nhật ${days(n, 'vi')}`,
  explain: '❓ cần giải trình',
  agencyTitle: (names: string, day: string) => `🏢 Việc cần chú ý của ${names} ngày ${day}`,
  agencyCounts: (overdue: number, soon: number) => `${overdue} việc quá hạn, ${soon} việc sắp đến hạn.`,
  leaderTitle: (day: string) => `📊 Tổng hợp ngày ${day}`,
  programLine: (s: { done: number; total: number; pct: string; overdue: number; week: number }) =>
    `: ${s.done}/${s.total} chỉ tiêu hoàn thành (${s.pct}), ${s.overdue} quá hạn, ${s.week} đến hạn tuần này`,
  overdueTargets: (n: number) => `Chỉ tiêu quá hạn (${n}):`,
  more: (n: number) => `… và ${n} chỉ tiêu khác`,
  worstAgencies: 'Đơn vị chậm nhất:',
  agencyLine: (overdue: number, pct: string) => `: ${overdue} việc quá hạn, ${pct} hoàn thành`,
  unreachable: '📵 Chưa liên lạc được: ',
  pending: '❓ Đang chờ giải trình: ',
  escalationTitle: (day: string) => `⚠️ Việc quá hạn lâu chưa cập nhật ngày ${day}`,
  escalationHint: (code: string) => `Đề nghị đôn đốc, hoặc nhắn “yêu cầu giải trình ${code}”.`,
  chartCaption: (name: string, day: string) => ` — ${name}: tiến độ theo đơn vị, ngày ${day}`,
  buttons: { done: '✅ Xong', blocked: '⏸ Vướng', snooze: '🔔 Nhắc lại mai' },
};

const en: WordsOf<typeof vi> = {
  assigneeTitle: (day: string) => `🔔 Reminders for ${day}`,
  replyHint: 'Reply to this message: “done”, “80% note” or “blocked: reason”.',
  overdue: (n: number) => `overdue by ${days(n, 'en')}`,
  dueToday: 'due today',
  left: (n: number, due: string) => `${days(n, 'en')} left (due ${due})`,
  silent: (n: number) => `no update for ${days(n, 'en')}`,
  explain: '❓ explanation requested',
  agencyTitle: (names: string, day: string) => `🏢 Tasks needing attention at ${names} on ${day}`,
  agencyCounts: (overdue: number, soon: number) => `${overdue} overdue, ${soon} due soon.`,
  leaderTitle: (day: string) => `📊 Summary for ${day}`,
  programLine: (s: { done: number; total: number; pct: string; overdue: number; week: number }) =>
    `: ${s.done}/${s.total} targets done (${s.pct}), ${s.overdue} overdue, ${s.week} due this week`,
  overdueTargets: (n: number) => `Overdue targets (${n}):`,
  more: (n: number) => `… and ${n} more ${n === 1 ? 'target' : 'targets'}`,
  worstAgencies: 'Agencies most behind:',
  agencyLine: (overdue: number, pct: string) =>
    `: ${overdue} overdue ${overdue === 1 ? 'task' : 'tasks'}, ${pct} done`,
  unreachable: '📵 Not reachable: ',
  pending: '❓ Explanations pending: ',
  escalationTitle: (day: string) => `⚠️ Overdue tasks with no recent update, ${day}`,
  escalationHint: (code: string) => `Please follow up, or write “ask for an explanation of ${code}”.`,
  chartCaption: (name: string, day: string) => ` — ${name}: progress by agency, ${day}`,
  buttons: { done: '✅ Done', blocked: '⏸ Blocked', snooze: '🔔 Remind me tomorrow' },
};

export const REMINDERS: Bilingual<WordsOf<typeof vi>> = { vi, en };
