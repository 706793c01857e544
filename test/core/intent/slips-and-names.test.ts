// A status typed wrong right after an item's code, a slip that keeps a long word's ends, a command name
// typed wrong, a code-like string named as an order or a parcel, and words of officials' English.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import { contextCorrection, correction } from '../../../src/core/intent/spelling.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate).intent;

describe('a status typed wrong right after an item code', () => {
  it.each([
    ['NQ57-12 vướn', 'blocked'],
    ['CDS25-14 vướn kinh phí', 'blocked'],
    ['nq57 12.3 vuon mat bang', 'blocked'],
    ['nq57 21 đag chờ sở tc cấp kp', 'blocked'],
    ['NQ57-12.3 xonh', 'done'],
    ['DA06-03 xog roi', 'done'],
    ['NQ57-35.2 xông', 'done'],
    ['DA06-03 blockd', 'blocked'],
    ['Nq57-19.2 compleed', 'done'],
  ])('%j reports %s', (text, status) => {
    expect(parse(text)).toMatchObject({ intent: 'update', status });
  });

  it('reads a known word with another tone inside the note as written, not as a status', () => {
    // "đối" is no "đợi" (waiting); "dạt 60%" stays a percent, not "dạ".
    expect(parse('cds25-04.2 đối soát kb xong r').status).not.toBe('blocked');
    expect(parse('NQ57-20.2 dạt 60%, đã xong phần hạ tầng')).toMatchObject({
      percent: 60,
      status: 'in_progress',
    });
    expect(contextCorrection('doi', 'đối', '#', 'soat')).toBeNull();
  });

  it('takes a programme alone for no code: the word after it is read by its own neighbours', () => {
    expect(parse('tổng kếết NQ57 tần trước')).toMatchObject({ intent: 'summary', program: 'NQ57' });
    expect(parse('tổng kếết NQ57 tần trước').period).toEqual({ from: '2025-07-07', to: '2025-07-13' });
  });
});

describe('a word typed with a vowel mark the correction does not have', () => {
  it('is not read as that word: "bị chăn" is no "bị chậm" (late)', () => {
    expect(parse('Kế hoạch CĐS 2025 mục nào bị chăn')).toMatchObject({ intent: 'list', status: 'blocked' });
    expect(parse('việc nào bị chăn ở Công an tỉnh').intent).not.toBe('overdue');
  });

  it('is still read when only its tone was dropped ("đươc" is "được")', () => {
    expect(parse('DA06-03 đươc 60% rồi')).toMatchObject({ intent: 'update', percent: 60 });
  });
});

describe('a slip in a long word with two readings', () => {
  it('is the reading that keeps both ends of the word', () => {
    expect(correction('blockd', 'blockd')?.folded).toBe('blocked');
    expect(correction('compleed', 'compleed')?.folded).toBe('completed');
  });

  it('stays unread in a word of five letters, where the ends tell too little', () => {
    // "htanh" is "thanh" by its neighbour ("hoàn"), not "hanh" by its ends.
    expect(parse('NQ57-40.3 hoàn htành')).toMatchObject({ intent: 'update', status: 'done' });
  });
});

