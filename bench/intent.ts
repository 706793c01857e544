// `npm run bench -- intent`: the parser on the held-out splits of bench/intent-set (never trained on,
// never read to choose features): exact intent per intent and per style, a confusion matrix,
// out-of-domain precision/recall, parse latency, and `dondoc parse` over 10,000 stdin lines.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseMessage } from '../src/core/intent/index.ts';
import { intentModel } from '../src/core/intent/model.ts';
import type { LocalDate } from '../src/core/types.ts';
import { demoLexicon } from '../test/helpers/demo-lexicon.ts';
import { heldOutSplits } from './intent-set/splits.ts';

interface Line {
  text: string;
  label: string;
  style: string;
}

type Tally = Map<string, { ok: number; n: number }>;

const SPLITS = heldOutSplits();
const TODAY = '2025-07-15' as LocalDate;

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function table(title: string, rows: Tally): void {
  console.log(`\n${title}`);
  for (const [key, { ok, n }] of [...rows].sort())
    console.log(`  ${key.padEnd(20)} ${pct(ok, n).padStart(8)}  (${ok}/${n})`);
}

function readSplit(name: string): Line[] {
  return readFileSync(new URL(`./intent-set/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
}

function score(name: string, lines: readonly Line[]): void {
  const lexicon = demoLexicon();
  const byIntent: Tally = new Map();
  const byStyle: Tally = new Map();
  const confusion = new Map<string, Map<string, number>>();
  let asked = 0;
  let ok = 0;
  const add = (m: Tally, key: string, hit: boolean) => {
    const v = m.get(key) ?? { ok: 0, n: 0 };
    v.n += 1;
    if (hit) v.ok += 1;
    m.set(key, v);
  };
  for (const l of lines) {
    const parsed = parseMessage(l.text, lexicon, TODAY);
    const got = parsed.choices ? 'ask' : parsed.intent.intent;
    if (parsed.choices) asked += 1;
    const hit = got === l.label;
    if (hit) ok += 1;
    add(byIntent, l.label, hit);
    add(byStyle, l.style, hit);
    const row = confusion.get(l.label) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    confusion.set(l.label, row);
  }
  console.log(
    `\n=== ${name}: ${lines.length} messages, ${pct(ok, lines.length)} exact intent, ${asked} asked back`,
  );
  table('per intent', byIntent);
  table('per style', byStyle);

  const cols = [...new Set([...confusion.values()].flatMap((r) => [...r.keys()]))].sort();
  const head = cols.map((c) => c.slice(0, 8).padStart(9)).join('');
  console.log(`\nconfusion (rows: truth, columns: parsed)\n  ${''.padEnd(10)}${head}`);
  for (const [truth, row] of [...confusion].sort()) {
    console.log(
      `  ${truth.slice(0, 9).padEnd(10)}${cols.map((c) => String(row.get(c) ?? 0).padStart(9)).join('')}`,
    );
  }
  const saidUnknown = [...confusion.values()].reduce((s, r) => s + (r.get('unknown') ?? 0), 0);
  const trueUnknown = confusion.get('unknown')?.get('unknown') ?? 0;
  const ood = byIntent.get('unknown')?.n ?? 0;
  console.log(
    `\nout of domain: precision ${pct(trueUnknown, saidUnknown)} (${trueUnknown}/${saidUnknown}), recall ${pct(trueUnknown, ood)} (${trueUnknown}/${ood})`,
  );
  // The misses themselves are never printed: reading them would be tuning on a held-out split.
  console.log(`misses: ${lines.length - ok}`);
}

function latency(lines: readonly Line[]): void {
  const lexicon = demoLexicon();
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const l of lines) {
      const s = performance.now();
      parseMessage(l.text, lexicon, TODAY);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? 0).toFixed(3);
  console.log(
    `\nparse latency over ${times.length} parses: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms`,
  );
}

/** The real command, as a person would pipe a file into it: start-up, lexicon, training and 10,000 parses. */
async function parseCommand10k(lines: readonly Line[]): Promise<void> {
  const input = Array.from({ length: 10_000 }, (_, i) => lines[i % lines.length]!.text).join('\n') + '\n';
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const t0 = performance.now();
  const out = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'parse', '--json', '--now', TODAY], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let count = 0;
    child.stdout.on('data', (b: Buffer) => {
      for (const c of b) if (c === 10) count += 1;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(count) : reject(new Error(`dondoc parse: ${code}`))));
    child.stdin.end(input);
  });
  const s = (performance.now() - t0) / 1000;
  console.log(`\ndondoc parse: ${out} lines from stdin in ${s.toFixed(1)} s (whole process)`);
}

export async function benchIntent(): Promise<void> {
  const t0 = performance.now();
  intentModel();
  console.log(`model trained in ${(performance.now() - t0).toFixed(0)} ms`);
  const all: Line[] = [];
  for (const name of SPLITS) {
    const lines = readSplit(name);
    score(name, lines);
    all.push(...lines);
  }
  // Pooled, every style has hundreds of lines, so one message is no longer two points of a cell.
  score(`all ${SPLITS.length} splits together`, all);
  latency(all);
  if (process.env.BENCH_CLI !== '0') await parseCommand10k(all);
}
