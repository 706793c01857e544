// Issue 10.2: a confirmation says what became of each notification it triggered — queued on which
// messenger, or not delivered because the person has no chat account — never "sent" for what was not.
// The real outbox notifier on a real database decides; the outbox is read back to prove each line.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleMessage, type IncomingMessage } from '../../src/core/index.ts';
import { renderPlain, type Reply } from '../../src/core/reply.ts';
import { createOutboxNotifier } from '../../src/reminders/notifier.ts';
import { rows } from '../../src/store/db.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { registerPeople } from '../reminders/delivery.ts';
import { NOW, TZ } from './helpers.ts';

describe.each(dbKinds())('confirmations tell the truth about delivery on %s', (kind) => {
  let t: TestDatabase;
  let seq = 0;
  beforeEach(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterEach(() => t.close());

  const send = async (senderId: string, text: string): Promise<string> => {
    const deps = {
      store: createStore(t.db, () => NOW),
      now: () => NOW,
      tz: TZ,
      notify: createOutboxNotifier(t.db),
    };
    const msg: IncomingMessage = {
      channel: 'cli',
      chatId: `chat-${senderId}`,
      chatKind: 'private',
      senderId,
      text,
      messageId: `m${++seq}`,
      replyToItem: null,
      action: null,
      addressed: true,
      langHint: null,
      at: NOW,
    };
    const replies: Reply[] = await handleMessage(deps, msg);
    return replies.map((r) => renderPlain(r.lines)).join('\n');
  };
  const queuedFor = (person: string) =>
    rows<{ key: string; channel: string }>(
      t.db,
      sql`select o.idempotency_key as key, o.channel::text as channel
            from outbox o join people p on p.id = o.person_id where p.code = ${person} order by o.id`,
    );

  it('an explanation request to someone with no chat account says it was not delivered, and how to fix it', async () => {
    const text = await send('P02', '/giaitrinh NQ57-04.2');
    expect(text).toContain('📝 Đã ghi nhận yêu cầu Dương Văn Long (Sở Tài chính) giải trình về NQ57-04.2.');
    expect(text).toContain('⚠️ Chưa gửi được tới Dương Văn Long');
    expect(text).toContain('“dondoc invite P18”');
    expect(text).not.toMatch(/Đã gửi|Đang gửi/);
    expect(await queuedFor('P18')).toEqual([]);
  });

  it('names the messengers a request was queued on when the person is registered', async () => {
    await registerPeople(t.db, { channel: 'telegram', only: ['P18'] });
    await registerPeople(t.db, { channel: 'zalo', only: ['P18'] });
    const text = await send('P02', '/giaitrinh NQ57-04.2');
    expect(text).toContain('📨 Đang gửi tới Dương Văn Long qua Telegram, Zalo.');
    expect(text).not.toContain('⚠️');
    expect((await queuedFor('P18')).map((r) => r.channel).sort()).toEqual(['telegram', 'zalo']);
  });

  it("an explanation is recorded; whether the leader gets it depends on the leader's chat account", async () => {
    await registerPeople(t.db, { channel: 'telegram', only: ['P18'] });
    await send('P02', '/giaitrinh NQ57-04.2');
    const text = await send('P18', 'giải trình: chờ Sở Kế hoạch thẩm định vốn');
    expect(text).toContain('✅ Đã ghi nhận giải trình của bạn về NQ57-04.2.');
    expect(text).toContain('⚠️ Chưa gửi được tới Trần Quốc Thắng');
    expect(await queuedFor('P02')).toEqual([]);

    await registerPeople(t.db, { channel: 'telegram', only: ['P02'] });
    await send('P02', '/giaitrinh NQ57-04.2');
    const again = await send('P18', 'giải trình: đã có ý kiến thẩm định');
    expect(again).toContain('📨 Đang gửi tới Trần Quốc Thắng qua Telegram.');
    expect((await queuedFor('P02')).length).toBe(1);
  });

  it('a re-assignment in chat tells the administrator which of the two people were reached', async () => {
    await registerPeople(t.db, { channel: 'telegram', only: ['P18'] });
    // P06 writes in English; P12 (the new assignee) has no chat account, P18 (the previous one) has.
    const text = await send('P06', 'assign NQ57-04.2 to P12');
    const lines = text.split('\n');
    const notices = lines.filter((l) => /^(📨|⚠️)/u.test(l));
    expect(notices).toEqual([
      '⚠️ Not delivered to Nguyễn Hữu Phước: they have not registered on Telegram or Zalo — send them an invite (“dondoc invite P12”).',
      '📨 Being delivered to Dương Văn Long on Telegram.',
    ]);
    expect(await queuedFor('P12')).toEqual([]);
    expect((await queuedFor('P18')).length).toBe(1);
  });

  it('a part of a name is never taken for one person: the candidates are listed and nothing changes', async () => {
    const text = await send('P06', 'assign NQ57-04.2 to Nguyen');
    expect(text).toContain("“Nguyen” is not one person's full name; 3 people match, write the person code:");
    for (const code of ['P12', 'P26', 'P32']) expect(text).toContain(code);
    const [task] = await rows<{ code: string }>(
      t.db,
      sql`select p.code from tasks k join people p on p.id = k.assignee_id where k.code = 'NQ57-04.2'`,
    );
    expect(task?.code).toBe('P18');
  });

  it('the CLI assign prints the same truth, and lists candidates for a partial name', async () => {
    const partial = await runCommand(['assign', 'NQ57-04.2', 'Nguyen'], { db: t });
    expect(partial.code).not.toBe(0);
    expect(partial.err.join('\n')).toContain(
      "“Nguyen” is not one person's full name; candidates: P12 Nguyễn Hữu Phước",
    );
    const done = await runCommand(['assign', 'NQ57-04.2', 'P12'], { db: t });
    expect(done.code).toBe(0);
    const out = done.out.join('\n');
    expect(out).toContain('⚠️ Not delivered to Nguyễn Hữu Phước');
    expect(out).toContain('⚠️ Not delivered to Dương Văn Long');
  });
});
