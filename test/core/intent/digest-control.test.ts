// "/bantin bật|tắt" and "/digest on|off": a control in the command's language; the intent stays unknown.
import { describe, expect, it } from 'vitest';
import { emptyIntent, parseMessage } from '../../../src/core/intent/index.ts';
import type { LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const parse = (text: string) => parseMessage(text, lexicon, '2025-07-15' as LocalDate);

describe('the group digest command', () => {
  it.each([
    ['/bantin bật', true, 'vi'],
    ['/bantin bat', true, 'vi'],
    ['/bantin tắt', false, 'vi'],
    ['/bantin tat', false, 'vi'],
    ['/BANTIN BAT', true, 'vi'],
    ['/bantin@dondoc_bot tắt nhé', false, 'vi'],
    ['/ban_tin mở', true, 'vi'],
    ['/digest on', true, 'en'],
    ['/digest off', false, 'en'],
    ['/digest@dondoc_bot ON', true, 'en'],
  ])('reads %j as on=%s in %s', (text, on, lang) => {
    const r = parse(text);
    expect(r.control).toEqual({ kind: 'group_digest', on, lang });
    expect(r.intent).toStrictEqual(emptyIntent('unknown'));
  });

  it.each([['/bantin'], ['/bantin bắt'], ['/digest maybe'], ['/bantin NQ57']])(
    'reads %j as neither on nor off, so the core can say how',
    (text) => {
      expect(parse(text).control).toMatchObject({ kind: 'group_digest', on: null });
      expect(parse(text).intent).toStrictEqual(emptyIntent('unknown'));
    },
  );

  it('is a command only: the words "bản tin" in a question are no control', () => {
    expect(parse('bản tin hôm nay thế nào').control).toBeNull();
  });
});
