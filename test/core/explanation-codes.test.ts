// An explanation written "giải trình CODE: …" names its item with the parser's one code grammar:
// "nq57-8.2" is NQ57-08.2 and "ĐA06-03.2" is DA06-03.2, as in any other message (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../helpers/db.ts';
import { code, harness, type Harness } from './helpers.ts';

describe.each(dbKinds())('explanations naming their item on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(() => h.close());

  const explanations = async (item: string) =>
    (await h.store.item(code(item)))!.history.filter((e) => e.kind === 'explanation').map((e) => e.note);

  it.each([
    ['NQ57-08.2', 'P09', 'giải trình nq57-8.2: chờ nhà cung cấp thiết bị'],
    ['DA06-03.2', 'P19', 'giải trình ĐA06-03.2: chờ Sở Kế hoạch thẩm định'],
  ])('%s, answered by its owner %s', async (item, owner, text) => {
    await h.ask(`yêu cầu giải trình ${item}`, { senderId: 'P02' });
    const answer = await h.ask(text, { senderId: owner });
    expect(answer.split('\n')[0]).toBe(`✅ Đã ghi nhận giải trình của bạn về ${item}.`);
    expect(await explanations(item)).toEqual([text.slice(text.indexOf(':') + 1).trim()]);
  });
});
