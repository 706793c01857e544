// "/chart NQ57" and "/baocao quy NQ57" (en "/report quarter NQ57"): controls the parser reads, so no
// messenger reads the words of a command again.
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);

describe('the chart command', () => {
  it.each([
    ['/chart nq57', 'NQ57'],
    ['/chart@dondoc_bot DA06 thêm chữ', 'DA06'],
    ['/CHART xyz', 'XYZ'],
    ['/chart', null],
  ])('reads %j as the programme %s', (text, program) => {
    const r = parse(text);
    expect(r.control).toEqual({ kind: 'chart', program });
    expect(r.intent.intent).toBe('unknown');
  });
});

describe('the report command', () => {
  it.each([
    ['/baocao', 'month', null, false],
    ['/baocao thang nq57', 'month', 'NQ57', false],
    ['/baocao quý', 'quarter', null, false],
    ['/báocáo NQ57 quy', 'quarter', 'NQ57', false],
    ['/report quarter', 'quarter', null, false],
    ['/report@dondoc_bot month DA06', 'month', 'DA06', false],
    ['/baocao thang nam ngay', 'month', 'NAM', true],
    ['/baocao 12 34', 'month', null, true],
  ])('reads %j as %s of %s (bad words: %s)', (text, span, program, bad) => {
    expect(parse(text).control).toEqual({ kind: 'report', span, program, bad });
  });

  it('still asks for a summary of the programme, where no report can be made', () => {
    expect(parse('/baocao thang NQ57').intent).toMatchObject({ intent: 'summary', program: 'NQ57' });
  });
});
