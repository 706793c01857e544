// parseMessage as officials really write: slash commands, reports with notes, questions, no diacritics, English.
import { describe, expect, it } from 'vitest';
import { emptyIntent, findBadPercent, parseMessage } from '../../../src/core/intent/index.ts';
import type { Intent, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const TODAY = '2025-07-15';
const parse = (text: string, today = TODAY) => parseMessage(text, lexicon, today as LocalDate);
const expected = (partial: Partial<Intent> & Pick<Intent, 'intent'>): Intent => ({
  ...emptyIntent(partial.intent),
  ...partial,
});

describe('emptyIntent', () => {
  it('has every key of the spec, all null', () => {
    expect(emptyIntent('overdue')).toStrictEqual({
      intent: 'overdue',
      program: null,
      agency: null,
      target: null,
      percent: null,
      status: null,
      period: null,
    });
  });

  it('defaults to unknown', () => {
    expect(emptyIntent().intent).toBe('unknown');
  });
});

describe('slash commands', () => {
  it.each<[string, Intent]>([
    ['/overdue', expected({ intent: 'overdue' })],
    ['/overdue NQ57', expected({ intent: 'overdue', program: 'NQ57' as Intent['program'] })],
    ['/overdue@dondoc_bot Sở Y tế', expected({ intent: 'overdue', agency: 'SYT' as Intent['agency'] })],
    ['/OVERDUE da06', expected({ intent: 'overdue', program: 'DA06' as Intent['program'] })],
    ['/due', expected({ intent: 'due_soon' })],
    [
      '/due tuần sau',
      expected({ intent: 'due_soon', period: { from: '2025-07-21', to: '2025-07-27' } as Intent['period'] }),
    ],
    ['/status NQ57-12', expected({ intent: 'status', target: 'NQ57-12' as Intent['target'] })],
    ['/status@DonDocBot nq57-05.1', expected({ intent: 'status', target: 'NQ57-05.1' as Intent['target'] })],
    ['/summary', expected({ intent: 'summary' })],
    ['/summary CDS25', expected({ intent: 'summary', program: 'CDS25' as Intent['program'] })],
    ['/mytasks', expected({ intent: 'my_tasks' })],
    ['/mytasks@dondoc_bot', expected({ intent: 'my_tasks' })],
    [
      '/update NQ57-07.2 45',
      expected({
        intent: 'update',
        target: 'NQ57-07.2' as Intent['target'],
        percent: 45 as Intent['percent'],
        status: 'in_progress',
      }),
    ],
    [
      '/update DA06-03 done',
      expected({
        intent: 'update',
        target: 'DA06-03' as Intent['target'],
        percent: 100 as Intent['percent'],
        status: 'done',
      }),
    ],
    [
      '/update DA06-03 blocked chờ kinh phí',
      expected({ intent: 'update', target: 'DA06-03' as Intent['target'], status: 'blocked' }),
    ],
    ['/explain NQ57-12', expected({ intent: 'request_explanation', target: 'NQ57-12' as Intent['target'] })],
    ['/help', expected({ intent: 'help' })],
    ['/help@dondoc_bot', expected({ intent: 'help' })],
    ['/start', expected({ intent: 'help' })],
    ['/frobnicate', expected({ intent: 'unknown' })],
  ])('reads %j', (text, intent) => {
    expect(parse(text).intent).toStrictEqual(intent);
  });

  it('reads "/status" with a programme but no item as a summary of that programme', () => {
    expect(parse('/status NQ57').intent).toStrictEqual(
      expected({ intent: 'summary', program: 'NQ57' as Intent['program'] }),
    );
  });

  it('reads "/update" with nothing after it as an update with nothing known, so the core can show usage', () => {
    expect(parse('/update').intent).toStrictEqual(expected({ intent: 'update' }));
  });

  it('keeps the note of a /update command verbatim', () => {
    expect(parse('/update DA06-03 blocked chờ kinh phí').note).toBe('chờ kinh phí');
  });

  it('turns "/start CODE" into help plus a registration, keeping the code as typed', () => {
    const r = parse('/start aB3xYz9');
    expect(r.intent).toStrictEqual(expected({ intent: 'help' }));
    expect(r.control).toEqual({ kind: 'register', code: 'aB3xYz9' });
  });

  it('reads "/more" as a request for the next page', () => {
    expect(parse('/more').control).toEqual({ kind: 'next_page' });
  });

  it('gives no language for a bare command or code', () => {
    expect(parse('/overdue NQ57').lang).toBeNull();
    expect(parse('/update NQ57-07.2 45').lang).toBeNull();
  });
});

describe('conversation controls', () => {
  it.each([['đăng ký P09'], ['dang ky P09'], ['Đăng kí P09'], ['register P09']])(
    'reads %j as a registration with the help intent',
    (text) => {
      const r = parse(text);
      expect(r.intent).toStrictEqual(expected({ intent: 'help' }));
      expect(r.control).toEqual({ kind: 'register', code: 'P09' });
    },
  );

  it.each([['trang sau'], ['tiếp'], ['xem tiếp'], ['tiep'], ['next'], ['more'], ['Xem tiếp nhé']])(
    'reads %j as the next page',
    (text) => {
      const r = parse(text);
      expect(r.control).toEqual({ kind: 'next_page' });
      expect(r.intent).toStrictEqual(expected({ intent: 'unknown' }));
    },
  );

  it.each([['có'], ['Có ạ'], ['đồng ý'], ['OK'], ['ok nhé'], ['yes'], ['xác nhận'], ['dong y']])(
    'reads %j as a yes',
    (text) => {
      expect(parse(text).control).toEqual({ kind: 'confirm', yes: true });
      expect(parse(text).intent.intent).toBe('unknown');
    },
  );

  it.each([['không'], ['Không ạ'], ['hủy'], ['huỷ'], ['no'], ['cancel'], ['khong']])(
    'reads %j as a no',
    (text) => {
      expect(parse(text).control).toEqual({ kind: 'confirm', yes: false });
    },
  );

  it('does not read a question that merely contains "có" as a yes', () => {
    expect(parse('Đề án 06 có việc gì trễ hạn không').control).toBeNull();
  });
});

describe('status of one item', () => {
  it.each([
    ['tiến độ NQ57-12', 'NQ57-12'],
    ['NQ57-12 đến đâu rồi?', 'NQ57-12'],
    ['TIEN DO NQ57-12', 'NQ57-12'],
    ['NQ57-12 xong chưa?', 'NQ57-12'],
    ['NQ57-12 hoàn thành chưa', 'NQ57-12'],
    ['is DA06-03 done?', 'DA06-03'],
    ['status of DA06-03', 'DA06-03'],
    ['NQ57-12', 'NQ57-12'],
    ['cập nhật tình hình NQ57-12', 'NQ57-12'],
    ['NQ57-12 cho tôi xem', 'NQ57-12'],
    ['nq 57-12 thế nào', 'NQ57-12'],
    ['ĐA06-03 sao rồi', 'DA06-03'],
    ['da6-3 ra sao', 'DA06-03'],
    ['nq57-5', 'NQ57-05'],
  ])('reads %j as the status of %s', (text, code) => {
    expect(parse(text).intent).toStrictEqual(
      expected({ intent: 'status', target: code as Intent['target'] }),
    );
  });

  it('never takes the programme out of an item code', () => {
    expect(parse('tiến độ NQ57-12').intent.program).toBeNull();
  });

  it('reads a bare number after a code without "cập nhật" as a question, not a report', () => {
    expect(parse('NQ57-12 45').intent.intent).toBe('status');
  });
});

describe('updates', () => {
  const update = (target: string, percent: number | null, status: Intent['status']) =>
    expected({
      intent: 'update',
      target: target as Intent['target'],
      percent: percent as Intent['percent'],
      status,
    });

  it.each<[string, Intent, string | null]>([
    ['NQ57-12 xong', update('NQ57-12', 100, 'done'), null],
    ['NQ57-12 xong rồi nhé', update('NQ57-12', 100, 'done'), null],
    ['nq57-12 XONG', update('NQ57-12', 100, 'done'), null],
    ['đã hoàn thành NQ57-12', update('NQ57-12', 100, 'done'), null],
    ['NQ57-12 done', update('NQ57-12', 100, 'done'), null],
    ['NQ57-12 completed, handed over', update('NQ57-12', 100, 'done'), 'handed over'],
    ['NQ57-12 100%', update('NQ57-12', 100, 'done'), null],
    ['NQ57-12 80 %', update('NQ57-12', 80, 'in_progress'), null],
    ['NQ57-12: 80%', update('NQ57-12', 80, 'in_progress'), null],
    ['NQ57-12 80 phần trăm', update('NQ57-12', 80, 'in_progress'), null],
    ['NQ57-12.3 80% đã lắp 12/20 trạm', update('NQ57-12.3', 80, 'in_progress'), 'đã lắp 12/20 trạm'],
    [
      'cập nhật NQ57-12.3 80% đã lắp xong trạm 5G',
      update('NQ57-12.3', 80, 'in_progress'),
      'đã lắp xong trạm 5G',
    ],
    ['NQ57-12 đã lắp 12/20 trạm, đạt 60%', update('NQ57-12', 60, 'in_progress'), 'đã lắp 12/20 trạm'],
    ['cap nhat NQ57-12 45', update('NQ57-12', 45, 'in_progress'), null],
    ['update CDS25-04 to 100%', update('CDS25-04', 100, 'done'), null],
    [
      'update NQ57-12: 70%, pilot running in 3 wards',
      update('NQ57-12', 70, 'in_progress'),
      'pilot running in 3 wards',
    ],
    ['tiến độ NQ57-12 là 80%', update('NQ57-12', 80, 'in_progress'), null],
    ['DA06-03 blocked: chờ kinh phí', update('DA06-03', null, 'blocked'), 'chờ kinh phí'],
    ['DA06-05.1 vướng: chưa có thiết bị', update('DA06-05.1', null, 'blocked'), 'chưa có thiết bị'],
    ['DA06-05.1 vướng mặt bằng', update('DA06-05.1', null, 'blocked'), 'vướng mặt bằng'],
    ['DA06-03 đang chờ phê duyệt', update('DA06-03', null, 'blocked'), 'đang chờ phê duyệt'],
    ['DA06-03 cho kinh phi', update('DA06-03', null, 'blocked'), 'cho kinh phi'],
    ['DA06-03 bị chặn', update('DA06-03', null, 'blocked'), null],
    ['DA06-03 khó khăn: thiếu người', update('DA06-03', null, 'blocked'), 'thiếu người'],
    ['DA06-03 stuck', update('DA06-03', null, 'blocked'), null],
    ['NQ57-12 80% vướng kinh phí', update('NQ57-12', 80, 'blocked'), 'vướng kinh phí'],
    ['nq57-08.2 60% dang trien khai', update('NQ57-08.2', 60, 'in_progress'), null],
    ['NQ57-12 đang triển khai', update('NQ57-12', null, 'in_progress'), null],
    ['NQ57-12 in progress', update('NQ57-12', null, 'in_progress'), null],
    ['NQ57-12 chưa bắt đầu', update('NQ57-12', null, 'not_started'), null],
    ['NQ57-12 not started', update('NQ57-12', null, 'not_started'), null],
    ['NQ57-12 0%', update('NQ57-12', 0, 'in_progress'), null],
  ])('reads %j', (text, intent, note) => {
    const r = parse(text);
    expect(r.intent).toStrictEqual(intent);
    expect(r.note).toBe(note);
  });

  it('reads NFD input exactly like NFC input', () => {
    const text = 'DA06-05.1 vướng: chưa có thiết bị';
    expect(parse(text.normalize('NFD'))).toStrictEqual(parse(text));
  });

  it('keeps HTML and SQL in a note verbatim', () => {
    const note = `<script>alert("x")</script> '; DROP TABLE updates; --`;
    const r = parse(`NQ57-12 80% ${note}`);
    expect(r.intent.percent).toBe(80);
    expect(r.note).toBe(note);
  });

  it('keeps the whole note of a very long report, past the part read for intent words', () => {
    const long = 'đã lắp trạm '.repeat(200).trim();
    expect(parse(`NQ57-12 80% ${long}`).note).toBe(long);
  });

  it('keeps newlines and capitals inside a note', () => {
    expect(parse('DA06-03 blocked:\nChờ Sở Tài chính\nthẩm định').note).toBe('Chờ Sở Tài chính\nthẩm định');
  });

  it('does not take an agency named in the note as the scope of the update', () => {
    expect(parse('DA06-03 blocked: chờ Sở Tài chính').intent.agency).toBeNull();
  });

  it('reads a report with no code (a reply to a reminder) as an update whose target the channel fills in', () => {
    expect(parse('xong rồi').intent).toStrictEqual(
      expected({ intent: 'update', percent: 100 as Intent['percent'], status: 'done' }),
    );
    expect(parse('80%').intent).toStrictEqual(
      expected({ intent: 'update', percent: 80 as Intent['percent'], status: 'in_progress' }),
    );
    expect(parse('vướng: chờ kinh phí').note).toBe('chờ kinh phí');
  });

  it('does not read "chờ chút" or "xong chưa" without a code as a report', () => {
    expect(parse('chờ chút').intent.intent).toBe('unknown');
    expect(parse('xong chưa').intent.intent).toBe('unknown');
  });
});

describe('percents out of range', () => {
  it.each([
    ['NQ57-12 150%', 150],
    ['NQ57-12 -5%', -5],
    ['/update NQ57-12 150', 150],
    ['cập nhật NQ57-12 101 %', 101],
    ['NQ57-12 150% xong', 150],
  ])('reads %j as an update with neither percent nor status, and findBadPercent gives %i', (text, bad) => {
    const r = parse(text);
    expect(r.intent.intent).toBe('update');
    expect(r.intent.percent).toBeNull();
    expect(r.intent.status).toBeNull();
    expect(findBadPercent(text, lexicon)).toBe(bad);
  });

  it('finds a bad percent without a lexicon too', () => {
    expect(findBadPercent('NQ57-12 200%')).toBe(200);
  });

  it.each([['NQ57-12 80%'], ['NQ57-12 xong'], ['tổng hợp NQ57'], ['NQ57-12 xong, vượt 150% kế hoạch'], ['']])(
    'finds no bad percent in %j',
    (text) => {
      expect(findBadPercent(text, lexicon)).toBeNull();
    },
  );

  it('does not read the hyphen of an item code as a minus sign', () => {
    expect(parse('NQ57-12 5%').intent.percent).toBe(5);
  });
});

describe('requests for an explanation', () => {
  it.each([
    ['yêu cầu giải trình NQ57-12', 'NQ57-12', null],
    ['yeu cau giai trinh NQ57-12', 'NQ57-12', null],
    ['/explain DA06-03.1', 'DA06-03.1', null],
    ['ask for an explanation of DA06-03', 'DA06-03', null],
    ['explain NQ57-12', 'NQ57-12', null],
    ['đề nghị Sở KH&CN giải trình NQ57-12.3', 'NQ57-12.3', 'SKHCN'],
  ])('reads %j', (text, target, agency) => {
    expect(parse(text).intent).toStrictEqual(
      expected({
        intent: 'request_explanation',
        target: target as Intent['target'],
        agency: agency as Intent['agency'],
      }),
    );
  });

  it('keeps the reason given after the code as the note', () => {
    expect(parse('yêu cầu giải trình NQ57-12: vì sao chậm 2 tháng?').note).toBe('vì sao chậm 2 tháng?');
  });
});

describe('questions about lists and counts', () => {
  it.each<[string, Partial<Intent> & Pick<Intent, 'intent'>]>([
    ['muc tieu NQ57 nao qua han', { intent: 'overdue', program: 'NQ57' as Intent['program'] }],
    ['MỤC TIÊU NQ57 NÀO QUÁ HẠN', { intent: 'overdue', program: 'NQ57' as Intent['program'] }],
    ['57-NQ/TW có chỉ tiêu nào chậm không', { intent: 'overdue', program: 'NQ57' as Intent['program'] }],
    [
      'NQ57 của Sở Y tế có gì trễ hạn',
      { intent: 'overdue', program: 'NQ57' as Intent['program'], agency: 'SYT' as Intent['agency'] },
    ],
    ['Sở KHCN có việc gì quá hạn', { intent: 'overdue', agency: 'SKHCN' as Intent['agency'] }],
    ['UBND xã Tân Phú có việc gì chậm', { intent: 'overdue', agency: 'X-TANPHU' as Intent['agency'] }],
    ['xa tan phu co viec gi tre han', { intent: 'overdue', agency: 'X-TANPHU' as Intent['agency'] }],
    [
      'so khoa hoc va cong ngeh co viec gi qua han',
      { intent: 'overdue', agency: 'SKHCN' as Intent['agency'] },
    ],
    [
      'which Project 06 tasks are behind schedule',
      { intent: 'overdue', program: 'DA06' as Intent['program'] },
    ],
    ['late items of the police', { intent: 'overdue', agency: 'CA' as Intent['agency'] }],
    [
      'việc quá hạn tháng 6',
      { intent: 'overdue', period: { from: '2025-06-01', to: '2025-06-30' } as Intent['period'] },
    ],
    [
      'ĐA06 có gì sắp đến hạn trong tuần này',
      {
        intent: 'due_soon',
        program: 'DA06' as Intent['program'],
        period: { from: '2025-07-14', to: '2025-07-20' } as Intent['period'],
      },
    ],
    [
      'deadlines next month',
      { intent: 'due_soon', period: { from: '2025-08-01', to: '2025-08-31' } as Intent['period'] },
    ],
    [
      'what is due by 30 September',
      { intent: 'due_soon', period: { from: '2025-07-15', to: '2025-09-30' } as Intent['period'] },
    ],
    [
      'hạn chót quý 4 là gì',
      { intent: 'due_soon', period: { from: '2025-10-01', to: '2025-12-31' } as Intent['period'] },
    ],
    [
      'việc có hạn trong tháng 9',
      { intent: 'due_soon', period: { from: '2025-09-01', to: '2025-09-30' } as Intent['period'] },
    ],
    ['sắp đến hạn', { intent: 'due_soon' }],
    ['nhiệm vụ phải xong trước 31/2', { intent: 'due_soon' }],
    ['tổng hợp NQ 57', { intent: 'summary', program: 'NQ57' as Intent['program'] }],
    ['tiến độ Đề án 06', { intent: 'summary', program: 'DA06' as Intent['program'] }],
    ['tình hình Sở Y tế', { intent: 'summary', agency: 'SYT' as Intent['agency'] }],
    ['Sở GD&ĐT đạt bao nhiêu chỉ tiêu', { intent: 'summary', agency: 'SGDDT' as Intent['agency'] }],
    ['how many CDS25 targets are done', { intent: 'summary', program: 'CDS25' as Intent['program'] }],
    [
      'report for the first half',
      { intent: 'summary', period: { from: '2025-01-01', to: '2025-06-30' } as Intent['period'] },
    ],
    ['báo cáo', { intent: 'summary' }],
    ['viec cua toi', { intent: 'my_tasks' }],
    ['VIỆC CỦA TÔI', { intent: 'my_tasks' }],
    [
      'nhiệm vụ của em tuần này',
      { intent: 'my_tasks', period: { from: '2025-07-14', to: '2025-07-20' } as Intent['period'] },
    ],
    ['show my tasks', { intent: 'my_tasks' }],
    ['việc của tôi nào quá hạn', { intent: 'my_tasks' }],
    ['huong dan', { intent: 'help' }],
    ['bot có thể làm gì', { intent: 'help' }],
    ['giúp', { intent: 'help' }],
    ['help', { intent: 'help' }],
    ['giúp tôi xem việc quá hạn', { intent: 'overdue' }],
  ])('reads %j', (text, partial) => {
    expect(parse(text).intent).toStrictEqual(expected(partial));
  });

  it('offers the agencies to choose from when two are named', () => {
    const r = parse('Sở Y tế và Sở Tài chính có gì quá hạn');
    expect(r.intent).toStrictEqual(expected({ intent: 'overdue' }));
    expect(r.agencyChoices).toEqual(['SYT', 'STC']);
  });

  it('does not read "chấm" (grading) as "chậm" (late)', () => {
    expect(parse('chấm điểm thi đua').intent.intent).toBe('unknown');
  });

  it('does not read "trẻ" (young) as "trễ" (late)', () => {
    expect(parse('đoàn viên trẻ').intent.intent).toBe('unknown');
  });

  it('does not read "overdue" as "due"', () => {
    expect(parse('overdue items').intent.intent).toBe('overdue');
  });
});

describe('the rules over the classifier', () => {
  it.each<[string, Intent['intent'], Intent['status']?]>([
    // A count is a summary, whatever it counts.
    ['đếm việc quá hạn từng sở', 'summary'],
    ['number of overdue items per department', 'summary'],
    ['tỷ lệ hoàn thành của Sở Y tế', 'summary'],
    // A status with no word of lateness or of a deadline lists that status.
    ['việc nào vẫn chưa được khởi động', 'list', 'not_started'],
    ['which targets are hitting obstacles', 'list', 'blocked'],
    // Nothing falls due in a period already over: what was finished then is a list.
    ['tuần trước những việc nào đã hoàn thành', 'list', 'done'],
    // …and so is a span that looks back to today.
    ['việc xong trong 10 ngày qua', 'list', 'done'],
    ['tasks completed in the last 30 days', 'list', 'done'],
    // …but a deadline to come stays due-soon.
    ['tuần sau phải hoàn thành việc gì', 'due_soon'],
    ['việc hết hạn trong 3 tháng tới', 'due_soon'],
    // The sender's own work, said without "của tôi" or a work noun.
    ['Do I have anything due this week?', 'my_tasks'],
    ['anything I haven’t started yet?', 'my_tasks'],
    ['em còn gì chưa xong không ạ', 'my_tasks'],
    ['các nhiệm vụ em đứng tên', 'my_tasks'],
    ['nv của t có j quá hạn ko', 'my_tasks'],
    ['những việc tôi đang làm dở', 'my_tasks'],
    ['viec toi han tuan nay', 'due_soon'],
    // "tới" folds like "tôi": a time, not the sender.
    ['10 ngay toi co deadline nao', 'due_soon'],
    ['cds25 qh những j', 'overdue'],
    // An English contraction is not shorthand: "haven't" holds no "t" for "tôi".
    ["which Sở GD&ĐT tasks haven't kicked off?", 'list', 'not_started'],
    // No one in the message: not the sender's own work.
    ['những nhiệm vụ vẫn chưa động tới', 'list', 'not_started'],
    ['đv nào chậm nhất', 'summary'],
    // "cho" (give) typed plainly is not "chờ" (waiting, blocked).
    ['Cho em xin danh sách việc đã xong', 'list', 'done'],
    ['cho xem nhung viec da hoan thanh', 'list', 'done'],
    ['viec nao cho kinh phi', 'list', 'blocked'],
    ['những việc chờ phê duyệt', 'list', 'blocked'],
    // A question about using the bot is help, whatever it names; agencies ranked are a summary.
    ['Muốn hỏi việc quá hạn thì gõ thế nào?', 'help'],
    ['explain how to use the bot', 'help'],
    ['sở nào đứng bét', 'summary'],
    ['danh sách nhiệm vụ Sở Tư pháp đã hoàn thành để báo cáo sơ kết', 'list', 'done'],
    ['vc nào hết hạn mà chưa xong ạ', 'overdue'],
    // A deadline in a period already over, for work not done, is lateness.
    ["what was due last month and still isn't done", 'overdue'],
    ['những chỉ tiêu lẽ ra phải xong từ tháng 6 mà vẫn chưa xong', 'overdue'],
    ['Sở Y tế còn nợ những việc gì từ tháng trước', 'overdue'],
    // Housework is not the plan's work, nor the sender's.
    ['Việc nhà của em còn nhiều quá', 'unknown'],
    ['Chỉ tiêu nào của NQ57 đã về đích?', 'list', 'done'],
    ['tk giúp a số chỉ tiêu đã xong nq57', 'summary'],
    ['% hoàn thành đa06', 'summary'],
    ['Gõ gì để xem việc quá hạn?', 'help'],
    ['hlep', 'help'],
    // A programme or agency named with a word of one intent is that intent.
    ['NQ57 thế nào?', 'summary'],
    ['tình hình Đông Sơn', 'summary'],
    // The sender as "anh"/"chị"/"a"/"c", and teencode.
    ['chị còn việc nào dở dang không em', 'my_tasks'],
    ['a còn j chưa làm k', 'my_tasks'],
    ['vc mik phụ trách', 'my_tasks'],
    ['sở vh đg thực hiện nhg j', 'list', 'in_progress'],
    ['Mục tiêu nào đangg triển khai?', 'list', 'in_progress'],
    // A name alone asks nothing; a question about using something else is not help.
    ['Project 06', 'unknown'],
    ['Nghị quyết 57-NQ/TW', 'unknown'],
    ['cách tra cứu mã số thuế cá nhân của mình', 'unknown'],
    ['Dạ mai có hạn nộp nhiệm vụ nào không ạ', 'due_soon'],
    // Agencies compared are a summary; VNI typing reads as the words meant.
    ['so sánh Sở Y tế và Sở Giáo dục xem bên nào nhanh hơn', 'summary'],
    ['vie65c na2o qua1 ha5n', 'overdue'],
    ['tasks that havent kicked off yet', 'list', 'not_started'],
    // About to be late is a deadline coming; loose shorthand of leaders.
    ['việc nào sắp quá hạn', 'due_soon'],
    ['chỉ tiêu nào ht r', 'list', 'done'],
    ['nq57 chạy tới đâu r', 'summary'],
    // "bên mình": the sender's unit, not the sender.
    ['sếp hỏi bên mình có việc nào quá thời hạn chưa làm xong không', 'overdue'],
  ])('reads %j as %s', (text, intent, status = null) => {
    const r = parse(text).intent;
    expect([r.intent, r.status]).toEqual([intent, intent === 'list' ? status : null]);
  });

  it('reads a request for an explanation worded as "làm rõ nguyên nhân", and a zero-padded spaced code', () => {
    expect(parse('Đề nghị Sở Y tế làm rõ nguyên nhân chậm NQ57-36').intent).toMatchObject({
      intent: 'request_explanation',
      target: 'NQ57-36',
    });
    expect(parse('da06 03 sao r').intent).toMatchObject({ intent: 'status', target: 'DA06-03' });
    expect(parse('NQ57 12 việc quá hạn').intent).toMatchObject({ intent: 'overdue', target: null });
    expect(parse('NQ57-04 đang kẹt do thiếu vốn').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
  });

  it('reads codes written loosely: a dot for the hyphen, a space before a number that ends the message', () => {
    expect(parse('nq57.34 đến đâu r ạ').intent).toMatchObject({ intent: 'status', target: 'NQ57-34' });
    expect(parse('da06 11 sao r').intent).toMatchObject({ intent: 'status', target: 'DA06-11' });
    expect(parse('nq57 29 78 phần trăm').intent).toMatchObject({ target: 'NQ57-29', percent: 78 });
    expect(parse('NQ57 12 việc quá hạn').intent.target).toBeNull();
  });

  it('reads "đạt 8/10" as 80 %, never a day written after a code', () => {
    expect(parse('cds25-5 dat 8/10').intent).toMatchObject({
      intent: 'update',
      target: 'CDS25-05',
      percent: 80,
    });
    expect(parse('CDS25-09.2 at 3/4').intent).toMatchObject({ percent: 75 });
    expect(parse('NQ57-12 xong trước 30/9').intent).toMatchObject({ percent: 100, status: 'done' });
    expect(parse('NQ57-12 đạt 12/10').intent.percent).toBeNull();
    expect(parse('NQ57-12 đạt 5/0').intent.percent).toBeNull();
  });

  it('reads a report worded around its code: "is now", "đến nay đạt", "em đã hoàn thành", "xog"', () => {
    expect(parse('NQ57-34.2 is now 50%, 4 start-ups supported').intent).toMatchObject({
      intent: 'update',
      percent: 50,
    });
    expect(parse('Nhiệm vụ NQ57-30.2 đến nay đạt 40%, đã tổ chức 2 lớp').intent).toMatchObject({
      intent: 'update',
      percent: 40,
    });
    expect(parse('Dạ CDS25-10.1 em đã hoàn thành ạ').intent).toMatchObject({
      intent: 'update',
      status: 'done',
    });
    expect(parse('nq57-12 xog').intent).toMatchObject({ intent: 'update', status: 'done' });
    // A question still opens with its word.
    expect(parse('is NQ57-12 done').intent.intent).toBe('status');
  });

  it('reads "gt" as an explanation asked for, and a spaced code before "ra sao"', () => {
    expect(parse('yc sở gd gt NQ57-21 nhé').intent).toMatchObject({
      intent: 'request_explanation',
      target: 'NQ57-21',
    });
    expect(parse('tien do nq57 28 ra sao em').intent).toMatchObject({ intent: 'status', target: 'NQ57-28' });
  });

  it('reads shorthand typed with its marks ("gtrình")', () => {
    expect(parse('yc đv phụ trách nq57-31 gtrình lý do chậm').intent).toMatchObject({
      intent: 'request_explanation',
      target: 'NQ57-31',
    });
  });

  it('reads a slash command after the bot is named in a group', () => {
    expect(parse('@dondoc_bot /mytasks').intent.intent).toBe('my_tasks');
  });

  it('forgives one slip in a command name, never a changed letter in a short one nor a name that could be two', () => {
    expect(parse('/hepl').intent.intent).toBe('help');
    expect(parse('/mytaks').intent.intent).toBe('my_tasks');
    expect(parse('/helpp').intent.intent).toBe('help');
    expect(parse('/duee').intent.intent).toBe('due_soon');
    expect(parse('/ovedue NQ57').intent).toMatchObject({ intent: 'overdue', program: 'NQ57' });
    expect(parse('/stauts NQ57-07').intent).toMatchObject({ intent: 'status', target: 'NQ57-07' });
    expect(parse('/expalin DA06-03').intent).toMatchObject({ intent: 'request_explanation' });
    expect(parse('/satus DA06-11').intent).toMatchObject({ intent: 'status', target: 'DA06-11' });
    expect(parse('/updte NQ57-16.1 done').intent).toMatchObject({ intent: 'update', status: 'done' });
    expect(parse('/mytasls').intent.intent).toBe('my_tasks');
    expect(parse('/test').intent.intent).toBe('unknown');
    expect(parse('/stat').intent.intent).toBe('unknown');
    expect(parse('/nexy').intent.intent).toBe('unknown');
  });

  it('reads a code typed loosely: a dot before a one-digit target, the letter O for a zero', () => {
    expect(parse('cds25.4 tđ ntn').intent).toMatchObject({ intent: 'status', target: 'CDS25-04' });
    expect(parse('nq57.12.3 xong').intent).toMatchObject({ intent: 'update', target: 'NQ57-12.3' });
    expect(parse('kiểm tra giúp CDS25-1O').intent).toMatchObject({ intent: 'status', target: 'CDS25-10' });
    expect(parse('NQ57-O5.2 xong').intent).toMatchObject({ intent: 'update', target: 'NQ57-05.2' });
    // Letters only, no digit: no number typed with O, so no code (it is left unreadable).
    expect(parse('NQ57-oo xong').intent.target).toBeNull();
  });

  it('reads half the work as 50 %, and "nửa" alone as no percent', () => {
    expect(parse('nq57-40.2 duoc 1 nua').intent).toMatchObject({ percent: 50, status: 'in_progress' });
    expect(parse('nq57-30.1 dc 1 nửa r').intent).toMatchObject({ intent: 'update', percent: 50 });
    expect(parse('NQ57-12 half done').intent).toMatchObject({ intent: 'update', percent: 50 });
    expect(parse('nq57-12 được nửa tháng rồi').intent.percent).toBeNull();
  });

  it('reads "cho" right after a code as waiting, unless it gives the task or the answer to someone', () => {
    expect(parse('nq57-40.3 cho doi tac ban giao, chua lam duoc').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
    expect(parse('NQ57-12 cho em xem').intent.intent).toBe('status');
    expect(parse('giao NQ57-12.4 cho tran van dat').intent.intent).toBe('status');
  });

  it('reads a report around its code: "still", "đang bị", a thank-you after it (not a note)', () => {
    expect(parse('NQ57-03.3 still blocked by lack of premises').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
    expect(parse('DA06-05.2 đang bị vướng: chờ Bộ Công an cấp quyền').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
    const thanked = parse('Dạ thưa anh, em báo cáo NQ57-34.2 đã triển khai được 30% ạ, em cảm ơn anh.');
    expect(thanked.intent).toMatchObject({ intent: 'update', percent: 30 });
    expect(parse('NQ57-12 xong, cảm ơn').note).toBeNull();
  });

  it('reads a statement of work done after a code as a note on it, progress unchanged', () => {
    expect(parse('NQ57-12 đã lắp xong trạm 5G')).toMatchObject({
      intent: expected({ intent: 'update', target: 'NQ57-12' as Intent['target'] }),
      note: 'đã lắp xong trạm 5G',
    });
    expect(parse('Cập nhật DA06-02.2: phường Long Thành đã bổ sung hồ sơ').intent).toMatchObject({
      intent: 'update',
      status: null,
    });
    expect(parse('NQ57-21.2 reached 150/200 lectures').intent).toMatchObject({
      intent: 'update',
      percent: 75,
    });
    // A status closing the report after a separator is the item's ("…, xog"); a lateness told or a
    // question asked reports nothing.
    expect(parse('NQ57-20.1 đã phê duyệt dự án, xog')).toMatchObject({
      intent: { intent: 'update', status: 'done', percent: 100 },
      note: 'đã phê duyệt dự án',
    });
    expect(parse('NQ57-12 đã quá hạn').intent.intent).toBe('status');
    expect(parse('NQ57-12 đã xong chưa').intent.intent).toBe('status');
    expect(parse('cập nhật NQ57-12').intent.intent).toBe('status');
  });

  it('reads a word typed with a tone the vocabulary never gives it by its neighbour, never a real tone', () => {
    expect(parse('các chỉ tiêu đã hoàn thánh của NQ57').intent).toMatchObject({
      intent: 'list',
      status: 'done',
    });
    expect(parse('nhiệm vụ vường mắc của Sở KH&CN').intent).toMatchObject({
      intent: 'list',
      status: 'blocked',
    });
    expect(parse('việc chưa lám của Trung tâm Lưu trữ').intent).toMatchObject({ status: 'not_started' });
    expect(parse('việc chấm điểm thi đua').intent.intent).toBe('unknown');
  });

  it('reads a tone typed as a telex key after a marked word ("nhâts"), and a lateness with a wrong tone', () => {
    expect(parse('đơn vị nào chậm nhâts').intent.intent).toBe('summary');
    // "qùa" is read by the classifier, not taken for a bare "hạn" to ask about.
    expect(parse('chỉ tiêu Đề án 06 nào qùa hạn').intent.intent).toBe('overdue');
    expect(parse('các việc hạn').choices).toEqual(['overdue', 'due_soon']);
  });

  it('reads "đăng ký" as registering only with a code or alone', () => {
    expect(parse('đăng ký').intent.intent).toBe('help');
    expect(parse('đăng ký P09').control).toEqual({ kind: 'register', code: 'P09' });
    const other = parse('đăng ký tham gia giải cầu lông công đoàn ở đâu');
    expect(other.control).toBeNull();
    expect(other.intent.intent).not.toBe('help');
  });

  it('reads a breakdown, a total and a drag on a programme as a summary', () => {
    expect(parse('Breakdown of Home Affairs tasks by status').intent).toMatchObject({
      intent: 'summary',
      agency: 'SNV',
    });
    expect(parse('e cần số tổng DA06 để làm slide họp t5').intent.intent).toBe('summary');
    expect(parse('đv nào đg kéo chân DA06 v').intent.intent).toBe('summary');
  });

  it('reads the one percent a report gives as its progress anywhere in its sentence', () => {
    expect(parse('NQ57-14.3 long thành đạt 72% r ạ, tks a').intent).toMatchObject({
      intent: 'update',
      percent: 72,
    });
    expect(parse('NQ57-24.2 mới đạt 30%, đang chuẩn hóa dữ liệu').intent).toMatchObject({ percent: 30 });
    expect(parse('DA06-05.2: connection to the service is 80% complete.').intent).toMatchObject({
      percent: 80,
    });
    expect(parse('NQ57 12.3: 3 of 5 remote communes covered so far').intent).toMatchObject({ percent: 60 });
    expect(parse('We are about halfway on NQ57-26.4.').intent).toMatchObject({
      intent: 'update',
      percent: 50,
    });
    expect(parse('DA06-01.4 đang chỉnh lý, được khoảng một nửa ạ').intent).toMatchObject({ percent: 50 });
    // A percent of something else, or two of them, is no progress: the report is a note.
    expect(parse('DA06-12.2 đã gắn mã địa chỉ cho 90% hộ gia đình').intent).toMatchObject({
      intent: 'update',
      percent: null,
    });
    expect(parse('NQ57-12 đạt 40% trạm, được 60% xã').intent.percent).toBeNull();
    expect(parse('NQ57-12 đạt bao nhiêu %').intent.intent).toBe('status');
  });

  it('reads "waiting on", "paused", "phải tạm dừng" after a code as blocked', () => {
    expect(parse('DA06-01.2 waiting on the police to verify ID numbers.').intent).toMatchObject({
      intent: 'update',
      status: 'blocked',
    });
    expect(parse('NQ57-39.2 paused due to a lack of inspectors').intent.status).toBe('blocked');
    expect(parse('Dạ thưa anh, NQ57-03.3 phải tạm dừng vì chưa có trụ sở ạ').intent.status).toBe('blocked');
  });

  it('reads "ai …", "… chưa ạ", "… là gì" about a code as questions', () => {
    expect(parse('ai dang lam nq57-05').intent.intent).toBe('status');
    expect(parse('Dạ, em muốn biết NQ57-43 đã bắt đầu chưa ạ.').intent.intent).toBe('status');
    expect(parse('cap nhat moi nhat cua da06-02 la gi').intent.intent).toBe('status');
    expect(parse('Ask the Authority to account for the delay on NQ57-36.2.').intent.intent).toBe(
      'request_explanation',
    );
  });

  it('counts "bn xong, bn trễ", reads "vượt mốc" as late and "nhắn thế nào" as help', () => {
    expect(parse('bn xong, bn đg làm, bn trễ v e').intent.intent).toBe('summary');
    expect(parse('TT HCC có nv nào vượt mốc hạn chưa e').intent.intent).toBe('overdue');
    expect(parse('cho em hỏi muốn báo cáo hoàn thành một việc thì nhắn thế nào ạ?').intent.intent).toBe(
      'help',
    );
    expect(parse('thứ 6 này có vc nào hết hạn k').intent).toMatchObject({
      intent: 'due_soon',
      period: { from: '2025-07-18', to: '2025-07-18' },
    });
  });

  it('reads an item named in words: a programme, a word for a target or task, its number', () => {
    expect(parse('de an 06 muc 04 dat bao nhieu phan tram roi').intent).toMatchObject({
      intent: 'status',
      target: 'DA06-04',
    });
    expect(parse('NQ57 chỉ tiêu 12 xong chưa').intent).toMatchObject({ intent: 'status', target: 'NQ57-12' });
    expect(parse('nghị quyết 57 nhiệm vụ 12.3 xong').intent).toMatchObject({
      intent: 'update',
      target: 'NQ57-12.3',
    });
    // A count is no code, nor a programme the province does not have.
    expect(parse('nq57 có mấy chỉ tiêu').intent.target).toBeNull();
    expect(parse('nq99 chỉ tiêu 12 ra sao').intent.target).toBeNull();
  });

  it('reads the Centre\'s words: "chi" after a work word, "răng", "rứa", "ni", "hỉ"', () => {
    expect(parse('Việc chi của NQ57 quá hạn rứa?').intent).toMatchObject({
      intent: 'overdue',
      program: 'NQ57',
    });
    expect(parse('xa dong son con viec chi chua bat tay lam').intent).toMatchObject({
      intent: 'list',
      status: 'not_started',
    });
    expect(parse('bot ni xai rang').intent.intent).toBe('help');
    // Typed without its mark after "của", "chi" is still "chị".
    expect(parse('viec cua chi con gi').intent.intent).toBe('my_tasks');
  });

  it('reads "explain" as a request only about the plan\'s work; "giải trình" always', () => {
    expect(parse('explain quantum physics simply').intent.intent).toBe('unknown');
    expect(parse('explain why NQ57 is late').intent).toMatchObject({ intent: 'request_explanation' });
    expect(parse('giải trình').intent.intent).toBe('request_explanation');
  });

  it('reads officials\' English: "over deadline", "not kick off yet", "my workload", "total"', () => {
    expect(parse('Police tasks over deadline?').intent).toMatchObject({ intent: 'overdue', agency: 'CA' });
    expect(parse('which tasks not kick off yet of DOF').intent).toMatchObject({
      intent: 'list',
      status: 'not_started',
    });
    expect(parse('what is my workload').intent.intent).toBe('my_tasks');
    expect(parse('total done/in progress/overdue of DOET').intent.intent).toBe('summary');
  });

  it('reads "sđt" as a phone number (no count) and "mt" as "mục tiêu", never beside "&"', () => {
    expect(parse('sđt của Sở Nội vụ là bn').intent.intent).toBe('unknown');
    expect(parse('nq57 có mấy mt xong r').intent.intent).toBe('summary');
    expect(parse('Sở NN&MT có việc nào trễ').intent).toMatchObject({ intent: 'overdue', agency: 'SNNMT' });
  });

  it('reads a question after a code as one: "tới đâu", "gì vậy"', () => {
    expect(parse('cds25-11.1 dang lam toi dau').intent.intent).toBe('status');
    expect(parse('nq57-04 vướng j v').intent.intent).toBe('status');
  });

  it('keeps the initials of an agency written with "&" as they are ("nn&mt" is no "em")', () => {
    expect(parse('so nn&mt dang lam nhung viec nao').intent).toMatchObject({
      intent: 'list',
      agency: 'SNNMT',
      status: 'in_progress',
    });
  });

  it('reads a deadline date after "hạn" as the window up to it, never after "quá hạn"', () => {
    expect(parse('nv nào hạn 15/8').intent).toMatchObject({
      intent: 'due_soon',
      period: { from: '2025-07-15', to: '2025-08-15' },
    });
    expect(parse('việc quá hạn 30/6').intent).toMatchObject({ intent: 'overdue', period: null });
  });

  it('reads nothing into a programme\'s own name ("chuyen doi so" holds "đợi" and "đội sổ" unmarked)', () => {
    expect(parse('ke hoach chuyen doi so nhung gi sap den han thang sau').intent).toMatchObject({
      intent: 'due_soon',
      program: 'CDS25',
      status: null,
    });
    expect(parse('nhung chi tieu ke hoach chuyen doi so 2025 da qua han').intent.intent).toBe('overdue');
  });

  it('reads two words typed as one when only one split makes two words ("hoàn thànhrồi")', () => {
    expect(parse('mục tiêu nào đã hoàn thànhrồi').intent).toMatchObject({ intent: 'list', status: 'done' });
  });

  it('counts only the plan\'s work: "có mấy việc…" is a summary, "how many days until Tết" no count', () => {
    expect(parse('có mấy viêc chưa bắt đầu').intent.intent).toBe('summary');
    expect(parse('how many calories in a bowl of pho').intent.intent).toBe('unknown');
    expect(parse('phone number of DOST pls').intent.intent).toBe('unknown');
  });

  it('reads a closing percent as no report when the classifier is sure the message is about something else', () => {
    expect(parse('I finished my English course, 100%').intent.intent).toBe('unknown');
    expect(parse('đã lắp 12/20 trạm, đạt 60%').intent).toMatchObject({ intent: 'update', percent: 60 });
    expect(parse('xong, đã nghiệm thu').intent).toMatchObject({ intent: 'update', status: 'done' });
  });

  it('reads "mai" as tomorrow at the start or after a word of time, not as a name', () => {
    const tomorrow = { from: '2025-07-16', to: '2025-07-16' };
    expect(parse('mai có hạn j ko').intent).toMatchObject({ intent: 'due_soon', period: tomorrow });
    expect(parse('hạn đến mai có việc gì').intent.period).toEqual(tomorrow);
    expect(parse('chị Mai có việc gì quá hạn').intent.period).toBeNull();
  });
});

describe('a period alone never makes an intent', () => {
  it.each([['hôm nay'], ['tuần sau'], ['quý 3'], ['trước 30/9'], ['thời tiết hôm nay thế nào']])(
    'reads %j as unknown with every field null',
    (text) => {
      expect(parse(text).intent).toStrictEqual(expected({ intent: 'unknown' }));
    },
  );
});

describe('messages that mean nothing to the bot', () => {
  it.each([[''], ['   '], ['🎉🎉🎉'], ['👍'], ['?!'], ['asdfgh'], ['chúc mừng sinh nhật anh'], ['NQ57']])(
    'reads %j as unknown with every field null',
    (text) => {
      const r = parse(text);
      expect(r.intent).toStrictEqual(expected({ intent: 'unknown' }));
      expect(r.note).toBeNull();
      expect(r.agencyChoices).toEqual([]);
    },
  );

  it('gives no language for emoji only', () => {
    expect(parse('🎉🎉🎉').lang).toBeNull();
  });

  it('reads 20,000 characters quickly and without crashing', () => {
    const text = 'so khoa hoc va cong nghe tong hop tien do 1/2/3 NQ57-'.repeat(400);
    const started = performance.now();
    const r = parse(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.intent.intent).toBe('summary');
  });

  it.each([
    ['1'.repeat(20_000)],
    ['1/'.repeat(10_000)],
    ['%'.repeat(20_000)],
    ['😀'.repeat(10_000)],
    [' '.repeat(20_000)],
  ])('survives a pathological input of %# quickly', (text) => {
    const started = performance.now();
    parse(text);
    findBadPercent(text, lexicon);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('only reads intent words near the start of a huge message', () => {
    expect(parse(`${'a '.repeat(5000)} quá hạn`).intent.intent).toBe('unknown');
  });
});

describe('language', () => {
  it.each<[string, 'vi' | 'en' | null]>([
    ['mục tiêu NQ57 nào quá hạn?', 'vi'],
    ['muc tieu nghi quyet 57 nao qua han', 'vi'],
    ['NQ57-12 xong', 'vi'],
    ['which Resolution 57 targets are overdue', 'en'],
    ['NQ57-12 done', 'en'],
    ['what can you do', 'en'],
    ['NQ57-12', null],
    ['/help', null],
    ['asdfgh', null],
  ])('reads %j as %s', (text, lang) => {
    expect(parse(text).lang).toBe(lang);
  });
});

describe('purity', () => {
  it('gives the same answer for the same message every time', () => {
    const text = 'NQ57 có gì đến hạn trong tháng này?';
    expect(parse(text)).toStrictEqual(parse(text));
  });

  it('resolves periods against the day it is given, not the clock', () => {
    expect(parse('due this week', '2030-01-02').intent.period).toEqual({
      from: '2029-12-31',
      to: '2030-01-06',
    });
  });
});

describe('agencies named by part of their name, as people write them', () => {
  const agency = (code: string) => code as Intent['agency'];
  it.each<[string, Partial<Intent> & Pick<Intent, 'intent'>]>([
    ['which tasks of the Department of Science are overdue', { intent: 'overdue', agency: agency('SKHCN') }],
    ['overdue tasks of the dept of science', { intent: 'overdue', agency: agency('SKHCN') }],
    ['summary of the science department', { intent: 'summary', agency: agency('SKHCN') }],
    ['nhiệm vụ nào của sở khoa học quá hạn', { intent: 'overdue', agency: agency('SKHCN') }],
    ['so khoa hoc co viec gi qua han', { intent: 'overdue', agency: agency('SKHCN') }],
    ['bên khoa học có việc gì chậm', { intent: 'overdue', agency: agency('SKHCN') }],
    ['tổng hợp tiến độ sở tài chính', { intent: 'summary', agency: agency('STC') }],
    ['bên tư pháp có việc gì quá hạn', { intent: 'overdue', agency: agency('STP') }],
    ['ben tu phap co viec gi qua han', { intent: 'overdue', agency: agency('STP') }],
    ['công an có nhiệm vụ nào quá hạn', { intent: 'overdue', agency: agency('CA') }],
    ['overdue tasks of the Department of Agriculture', { intent: 'overdue', agency: agency('SNNMT') }],
    ['tình hình sở công', { intent: 'summary', agency: agency('SCT') }],
  ])('reads %j', (text, partial) => {
    const r = parse(text);
    expect(r.intent).toStrictEqual(expected(partial));
    expect(r.agencyChoices).toEqual([]);
  });

  it('asks which one when the words fit several names equally', () => {
    const r = parse('bên tài chính và bên tư pháp có gì quá hạn');
    expect(r.intent).toStrictEqual(expected({ intent: 'overdue' }));
    expect(r.agencyChoices).toEqual(['STC', 'STP']);
  });

  it.each([
    ['ban hành kế hoạch nào quá hạn'],
    ['sở nào chậm nhất'],
    ['bên em có việc gì quá hạn'],
    ['bên tỉnh có việc gì quá hạn'],
    ['sở tài nguyên có việc gì quá hạn'],
    ['phía công an xã có việc gì quá hạn'],
    ['overdue tasks of the Department of Defence'],
  ])('names no agency in %j', (text) => {
    const r = parse(text);
    expect(r.intent.agency).toBeNull();
    expect(r.agencyChoices).toEqual([]);
  });
});

describe('words that announce a report, and questions about something else', () => {
  it.each<[string, Intent['status'], number | null, string]>([
    // "tạm thời", "cập nhật" between the code and the report announce it.
    [
      'Dạ thưa anh, nhiệm vụ CDS25-14.2 tạm thời bị chặn vì ngân hàng chưa mở được tài khoản ạ.',
      'blocked',
      null,
      'CDS25-14.2',
    ],
    ['nq57-14.3 cập nhật 55%, hnay hd thêm đc 40 hồ sơ online', 'in_progress', 55, 'NQ57-14.3'],
    ['DA06-03 updated to done', 'done', 100, 'DA06-03'],
  ])('reads %j as an update', (text, status, percent, target) => {
    const r = parse(text).intent;
    expect(r).toMatchObject({ intent: 'update', status, percent, target });
  });

  it('reads "bao nhiu" as "bao nhiêu" (how many), "nhìu" alone as "nhiều"', () => {
    expect(parse('Có bao nhiu việc đã xong rồi').intent.intent).toBe('summary');
    expect(parse('nhìu việc quá hạn wa').intent.intent).toBe('overdue');
  });

  it.each([
    ['translate "overdue" into Vietnamese please'],
    ['quá hạn tiếng anh là gì'],
    ['dịch giúp em câu báo cáo này sang tiếng anh'],
    ['phiên chợ Mỹ Lộc hôm nay thịt lợn bao nhiêu 1 cân'],
    ['giá xăng hôm nay bao nhiêu'],
    ['write a haiku about deadlines'],
    ['làm bài thơ về tiến độ NQ57'],
  ])('reads %j (words to translate, a poem, a price) as unknown', (text) => {
    expect(parse(text).intent.intent).toBe('unknown');
  });

  it('still counts the work of a commune whose name a price question shares', () => {
    expect(parse('xã Mỹ Lộc đạt bao nhiêu chỉ tiêu').intent.intent).toBe('summary');
  });
});

describe('help asked as a question of how, codes spaced before a question, a purpose, a tone typed', () => {
  it.each([['getting started'], ['xem tđ 1 chỉ tiêu thì làm sao'], ['làm sao để xem việc quá hạn']])(
    'reads %j as help',
    (text) => {
      expect(parse(text).intent.intent).toBe('help');
    },
  );

  it('reads "NQ57-12 chậm thì làm sao" about the item, not as help', () => {
    expect(parse('NQ57-12 chậm thì làm sao').intent).toMatchObject({ intent: 'status', target: 'NQ57-12' });
  });

  it.each([['da06 11 ntn r'], ['da06 11 như thế nào rồi'], ['nq57 12 tới đâu rồi']])(
    'reads %j as the status of a spaced code',
    (text) => {
      expect(parse(text).intent.intent).toBe('status');
      expect(parse(text).intent.target).toMatch(/^(DA06-11|NQ57-12)$/u);
    },
  );

  it('reads a report the answer is for as its purpose, not a summary asked for', () => {
    const r = parse('cho toi xem cac chi tieu da06 dang bi vuong de bao cao').intent;
    expect(r).toMatchObject({ intent: 'list', status: 'blocked', program: 'DA06' });
    expect(parse('tổng hợp số liệu NQ57 để báo cáo').intent.intent).toBe('summary');
  });

  it('never reads "công tác" (a work trip) as "tắc" (blocked): a word typed with its tone has its marks', () => {
    expect(parse('Sáng mai anh cho em mượn xe đi công tác xã Bắc Phong nhé').intent.intent).toBe('unknown');
    expect(parse('việc nào bị tắc').intent).toMatchObject({ intent: 'list', status: 'blocked' });
    expect(parse('viec nao bi tac').intent).toMatchObject({ intent: 'list', status: 'blocked' });
  });
});

describe('codes typed with underscores or no separator, and the occasion of a question', () => {
  it.each([
    ['cho xem muc tieu NQ57_13', 'status', 'NQ57-13'],
    ['cap nhat tien do NQ57_16_3 la 90%', 'update', 'NQ57-16.3'],
    ['NQ5712 sao roi', 'status', 'NQ57-12'],
    ['NQ5712?', 'status', 'NQ57-12'],
    ['da0603 xong', 'update', 'DA06-03'],
  ])('reads %j', (text, intent, target) => {
    expect(parse(text).intent).toMatchObject({ intent, target });
  });

  it.each([['XY5712 sao roi'], ['NQ5799999 sao roi'], ['NQ57__12 xong'], ['nq57_12_3_4 xong']])(
    'reads no item in %j (no known programme, no single cut, underscores out of place): nothing to update',
    (text) => {
      expect(parse(text).intent.target).toBeNull();
      expect(parse(text).intent.intent).not.toBe('update');
    },
  );

  it.each([
    ['NQ57__12 xong', 'NQ57__12'],
    ['nq57_12_3_4 xong', 'nq57_12_3_4'],
  ])('tells the sender %j holds a code it cannot read (%s)', (text, code) => {
    expect(parse(text).unreadableCode).toBe(code);
  });

  it('leaves a file name with underscores and no programme alone', () => {
    expect(parse('gửi file bao_cao_2025 nhé').unreadableCode).toBeNull();
    expect(parse('tk2025_final').unreadableCode).toBeNull();
  });

  it("reads glued digits that are a programme's own name as the programme, not a code", () => {
    expect(parse('ke hoach cds2025 qua han').intent).toMatchObject({
      intent: 'overdue',
      program: 'CDS25',
      target: null,
    });
  });

  it("reads a meeting the sender chairs as the occasion, not the sender's own work", () => {
    const text =
      'Sáng mai tôi chủ trì cuộc họp giao ban, nhờ bot lọc giúp các nhiệm vụ thuộc Kế hoạch CĐS 2025 đã quá hạn';
    expect(parse(text).intent).toMatchObject({ intent: 'overdue', program: 'CDS25' });
    expect(parse('những việc tôi chủ trì còn gì').intent.intent).toBe('my_tasks');
  });
});

describe('reasons asked in English, waiting for someone, an agency named as a place', () => {
  it.each([
    ['Ask Bac Phong commune to give reason for slow progress of DA06-01.4', 'DA06-01.4'],
    ['Pls ask for reasons of delay NQ57-10.3', 'NQ57-10.3'],
    ['đề nghị xã Đông Sơn giải tình NQ57-40.3', 'NQ57-40.3'],
  ])('reads %j as a request for an explanation', (text, target) => {
    expect(parse(text).intent).toMatchObject({ intent: 'request_explanation', target });
  });

  it.each([['give me reasons to buy a car'], ['what is the reason for the delay of my flight']])(
    'reads %j, reasons about something else, as unknown',
    (text) => {
      expect(parse(text).intent.intent).toBe('unknown');
    },
  );

  it.each<[string, Intent['status']]>([
    ['which task has problem, cannot continue?', 'blocked'],
    ['which jobs are pending, nobody start yet?', 'not_started'],
    ['Which CDS25 tasks still not start?', 'not_started'],
  ])('reads %j as a list', (text, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'list', status });
  });

  it('reads "reach 72%" after a code as progress', () => {
    expect(parse('NQ57-10.2 reach 72%, telecom already pull fibre to 6 more villages.').intent).toMatchObject(
      { intent: 'update', percent: 72, status: 'in_progress' },
    );
  });

  it.each([
    ['a ơi e chờ a ở cổng sở ct nãy giờ r'],
    ['anh ơi em chờ anh ở cổng Sở Nôi vụ nhé'],
    ['tien do xay nha o xa Dong Son cua anh den dau roi'],
    ['Mảnh đất nhà tôi ở Long Thành vướng đường điện cao thế nên chưa làm móng được.'],
  ])('reads %j (waiting for someone, a place, a statement) as unknown', (text) => {
    expect(parse(text).intent.intent).toBe('unknown');
  });

  it('still reads the work of a unit named after "ở", and a wait for instructions', () => {
    expect(parse('các việc ở xã Tân Phú đang vướng gì').intent).toMatchObject({
      intent: 'list',
      status: 'blocked',
      agency: 'X-TANPHU',
    });
    expect(parse('viec nao dang cho chi dao').intent).toMatchObject({ intent: 'list', status: 'blocked' });
    expect(parse('sở tp có j chậm ko').intent.intent).toBe('overdue');
  });
});

describe('a programme number before a percent sign', () => {
  it('reads "Resolution 57 % complete" as a share of the programme asked for, not 57 %', () => {
    expect(parse('Resolution 57 % complete').intent).toMatchObject({
      intent: 'summary',
      program: 'NQ57',
      percent: null,
    });
  });

  it('reads "my stuff" as the sender\'s own work', () => {
    expect(parse('my stuff').intent.intent).toBe('my_tasks');
  });
});

describe('English asked plainly, a breakdown, words of explanation in a report', () => {
  it.each<[string, Intent['intent'], Intent['status']?]>([
    ['Hi bot, what are you for?', 'help'],
    ['Which Project 06 tasks have hit a roadblock?', 'list', 'blocked'],
    ['What did we wrap up this month under Resolution 57?', 'list', 'done'],
    ['Could you give me the headline numbers for Resolution 57 - done, in progress, overdue?', 'summary'],
    // Lateness beside one status is still lateness (spec).
    ['việc nào quá hạn mà đang vướng', 'overdue'],
  ])('reads %j', (text, intent, status) => {
    const r = parse(text).intent;
    expect(r.intent).toBe(intent);
    if (status !== undefined) expect(r.status).toBe(status);
  });

  it('keeps a report whose note holds a word of explanation an update ("accounts for")', () => {
    expect(
      parse('DA06-04.2 progress 65%, activated level-2 accounts for 12,000 more people.').intent,
    ).toMatchObject({ intent: 'update', target: 'DA06-04.2', percent: 65 });
    expect(parse('NQ57-12 chậm, yêu cầu Sở Y tế giải trình').intent.intent).toBe('request_explanation');
    expect(parse('yêu cầu giải trình NQ57-12 80%').intent.intent).toBe('request_explanation');
  });
});

describe('how to ask, the end of last month, counts of work', () => {
  it.each([
    ['cach xem viec sap den han nhu the nao'],
    ['Cho tôi xin hướng dẫn cách hỏi các việc sắp đến hạn.'],
    ['hướng dẫn cách gửi yêu càu giải trình'],
  ])('reads %j, how to ask, as help', (text) => {
    expect(parse(text).intent.intent).toBe('help');
  });

  it('reads a deadline at the end of last month, not done, as lateness in last month', () => {
    expect(
      parse('Những nhiệm vụ có hạn cuối tháng trước nhưng chưa xong của phường Long Thành là gì?').intent,
    ).toMatchObject({ intent: 'overdue', period: { from: '2025-06-01', to: '2025-06-30' } });
  });

  it.each([
    ['tháng trước toàn tỉnh xong bao nhiều việc'],
    ['Dạ em cần số việc đang quá hạn và số việc đang làm của phường Long Thành để báo cáo giao ban ạ.'],
  ])('reads %j as a count, a summary', (text) => {
    expect(parse(text).intent.intent).toBe('summary');
  });
});

describe('reports told apart from questions: before the code, hedged, nearly done, fractions', () => {
  it.each<[string, string, number | null, Intent['status']]>([
    [
      'Khoảng 80% rồi, NQ57-30.1 chỉ còn hai lớp tập huấn cuối cùng vào tuần sau.',
      'NQ57-30.1',
      80,
      'in_progress',
    ],
    ['About 80% on NQ57-30.1, two training classes left', 'NQ57-30.1', 80, 'in_progress'],
    ['xong r nhé, cds25-13.1 kiện toàn đủ tổ cn số các thôn', 'CDS25-13.1', 100, 'done'],
    ['DA06-01.4 roughly halfway, Bac Phong land records being corrected', 'DA06-01.4', 50, 'in_progress'],
    ['DA06-03: 47/68 communes now have ID card readers', 'DA06-03', 69, 'in_progress'],
    ['DA06-04.2 đc khoảng 3/4 r, còn mấy xã vùng cao', 'DA06-04.2', 75, 'in_progress'],
    ['NQ57-34.1 gan xong, da cham xong vong so khao', 'NQ57-34.1', null, 'in_progress'],
    ['DA06-10.3 dduwowcj hown nuwar roofi', 'DA06-10.3', null, 'in_progress'],
    ['CDS25-09.1 k làm tiếp đc, chờ kp thuê dv số hóa', 'CDS25-09.1', null, 'blocked'],
    // A question word at the end of the note is the note's ("máy chủ" is no "chứ").
    ['NQ57-13.2 blocked, cho phe duyet chu truong dau tu may chu', 'NQ57-13.2', null, 'blocked'],
  ])('reads %j as an update', (text, target, percent, status) => {
    expect(parse(text).intent).toMatchObject({ intent: 'update', target, percent, status });
  });

  it.each([['NQ57-12 xong chưa ạ'], ['NQ57-12 xong rồi phải không'], ['NQ57-12 80% chưa?']])(
    'still reads %j, a question right behind the report, as a question',
    (text) => {
      expect(parse(text).intent.intent).toBe('status');
    },
  );

  it('reads a date after a code as no fraction', () => {
    expect(parse('NQ57-12 15/8').intent).toMatchObject({ intent: 'status', percent: null });
  });
});

describe('the decimal comma in codes, a lone telex w, how to update', () => {
  it.each([
    ['Tiến độ của nhiệm vụ NQ57-12,3 hiện nay thế nào?', 'status', 'NQ57-12.3'],
    ['NQ57-15,2 completed', 'update', 'NQ57-15.2'],
    ['cds25-5 xong chưa v', 'status', 'CDS25-05'],
    [
      'Yêu cầu người phụ trách NQ57-07.2 giai trình vì sao tiến độ mới đạt 30%.',
      'request_explanation',
      'NQ57-07.2',
    ],
  ])('reads %j', (text, intent, target) => {
    expect(parse(text).intent).toMatchObject({ intent, target });
  });

  it('reads a comma followed by a space after a code as punctuation', () => {
    expect(parse('NQ57-12, 3 việc').intent.target).toBe('NQ57-12');
  });

  it.each([['hwowngs dẫn'], ['hwowngs daanx caapj nhaatj tieens ddooj']])(
    'reads %j (telex "w" alone for "ư") as help',
    (text) => {
      expect(parse(text).intent.intent).toBe('help');
    },
  );
});

describe('long formal messages: the sender introduced, new to the bot, a polite request', () => {
  it.each<[string, Intent['intent']]>([
    ['Tôi là Phan Thị Mai. Sở Nội vụ hiện đạt bao nhiêu phần trăm nhiệm vụ được giao?', 'summary'],
    [
      'Kinh gui he thong, toi la Duong Van Long, So Tai chinh. Toi moi duoc them vao nhom, chua biet su dung the nao. Xin huong dan giup toi.',
      'help',
    ],
    ['Good morning, could you send me the list of supported commands?', 'help'],
    ['bot có thể giúp tôi xem việc quá hạn không', 'overdue'],
    // "I am" before no name nor role is the sender's own work.
    ['Could you list all the tasks where I am the assignee?', 'my_tasks'],
  ])('reads %j', (text, intent) => {
    expect(parse(text).intent.intent).toBe(intent);
  });
});

describe('group chat: commands slipped, spaced codes, words to someone else', () => {
  it.each<[string, Intent['intent'], string | null]>([
    ['/deu@dondoc_bot tuần sau', 'due_soon', null],
    ['@dondoc cds25 7 đc bn % r', 'status', 'CDS25-07'],
    ['chi tieu da06 10 ai phu trach, dat bao nhieu roi', 'status', 'DA06-10'],
    ['anh Tung oi bao cao 6 thang dau nam gui so chua anh', 'unknown', null],
    ['mn ơi báo cáo tổng kết chi đoàn nộp hạn cuối khi nào v', 'unknown', null],
    ['Chúc mừng Sở Y tế đã về đích sớm chỉ tiêu bệnh án điện tử!', 'unknown', null],
    // The bot called, or a question after the congratulation: for the bot.
    ['bot ơi việc nào quá hạn', 'overdue', null],
    ['anh ơi việc nào quá hạn', 'overdue', null],
    ['chúc mừng! còn việc nào quá hạn không?', 'overdue', null],
    // A report to a colleague with a code is still a report.
    ['Chị Hà ơi, NQ57-12 xong rồi', 'update', 'NQ57-12'],
  ])('reads %j', (text, intent, target) => {
    expect(parse(text).intent).toMatchObject({ intent, target });
  });
});

describe('the South and older officials', () => {
  it.each<[string, Intent['intent']]>([
    ['lệnh xem vc quá hạn là j', 'help'],
    ['what functions you support', 'help'],
    ['tui gia roi xai dien thoai hong ranh, bot chi tui tung buoc nha', 'help'],
    ['việc nào của sở tư pháp đã làm song trong tháng trước', 'list'],
    ['tui phai man nhung viec gi nua', 'my_tasks'],
    ['mn ơi bot ơi, hnay còn vc j quá hạn ko', 'overdue'],
    ['cds25-8 xong chưa e', 'status'],
    ['CDS25-06 xong chưa dzậy', 'status'],
    ['man city thắng chưa', 'unknown'],
  ])('reads %j', (text, intent) => {
    expect(parse(text).intent.intent).toBe(intent);
  });

  it('keeps a report that ends by naming the person told a report', () => {
    expect(parse('NQ57-12 xong rồi anh').intent).toMatchObject({ intent: 'update', status: 'done' });
  });
});

describe('English as many people write it', () => {
  it.each<[string, Intent['intent'], string | null]>([
    ['Dear bot, please show the tasks which will be expired in this week.', 'due_soon', null],
    ['How can I check my tasks with this bot?', 'help', null],
    ['Hello bot, what are you able to do?', 'help', null],
    ['how to request an explanation from a department?', 'help', null],
    [
      'Kindly show me the not-yet-commenced targets of the Department of Culture, Sports and Tourism.',
      'list',
      null,
    ],
    ["What's been ticked off this week?", 'list', null],
    ['list of my missions', 'my_tasks', null],
    ['What did the Department of Industry and Trade fail to complete on time?', 'overdue', null],
    ['which mission is slow progress', 'overdue', null],
    ['request the leader of DOF to clarify the delay of NQ57-22.3', 'request_explanation', 'NQ57-22.3'],
    ['progress of Resolution 57 target 12.1', 'status', 'NQ57-12.1'],
    ['status of Project 06 task 3.2', 'status', 'DA06-03.2'],
  ])('reads %j', (text, intent, target) => {
    expect(parse(text).intent).toMatchObject({ intent, target });
  });
});
