// Three `dondoc serve` processes in webhook mode on one Postgres, as a national deployment runs them behind
// a load balancer: 3,000 updates spread over their three ports (a tenth of them delivered again to another
// process, as Telegram retries), through the fake Bot API so every reply is seen. Every update is answered
// exactly once, each morning reminder goes out once although all three run the missed cycle at start-up,
// and `dondoc check` finds the kept counts equal to a recount after the traffic.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Update } from 'telegraf/types';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WEBHOOK_PATH } from '../../src/channels/telegram/webhook.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { createInvite, register } from '../../src/store/people.ts';
import { postWebhookUpdate, startFakeTelegramApi, type FakeTelegramApi } from '../fakes/telegram-api.ts';
import { runCommand } from '../helpers/cli.ts';
import { freshDatabase, type DbKind, type TestDatabase } from '../helpers/db.ts';

const ROOT = join(import.meta.dirname, '../..');
const TOKEN = '42:cluster-test-token-not-secret';
const SECRET = 'cluster-secret';
// Tuesday 08:30 in Hà Nội: each process finds the 08:00 reminder cycle missed and runs it at start-up.
const NOW = new Date('2025-07-15T08:30:00+07:00');
const PROCESSES = 3;
/** 600 officials writing 5 messages each; 300 of the 3,000 are delivered a second time. */
const SENDERS = 600;
const TEXTS_EACH = 5;
const REDELIVERED = 300;
const IN_FLIGHT = 30;
const FIRST_CHAT = 900_000;

interface Server {
  child: ChildProcess;
  hook: string;
  exited: Promise<number | null>;
}

function startServe(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/dondoc.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
      const origin = /dondoc console on (http:\/\/\S+?)\//.exec(stderr)?.[1];
      if (origin) resolve({ child, hook: `${origin}${WEBHOOK_PATH}`, exited });
    });
    void exited.then((code) =>
      reject(new Error(`dondoc serve exited (${code}) before listening:\n${stderr}`)),
    );
  });
}

/** The five messages of one official, in the order written: their list, two updates, help, a status. */
function textsOf(task: string): string[] {
  return ['việc của tôi', `${task} 20%`, '/help', `${task} 40% đang lắp đặt`, `tiến độ ${task}`];
}

