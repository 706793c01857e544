// p50/p95 of `ask` per intent on a generated province, beside the store query behind each answer.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { handleMessage, type Notifier } from '../src/core/index.ts';
import type { Scope } from '../src/core/ports.ts';
import type { ItemCode, LocalDate, PersonCode, ProgramCode, AgencyCode } from '../src/core/types.ts';
import { fromPglite, fromPostgresUrl, runMigrations, type Database } from '../src/store/db.ts';
import { createStore, type Store } from '../src/store/store.ts';
import { BENCH_SIZE, generateProvince } from './province.ts';

const TODAY = '2025-07-15' as LocalDate;
const NOW = new Date('2025-07-15T08:00:00+07:00');
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const nq57: Scope = { program: 'NQ57' as ProgramCode, agency: null };

interface Case {
  intent: string;
  text: string;
  as: string;
  bare: (s: Store) => Promise<unknown>;
}

const CASES: Case[] = [
  {
    intent: 'overdue',
    text: 'mục tiêu NQ57 nào quá hạn?',
    as: 'U1',
    bare: (s) => s.overdue(nq57, 'target', TODAY),
  },
  {
    intent: 'overdue (agency)',
    text: 'Sở số 7 có nhiệm vụ nào quá hạn?',
    as: 'U1',
    bare: (s) => s.overdue({ program: null, agency: 'AG7' as AgencyCode }, 'task', TODAY),
  },
  {
    intent: 'due_soon',
    text: 'NQ57 có gì sắp đến hạn tuần này',
    as: 'U1',
    bare: (s) =>
      s.dueBetween(nq57, 'target', { from: '2025-07-14' as LocalDate, to: '2025-07-20' as LocalDate }),
  },
  { intent: 'status', text: 'tiến độ NQ57-12', as: 'U1', bare: (s) => s.item('NQ57-12' as ItemCode) },
  { intent: 'summary', text: 'tổng hợp tiến độ NQ57', as: 'U1', bare: (s) => s.summary(nq57, TODAY, null) },
  { intent: 'my_tasks', text: 'việc của tôi', as: 'U11', bare: (s) => s.openTasksOf('U11' as PersonCode) },
  { intent: 'help', text: 'hướng dẫn', as: 'U1', bare: async () => undefined },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await fn(); // warm caches and plans
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (n: number) => n.toFixed(2).padStart(8);

async function benchOne(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  await generateProvince(database.db, BENCH_SIZE, TODAY);
  console.log(
    `\n[${label}] generated ${BENCH_SIZE.tasks} tasks, ${BENCH_SIZE.updates} updates in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const store = createStore(database.db, () => NOW);
  const notify: Notifier = { notify: async () => ({ queued: [] }) };
  const ask = (text: string, as: string) =>
    handleMessage(
      { store, now: () => NOW, tz: 'Asia/Ho_Chi_Minh', notify },
      {
        channel: 'cli',
        chatId: `bench:${as}`,
        chatKind: 'private',
        senderId: as,
        text,
        messageId: null,
        replyToItem: null,
        action: null,
        addressed: true,
        langHint: null,
        at: NOW,
      },
    );
  console.log(`intent              ask p50   ask p95  query p50 query p95  p95 ratio   (ms, ${RUNS} runs)`);
  for (const c of CASES) {
    const a = await time(() => ask(c.text, c.as));
    const b = await time(() => c.bare(store));
    const ratio = b.p95 > 0.05 ? (a.p95 / b.p95).toFixed(1) + '×' : '  —';
    console.log(
      `${c.intent.padEnd(18)}${ms(a.p50)}  ${ms(a.p95)}  ${ms(b.p50)}  ${ms(b.p95)}  ${ratio.padStart(8)}`,
    );
  }
  // An update writes: time it on its own, alternating values so every run records a change.
  let n = 0;
  const u = await time(() => ask(`NQ57-12.${1 + (n % 5)} ${10 + (n++ % 80)}% bench`, 'U1'));
  console.log(
    `${'update'.padEnd(18)}${ms(u.p50)}  ${ms(u.p95)}        (recordUpdate: history + task + roll-up + audit, one transaction)`,
  );
}

export async function benchAsk(): Promise<void> {
  console.log(`== ask latency: province of ${BENCH_SIZE.tasks} tasks, ${BENCH_SIZE.updates} updates ==`);
  const pglite = fromPglite(await PGlite.create());
  await runMigrations(pglite);
  await benchOne('PGlite (in memory)', pglite);
  await pglite.close();

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\n[Postgres] skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    return;
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists dondoc_bench with (force)');
  await admin.unsafe('create database dondoc_bench');
  const u = new URL(url);
  u.pathname = '/dondoc_bench';
  const pg = fromPostgresUrl(u.toString());
  try {
    await runMigrations(pg, u.toString());
    await benchOne('Postgres', pg);
  } finally {
    await pg.close();
    await admin.unsafe('drop database if exists dondoc_bench with (force)');
    await admin.end();
  }
}
