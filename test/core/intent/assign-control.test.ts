// The re-assignment control: read beside the Intent, which stays exactly what the spec says for the same text.
import { describe, expect, it } from 'vitest';
import { emptyIntent, parseMessage } from '../../../src/core/intent/index.ts';
import type { Intent, ItemCode, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);
const statusOf = (code: string): Intent => ({ ...emptyIntent('status'), target: code as ItemCode });
const assign = (item: string | null, assignee: string | null) => ({ kind: 'assign', item, assignee });

describe('re-assigning a task, as a command', () => {
  it.each([
    ['/giao NQ57-12.3 P09', 'NQ57-12.3', 'P09'],
    ['/assign NQ57-12.3 P10', 'NQ57-12.3', 'P10'],
    ['/assign nq57-12.3 to P10', 'NQ57-12.3', 'P10'],
    ['/giao P09 NQ57-12.3', 'NQ57-12.3', 'P09'],
    ['/giao@dondoc_bot NQ57-12.3 cho Trịnh Thu Trang.', 'NQ57-12.3', 'Trịnh Thu Trang'],
    ['/giao NQ57-12.3 trinh thu trang', 'NQ57-12.3', 'trinh thu trang'],
  ])('reads %j as task %s to %s, with the unknown intent', (text, item, person) => {
    const r = parse(text);
    expect(r.control).toEqual(assign(item, person));
    expect(r.intent).toStrictEqual(emptyIntent('unknown'));
  });

  it('keeps a missing task or person null, so the core can show how to write it', () => {
    expect(parse('/giao').control).toEqual(assign(null, null));
    expect(parse('/giao NQ57-12.3').control).toEqual(assign('NQ57-12.3', null));
    expect(parse('/assign P09').control).toEqual(assign(null, null));
  });
});

describe('re-assigning a task, in words', () => {
  it.each([
    ['giao NQ57-12.3 cho P09', 'P09'],
    ['Giao nhiệm vụ NQ57-12.3 cho P10', 'P10'],
    ['giao lai NQ57-12.3 cho Nguyen Van A', 'Nguyen Van A'],
    ['giao NQ57-12.3 cho Nguyễn Văn A', 'Nguyễn Văn A'],
    ['assign NQ57-12.3 to P10', 'P10'],
  ])('reads %j as an assignment to %s, its intent unchanged (the status of the task)', (text, person) => {
    const r = parse(text);
    expect(r.control).toEqual(assign('NQ57-12.3', person));
    expect(r.intent).toStrictEqual(statusOf('NQ57-12.3'));
  });

  it('passes a target code on for the core to refuse', () => {
    expect(parse('giao NQ57-12 cho P09').control).toEqual(assign('NQ57-12', 'P09'));
  });

  it.each([
    ['NQ57-12.3 giao cho P09', statusOf('NQ57-12.3')],
    ['giao NQ57-12.3', statusOf('NQ57-12.3')],
    [
      'giao NQ57-12.3 cho P09 80%',
      {
        ...emptyIntent('update'),
        target: 'NQ57-12.3' as ItemCode,
        percent: 80,
        status: 'in_progress',
      } as Intent,
    ],
  ])('reads %j as no assignment: the words must open the message and report nothing', (text, intent) => {
    const r = parse(text);
    expect(r.control).toBeNull();
    expect(r.intent).toStrictEqual(intent);
  });
});

describe('the language of an assignment', () => {
  it('is told by the words around the name, never by the name', () => {
    expect(parse('assign NQ57-12.3 to Trịnh Thu Trang').lang).toBeNull();
    expect(parse('/assign NQ57-12.3 Trịnh Thu Trang').lang).toBeNull();
    expect(parse('/giao Trịnh Thu Trang NQ57-12.3').lang).toBeNull();
    expect(parse('giao NQ57-12.3 cho Trịnh Thu Trang').lang).toBe('vi');
  });
});