/** The suite, run by serve.test.ts on Postgres only: PGlite's files belong to one process. */
export function clusterSuite(kind: DbKind): void {
  let t: TestDatabase;
  let fake: FakeTelegramApi;
  let servers: Server[] = [];
  /** The demo's officials with open work: the morning's reminders go to them. */
  const demoChats = new Map<number, string>();

  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    fake = await startFakeTelegramApi({ token: TOKEN });
    // Each new official has one task of their own, due next year (so no reminder of theirs is due).
    await t.db.execute(sql`
        insert into people (code, full_name, role, agency_id, lang)
        select 'C' || g, 'Cán bộ ' || g, 'staff', tg.lead_agency_id, 'vi'
          from generate_series(1, ${SENDERS}) g, (select lead_agency_id from targets where code = 'NQ57-12') tg`);
    await t.db.execute(sql`
        insert into tasks (code, target_id, title_vi, title_en, agency_id, assignee_id, start_date, due_date, status, progress)
        select 'NQ57-12.' || (100 + substr(pe.code, 2)::int), tg.id, 'Việc ' || pe.code, 'Work ' || pe.code,
               pe.agency_id, pe.id, '2025-07-01', '2026-06-30', 'in_progress', 0
          from people pe, (select id from targets where code = 'NQ57-12') tg where pe.code like 'C%'`);
    await t.db.execute(sql`
        insert into chat_accounts (person_id, channel, chat_id, external_user_id)
        select id, 'telegram', (${FIRST_CHAT} + substr(code, 2)::int)::text, (${FIRST_CHAT} + substr(code, 2)::int)::text
          from people where code like 'C%'`);
    const demo = await rows<{ code: string }>(
      t.db,
      sql`select code from people where code not like 'C%' order by code`,
    );
    for (const [i, p] of demo.entries()) {
      const { code } = await createInvite(t.db, p.code as PersonCode, NOW);
      const chat = 800_000 + i;
      await register(
        t.db,
        code,
        { channel: 'telegram', chatId: String(chat), externalUserId: String(chat) },
        NOW,
      );
      demoChats.set(chat, p.code);
    }
    const env = {
      DATABASE_URL: t.url!,
      DONDOC_NOW: NOW.toISOString(),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      TELEGRAM_WEBHOOK_URL: 'https://dondoc.example.vn/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // The fake enforces no Bot API limits: what is measured here is once-only, not pacing.
      SEND_RATE_PER_SECOND: '1000',
    };
    servers = await Promise.all(Array.from({ length: PROCESSES }, () => startServe(env)));
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await fake?.close();
    await t?.close();
  });

  it('answers each of 3,000 updates once, sends each reminder once, and the counts still equal a recount', async () => {
    // Every official's messages go in order (Telegram delivers one chat's updates one at a time), each to
    // the next process in turn; a redelivery goes to a process other than the one that took it first.
    const updates: Array<{ chat: number; update: Update; port: number }> = [];
    for (let i = 1; i <= SENDERS; i++) {
      const chat = FIRST_CHAT + i;
      textsOf(`NQ57-12.${100 + i}`).forEach((text, k) =>
        updates.push({
          chat,
          update: fake.makeTextUpdate({ fromId: chat, text }),
          port: (i + k) % PROCESSES,
        }),
      );
    }
    expect(updates).toHaveLength(SENDERS * TEXTS_EACH);
    const byChat = new Map<number, typeof updates>();
    for (const u of updates) byChat.set(u.chat, [...(byChat.get(u.chat) ?? []), u]);
    const again = updates.filter((_, i) => i % (updates.length / REDELIVERED) === 0);

    const post = async (hook: string, update: Update) => {
      const res = await postWebhookUpdate(hook, update, SECRET);
      expect(res.status).toBe(200);
    };
    // Each process gets IN_FLIGHT calls at a time, below the server's per-source ceiling (a 503 there
    // is Telegram's cue to retry), however much slower than the others it runs.
    const deliver = async (work: Array<{ update: Update; port: number }>) => {
      await Promise.all(
        servers.map(async (server, port) => {
          const left = work.filter((u) => u.port === port);
          await Promise.all(
            Array.from({ length: IN_FLIGHT }, async () => {
              for (let u = left.shift(); u !== undefined; u = left.shift()) await post(server.hook, u.update);
            }),
          );
        }),
      );
    };
    // Wave k carries every official's k-th message: one chat's messages arrive in order, seconds apart.
    for (let k = 0; k < TEXTS_EACH; k++) await deliver([...byChat.values()].map((mine) => mine[k]!));
    await deliver(again.map((u) => ({ update: u.update, port: (u.port + 1) % PROCESSES })));

    // A webhook call returns once its replies went out: every answer is in by now.
    const answers = new Map<number, string[]>();
    for (const m of fake.sent) {
      if (m.chat_id >= FIRST_CHAT) answers.set(m.chat_id, [...(answers.get(m.chat_id) ?? []), m.plain]);
    }
    expect(answers.size).toBe(SENDERS);
    const wrong = [...byChat.keys()].filter((chat) => answers.get(chat)?.length !== TEXTS_EACH);
    expect(wrong).toEqual([]);
    const sample = answers.get(FIRST_CHAT + 7)!;
    expect(sample[0]).toMatch(/^📋 Bạn có 1 nhiệm vụ đang mở/);
    expect(sample[1]).toContain('NQ57-12.107');
    expect(sample[1]).toContain('20%');
    expect(sample[3]).toContain('40%');
    const recorded = await rows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from history h join people pe on pe.id = h.person_id where pe.code like 'C%'`,
    );
    expect(recorded[0]!.n).toBe(2 * SENDERS);

    // The missed 08:00 cycle, run by all three: each reminder leaves the outbox once and arrives once.
    for (const deadline = Date.now() + 60_000; ; await new Promise((r) => setTimeout(r, 200))) {
      const [r] = await rows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from outbox where status = 'pending'`,
      );
      if (r!.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${r!.n} outbox rows still pending`);
    }
    const outbox = await rows<{ chat_id: string; n: number }>(
      t.db,
      sql`select chat_id, count(*)::int as n from outbox where kind = 'assignee' and status = 'sent' group by chat_id`,
    );
    expect(outbox.length).toBeGreaterThan(0);
    for (const r of outbox) {
      expect(demoChats.has(Number(r.chat_id))).toBe(true);
      expect(r.n).toBe(1);
      const got = fake.sent.filter(
        (m) => m.chat_id === Number(r.chat_id) && /Nhắc việc|Reminder/.test(m.plain),
      );
      expect(got.length).toBe(1);
    }
    const repeated = fake.sent.filter(
      (m, i) =>
        fake.sent.findIndex((o) => o.chat_id === m.chat_id && o.plain === m.plain) !== i &&
        m.chat_id < FIRST_CHAT,
    );
    expect(repeated).toEqual([]);

    const checked = await runCommand(['check'], { db: t, now: NOW, env: { DATABASE_URL: t.url! } });
    expect(checked.out.join('\n')).toMatch(/^check: every task agrees with its history/);
    expect(checked.code).toBe(0);
  }, 400_000);
}
