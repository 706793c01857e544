// A message without a code continues the item talked about: the parser reads it once, with that item,
// and gives the reading beside the message's own (ParsedMessage.about).
import { describe, expect, it } from 'vitest';
import { parseMessage, type ItemContext } from '../../../src/core/intent/index.ts';
import type { ItemCode, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

const lexicon = demoLexicon();
const item = 'NQ57-12.3' as ItemCode;
const parse = (text: string, context: ItemContext | null) =>
  parseMessage(text, lexicon, '2025-07-15' as LocalDate, context);

describe('a message about the item talked about', () => {
  it.each([
    ['xong', { status: 'done', percent: 100 }, null],
    ['80% còn 2 trạm', { status: 'in_progress', percent: 80 }, 'còn 2 trạm'],
    ['vướng: chờ kinh phí', { status: 'blocked', percent: null }, 'chờ kinh phí'],
  ])('reads %j as an update of the last item', (text, fields, note) => {
    const about = parse(text, { item, replied: false }).about;
    expect(about?.intent).toMatchObject({ intent: 'update', target: item, ...fields });
    expect(about?.note).toBe(note);
  });

  it('reads a question as the item’s status only in a reply to a message about it', () => {
    expect(parse('việc này thế nào rồi?', { item, replied: true }).about?.intent).toMatchObject({
      intent: 'status',
      target: item,
    });
    expect(parse('việc này thế nào rồi?', { item, replied: false }).about).toBeUndefined();
  });

  it.each([['NQ57-12.4 80%'], ['trang sau'], ['có'], ['giải trình: chờ kinh phí'], ['việc nào quá hạn?']])(
    'leaves %j as it reads alone',
    (text) => {
      expect(parse(text, { item, replied: true }).about).toBeUndefined();
    },
  );

  it('reads nothing more without an item', () => {
    expect(parse('xong', null).about).toBeUndefined();
  });
});
