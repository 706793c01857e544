// Messages the bot could not answer are kept for an admin to label, and a message that could mean two
// things gets a question with one button per meaning, each answering the question as that intent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/core/intent/index.ts';
import type { LocalDate } from '../../src/core/types.ts';
import { labelUnread, listUnread } from '../../src/store/unread.ts';
import { dbKinds } from '../helpers/db.ts';
import { demoLexicon } from '../helpers/demo-lexicon.ts';
import { harness, plain, type Harness } from './helpers.ts';

/** A message the classifier finds as likely overdue as due soon (checked below, so a retrained model shows). */
const TWO_WAYS = 'các việc hạn';

describe.each(dbKinds())('messages the bot could not answer, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  it('keeps a message it did not understand, with the sender role, channel and time', async () => {
    expect(await h.ask('thời tiết hôm nay thế nào')).toContain('Xin lỗi, tôi chưa hiểu ý bạn.');
    const [row] = await listUnread(h.db.db);
    expect(row).toMatchObject({
      text: 'thời tiết hôm nay thế nào',
      role: 'leader',
      channel: 'cli',
      outcome: 'unknown',
      label: null,
    });
    expect(await labelUnread(h.db.db, row!.id, 'unknown', new Date())).toBe(true);
    expect((await listUnread(h.db.db))[0]?.label).toBe('unknown');
    expect(await labelUnread(h.db.db, 999_999, 'overdue', new Date())).toBe(false);
  });

  it('asks which of two intents was meant, and the button pressed answers as that intent', async () => {
    expect(parseMessage(TWO_WAYS, demoLexicon(), '2025-07-15' as LocalDate).choices).toEqual([
      'overdue',
      'due_soon',
    ]);
    const [question] = await h.send(TWO_WAYS);
    expect(plain([question!])).toBe('Anh/chị muốn xem việc quá hạn hay việc sắp đến hạn?');
    const actions = question!.buttons.flat().map((b) => b.action);
    expect(actions).toEqual([
      { kind: 'choose', intent: 'overdue' },
      { kind: 'choose', intent: 'due_soon' },
    ]);
    expect((await listUnread(h.db.db))[0]).toMatchObject({ text: TWO_WAYS, outcome: 'ask' });
    const answer = plain(await h.press(actions[1]!));
    expect(answer).toMatch(/^🗓 \d+ nhiệm vụ đến hạn trong 7 ngày tới/);
    // The question is answered once; a second press of an old button says so.
    expect(plain(await h.press(actions[0]!))).toBe('Câu hỏi đó đã cũ, xin hỏi lại.');
  });
});
