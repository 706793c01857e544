// Issue 10 item 9: broken Unicode and control characters get a real answer, on every channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonCode } from '../../src/core/types.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from '../web/helpers.ts';
import { code, harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('text sanitized at the edge of the core on %s', (kind) => {
  let h: Harness;
  let telegramP09: string;
  beforeAll(async () => {
    h = await harness(kind);
    telegramP09 = await h.registerChat('P09' as PersonCode, 'telegram');
  });
  afterAll(() => h.close());

  it.each([
    ['cli', () => ({ senderId: 'P09', chatId: 'chat-P09' })],
    ['telegram', () => ({ channel: 'telegram' as const, senderId: telegramP09, chatId: telegramP09 })],
  ])('answers a lone surrogate on %s with the real "not understood" reply', async (_channel, who) => {
    const answer = await h.ask('\ud800', who());
    expect(answer.split('\n')[0]).toBe('Xin lỗi, tôi chưa hiểu ý bạn.');
  });

  it('records an update whose note holds a lone surrogate and control characters, as U+FFFD and without them', async () => {
    const answer = await h.ask('NQ57-06.3 45% lỗi \ud800 ký\u0000 tự\u0007 lạ', {
      senderId: 'P09',
      chatId: 'chat-P09',
    });
    expect(answer.split('\n')).toEqual([
      expect.stringMatching(/^✅ NQ57-06\.3 .*→ 45% \(đang thực hiện\)$/u),
      'Ghi chú: lỗi \ufffd ký tự lạ',
      expect.stringMatching(/^Chỉ tiêu NQ57-06 hiện đạt/u),
    ]);
    const detail = await h.store.item(code('NQ57-06.3'));
    expect(detail!.recent[0]!.note).toBe('lỗi \ufffd ký tự lạ');
  });

  it('refuses absurdly long text with the too-long reply, not an error', async () => {
    const answer = await h.ask(`NQ57-06.3 ${'a\ud800'.repeat(200_000)}`, {
      senderId: 'P09',
      chatId: 'chat-P09',
    });
    expect(answer).toMatch(/^Tin nhắn quá dài/u);
  });
});

describe.each(dbKinds())('the web console given a lone surrogate on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it.each(['\ud800', 'NQ57-29.4 50% \udc00 note', 'tổng hợp NQ57\u0000'])(
    'answers %j with 200 and a reply',
    async (text) => {
      const res = await web.post('/api/chat', { person: 'P32', text });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { replies: { html: string }[] };
      expect(body.replies.length).toBeGreaterThan(0);
      expect(body.replies[0]!.html).not.toMatch(/đã có lỗi/u);
    },
  );
});
