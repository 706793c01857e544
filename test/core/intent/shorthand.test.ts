// How the normaliser reads chat as officials type it: shorthand, fillers, dashes, decimals, spaced codes.
import { describe, expect, it } from 'vitest';
import { emptyIntent, parseMessage } from '../../../src/core/intent/index.ts';
import type { Intent, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);
const intent = (partial: Partial<Intent> & Pick<Intent, 'intent'>): Intent => ({
  ...emptyIntent(partial.intent),
  ...partial,
});
const update = (target: string, percent: number, status: Intent['status']) =>
  intent({
    intent: 'update',
    target: target as Intent['target'],
    percent: percent as Intent['percent'],
    status,
  });

describe('updates written as in chat (issue 10 item 5)', () => {
  it.each<[string, Intent, string | null]>([
    ['NQ57-06.3 dc 50% r a', update('NQ57-06.3', 50, 'in_progress'), null],
    ['NQ57-06.3 đc 50% r ạ', update('NQ57-06.3', 50, 'in_progress'), null],
    [
      'NQ57-06.3 - 80% - đã tích hợp xong API',
      update('NQ57-06.3', 80, 'in_progress'),
      'đã tích hợp xong API',
    ],
    ['nq57-16.3 xong r', update('NQ57-16.3', 100, 'done'), null],
    ['nq57-16.3 xong r nha', update('NQ57-16.3', 100, 'done'), null],
    ['NQ57-06.3 80% dc phê duyệt r', update('NQ57-06.3', 80, 'in_progress'), 'dc phê duyệt r'],
  ])('reads %j', (text, want, note) => {
    const got = parse(text);
    expect(got.intent).toStrictEqual(want);
    expect(got.note).toBe(note);
    expect(got.percentProblem).toBeNull();
  });

  it.each([
    ['NQ57-06.3 80.5%', '80.5%'],
    ['NQ57-06.3 80,5%', '80,5%'],
    ['NQ57-06.3 99.99%', '99.99%'],
    ['cập nhật NQ57-06.3 12,25 %', '12,25 %'],
  ])('refuses the decimal %j rather than cutting it, naming it as written', (text, written) => {
    const got = parse(text);
    expect(got.intent.intent).toBe('update');
    expect([got.intent.percent, got.intent.status]).toEqual([null, null]);
    expect(got.percentProblem).toEqual({ kind: 'fraction', value: expect.any(Number), written });
  });

  it.each([
    ['NQ57-06.3 20% 90%', [20, 90]],
    ['NQ57-06.3 20% hay 90%', [20, 90]],
  ])('asks about two different percents in %j instead of taking one', (text, values) => {
    const got = parse(text);
    expect(got.intent.intent).toBe('update');
    expect([got.intent.percent, got.intent.status]).toEqual([null, null]);
    expect(got.percentProblem).toEqual({ kind: 'several', values });
  });

  it.each([['NQ57-06.3 tăng từ 20% lên 90%'], ['NQ57-06.3 moved from 20% to 90%']])(
    'takes the percent %j rose to: the one it rose from is no second progress',
    (text) => {
      const got = parse(text);
      expect(got.intent).toMatchObject({ intent: 'update', percent: 90, status: 'in_progress' });
      expect(got.percentProblem).toBeNull();
    },
  );

  it('keeps a minus glued to its number a sign ("-5%"), but a dash set off by spaces is punctuation', () => {
    expect(parse('NQ57-12 -5%').percentProblem).toEqual({ kind: 'out_of_range', value: -5, written: '-5%' });
    expect(parse('NQ57-12 - 5%').intent.percent).toBe(5);
  });
});

describe('Zalo shorthand and fillers (issue 12)', () => {
  it.each<[string, Partial<Intent> & Pick<Intent, 'intent'>]>([
    ['vc nào quá hạn', { intent: 'overdue' }],
    ['nv nào quá hạn ạ', { intent: 'overdue' }],
    ['nv của e', { intent: 'my_tasks' }],
    ['hdsd', { intent: 'help' }],
    ['có bn chỉ tiêu NQ57 đã xong', { intent: 'summary', program: 'NQ57' as Intent['program'] }],
  ])('reads %j', (text, want) => {
    const got = parse(text).intent;
    expect({ intent: got.intent, program: got.program }).toEqual({ program: null, ...want });
  });

  it('reads "hnay" as today', () => {
    expect(parse('vc nào đến hạn hnay').intent).toStrictEqual(
      intent({
        intent: 'due_soon',
        period: { from: '2025-07-15', to: '2025-07-15' } as Intent['period'],
      }),
    );
  });

  it('reads "ko" and "k" as "không"', () => {
    expect(parse('k').control).toEqual({ kind: 'confirm', yes: false });
    expect(parse('ko ạ').control).toEqual({ kind: 'confirm', yes: false });
  });

  it('leaves shorthand written in capitals to names: "Sở NV" is the Department of Home Affairs', () => {
    expect(parse('tổng hợp Sở NV').intent.agency).toBe('SNV');
  });
});

describe('codes in any case, spaced or dashed (issue 12)', () => {
  it.each(['nq57 12.3 80%', 'NQ 57-12.3 80%', 'NQ57 - 12.3 80%', 'nq57-12.3 80%', 'ＮＱ５７－１２．３ 80%'])(
    'reads %j as NQ57-12.3',
    (text) => {
      expect(parse(text).intent).toStrictEqual(update('NQ57-12.3', 80, 'in_progress'));
    },
  );

  it('reads "NQ 57-12" as the target NQ57-12', () => {
    expect(parse('tiến độ NQ 57-12').intent.target).toBe('NQ57-12');
  });

  it('does not read "tuần 2-3" as a code', () => {
    expect(parse('việc đến hạn tuần 2-3').intent.target).toBeNull();
  });
});
