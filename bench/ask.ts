// p50/p95 of `ask` per intent on a generated province, beside the store query behind each answer.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { handleMessage, type Notifier } from '../src/core/index.ts';
import type { Scope } from '../src/core/ports.ts';
import type { ItemCode, LocalDate, PersonCode, ProgramCode, AgencyCode } from '../src/core/types.ts';
import { fromPglite, fromPostgresUrl, runMigrations, type Database } from '../src/store/db.ts';
import { createStore, type Store } from '../src/store/store.ts';
import { BENCH_SIZE, generateProvince, scaledSize, type ProvinceSize } from './province.ts';

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

interface Row {
  intent: string;
  ask: { p50: number; p95: number };
  query: { p50: number; p95: number } | null;
}

/** BENCH_SCALE=1,10: the sizes measured, in the order given (1 = BENCH_SIZE). */
function scales(): number[] {
  const raw = (process.env.BENCH_SCALE ?? '1').split(',').map((v) => Number(v.trim()));
  if (raw.some((v) => !Number.isFinite(v) || v <= 0))
    throw new Error('BENCH_SCALE: positive numbers, e.g. 1,10');
  return raw;
}

async function benchOne(label: string, database: Database, size: ProvinceSize): Promise<Row[]> {
  const t0 = performance.now();
  await generateProvince(database.db, size, TODAY);
  console.log(
    `\n[${label}] generated ${size.tasks} tasks, ${size.updates} updates in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
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
  const out: Row[] = [];
  console.log(`intent              ask p50   ask p95  query p50 query p95  p95 ratio   (ms, ${RUNS} runs)`);
  for (const c of CASES) {
    const a = await time(() => ask(c.text, c.as));
    const b = await time(() => c.bare(store));
    out.push({ intent: c.intent, ask: a, query: b });
    const ratio = b.p95 > 0.05 ? (a.p95 / b.p95).toFixed(1) + '×' : '  —';
    console.log(
      `${c.intent.padEnd(18)}${ms(a.p50)}  ${ms(a.p95)}  ${ms(b.p50)}  ${ms(b.p95)}  ${ratio.padStart(8)}`,
    );
  }
  // An update writes: time it on its own, alternating values so every run records a change.
  let n = 0;
  const u = await time(() => ask(`NQ57-12.${1 + (n % 5)} ${10 + (n++ % 80)}% bench`, 'U1'));
  out.push({ intent: 'update', ask: u, query: null });
  console.log(
    `${'update'.padEnd(18)}${ms(u.p50)}  ${ms(u.p95)}        (recordUpdate: history + task + roll-up + audit, one transaction)`,
  );
  return out;
}

const find = (rows: Row[], intent: string) => rows.find((r) => r.intent === intent)!;

/** The issue's rows, each beside what it is measured against in this same run. */
function aims(label: string, bySize: Map<number, Row[]>): void {
  const [first] = [...bySize.keys()];
  const base = bySize.get(first!)!;
  const summary = find(base, 'summary');
  console.log(`\n[${label}] aims at scale ${first}:`);
  console.log(
    `  summary ask p95 ${summary.ask.p95.toFixed(2)} ms (its query alone ${summary.query!.p95.toFixed(2)} ms); aim ≤ 5 ms`,
  );
  for (const intent of ['due_soon', 'my_tasks']) {
    const r = find(base, intent);
    console.log(
      `  ${intent} ask p95 / query p95: ${r.ask.p95.toFixed(2)} / ${r.query!.p95.toFixed(2)} ms = ` +
        `${(r.ask.p95 / r.query!.p95).toFixed(1)}×; aim ≤ 2×`,
    );
  }
  if (bySize.size < 2) return;
  const sizes = [...bySize.keys()];
  console.log(`\n[${label}] growth, ask p95 (ms) at each scale, and the last over the first (aim ≤ 1.5×):`);
  console.log(`${'intent'.padEnd(18)}${sizes.map((s) => `×${s}`.padStart(10)).join('')}    growth`);
  for (const r of base) {
    const p95s = sizes.map((s) => find(bySize.get(s)!, r.intent).ask.p95);
    const growth = p95s.at(-1)! / p95s[0]!;
    console.log(
      `${r.intent.padEnd(18)}${p95s.map((v) => v.toFixed(2).padStart(10)).join('')}    ${growth.toFixed(2)}×`,
    );
  }
}

export async function benchAsk(): Promise<void> {
  const wanted = scales();
  console.log(
    `== ask latency at scale ${wanted.join(', ')} (1 = ${BENCH_SIZE.tasks} tasks, ${BENCH_SIZE.updates} updates) ==`,
  );
  // PGlite keeps everything in this process's memory: the national sizes are Postgres's to carry.
  const pgliteSizes = wanted.filter((s) => s <= 1);
  const pgliteRows = new Map<number, Row[]>();
  for (const scale of pgliteSizes) {
    const pglite = fromPglite(await PGlite.create());
    await runMigrations(pglite);
    pgliteRows.set(scale, await benchOne(`PGlite (in memory), scale ${scale}`, pglite, scaledSize(scale)));
    await pglite.close();
  }
  if (pgliteRows.size > 0) aims('PGlite', pgliteRows);
  if (pgliteSizes.length < wanted.length) console.log('\n[PGlite] scales above 1 skipped: Postgres only');

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\n[Postgres] skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
    return;
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const pgRows = new Map<number, Row[]>();
  try {
    for (const scale of wanted) {
      await admin.unsafe('drop database if exists dondoc_bench with (force)');
      await admin.unsafe('create database dondoc_bench');
      const u = new URL(url);
      u.pathname = '/dondoc_bench';
      const pg = fromPostgresUrl(u.toString());
      try {
        await runMigrations(pg, u.toString());
        pgRows.set(scale, await benchOne(`Postgres, scale ${scale}`, pg, scaledSize(scale)));
      } finally {
        await pg.close();
      }
    }
    aims('Postgres', pgRows);
  } finally {
    await admin.unsafe('drop database if exists dondoc_bench with (force)');
    await admin.end();
  }
}
