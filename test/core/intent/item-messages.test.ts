// Messages about one item as people write them at length: a report written before its code or closed
// by a question of its own, a report's words beyond "xong" and "%", and a leader asking why it is late.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);

describe('a report written before its code', () => {
  it.each([
    ['Hoàn thành 100% chỉ tiêu CDS25-09.', 'CDS25-09', 'done'],
    [
      'Em xin báo cáo, Xã Đông Sơn đã bắt đầu khảo sát hiện trạng phục vụ DA06-07.4 từ thứ Hai ạ.',
      'DA06-07.4',
      'in_progress',
    ],
    ['Đã tổ chức tập huấn cho 45/60 cán bộ xã về chữ ký số, mã nhiệm vụ NQ57-19.1.', 'NQ57-19.1', null],
    ['Kicked off DA06-08 with Phường Ngọc Lâm, first session went smoothly.', 'DA06-08', 'in_progress'],
    ['The acceptance committee signed off CDS25-03.2 today.', 'CDS25-03.2', 'done'],
  ])('records %j as an update', (text, target, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'update', target, status });
  });

  it('keeps the words of the report as its note, without the words that lead to the code', () => {
    expect(parse('Đã tổ chức tập huấn cho 45/60 cán bộ xã, mã nhiệm vụ NQ57-19.1.').note).toBe(
      'Đã tổ chức tập huấn cho 45/60 cán bộ xã',
    );
    expect(
      parse('Em xin báo cáo, Xã Đông Sơn đã bắt đầu khảo sát phục vụ DA06-07.4 từ thứ Hai ạ.').note,
    ).toBe('Em xin báo cáo, Xã Đông Sơn đã bắt đầu khảo sát phục vụ từ thứ Hai ạ.');
  });

  it('is no report when it asks, tells lateness, demands or names two items', () => {
    expect(
      parse('Kính gửi anh, cho em hỏi hạn hoàn thành và tiến độ hiện tại của CDS25-10.2 ạ.').intent.intent,
    ).toBe('status');
    expect(parse('Sở Y tế đã để quá hạn NQ57-12').intent.intent).not.toBe('update');
    expect(parse('Đã xong NQ57-12 và NQ57-13 chưa').intent.intent).not.toBe('update');
    expect(
      parse('Báo cáo đồng chí, em muốn nắm tình hình thực hiện chỉ tiêu CDS25-10 ạ.').intent.intent,
    ).toBe('status');
  });
});

describe('a question after a report, in a sentence of its own', () => {
  it('leaves the report a report', () => {
    for (const text of [
      'CDS25-01 đạt 100%, đã đưa vào vận hành chính thức. Anh có cần tôi gửi báo cáo bằng văn bản không?',
      'cds25-08 dat 100% roi a, anh co can em gui file bao cao khong?',
      'CDS25-14 đã được Ban Chỉ đạo nghiệm thu. Xin cảm ơn anh. Đơn vị có cần báo cáo bổ sung gì không?',
    ]) {
      expect(parse(text).intent.intent, text).toBe('update');
    }
  });

  it('but a question in the code’s own sentence asks, wherever the message ends', () => {
    expect(parse('NQ57-12 đã xong chưa? Em cần gấp').intent.intent).toBe('status');
    expect(parse('NQ57-12 xong, phải không?').intent.intent).toBe('status');
    expect(parse('NQ57-12 vướng ở đâu').intent.intent).toBe('status');
    expect(parse('cds25 04 con dang cho tham dinh hay xong roi').intent.intent).toBe('status');
    expect(parse('DA06-04 đg chờ j v a').intent.intent).toBe('status');
    expect(parse('nq57-42 bđ làm chưa hay vẫn nằm im').intent.intent).toBe('status');
  });
});