describe('a command name typed wrong', () => {
  it.each([
    ['/satus DA06-11', 'status'],
    ['/updte NQ57-16.1 done', 'update'],
    ['/mytasls', 'my_tasks'],
  ])('%j is the command meant (%s)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('a department named by "Sở" and its initials', () => {
  it.each([
    ['Sở YT có việc nào quá hạn', 'SYT'],
    ['sở yt nv nào chưa bắt đầu', 'SYT'],
    ['Sở NNMT còn việc gì chậm', 'SNNMT'],
    ['sở GDĐT có việc nào quá hạn', 'SGDDT'],
  ])('%j names %s', (text, agency) => {
    expect(parse(text).agency).toBe(agency);
  });

  it('names no unit with "số" (a number) or two units at once', () => {
    expect(parse('số YT có việc nào quá hạn').agency).toBeNull();
    expect(parse('sở tư pháp vs sở yt có nv nào trễ hạn ko e').agency).toBeNull();
  });
});

describe('the person a message is written to', () => {
  it.each([
    'Dạ thưa anh Quang, theo yêu cầu của anh tại hội nghị tổng kết, em xin phép tra các việc Đề án 06 của phường Ngọc Lâm đã quá hạn ạ.',
    'Thưa anh Thắng, anh có dặn em chuẩn bị số liệu. Cho em xin danh sách nhiệm vụ NQ57 mà Sở Tài chính đang để trễ hạn ạ.',
  ])('%j: "anh" is the reader, so the question is about the unit named, not the sender', (text) => {
    expect(parse(text).intent).toBe('overdue');
  });

  it.each(['việc của anh còn gì', 'Thưa anh, việc của em còn gì ạ'])(
    "%j still asks for the sender's own work",
    (text) => {
      expect(parse(text).intent).toBe('my_tasks');
    },
  );
});

describe('shorthand of a first consonant and a whole syllable', () => {
  it.each([
    ['NQ57-14.4 hthành r nha', 'update', 'done'],
    ['Sở YT còn nv nào chưa bđầu k', 'list', 'not_started'],
    ['vc hthành q4 của CA tỉnh cho a xem', 'list', 'done'],
  ])('%j is %s (%s)', (text, intent, status) => {
    expect(parse(text)).toMatchObject({ intent, status });
  });

  it('reads "STC đạt mấy ctiêu" as a count of targets', () => {
    expect(parse('STC đạt mấy ctiêu r z')).toMatchObject({ intent: 'summary', agency: 'STC' });
  });
});

describe('a code-like string named as something else', () => {
  it.each([
    'Mã đơn hàng NQ5712 của tôi bao giờ giao?',
    'kiem tra giup ma don hang NQ5712',
    'Where is my order NQ5712?',
    'đơn hàng NQ5712 bên shop giao chưa v',
  ])('%j names no item', (text) => {
    expect(parse(text)).toMatchObject({ intent: 'unknown', target: null });
  });

  it('is still an item when nothing names it otherwise', () => {
    expect(parse('nq5712 xong')).toMatchObject({ intent: 'update', target: 'NQ57-12', status: 'done' });
    expect(parse('về NQ5712 em báo cáo đã xong').target).toBe('NQ57-12');
  });
});

describe("officials' words", () => {
  it.each([
    ['My deliverables?', 'my_tasks', null],
    ['what are my action items from the Steering Committee', 'my_tasks', null],
    ['Which items have impediments at the moment?', 'list', 'blocked'],
    ['Closed items this month?', 'list', 'done'],
    ['NQ57-12 closed', 'update', 'done'],
    ['NQ57-13.2 stalled, procurement still waiting on funds.', 'update', 'blocked'],
    ['NQ57-12 đã về đích', 'update', 'done'],
    ['tally of overdue vs completed for PASC', 'summary', null],
    ['Give me the burn-down for the DX plan 2025', 'summary', null],
    ['What has passed its due date without being completed in the Health Department?', 'overdue', null],
    ['sum NQ57', 'summary', null],
    ['Có việc nào của Đề án 06 đã lố ngày mà chưa ai làm xong không?', 'overdue', null],
    ["Which Resolution 57 targets should have been wrapped up by now but aren't?", 'overdue', null],
    ['Which tasks has nobody picked up yet?', 'list', 'not_started'],
    ['quy 2 da khep lai nhung dau viec nao', 'list', 'done'],
    ['tasks with blocker of TTHCC', 'list', 'blocked'],
    ["what's been put on ice in Project 06?", 'list', 'blocked'],
    ['List what Ngoc Lam has already delivered', 'list', 'done'],
    ['Issue a show-cause request to Home Affairs on DA06-11.1', 'request_explanation', null],
    ['Agencies lagging behind on Resolution 57, ranked worst first', 'summary', null],
    ['Please inform which tasks are exceeding the deadline in Project 6.', 'overdue', null],
    ['bottom 5 agencies on NQ57', 'summary', null],
    ['which targets have blockers right now for DOET', 'list', 'blocked'],
    ['demand reasons from DOJ for DA06-07.2', 'request_explanation', null],
    ['DA06-02.1 40pc', 'update', 'in_progress'],
    ['How do I tell you a task is done?', 'help', null],
    ['Do I have to type the code in capital letters?', 'help', null],
    ['Can I ask in English instead of Vietnamese?', 'help', null],
  ])('%j is %s', (text, intent, status) => {
    const p = parse(text);
    expect(p.intent).toBe(intent);
    if (status !== null) expect(p.status).toBe(status);
  });

  it.each([
    'my parcel was delivered late',
    'where is my car parked',
    'cuộc họp đã khép lại lúc 5 giờ',
    'top 5 restaurants in Da Lat',
    'show me how to cook pho',
    'can i ask in person at the office',
    'the office is closed today',
  ])('%j is still off-topic', (text) => {
    expect(parse(text).intent).toBe('unknown');
  });
});

describe("a report whose state comes after the item's title", () => {
  it.each([
    'Dạ báo cáo chị Oanh, CDS25-11.1 cài phần mềm quản lý tại trạm y tế xã đang vướng vì 9 trạm chưa có đường truyền ổn định. Em đã làm việc với Viettel ạ.',
    'Dear Mr. Huy, NQ57-10.3 fibre route agreement in Bac Phong is blocked: two households have not agreed.',
    'DA06-09 has been put on hold since the budget was reallocated.',
  ])('%j reports the item blocked', (text) => {
    expect(parse(text)).toMatchObject({ intent: 'update', status: 'blocked' });
  });

  it.each([
    ['NQ57-12 lắp trạm có đang vướng gì không', 'status'],
    ['NQ57-03.2 ai ddang lamf', 'status'],
    ['DA06-05.2 is it stuck or moving', 'status'],
    ['cho em xem NQ57-12 lắp trạm có bị chặn', 'status'],
  ])('%j asks, it records nothing', (text, intent) => {
    expect(parse(text)).toMatchObject({ intent, status: null });
  });

  it('reads one status said before the code once, not again as the shorter phrase inside it', () => {
    expect(
      parse("Not started yet on CDS25-03 – team is still being assigned. I'll update as soon as we begin."),
    ).toMatchObject({ intent: 'update', status: 'not_started' });
  });

  it('reads no state from inside the sentence that is only part of the work, or a bare "cho"', () => {
    expect(parse('NQ57-12 số hóa xong giai đoạn 1').status).toBeNull();
    expect(parse('DA06-12.2 đã gắn mã địa chỉ số cho 90% hộ gia đình.').status).not.toBe('blocked');
  });
});

describe('progress reached and an explanation demanded in plain words', () => {
  it.each([
    ['da06-03 tới 70 rồi', 70],
    ['DA06-03 at 70 now', 70],
    ['cds25-04.1 at 65', 65],
  ])('%j reports %i %%', (text, percent) => {
    expect(parse(text)).toMatchObject({ intent: 'update', percent, status: 'in_progress' });
  });

  it('reads no percent from a date or a count after "tới"', () => {
    expect(parse('NQ57-12 tới 30/9 mới xong').percent).toBeNull();
    expect(parse('NQ57-12 tới 20 xã').percent).toBeNull();
  });

  it.each([
    'Bảo bên Công an giải thích việc DA06-05 chậm.',
    'nhắc STC giải thích vụ NQ57-04.2 chậm',
    'yeu cau tan phu giai thich da06-01.3',
  ])('%j asks for an explanation', (text) => {
    expect(parse(text).intent).toBe('request_explanation');
  });

  it.each([
    'Phường Long Thành phair giair thichs DA06-12',
    'Sở Công Thương giải thích ngay NQ57-37',
    'Dạ, anh muốn Sở Tư pháp giải thích DA06-07.1 ạ.',
    'Đề nghị bên làm NQ57-10 trả lời lý do trễ.',
  ])("%j asks the item's owner to explain it", (text) => {
    expect(parse(text).intent).toBe('request_explanation');
  });

  it('still asks why an item is late when the cause is asked with "là gì"', () => {
    expect(parse('tại sao NQ57-12 chậm, nguyên nhân là gì').intent).toBe('request_explanation');
  });

  it('is no demand when what the item is, or nothing of the plan, is to be explained', () => {
    expect(parse('giải thích giúp em NQ57-12 là gì').intent).toBe('status');
    expect(parse('giải thích giúp em chỉ tiêu là gì').intent).not.toBe('request_explanation');
    expect(parse('NQ57-12 80%, đã giải thích với đoàn kiểm tra')).toMatchObject({
      intent: 'update',
      percent: 80,
    });
  });
});

describe("a unit's initials before 'mình' or 'em'", () => {
  it("is the sender's unit, not the sender", () => {
    expect(parse('Sở KHCN mình có những việc gì đã quá hạn không ạ?')).toMatchObject({
      intent: 'overdue',
      agency: 'SKHCN',
    });
    expect(parse('Phường Long Thành mình còn nhiệm vụ nào đã quá hạn không')).toMatchObject({
      intent: 'overdue',
      agency: 'P-LONGTHANH',
    });
    expect(parse('xã Mỹ Lộc mình có những việc nào chưa bắt đầu làm ạ')).toMatchObject({
      intent: 'list',
      status: 'not_started',
    });
  });

  it('leaves the sender after a greeting ("Anh Quang, em có …")', () => {
    expect(parse('Anh Quang, em có việc gì quá hạn không').intent).toBe('my_tasks');
  });
});
