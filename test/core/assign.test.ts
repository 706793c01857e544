// Admins re-assign tasks in chat: through handleMessage on a real store, with the real (outbox) notifier.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMessage, type IncomingMessage } from '../../src/core/index.ts';
import { renderPlain, type Reply } from '../../src/core/reply.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { createOutboxNotifier } from '../../src/reminders/notifier.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite } from '../../src/store/people.ts';
import { agencies, people } from '../../src/store/schema.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { NOW, TZ } from './helpers.ts';

let seq = 0;

describe.each(dbKinds())('re-assigning a task on %s', (kind) => {
  let t: TestDatabase;
  const send = async (from: string, text: string, extra: Partial<IncomingMessage> = {}): Promise<string> => {
    const store = createStore(t.db, () => NOW);
    const replies: Reply[] = await handleMessage(
      { store, now: () => NOW, tz: TZ, notify: createOutboxNotifier(t.db) },
      {
        channel: 'telegram',
        chatId: `tg-${from}`,
        chatKind: 'private',
        senderId: `tg-${from}`,
        text,
        messageId: `m${++seq}`,
        replyToItem: null,
        action: null,
        addressed: false,
        langHint: null,
        at: NOW,
        ...extra,
      },
    );
    return replies.map((r) => renderPlain(r.lines)).join('\n---\n');
  };

  async function register(person: string): Promise<void> {
    const { code } = await createInvite(t.db, person as PersonCode, NOW);
    expect(await send(person, `/start ${code}`)).toMatch(/^(Chào mừng|Welcome)/);
  }

  async function task(code: string): Promise<{ assignee: string | null; agency: string }> {
    const [r] = await rows<{ assignee: string | null; agency: string }>(
      t.db,
      sql`select pe.code as assignee, a.code as agency from tasks t
            join agencies a on a.id = t.agency_id left join people pe on pe.id = t.assignee_id
           where t.code = ${code}`,
    );
    return r!;
  }

  /** Everything a re-assignment could write: tasks, history, audit, outbox. */
  async function snapshot(): Promise<unknown> {
    const [r] = await rows(
      t.db,
      sql`select (select md5(string_agg(code || coalesce(assignee_id, 0) || agency_id || status || progress, ',' order by code)) from tasks) tasks,
                 (select count(*)::int from history) history,
                 (select count(*)::int from audit_log) audit,
                 (select count(*)::int from outbox) outbox`,
    );
    return r;
  }

  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    // P05 and P06 are the demo's administrators (vi and en); P02 a leader; P09, P10 staff of SKHCN.
    for (const p of ['P05', 'P06', 'P02', 'P09', 'P10', 'P14']) await register(p);
  });
  afterAll(() => t.close());

  it('lets an admin give a task to someone else: the task, one audit row and a notice to the new assignee', async () => {
    expect(await task('NQ57-12.3')).toEqual({ assignee: 'P10', agency: 'SKHCN' });
    const history = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from history`);
    const text = await send('P05', '/giao NQ57-12.3 P09');
    expect(text).toBe(
      '✅ Đã giao lại NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới: Trịnh Thu Trang → Đặng Quang Huy.\n' +
        '📨 Đang gửi tới Đặng Quang Huy qua Telegram.\n' +
        '📨 Đang gửi tới Trịnh Thu Trang qua Telegram.',
    );
    expect(await task('NQ57-12.3')).toEqual({ assignee: 'P09', agency: 'SKHCN' });

    const audit = await rows<{
      id: number;
      actor: string;
      person: string;
      channel: string;
      before: string;
      after: string;
    }>(
      t.db,
      sql`select l.id, l.actor, pe.code as person, l.channel::text as channel,
                 l.before::text as before, l.after::text as after
            from audit_log l join people pe on pe.id = l.person_id
           where l.action = 'reassign' and l.entity_code = 'NQ57-12.3'`,
    );
    expect(audit).toHaveLength(1);
    const row = audit[0]!;
    expect({ ...row, id: undefined, before: JSON.parse(row.before), after: JSON.parse(row.after) }).toEqual({
      id: undefined,
      actor: 'P05',
      person: 'P05',
      channel: 'telegram',
      before: { assignee: 'P10', agency: 'SKHCN' },
      after: { assignee: 'P09', agency: 'SKHCN' },
    });
    // History holds status reports only: its kind enum has no re-assignment.
    expect(await rows<{ n: number }>(t.db, sql`select count(*)::int as n from history`)).toEqual(history);

    const queued = await rows<{ chat: string; key: string; kind: string; payload: string }>(
      t.db,
      sql`select o.chat_id as chat, o.idempotency_key as key, o.kind::text as kind, o.payload::text as payload
            from outbox o join people pe on pe.id = o.person_id where pe.code = 'P09'`,
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ chat: 'tg-P09', key: `reassign:${row.id}`, kind: 'notification' });
    const notice = JSON.parse(queued[0]!.payload) as { reply: Reply };
    expect(renderPlain(notice.reply.lines)).toBe(
      '📌 Đỗ Thanh Tùng đã giao cho bạn nhiệm vụ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới (hạn 30/09/2025, tiến độ 60%).\n' +
        'Trả lời tin này để báo tiến độ, ví dụ “30% đã khảo sát xong”.',
    );
    expect(notice.reply.about).toBe('NQ57-12.3');

    // The previous assignee is told too, once, and the notice is about no task (a reply updates nothing).
    const released = await rows<{ key: string; payload: string }>(
      t.db,
      sql`select o.idempotency_key as key, o.payload::text as payload
            from outbox o join people pe on pe.id = o.person_id where pe.code = 'P10'`,
    );
    expect(released.map((r) => r.key)).toEqual([`reassign:${row.id}:from`]);
    const releasedNotice = JSON.parse(released[0]!.payload) as { reply: Reply };
    expect(renderPlain(releasedNotice.reply.lines)).toBe(
      '📌 Đỗ Thanh Tùng đã giao lại nhiệm vụ NQ57-12.3 Lắp đặt trạm 5G tại các xã vùng sâu, vùng biên giới cho Đặng Quang Huy; bạn không còn phụ trách nhiệm vụ này.',
    );
    expect(releasedNotice.reply.about).toBeNull();
  });

  it('finds the person by a full name typed without diacritics, and moves the task to their agency', async () => {
    const text = await send('P05', 'giao NQ57-12.4 cho tran van dat');
    expect(text).toBe(
      '✅ Đã giao lại NQ57-12.4 Đo kiểm chất lượng vùng phủ sóng 5G: Trịnh Thu Trang → Trần Văn Đạt.\n' +
        'Đơn vị thực hiện chuyển từ Sở Khoa học và Công nghệ sang Công an tỉnh (đơn vị của Trần Văn Đạt).\n' +
        '📨 Đang gửi tới Trần Văn Đạt qua Telegram.\n' +
        '📨 Đang gửi tới Trịnh Thu Trang qua Telegram.',
    );
    expect(await task('NQ57-12.4')).toEqual({ assignee: 'P14', agency: 'CA' });
    const [audit] = await rows<{ before: string; after: string }>(
      t.db,
      sql`select before::text as before, after::text as after from audit_log
           where action = 'reassign' and entity_code = 'NQ57-12.4'`,
    );
    expect(JSON.parse(audit!.before)).toEqual({ assignee: 'P10', agency: 'SKHCN' });
    expect(JSON.parse(audit!.after)).toEqual({ assignee: 'P14', agency: 'CA' });
  });

  it('answers an English-speaking admin in English, the name written with its diacritics', async () => {
    const text = await send('P06', 'assign NQ57-12.4 to Trịnh Thu Trang');
    expect(text).toBe(
      '✅ Re-assigned NQ57-12.4 Measure 5G coverage quality: Trần Văn Đạt → Trịnh Thu Trang.\n' +
        "The task moves from Provincial Police to Department of Science and Technology (Trịnh Thu Trang's agency).\n" +
        '📨 Being delivered to Trịnh Thu Trang on Telegram.\n' +
        '📨 Being delivered to Trần Văn Đạt on Telegram.',
    );
    expect(await task('NQ57-12.4')).toEqual({ assignee: 'P10', agency: 'SKHCN' });
  });

  it.each([
    ['P09', 'a staff member', '/giao NQ57-12.2 P10'],
    ['P02', 'a leader', 'giao NQ57-12.2 cho P10'],
  ])('refuses %s (%s) in one line and writes nothing', async (from, _who, text) => {
    const before = await snapshot();
    expect(await send(from, text)).toBe(
      'Chỉ quản trị viên mới giao lại được nhiệm vụ; lãnh đạo và cán bộ không có quyền này.',
    );
    expect(await snapshot()).toEqual(before);
    expect(await task('NQ57-12.2')).toEqual({ assignee: 'P08', agency: 'SKHCN' });
  });

  it.each([
    [
      '/giao NQ57-99.1 P09',
      'Không tìm thấy nhiệm vụ NQ57-99.1, không có gì thay đổi. Hãy kiểm tra lại mã, ví dụ NQ57-12.3.',
    ],
    [
      'giao NQ57-12.2 cho Nguyễn Văn A',
      'Không tìm thấy người “Nguyễn Văn A”. Hãy ghi mã người (ví dụ P09) hoặc họ tên đầy đủ, có dấu hay không dấu đều được.',
    ],
    [
      '/giao NQ57-12 P09',
      'NQ57-12 là chỉ tiêu, không phải nhiệm vụ: chỉ tiêu thuộc đơn vị chủ trì, chỉ giao lại được nhiệm vụ (ví dụ NQ57-12.1).',
    ],
    [
      '/giao NQ57-12.2',
      'Hãy ghi mã nhiệm vụ và người nhận, ví dụ: “/giao NQ57-12.3 P09” hoặc “giao NQ57-12.3 cho Nguyễn Văn A”.',
    ],
    ['/giao NQ57-12.2 P08', 'NQ57-12.2 đã do Bùi Thị Lan phụ trách, không có gì thay đổi.'],
  ])('answers %j in one line and writes nothing', async (text, answer) => {
    const before = await snapshot();
    expect(await send('P05', text)).toBe(answer);
    expect(await snapshot()).toEqual(before);
  });

  it('says in English why, for an English-speaking admin', async () => {
    const before = await snapshot();
    expect(await send('P06', '/assign NQ57-12 P09')).toBe(
      'NQ57-12 is a target, not a task: targets belong to their lead agency, and only tasks can be re-assigned (e.g. NQ57-12.1).',
    );
    expect(await send('P06', '/assign NQ57-12.2 Nobody Here')).toBe(
      'No one is called “Nobody Here”. Write their person code (e.g. P09) or their full name, with or without diacritics.',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('lists namesakes with their codes when a name is ambiguous, and changes nothing', async () => {
    const [ca] = await t.db
      .select({ id: agencies.id })
      .from(agencies)
      .where(sql`code = 'CA'`);
    await t.db
      .insert(people)
      .values({ code: 'P90', fullName: 'Đặng Quang Huy', role: 'staff', agencyId: ca!.id });
    const before = await snapshot();
    expect(await send('P05', 'giao NQ57-12.2 cho dang quang huy')).toBe(
      'Có 2 người tên “dang quang huy”, hãy ghi mã người thay cho tên:\n' +
        '• P09 Đặng Quang Huy (Sở Khoa học và Công nghệ)\n' +
        '• P90 Đặng Quang Huy (Công an tỉnh)\n' +
        'Ví dụ: “giao NQ57-12.2 cho P09”.',
    );
    expect(await snapshot()).toEqual(before);
    // The code settles it.
    expect(await send('P05', 'giao NQ57-12.2 cho P90')).toMatch(
      /^✅ Đã giao lại NQ57-12\.2 .*: Bùi Thị Lan → Đặng Quang Huy\.\n/,
    );
    expect(await task('NQ57-12.2')).toEqual({ assignee: 'P90', agency: 'CA' });
  });

  it('tells an unregistered sender only how to register', async () => {
    const before = await snapshot();
    expect(await send('stranger', '/giao NQ57-12.3 P10')).toMatch(/^Bạn chưa đăng ký/);
    expect(await snapshot()).toEqual(before);
  });
});
