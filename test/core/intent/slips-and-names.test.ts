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
    ['How do I tell you a task is done?', 'help', null],
    ['Do I have to type the code in capital letters?', 'help', null],
    ['Can I ask in English instead of Vietnamese?', 'help', null],
  ])('%j is %s', (text, intent, status) => {
    const p = parse(text);
    expect(p.intent).toBe(intent);
    if (status !== null) expect(p.status).toBe(status);
  });

  it.each(['show me how to cook pho', 'can i ask in person at the office', 'the office is closed today'])(
    '%j is still off-topic',
    (text) => {
      expect(parse(text).intent).toBe('unknown');
    },
  );
});
