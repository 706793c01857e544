// A commune named as the place of another matter, progress written without "%", news of an item asked
// for, and words typed in either language that are read as written (not "corrected" into others).
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/intent/analysis.ts';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);
const intentOf = (text: string) => {
  const p = parse(text);
  return p.choices ? 'ask' : p.intent.intent;
};
const folded = (text: string) => analyse(text, () => null).masked;

describe('a unit named as the place of another matter', () => {
  it.each([
    'tiến độ xây dựng bệnh viện mới ở Long Thành thế nào',
    'tien do giai ngan von xay dung nong thon moi xa Tan Phu ra sao',
    'điện lực Bắc Phong cắt điện lịch tuần này ntn mn ơi',
    "What's the progress on the new bridge in Bac Phong?",
    'Thẻ bảo hiểm y tế của con tôi quá hạn rồi, đi khám ở trạm y tế Bắc Phong có được hưởng không?',
    'My visa extension is due next week, does the Provincial Police handle that?',
  ])('%j is off-topic: the classifier is sure, the name does not overrule it', (text) => {
    expect(intentOf(text)).toBe('unknown');
  });

  it.each([
    ['tình hình xã Tân Phú thế nào', 'summary'],
    ['bắc phong đang thế nào', 'summary'],
    ['sở tp có j chậm ko', 'overdue'],
    ['Sở Y tế có việc nào đang vướng không', 'list'],
  ])('%j still asks about the unit (%s)', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('progress written without a percent sign', () => {
  it.each([
    ['nq57-22 đạt 75 r ạ', 'NQ57-22', 75],
    ['DA06-01.4 dat 50', 'DA06-01.4', 50],
    ['NQ57-40.2 dc 90pt r a', 'NQ57-40.2', 90],
    ['NQ57-24.1 50', 'NQ57-24.1', 50],
  ])('%j records %s at %i %', (text, target, percent) => {
    const p = parse(text).intent;
    expect(p).toMatchObject({ intent: 'update', target, percent, status: 'in_progress' });
  });

  it('a number over 100 said so is refused, not recorded', () => {
    for (const text of ['NQ57-24.1 150', 'nq57-22 đạt 150 r']) {
      const p = parse(text);
      expect(p.intent).toMatchObject({ intent: 'update', percent: null, status: null });
      expect(p.percentProblem).toMatchObject({ kind: 'out_of_range', value: 150 });
    }
  });

  it('but a target code and a bare number may be a task with its dot left out: asked, not recorded', () => {
    expect(parse('NQ57-12 3').intent).toMatchObject({ intent: 'status', target: 'NQ57-12', percent: null });
    expect(parse('NQ57-12 30').intent).toMatchObject({ intent: 'status', percent: null });
    // "12 pt" set apart may be anything: only "pt" glued to its number is a percent.
    expect(parse('NQ57-12.3 cỡ chữ 12 pt').intent.percent).toBeNull();
  });
});

describe('the news of an item asked for', () => {
  it.each(['any update on DA06-12 pls', 'Any news on NQ57-05?', 'có cập nhật gì về NQ57-12 không'])(
    '%j asks its status, recording nothing',
    (text) => {
      expect(parse(text).intent).toMatchObject({ intent: 'status', percent: null, status: null });
    },
  );

  it('while "update" before a code still announces a report', () => {
    expect(parse('update DA06-12 70').intent).toMatchObject({ intent: 'update', percent: 70 });
  });
});

describe('words read as written', () => {
  it('a greeting and a loan word are not corrected into Vietnamese words', () => {
    expect(folded('Hi dondoc, my tasks')).toMatch(/^hi /u);
    expect(folded('how to use this chat bot')).toContain('chat bot');
  });

  it('a shorthand key written with marks needs its marks ("hỉ" is "nhỉ", "hi" is not)', () => {
    expect(folded('xong rồi hỉ')).toContain('nhi');
    expect(folded('hi anh')).toBe('hi anh');
    // Listed bare forms still read: "qhan", "sdt".
    expect(folded('viec qhan')).toContain('qua han');
  });

  it.each([
    ['Hi dondoc, could you show what I’m accountable for?', 'my_tasks'],
    ['Could you explain how to use this chat bot for following up targets?', 'help'],
    ["what's the way to mark something as done in here", 'help'],
    ['sum up DA06 pls', 'summary'],
    ['done in september?', 'list'],
    ['có cái nào chưa ai làm ko e', 'list'],
  ])('%j is %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});

describe('items named with a plan written out in full, and what may follow a bare item number', () => {
  it.each([
    ['KH CĐS 2025 chỉ tiêu 15 đạt 35%', 'CDS25-15'],
    ['KH CDS 2025 nhiem vu 03.1 tien do sao', 'CDS25-03.1'],
    ['details of nq57 34 pls', 'NQ57-34'],
    ['nq57 13 trễ r, yc sở KHCN bc rõ lý do', 'NQ57-13'],
    ['nq57 31 kịp hạn hok', 'NQ57-31'],
  ])('%j names %s', (text, target) => {
    expect(parse(text).intent.target).toBe(target);
  });

  it('but a year with no plan coded by it names nothing', () => {
    expect(parse('NQ 2025 chỉ tiêu 15 đạt 35%').intent.target).toBeNull();
  });
});

describe('explanations and how-tos asked in other words', () => {
  it.each([
    ['Yêu cầu Sở Nội vụ báo cáo rõ lý do NQ57-31 mới thu hút được 2 chuyên gia.', 'request_explanation'],
    ['nq57 13 trễ r, yc sở KHCN bc rõ lý do', 'request_explanation'],
    ['phuwowngf Long Thanhf lamf roox DA06-12.2 sao chaamj', 'request_explanation'],
    ['Vì sao da06-03 chậ vậy? Trung tâm HCC làm rõ giúp tôi', 'request_explanation'],
    ['em vừa bị trừ tiền điện thoại không rõ lý do', 'unknown'],
    ['What does /due do?', 'help'],
    ['em gõ /overdue mà không thấy gì', 'help'],
    ['Dạ em muốn hỏi danh sách việc quá hạn thì phải nhắn cho bot như thế nào ạ?', 'help'],
    ['Please introduce your functions.', 'help'],
    ["What's in my queue?", 'my_tasks'],
  ])('%j is %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('a path or a date with a slash names no command', () => {
    expect(intentOf('việc nào hạn 30/9 chưa xong')).not.toBe('help');
    expect(intentOf('file ở thư mục /home/baocao bị lỗi')).not.toBe('help');
  });
});

describe('statuses in other words', () => {
  it.each([
    ['Which tasks have been accomplished by the Department of Industry and Trade?', 'done'],
    ['At the Economic Zone Authority, what is being obstructed right now?', 'blocked'],
    ['có cái nào chưa ai làm ko e', 'not_started'],
  ])('%j lists the %s', (text, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'list', status });
  });
});

describe('real words kept, slips mended', () => {
  it.each([
    ['Thưa anh, em hỏi', 'thua anh'],
    ['writing the report', 'writing'],
    ['the decree was issued', 'issued'],
    ['doanh nghiệp', 'doanh nghiep'],
    ['chuẩn bị', 'chuan bi'],
    ['việc đầu tiên', 'dau tien'],
  ])('%j is read as written (%s)', (text, kept) => {
    expect(folded(text)).toContain(kept);
  });

  it('a vowel typed twice with its tone is read as the word ("trợợ giúp", "mìình", "chờờ")', () => {
    expect(folded('trợợ giúp')).toBe('tro giup');
    expect(folded('phần việc của mìình')).toContain('cua minh');
    expect(folded('đang chờờ')).toBe('dang cho');
  });

  it.each([
    ['tiến ddooj trieenr khai cds25-03.1', 'status'],
    ['ca65p nha65t cho to6i tình hình NQ57-07.3 vo7i1', 'status'],
    ['/update dùng ntn z', 'help'],
    ['/due là gì', 'help'],
  ])('%j is %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('reports still read: a status before the code, a percent said in words before "%"', () => {
    expect(parse('đã triển khai CDS25-03.1').intent).toMatchObject({
      intent: 'update',
      status: 'in_progress',
    });
    expect(parse('da06-06 đc tám mươi % r ạ').intent).toMatchObject({ intent: 'update', percent: 80 });
    expect(parse('/overdue tuần này').intent.intent).toBe('overdue');
  });
});

describe('English and polite wording of this round', () => {
  it.each([
    ["I'm running late.", 'unknown'],
    ['heading over now, 10 min late', 'unknown'],
    ['which targets are running late for DCST', 'overdue'],
    ['Topline KPIs for DOET, please.', 'summary'],
    ['Kindly advise which of our Project 06 commitments are currently in arrears.', 'overdue'],
    ['Which phrasing should I use to ask you for overdue targets?', 'help'],
    ['dondoc lÀ gì', 'help'],
    [
      'Báo cáo anh, em cần số liệu để đưa vào báo cáo tuần, nhờ bot lọc giúp em các nhiệm vụ chuyển đổi số 2025 đã quá hạn ạ.',
      'overdue',
    ],
  ])('%j is %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    ['Are any items impeded at the Economic Zone Authority?', 'blocked'],
    ['Kindly enumerate the tasks that have been finalised by the Department of Justice.', 'done'],
    ["What's still in flight for the Archives?", 'in_progress'],
  ])('%j lists the %s', (text, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'list', status });
  });

  it('a number after "được" is the progress only where it closes its clause', () => {
    expect(parse('da06-10.1 dc 30 r').intent).toMatchObject({ intent: 'update', percent: 30 });
    expect(parse('NQ57-14.3 được 3 xã rồi').intent.percent).toBeNull();
    expect(parse('NQ57-12 đạt 12 xã').intent.percent).toBeNull();
  });

  it('the latest of an item and a question opened by "em hỏi" record nothing', () => {
    expect(parse('Dạ anh ơi, cho em xem các cập nhật mới nhất của NQ57-28.2 với ạ.').intent.intent).toBe(
      'status',
    );
    expect(parse('em hỏi NQ57-22 bệnh án điện tử đã mấy bệnh viện xong').intent.intent).toBe('status');
  });
});

