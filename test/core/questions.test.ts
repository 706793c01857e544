import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { harness, type Harness } from './helpers.ts';

const CODE = /\b[A-Z]{2,5}\d{2}-\d{2}(?:\.\d+)?\b/g;
const codes = (text: string): string[] => text.match(CODE) ?? [];

describe.each(dbKinds())('answering questions about the demo province on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  describe('overdue', () => {
    it('lists the 9 overdue NQ57 targets, most overdue first, with days late, progress and owner', async () => {
      const text = await h.ask('mục tiêu NQ57 nào quá hạn?');
      const lines = text.split('\n');
      expect(lines[0]).toBe('🔴 9 chỉ tiêu quá hạn — NQ57:');
      expect(lines).toHaveLength(10);
      expect(lines[1]).toBe(
        '🔴 NQ57-03 Thành lập Trung tâm Đổi mới sáng tạo tỉnh Hòa An — quá hạn 15 ngày · 65% · Sở Khoa học và Công nghệ',
      );
      const late = lines.slice(1).map((l) => Number(/quá hạn (\d+) ngày/.exec(l)?.[1]));
      expect(late).toEqual([...late].sort((a, b) => b - a));
      expect(late.every((n) => n > 0)).toBe(true);
      expect(lines.slice(1).every((l) => l.startsWith('🔴 NQ57-'))).toBe(true);
    });

    it('answers in English when asked in English', async () => {
      const text = await h.ask('which Resolution 57 targets are overdue');
      expect(text.split('\n')[0]).toBe('🔴 9 overdue targets — NQ57:');
      expect(text).toContain('NQ57-03 Establish');
      expect(text).toMatch(/15 days overdue · 65% · Department of Science and Technology/);
    });

    it('lists tasks, with their assignees, when the question is about tasks', async () => {
      const text = await h.ask('nhiệm vụ NQ57 nào chậm tiến độ');
      expect(text.split('\n')[0]).toBe('🔴 20 nhiệm vụ quá hạn — NQ57:');
      expect(text).toContain(
        'NQ57-03.2 Thẩm định phương án tổ chức bộ máy, biên chế của Trung tâm — quá hạn 30 ngày · 50% · Cao Minh Tuấn (Sở Nội vụ)',
      );
    });

    it('says kindly when a scope has nothing overdue', async () => {
      expect(await h.ask('mục tiêu nào của Sở Tư pháp quá hạn')).toBe(
        'Không có chỉ tiêu nào quá hạn (Sở Tư pháp) 🎉',
      );
      expect(await h.ask('overdue targets of the Department of Justice')).toBe(
        'No overdue targets (Department of Justice) 🎉',
      );
    });
  });

  describe('list', () => {
    it('lists the blocked tasks province-wide, orange lights first, every line one item', async () => {
      const text = await h.ask('việc nào đang vướng mắc?');
      const lines = text.split('\n');
      const n = Number(/^📋 (\d+) nhiệm vụ vướng mắc — toàn tỉnh:$/.exec(lines[0] ?? '')?.[1]);
      expect(n).toBeGreaterThan(0);
      const items = lines.slice(1).filter((l) => codes(l).length > 0);
      expect(items.length).toBeLessThanOrEqual(n);
      expect(new Set(items.map((l) => codes(l)[0])).size).toBe(items.length);
    });

    it('scopes done targets to a programme, and says so when a status has none', async () => {
      const text = await h.ask('chỉ tiêu NQ57 nào đã hoàn thành');
      expect(text.split('\n')[0]).toMatch(/^📋 \d+ chỉ tiêu hoàn thành — NQ57:$/);
      expect(codes(text).every((c) => c.startsWith('NQ57-'))).toBe(true);
      expect(await h.ask('what was completed in June 1999')).toBe(
        'No targets done between 1 Jun 1999 and 30 Jun 1999 (province-wide).',
      );
    });
  });

  describe('due soon', () => {
    it('lists what falls due in the next 7 days by default, with the days left', async () => {
      const text = await h.ask('việc gì sắp đến hạn?');
      const lines = text.split('\n');
      expect(lines[0]).toMatch(/^🗓 \d+ nhiệm vụ đến hạn trong 7 ngày tới \(15\/07–21\/07\) — toàn tỉnh:$/);
      expect(text).toContain(
        'CDS25-08.2 Tích hợp đăng nhập bằng tài khoản VNeID — còn 2 ngày (17/07) · 50% · Lê Thị Hồng Nhung (Công an tỉnh)',
      );
      expect(text).not.toMatch(/quá hạn/);
    });

    it('uses the period named in the question: the 3 NQ57 targets due in the week of 14–20 July', async () => {
      const text = await h.ask('mục tiêu NQ57 nào sắp đến hạn tuần này');
      expect(text.split('\n')[0]).toBe('🗓 3 chỉ tiêu đến hạn từ 14/07 đến 20/07 — NQ57:');
      expect(codes(text)).toHaveLength(3);
    });

    it('answers in English', async () => {
      const text = await h.ask('which DA06 targets are due this week');
      expect(text.split('\n')[0]).toBe('🗓 1 target due between 14 Jul and 20 Jul — DA06:');
    });
  });

  describe('status', () => {
    it('shows a target with its lead agency, progress, due date, tasks and latest updates', async () => {
      const text = await h.ask('tiến độ NQ57-12');
      expect(text).toContain('Chỉ tiêu NQ57-12 Phủ sóng 5G đến 100% xã, phường');
      expect(text).toContain('Đơn vị chủ trì: Sở Khoa học và Công nghệ');
      expect(text).toMatch(/Tiến độ: \d+% · đang thực hiện/);
      expect(text).toContain('Hạn: 30/09/2025 (còn 77 ngày)');
      expect(text).toContain('Nhiệm vụ (4):');
      expect(codes(text)).toEqual(
        expect.arrayContaining(['NQ57-12.1', 'NQ57-12.2', 'NQ57-12.3', 'NQ57-12.4']),
      );
      const history = text.split('Cập nhật gần đây:\n')[1]!.split('\n');
      expect(history.length).toBeGreaterThan(0);
      expect(history.length).toBeLessThanOrEqual(5);
      expect(history[0]).toMatch(/^• 10\/07 09:56 — NQ57-12\.2 Bùi Thị Lan: 70% \(đang thực hiện\)/);
    });

    it('shows a task with its assignee and target, in English when asked in English', async () => {
      const replies = await h.send('status of DA06-03.2');
      expect(replies[0]?.about).toBe('DA06-03.2');
      const text = await h.ask('status of DA06-03.2');
      expect(text).toContain('Task DA06-03.2 Appraise and allocate funds for the 56 missing readers');
      expect(text).toContain('Part of target DA06-03');
      expect(text).toContain('Owner: Mai Thị Bích Ngọc (Department of Finance)');
      expect(text).toContain('Due: 31 Jul 2025 (16 days left)');
      expect(text).toContain('Latest updates:');
    });

    it('says when a code names nothing', async () => {
      expect(await h.ask('tiến độ NQ57-99')).toBe(
        'Không tìm thấy mã NQ57-99.\nHãy kiểm tra lại mã, ví dụ NQ57-12 (chỉ tiêu) hoặc NQ57-12.3 (nhiệm vụ).',
      );
    });
  });

  describe('summary', () => {
    it('gives NQ57 as 17/43 targets done (39,5%) with its overdue count and the worst agencies first', async () => {
      const text = await h.ask('tổng hợp tiến độ NQ57');
      const lines = text.split('\n');
      expect(lines[0]).toBe('📊 Tổng hợp tiến độ — NQ57 — ngày 15/07/2025');
      expect(lines[1]).toMatch(
        /^NQ57: 17\/43 chỉ tiêu hoàn thành \(39,5%\) · 9 quá hạn · \d+ đang thực hiện · \d+ vướng mắc$/,
      );
      expect(lines[2]).toMatch(
        /^ {3}Thời hạn: Hoàn thành đúng hạn \d+ · Hoàn thành quá hạn \d+ · Chưa hoàn thành, còn trong hạn \d+ · Quá hạn chưa hoàn thành 9$/,
      );
      expect(lines[3]).toMatch(/^ {3}Nhiệm vụ: \d+\/117 hoàn thành \(\d+(,\d)?%\) · 20 quá hạn$/);
      expect(lines[4]).toBe('Đơn vị cần chú ý nhất:');
      const overdue = lines.slice(5).map((l) => Number(/: (\d+) nhiệm vụ quá hạn/.exec(l)?.[1]));
      expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
    });

    it('gives every programme for the province, in English with a decimal point', async () => {
      const text = await h.ask('overall progress');
      expect(text).toContain('NQ57: 17/43 targets done (39.5%) · 9 overdue');
      expect(text).toContain('DA06: 5/12 targets done (41.7%) · 3 overdue');
      expect(text).toContain('CDS25: 6/15 targets done (40%) · 3 overdue');
    });

    it("gives an agency's own counts when an agency is named", async () => {
      const text = await h.ask('Sở KH&CN đạt bao nhiêu chỉ tiêu');
      expect(text.split('\n')[0]).toBe('📊 Tổng hợp tiến độ — Sở Khoa học và Công nghệ — ngày 15/07/2025');
      expect(text).toMatch(/Chỉ tiêu chủ trì: \d+\/\d+ hoàn thành/);
      expect(text).not.toContain('Đơn vị cần chú ý nhất');
    });
  });

  describe('my tasks', () => {
    it("lists the sender's open tasks, riskiest first", async () => {
      const text = await h.ask('việc của tôi', { senderId: 'P10' });
      const lines = text.split('\n');
      expect(lines[0]).toBe('📋 Bạn có 4 nhiệm vụ đang mở (việc cần chú ý lên trước):');
      expect(lines[1]).toMatch(/^🔴 CDS25-13\.2 .* — quá hạn 15 ngày · 45%$/);
      expect(lines.slice(1).map((l) => [...l][0])).toEqual(['🔴', '🟢', '🟢', '⚪']);
    });

    it('answers in English for someone who asks in English', async () => {
      const text = await h.ask('my tasks', { senderId: 'P11' });
      expect(text.split('\n')[0]).toMatch(/^📋 You have \d+ open tasks? \(most urgent first\):$/);
    });

    it('says so kindly when there is nothing open', async () => {
      expect(await h.ask('việc của tôi', { senderId: 'P01' })).toBe('Bạn không có nhiệm vụ nào đang mở 👍');
    });
  });

  describe('help and the unknown', () => {
    it('explains what the bot can do, with examples, in the sender’s language', async () => {
      const vi = await h.ask('/help');
      expect(vi).toContain('“mục tiêu NQ57 nào quá hạn?”');
      expect(vi).toContain('“việc của tôi”');
      const en = await h.ask('/help', { senderId: 'P06' });
      expect(en).toContain('“my tasks”');
      expect(en).toContain('“status of NQ57-12”');
    });

    it('answers what it cannot understand with two example questions', async () => {
      expect(await h.ask('thời tiết hôm nay thế nào')).toBe(
        'Xin lỗi, tôi chưa hiểu ý bạn.\nBạn có thể hỏi, ví dụ:\n• “mục tiêu NQ57 nào quá hạn?”\n• “tiến độ NQ57-12”\nGõ “/help” để xem hướng dẫn đầy đủ.',
      );
      const en = await h.ask('what is the weather like', { senderId: 'P06' });
      expect(en.split('\n')).toEqual([
        'Sorry, I did not understand that.',
        'You can ask, for example:',
        '• “which Resolution 57 targets are overdue?”',
        '• “status of NQ57-12”',
        'Type “/help” for the full guide.',
      ]);
    });

    it('asks which agency when a question names two', async () => {
      const text = await h.ask('tổng hợp tiến độ Sở Y tế và Công an tỉnh');
      expect(text.split('\n')).toEqual([
        'Bạn muốn hỏi đơn vị nào?',
        expect.stringMatching(/^• (Sở Y tế|Công an tỉnh)$/),
        expect.stringMatching(/^• (Sở Y tế|Công an tỉnh)$/),
        'Hãy hỏi lại và ghi rõ tên đơn vị.',
      ]);
    });
  });
});