describe('the words of a report', () => {
  it.each([
    ['DA06-08 bắt đầu r nhé', 'in_progress'],
    ['NQ57-04.3 kicked off this morning.', 'in_progress'],
    ['NQ57-01.1 nghiệm thu r', 'done'],
    ['NQ57-25 has gone live on the provincial portal since 1/9.', 'done'],
    ['Our unit just wrapped up NQ57-02.', 'done'],
    ['NQ57-39.1 gặp vướng mắc về thủ tục đấu thầu.', 'blocked'],
    ['CDS25-10 hổng làm tiếp được, vướng mặt bằng.', 'blocked'],
    ['For NQ57-33.2 we are stuck on land clearance.', 'blocked'],
    ['CDS25-12 cant move forward, vendor not deliver yet', 'blocked'],
    ["Haven't been able to start DA06-04.4 yet", 'not_started'],
    ['CDS25-04 vuớng kinh phí', 'blocked'],
    ['Xog NQ57-43', 'done'],
    ['nq57-42 e để 50% nhé', 'in_progress'],
  ])('reads %j as %s', (text, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'update', status });
  });

  it('keeps "chờ nghiệm thu" waiting, as the spec reads "chờ"', () => {
    expect(parse('NQ57-12 đang chờ nghiệm thu').intent.status).toBe('blocked');
  });
});

describe('a leader asking why an item is late', () => {
  it.each([
    ['Tại sao NQ57-12 chậm?', 'NQ57-12'],
    ['Ai chịu trách nhiệm về việc chậm triển khai NQ57-21? Tôi cần tên người và lý do cụ thể.', 'NQ57-21'],
    ['Đề nghị đồng chí phụ trách DA06-07 báo cáo bằng văn bản lý do chậm tiến độ.', 'DA06-07'],
    ['ai chịu tn vụ CDS25-05.4 chậm z', 'CDS25-05.4'],
    ['y/c Sở KHCN làm rõ nguyên nhân chậm NQ57-01.1', 'NQ57-01.1'],
    ['I want to know who dropped the ball on DA06-11.2 and why it is late.', 'DA06-11.2'],
    ['Ask Sở Công Thương why CDS25-12 is lagging and have them put it in writing.', 'CDS25-12'],
    ['DA06-04.1 đến nay vẫn chưa xong, đề nghị đơn vị chủ trì giải trình.', 'DA06-04.1'],
    ['nq57-17 still at 35%?? Ask them to explain to me in writing.', 'NQ57-17'],
    ['Lý do gì mà CDS25-09.1 vẫn chưa triển khai? Đơn vị chủ trì phải giải trình.', 'CDS25-09.1'],
    ['xã Bắc Phong giải thích sao DA06-07 chưa làm theo kh', 'DA06-07'],
    ['NQ57-05 lại lùi tiến độ. Tôi cần cán bộ phụ trách giải thích rõ.', 'NQ57-05'],
  ])('%j asks for an explanation', (text, target) => {
    expect(parse(text).intent).toMatchObject({ intent: 'request_explanation', target });
  });

  it('but not a cause stated in a report, nor who owns an item', () => {
    expect(parse('NQ57-12 chậm do thiếu vốn, nguyên nhân là chưa được cấp kinh phí').intent.intent).not.toBe(
      'request_explanation',
    );
    expect(parse('Ai chịu trách nhiệm NQ57-21?').intent.intent).toBe('status');
    expect(parse('NQ57-19 chậm 2 tuần rồi').intent.intent).not.toBe('request_explanation');
  });

  it('nor accounts to explain: "giải trình khoản chi", "giải trình thuế"', () => {
    expect(parse('yêu cầu kế toán giải trình khoản chi vượt định mức').intent.intent).toBe('unknown');
    expect(parse('Giải trình thuế thu nhập cá nhân năm nay làm thế nào?').intent.intent).toBe('unknown');
    expect(parse('yêu cầu Sở Y tế giải trình việc chậm').intent.intent).toBe('request_explanation');
  });
});

describe('what was finished in a period, and what must be', () => {
  it('lists what is done in a period with no word of a deadline', () => {
    expect(parse('6 tháng cuối năm nq57 xong nhg chỉ tiêu nào r').intent).toMatchObject({
      intent: 'list',
      status: 'done',
    });
  });

  it('but what must be finished by then falls due', () => {
    expect(parse('nq57 quý 3 cần xong nv nào').intent.intent).toBe('due_soon');
    expect(parse('Which tasks must Ngoc Lam finish before 30/9?').intent.intent).toBe('due_soon');
  });
});
