// Messages whose meaning hangs on a small part: a code written with a slash or after its item's name, a
// question closed mid-message, a second request after the first, how to work the bot, a real word typed
// with its own marks, and periods inside a month or a year.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import { resolvePeriod } from '../../../src/core/intent/period.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);
const intentOf = (text: string) => parse(text).intent.intent;

describe('an item code written another way', () => {
  it.each([
    ['da 06/3 đang vướng ở đâu', 'DA06-03'],
    ['Báo cáo nq57/12.3 xong rồi', 'NQ57-12.3'],
    ['tiến độ chỉ tiêu 18 của NQ57', 'NQ57-18'],
    ['progress of target 18 under Resolution 57', 'NQ57-18'],
    ['nhiệm vụ 12.3 thuộc nghị quyết 57 đến đâu rồi', 'NQ57-12.3'],
    ['nq57 40 finished ahead of the deadline', 'NQ57-40'],
    ['da06 11 cập nhật lần cuối khi nào', 'DA06-11'],
    ['how is nq57 5 going', 'NQ57-05'],
  ])('%j names %s', (text, target) => {
    expect(parse(text).intent.target).toBe(target);
  });

  it('but a date with a second slash, an unknown programme or a count is no code', () => {
    expect(parse('việc nào hạn 06/3/2026').intent.target).toBeNull();
    expect(parse('xy 06/3 đang vướng').intent.target).toBeNull();
    expect(parse('chỉ tiêu 18 của năm nay').intent.target).toBeNull();
    expect(parse('DA06 3 hồ sơ đã xong').intent.intent).not.toBe('update');
  });
});

