// Issue 14: "đơn vị nào chậm nhất", "xếp hạng các sở", "which agencies are most behind" are summary
// questions whose answer leads with the agencies' ranking — the same table as `dondoc ranking`
// (test/cli/ranking.test.ts has its numbers, worked out from the demo's CSV files).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('the ranking in chat on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  it('"đơn vị nào chậm nhất" leads with the year to date, lowest on-time rate first', async () => {
    const lines = (await h.ask('đơn vị nào chậm nhất')).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '📊 Tổng hợp tiến độ — toàn tỉnh — ngày 15/07/2025',
      'Xếp hạng đơn vị theo tỷ lệ hoàn thành đúng hạn (từ 01/01 đến 15/07), thấp nhất trước:',
      '1. Xã Bắc Phong: 0% đúng hạn (0/2) · 2 quá hạn',
      '2. Xã Tân Phú: 0% đúng hạn (0/2) · 2 quá hạn',
      '3. Xã Đông Sơn: 0% đúng hạn (0/1) · 1 quá hạn',
      '4. Sở Giáo dục và Đào tạo: 33,3% đúng hạn (2/6) · 3 quá hạn',
    ]);
    expect(lines[11]).toBe('10. Công an tỉnh: 63,6% đúng hạn (7/11) · 3 quá hạn');
    // The rest of the summary follows, unchanged.
    expect(lines[12]).toMatch(/^CDS25: 6\/15 chỉ tiêu hoàn thành/);
  });

  it('"xếp hạng các sở" is the same ranking; a plain summary has none', async () => {
    const ranked = (await h.ask('xếp hạng các sở')).split('\n');
    expect(ranked[1]).toMatch(/^Xếp hạng đơn vị theo tỷ lệ hoàn thành đúng hạn/);
    expect(ranked[2]).toBe('1. Xã Bắc Phong: 0% đúng hạn (0/2) · 2 quá hạn');
    expect(await h.ask('tổng hợp tiến độ')).not.toContain('Xếp hạng');
  });

  it('in English, for one programme and a named quarter, judged at its last day', async () => {
    const lines = (await h.ask('which agencies are most behind in NQ57 in Q2')).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '📊 Progress summary — NQ57 — 15 Jul 2025',
      'Items due between 1 Apr and 30 Jun.',
      'Agencies by share of tasks done on time (between 1 Apr and 30 Jun), lowest first:',
      '1. Department of Education and Training: 25% on time (1/4) · 1 overdue',
      '2. Department of Finance: 33.3% on time (1/3) · 1 overdue',
    ]);
    expect(lines[11]).toBe('9. Department of Science and Technology: 69.6% on time (16/23) · 0 overdue');
  });
});
