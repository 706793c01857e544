// Whether a question is about targets or tasks, as the parse result carries it (no answer reads the text again).
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { AgencyCode, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);

describe('whether a question is about targets or tasks', () => {
  const none = null;
  const skhcn = 'SKHCN' as AgencyCode;
  const police = 'CA' as AgencyCode;
  it.each([
    ['mục tiêu NQ57 nào quá hạn?', none, 'target'],
    ['chỉ tiêu nào của Sở KH&CN chậm', skhcn, 'target'],
    ['nhiệm vụ nào chậm tiến độ', none, 'task'],
    ['việc gì sắp đến hạn tuần này', none, 'task'],
    ['which Resolution 57 targets are overdue', none, 'target'],
    ['overdue tasks of the police', police, 'task'],
    ['muc tieu nao qua han', none, 'target'],
    ['/overdue NQ57', none, 'target'],
    ['/overdue SKHCN', skhcn, 'task'],
  ] as const)('“%s” (agency %s) is about %s', (text, agency, level) => {
    const parsed = parse(text);
    expect(parsed.intent.agency).toBe(agency);
    expect(parsed.level).toBe(level);
  });
});
