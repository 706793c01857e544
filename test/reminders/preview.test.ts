// `dondoc remind --dry-run` shows each planned message's full text: exactly what its person then receives.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { outboxStats } from '../../src/store/outbox.ts';
import { runCommand, type CliRun } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { NOW, TOKEN, chatOf, quietLogger, registerPeople } from './delivery.ts';

interface JsonLine {
  person: string;
  channel: 'telegram' | 'zalo' | null;
  kind: string;
  items: string[];
  text: string | null;
  buttons: string[];
}

/** Each block of the human output: the header line of a message and the lines under it, unindented. */
function blocks(out: readonly string[]): Array<{ head: string; body: string[] }> {
  const result: Array<{ head: string; body: string[] }> = [];
  for (const line of out) {
    if (line.startsWith('  ')) result.at(-1)?.body.push(line.slice(2));
    else result.push({ head: line, body: [] });
  }
  return result;
}

describe.each(dbKinds())('what dondoc remind --dry-run shows, on %s', (kind) => {
  let t: TestDatabase;
  let telegram: FakeTelegramApi;
  let zalo: FakeZaloApi;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    // P08 never registered; P07 (head of the Department of Science and Technology) is on Zalo only.
    await registerPeople(t.db, { except: ['P07', 'P08'] });
    await registerPeople(t.db, { channel: 'zalo', only: ['P07'] });
    telegram = await startFakeTelegramApi({ token: TOKEN });
    zalo = await startFakeZaloApi({ token: TOKEN });
  });
  afterAll(async () => {
    await telegram.close();
    await zalo.close();
    await t.close();
  });

  const remind = (args: string[], env: Record<string, string> = {}): Promise<CliRun> =>
    runCommand(['remind', ...args], {
      env: { SEND_RATE_PER_SECOND: '100', ...env },
      now: NOW,
      db: t,
      logger: quietLogger(),
    });

  it('prints under each planned message the full text its person will read, and records nothing', async () => {
    const run = await remind(['--dry-run', '--now', '2025-07-15']);
    expect(run.code).toBe(0);
    const all = blocks(run.out);
    expect(all.length).toBeGreaterThan(20);
    const digest = all.find((b) => b.head.startsWith('P02\ttelegram\tleader_digest\t'));
    // The Chairman's digest, as he reads it: the title, the programmes, who cannot be reached.
    expect(digest?.body[0]).toBe('📊 Tổng hợp ngày 15/07/2025');
    expect(digest?.body).toContain('📵 Chưa liên lạc được: Bùi Thị Lan');
    expect(digest?.body.some((l) => /^NQ57: \d+\/\d+ chỉ tiêu hoàn thành/.test(l))).toBe(true);
    // One-task reminders carry buttons on Telegram, in the person's language.
    const oneTask = all.filter((b) => /^P\d+\ttelegram\tassignee\t[^ ]+$/.test(b.head));
    expect(oneTask.length).toBeGreaterThan(0);
    for (const b of oneTask) expect(b.body.at(-1)).toMatch(/^\[✅ (Xong|Done)\] .*\[⏸ (Vướng|Blocked)\]/);
    expect(all.filter((b) => b.head.startsWith('P07\tzalo\t')).length).toBeGreaterThan(0);
    expect(all.find((b) => b.head.startsWith('P08\t'))).toEqual({
      head: 'P08\t(no chat account)\tassignee\tNQ57-04.3',
      body: ['(not sent: no chat account)'],
    });
    expect(run.err.join('\n')).toMatch(/dry run: nothing recorded or sent/);
    expect(await outboxStats(t.db)).toEqual({ pending: 0, sent: 0, failed: 0, unreachable: 0 });
  });

  it('gives each message a text in --json that is exactly what Telegram and Zalo then receive', async () => {
    const preview = (await remind(['--dry-run', '--json', '--now', '2025-07-15'])).out.map(
      (l) => JSON.parse(l) as JsonLine,
    );
    expect(preview.find((p) => p.person === 'P08')).toMatchObject({ channel: null, text: null, buttons: [] });
    const sent = await remind(['--now', '2025-07-15'], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      ZALO_BOT_TOKEN: TOKEN,
      ZALO_API_ROOT: zalo.url,
    });
    expect(sent.code).toBe(0);
    const people = await rows<{ id: number; code: string }>(t.db, sql`select id, code from people`);
    let compared = 0;
    for (const p of people) {
      const planned = preview.filter((m) => m.person === p.code && m.text !== null);
      // A long message arrives in parts: compare all a chat received, in order, with all it was shown.
      const received =
        p.code === 'P07'
          ? zalo.sent.filter((m) => m.body['chat_id'] === `z${p.id}`).map((m) => String(m.body['text']))
          : telegram.sent.filter((m) => String(m.chat_id) === chatOf(p.id)).map((m) => m.plain);
      expect(received.join('\n'), p.code).toBe(planned.map((m) => m.text).join('\n'));
      const labels = telegram.sent
        .filter((m) => String(m.chat_id) === chatOf(p.id))
        .flatMap((m) => {
          const keyboard = (
            m.reply_markup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined
          )?.inline_keyboard;
          return (keyboard ?? []).flat().map((b) => b.text);
        });
      expect(labels, p.code).toEqual(planned.flatMap((m) => m.buttons));
      compared += planned.length;
    }
    expect(compared).toBeGreaterThan(20);
    expect(preview.filter((m) => m.channel === 'zalo').length).toBeGreaterThan(0);
  });
});