describe('a question that closes mid-message', () => {
  it('asks about the item: "đã … chưa" or "có … không" with courtesy after it', () => {
    expect(intentOf('Dạ chỉ tiêu NQ57-20 đã nghiệm thu chưa anh, em cần số liệu gấp ạ.')).toBe('status');
    expect(intentOf('NQ57-12 có vướng gì không chị, sếp đang hỏi')).toBe('status');
    expect(intentOf('NQ57-02 is done or not')).toBe('status');
    expect(intentOf('NQ57-36 done yet or still in progress')).toBe('status');
  });

  it('but a report with a contrast, or ending on "máy chủ", still reports', () => {
    expect(parse('NQ57-12 đã lắp xong trạm 1 nhưng trạm 2 chưa, đang chờ vật tư').intent).toMatchObject({
      intent: 'update',
      target: 'NQ57-12',
    });
    expect(parse('cds25 4.1 dang vuong vi chua co mat bang dat may chu').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
  });
});

describe('two requests in one message', () => {
  it('answers the items asked first, not the ranking or count asked after them', () => {
    expect(intentOf('Liệt kê các nhiệm vụ NQ57 đã trễ hạn, sau đó cho biết sở nào chậm nhất.')).toBe(
      'overdue',
    );
    expect(intentOf('overdue tasks of Project 06, then rank the departments')).toBe('overdue');
    expect(intentOf('viec nao cua so y te dang vuong, roi tong so luon')).toBe('list');
  });

  it('a count or ranking asked first stays a summary', () => {
    expect(intentOf('Sở nào chậm nhất, sau đó liệt kê việc quá hạn')).toBe('summary');
    expect(intentOf('NQ57 có bao nhiêu việc quá hạn, đơn vị nào chậm nhất')).toBe('summary');
  });

  it('a list asked for with a word of lateness is those items, whoever it is for', () => {
    expect(
      intentOf('Đề nghị cung cấp danh sách các nhiệm vụ quá hạn của các sở, ngành để báo cáo Chủ tịch.'),
    ).toBe('overdue');
  });
});

describe('how to work the bot', () => {
  it.each([
    'muốn báo vướng mắc thì gõ sao',
    'tôi thao tác như thế nào để gửi yêu cầu giải trình',
    'Làm sao để yêu cầu Sở Y tế giải trình qua bot?',
    'bot có tra cứu được việc sắp đến hạn không, hỏi thế nào ạ',
    'Bot có xuất được báo cáo ra file Excel không?',
    'Can the bot send deadline reminders?',
    'lỡ gõ sai mã nhiệm vụ thì sửa thế nào',
    'what format for task codes',
  ])('%j is help', (text) => {
    expect(intentOf(text)).toBe('help');
  });

  it('but a newcomer’s apology before the question they came with is that question', () => {
    expect(intentOf('Em không rõ nên hỏi thế nào, em muốn biết Sở Y tế có việc nào quá hạn không ạ')).toBe(
      'overdue',
    );
  });

  it('and a how-to about something else is not about the bot', () => {
    expect(intentOf('how to make a pivot table in Excel')).toBe('unknown');
    expect(intentOf('Thẻ ngân hàng bị khóa vì nhập sai mã PIN')).toBe('unknown');
  });
});

describe('words typed with their own marks', () => {
  it('are not taken for a slip of another word', () => {
    expect(intentOf('em phải giải trình với vợ vì sao về muộn hôm qua')).toBe('unknown');
    expect(parse('NQ57-12 cập nhật lần cuối khi nào').intent).toMatchObject({
      intent: 'status',
      target: 'NQ57-12',
    });
  });

  it('"ng.nhân" is "nguyên nhân" beside a demand for it', () => {
    expect(intentOf('sao cds25 9 chậm vậy, yc bc rõ ng.nhân')).toBe('request_explanation');
  });
});

describe('periods inside a month or a year', () => {
  const today = '2025-07-15' as LocalDate;
  it.each([
    ['việc nào đến hạn tuần cuối năm', '2025-12-25', '2025-12-31'],
    ['what is due in the last week of the year', '2025-12-25', '2025-12-31'],
    ['tuần cuối tháng này có hạn gì', '2025-07-25', '2025-07-31'],
    ['which items are due in the first half of next month', '2025-08-01', '2025-08-15'],
    ['nửa cuối tháng này', '2025-07-16', '2025-07-31'],
  ])('%j is %s to %s', (text, from, to) => {
    const folded = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').toLowerCase();
    expect(resolvePeriod(folded, today)).toEqual({ from, to });
  });

  it('and a deadline in them is still to come', () => {
    expect(intentOf('What does Sở Nội vụ have due in the last week of the year?')).toBe('due_soon');
  });
});

describe('a report of one item, beyond "xong" and a percent', () => {
  it.each([
    ['NQ57-12.3 now 16/20', 'NQ57-12.3'],
    ['DA06-05.2 - 14/16 hospitals connected', 'DA06-05.2'],
    ['NQ57-14.2 lắp thêm 3 điểm, tổng 12/15 điểm', 'NQ57-14.2'],
    ['CDS25-13 software ready, still waiting for digital certificates', 'CDS25-13'],
    ['cds25 7.2 lắp 18/20 cam rồi, cập nhật giúp em được không ạ', 'CDS25-07.2'],
    ['Báo cáo chỉ tiêu 12 NQ57: đã đạt 3/5 xã, hai xã còn lại đang khảo sát.', 'NQ57-12'],
  ])('%j is an update of %s', (text, target) => {
    expect(parse(text).intent).toMatchObject({ intent: 'update', target });
  });

  it('reads "chục" as tens and "mần" as "làm" before what was done', () => {
    expect(parse('Báo cáo NQ57-05.2 tới chừ mần được sáu chục phần trăm.').intent).toMatchObject({
      intent: 'update',
      percent: 60,
    });
  });

  it('but a date after the code, or a fraction asked about, reports nothing', () => {
    expect(intentOf('NQ57-12 hạn 30/9 phải không')).toBe('status');
    expect(intentOf('NQ57-12 được mấy/20 trạm rồi?')).toBe('status');
  });

  it('"cho xem" (show me) is no "chờ" (waiting)', () => {
    expect(intentOf('Cho xem chi tiết DA06-10.')).toBe('status');
  });
});

describe('an item number said to a phone', () => {
  it.each([
    ['Mục tiêu NQ57 mười hai chấm ba tiến độ tới đâu rồi?', 'NQ57-12.3'],
    ['DA06 mười một đang làm tới đâu', 'DA06-11'],
    // Ends where a number in digits may: its sentence's end too.
    ['Báo cáo tiến độ NQ57 mười hai. Đã xong rồi ạ', 'NQ57-12'],
  ])('%j is %s', (text, target) => {
    expect(parse(text).intent.target).toBe(target);
  });

  it('but "năm nay" after a programme is this year, and "chậm" after the number is late', () => {
    expect(parse('NQ57 năm nay có bao nhiêu việc').intent).toMatchObject({ intent: 'summary', target: null });
    expect(parse('NQ57 mười hai chậm ba tuần rồi').intent.target).toBe('NQ57-12');
  });
});

describe('an explanation asked in other words', () => {
  it.each([
    'tai sao DA06-11 chi dat 40%, yeu cau bao cao ro nguyen nhan',
    'Chủ tịch yêu cầu Công an tỉnh làm rõ DA06-08',
    'NQ57-07 is way behind, ask the owner for reasons',
  ])('%j is a request for one', (text) => {
    expect(intentOf(text)).toBe('request_explanation');
  });

  it('but a report that asks another unit to clarify something is a report', () => {
    expect(intentOf('NQ57-12 đạt 60%, đề nghị Sở Tài chính làm rõ nguồn vốn')).toBe('update');
  });
});

describe('a slip that keeps the word’s first letter', () => {
  it('is corrected; a real word beginning otherwise is not', () => {
    expect(
      parse('Cho tôi số liệu tổng quát 6 tháng đầu năm của NQ57 để đưa vào bài phát biểu.').intent.intent,
    ).toBe('summary');
    expect(intentOf('cho tôi sem việc quá hạn')).toBe('overdue');
    expect(parse('NQ57-40.3 hoàn htành').intent).toMatchObject({ intent: 'update', status: 'done' });
  });
});

describe('said to someone, not asked', () => {
  it('a promise that opens the message is not a question', () => {
    expect(intentOf('Được, để tôi xem lại số liệu NQ57 rồi nói sau.')).toBe('unknown');
    expect(intentOf("I'll check the NQ57 numbers and get back to you")).toBe('unknown');
  });

  it('but a request with "please" or a question still asks, and English plans said first are no promise', () => {
    expect(intentOf("I'll be travelling, so please show me which NQ57 tasks are overdue")).toBe('overdue');
    expect(intentOf('I will brief the chairman in 1 hour, give me a summary of Project 06')).toBe('summary');
  });

  it('a group called, then the bot, asks the bot', () => {
    expect(intentOf('ae ơi hôm nay mưa quá, tiện hỏi bot: việc nào của NQ57 quá hạn rồi')).toBe('overdue');
  });
});

describe('a space typed one letter off', () => {
  it.each([
    ['nq 57 21.4 b ịkẹt vì chưa có mặt bằng', { intent: 'update', target: 'NQ57-21.4', status: 'blocked' }],
    ['CDS25-03 đ ãxong', { intent: 'update', target: 'CDS25-03', status: 'done' }],
  ])('%j is read with the space where it belongs', (text, expected) => {
    expect(parse(text).intent).toMatchObject(expected);
  });

  it('but a slip that reads two ways ("d one": "done" or "do ne") is left as typed, no status recorded', () => {
    expect(parse('NQ57-02 d one').intent).toMatchObject({
      intent: 'status',
      target: 'NQ57-02',
      status: null,
    });
  });

  it('but two real words, or a capitalised name, are left as typed', () => {
    expect(intentOf('Sở Y tế có việc nào quá hạn không')).toBe('overdue');
    expect(parse('việc của Xã Tân Phú đang vướng').intent).toMatchObject({
      intent: 'list',
      agency: 'X-TANPHU',
    });
  });
});

describe('work due by a day still to come', () => {
  it('is due soon when it is not done', () => {
    expect(intentOf('trước 31/12 còn những mục tiêu nào chưa xong')).toBe('due_soon');
    expect(intentOf('trước ngày 20/12 còn nhiệm vụ nào chưa xong của Sở Công Thương')).toBe('due_soon');
  });

  it('but what was done by then is a list, and lateness stays lateness', () => {
    expect(intentOf('những việc nào đã hoàn thành trước 30/9')).toBe('list');
    expect(intentOf('trước 31/12 việc nào đã quá hạn')).toBe('overdue');
  });
});

describe('a report in the code’s own sentence', () => {
  it('is not read from a request in the sentence after it', () => {
    expect(
      intentOf(
        'Chào bot, hôm nay tôi phải trả lời phóng viên về chỉ tiêu NQ57-33. Bot cho tôi biết tiến độ hiện tại và hạn hoàn thành.',
      ),
    ).toBe('status');
  });

  it('but a code standing alone is reported on by the sentence after it', () => {
    expect(parse('NQ57-12. Đã lắp xong 12 trạm').intent).toMatchObject({
      intent: 'update',
      target: 'NQ57-12',
    });
  });
});

describe('an apology for a slip', () => {
  it('is not a question about the bot', () => {
    expect(intentOf('xin lỗi, em gõ nhầm')).toBe('unknown');
    expect(intentOf('Làm thế nào để hỏi bot những việc sắp đến hạn trong tuần?')).toBe('help');
  });
});

describe('how to use the bot, asked by the way', () => {
  it('after items asked for, leaves those items the answer', () => {
    expect(
      intentOf(
        'Bot ơi em ở xã Bắc Phong. Cho em xin ds việc quá hạn của xã với ạ. Nhân tiện cho em hỏi xuất excel được không.',
      ),
    ).toBe('overdue');
  });

  it('but a newcomer who only follows the work and asks how is asking for help', () => {
    expect(
      intentOf(
        'Toi moi duoc them vao nhom theo doi nhiem vu, chua biet su dung the nao. Xin huong dan giup toi.',
      ),
    ).toBe('help');
  });
});

describe('the last round of development sets', () => {
  it('reads a code typed with telex "DDA" and a number closing its sentence', () => {
    expect(parse('DDA 06-07 hoàn thành rồi ạ').intent).toMatchObject({ intent: 'update', target: 'DA06-07' });
    expect(
      parse('Kính gửi đồng chí, đề nghị làm rõ nguyên nhân chậm tiến độ của nhiệm vụ nq57 15. Trân trọng.')
        .intent,
    ).toMatchObject({ intent: 'request_explanation', target: 'NQ57-15' });
  });

  it('asks "lúc nào" about an item rather than reporting', () => {
    expect(intentOf('NQ57 - 41 da cap nhat gan nhat luc nao')).toBe('status');
  });

  it('keeps a how-to about other things off-topic, and one about the bot help', () => {
    expect(intentOf('how to report a lost ID card')).toBe('unknown');
    expect(intentOf('how to check overdue tasks with this bot?')).toBe('help');
    expect(intentOf('how to check overdue items, what command')).toBe('help');
  });

  it('an account owed to a bank is no explanation of the plan', () => {
    expect(intentOf('em phải giải trình với ngân hàng về khoản vay mua nhà, anh có mẫu nào không')).toBe(
      'unknown',
    );
  });
});
