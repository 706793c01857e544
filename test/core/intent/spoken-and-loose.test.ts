// Numbers and codes as a phone's dictation and hurried typing leave them: "NQ57 12 chấm 3", "tám mươi
// phần trăm", "3,200 of 5,000", a programme and a bare number.
import { describe, expect, it } from 'vitest';
import { findBadPercent, parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate).intent;

describe('a task number said aloud', () => {
  it.each([
    ['ờ cái chỉ tiêu NQ57 12 chấm 3 thì là đang đến đâu rồi', 'status', 'NQ57-12.3'],
    ['o chi tieu NQ57 19 cham 2 dang den dau roi', 'status', 'NQ57-19.2'],
    ['update NQ57 25 point 1 is at ninety percent now', 'update', 'NQ57-25.1'],
    ['NQ57-12 chấm 4 xong', 'update', 'NQ57-12.4'],
  ])('reads %j', (text, intent, target) => {
    expect(parse(text)).toMatchObject({ intent, target });
  });

  it('never reads "chậm" (late) as the dot, nor a time after "cham"', () => {
    expect(parse('NQ57-19 chậm 2').target).toBe('NQ57-19');
    expect(parse('NQ57-19 chậm 2 tuần rồi').target).toBe('NQ57-19');
    expect(parse('NQ57-19 cham 2 ngay').target).toBe('NQ57-19');
    expect(parse('xyz12-3 point 1').target).not.toBe('XYZ12-03.1');
  });
});

describe('a programme then a bare number', () => {
  it('is an item only before a question, a word of progress or the sender', () => {
    expect(parse('nq57 19 bat dau lam tu thu hai')).toMatchObject({ intent: 'update', target: 'NQ57-19' });
    expect(parse('NQ57 12 việc quá hạn')).toMatchObject({ intent: 'overdue', target: null });
    expect(parse('NQ57 3 tháng tới có gì đến hạn')).toMatchObject({ intent: 'due_soon', target: null });
    expect(parse('CDS25 5 đơn vị nào chậm nhất').target).toBeNull();
    // A count of something else never lands a report on the item it seems to name.
    expect(parse('DA06 3 hồ sơ đã xong')).toMatchObject({ target: null });
    expect(parse('DA06 3 hồ sơ đã xong').intent).not.toBe('update');
    expect(parse('nq57 19 em bắt đầu rồi')).toMatchObject({ intent: 'update', target: 'NQ57-19' });
    expect(parse("What's NQ 57 16 at now?")).toMatchObject({ intent: 'status', target: 'NQ57-16' });
    expect(parse('da06 12 signed off yesterday.')).toMatchObject({ intent: 'update', target: 'DA06-12' });
    expect(parse('nq57 32 mới 25%, đg chờ dtoán dc duyệt ạ')).toMatchObject({
      intent: 'update',
      target: 'NQ57-32',
    });
    expect(parse('nq57 23 nghiệm thu chưa nhỉ')).toMatchObject({ intent: 'status', target: 'NQ57-23' });
    expect(parse('NQ57 12:30 họp').target).toBeNull();
  });
});

describe('a percent said in words', () => {
  it.each([
    ['nhiệm vụ DA06-10.2 đạt sáu mươi lăm phần trăm còn lại đang chạy thử', 65],
    ['NQ57-22.1 đạt bốn mươi phần trăm r còn đang đợi thiết bị', 40],
    ['NQ57-12 được mười lăm phần trăm', 15],
    ['NQ57-12 hai mươi mốt phần trăm', 21],
    ['NQ57-12 hai mươi tư phần trăm', 24],
    ['NQ57-12 một trăm phần trăm', 100],
    ['NQ57-12 forty-five per cent', 45],
    ['DA06-03 ninety percent', 90],
    ['DA06-03 a hundred percent', 100],
  ])('reads %j', (text, percent) => {
    expect(parse(text)).toMatchObject({ intent: 'update', percent });
  });
});

describe('a percent said in words that is no percent', () => {
  it('reads the whole number, so one over 100 is refused as "150%" is, never recorded as its last part', () => {
    for (const [text, value] of [
      ['NQ57-12 một trăm năm mươi phần trăm', 150],
      ['NQ57-12 one hundred and fifty percent', 150],
      ['NQ57-12 hai trăm phần trăm', 200],
      ['NQ57-12 một trăm linh năm phần trăm', 105],
    ] as const) {
      expect(findBadPercent(text, lexicon), text).toBe(value);
      expect(parse(text), text).toMatchObject({ intent: 'update', percent: null, status: null });
    }
  });

  it('drops words before the number that are no part of it ("từ" folds as "tư")', () => {
    expect(parse('NQ57-12 tăng từ năm mươi phần trăm').percent).toBe(50);
  });
});

describe('shares with thousands separators', () => {
  it('reads "3,200 of 5,000" and "2.100/3.000" as the share they are', () => {
    expect(parse('DA06-01 - 3,200 of 5,000 civil records digitised.')).toMatchObject({
      intent: 'update',
      percent: 64,
    });
    expect(parse('DA06-10.3 số hoá được 2.100/3.000 hồ sơ rôi')).toMatchObject({
      intent: 'update',
      percent: 70,
    });
    // A day is still no share.
    expect(parse('NQ57-12 xong trước 30/9')).toMatchObject({ percent: 100, status: 'done' });
  });
});