describe('deadlines, periods and rankings in other words', () => {
  const at = (text: string) => parse(text).intent;

  it('"hạn 30/6" gone by is that day, so its work not done is late; "trước 30/6" still points ahead', () => {
    expect(at('Các chỉ tiêu hạn 30/6 của Sở Văn hóa, Thể thao và Du lịch chưa hoàn thành.')).toMatchObject({
      intent: 'overdue',
      period: { from: '2025-06-30', to: '2025-06-30' },
    });
    expect(at('việc nào hạn 30/9').period).toEqual({ from: '2025-07-15', to: '2025-09-30' });
    expect(at('trước 30/6 phải xong những gì').period?.to).toBe('2026-06-30');
  });

  it('a word typed as another is no period ("tuần tôi" is not next week), a slip still is ("cuối nắm")', () => {
    expect(at('những việc tuần tôi phụ trách').period).toBeNull();
    expect(at('những việc tuần tới').period).toEqual({ from: '2025-07-21', to: '2025-07-27' });
    expect(at('từ giờ tới cuối nắm còn hạn nào của Sở Nông nghiệp').period?.to).toBe('2025-12-31');
    expect(at('năm trước xong bao nhiêu việc').period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(at('nam truoc xong bao nhieu viec').period?.from).toBe('2024-01-01');
  });

  it.each([
    ['Dạ anh ơi, tháng 7 sở nào để trễ nhiều nhiệm vụ nhất ạ?', 'summary'],
    ['bên công thương tuần sau cần chốt j ko', 'due_soon'],
    ['Dạ, cho em hỏi muốn xem việc sắp đến hạn thì gõ command gì ạ?', 'help'],
    ['đề nghị công an tỉnh giải trìnhDA06-06.2', 'request_explanation'],
  ])('%j is %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('a code glued to the word before it is read; one written "cDS 25" still is', () => {
    expect(at('yêu cầu giải trìnhCDS25-15').target).toBe('CDS25-15');
    expect(at('cDS 25-08.1 tiến độ 75%').target).toBe('CDS25-08.1');
  });
});
