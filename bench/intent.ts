// `npm run bench -- intent`: the parser on the held-out test split of bench/intent-set (never trained on):
// exact intent per intent and per style, a confusion matrix, out-of-domain precision/recall, parse latency.
import { readFileSync } from 'node:fs';
import { parseMessage } from '../src/core/intent/index.ts';
import { intentModel } from '../src/core/intent/model.ts';
import type { LocalDate } from '../src/core/types.ts';
import { demoLexicon } from '../test/helpers/demo-lexicon.ts';

interface Line {
  text: string;
  label: string;
  style: string;
}

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function table(title: string, rows: Map<string, { ok: number; n: number }>): void {
  console.log(`\n${title}`);
  for (const [key, { ok, n }] of [...rows].sort())
    console.log(`  ${key.padEnd(12)} ${pct(ok, n).padStart(8)}  (${ok}/${n})`);
}

export async function benchIntent(): Promise<void> {
  const lines = readFileSync(new URL('./intent-set/test.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
  const lexicon = demoLexicon();
  const today = '2025-07-15' as LocalDate;
  const t0 = performance.now();
  intentModel();
  console.log(`model trained in ${(performance.now() - t0).toFixed(0)} ms`);

  const byIntent = new Map<string, { ok: number; n: number }>();
  const byStyle = new Map<string, { ok: number; n: number }>();
  const confusion = new Map<string, Map<string, number>>();
  const misses: string[] = [];
  let asked = 0;
  const add = (m: Map<string, { ok: number; n: number }>, key: string, ok: boolean) => {
    const v = m.get(key) ?? { ok: 0, n: 0 };
    v.n += 1;
    if (ok) v.ok += 1;
    m.set(key, v);
  };
  for (const l of lines) {
    const parsed = parseMessage(l.text, lexicon, today);
    const got = parsed.choices ? 'ask' : parsed.intent.intent;
    if (parsed.choices) asked += 1;
    const ok = got === l.label;
    add(byIntent, l.label, ok);
    add(byStyle, l.style, ok);
    const row = confusion.get(l.label) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    confusion.set(l.label, row);
    if (!ok) misses.push(`  ${l.label} → ${got} [${l.style}] ${l.text}`);
  }
  const ok = lines.filter((l) => {
    const p = parseMessage(l.text, lexicon, today);
    return !p.choices && p.intent.intent === l.label;
  }).length;
  console.log(
    `test split: ${lines.length} messages, ${pct(ok, lines.length)} exact intent, ${asked} asked back`,
  );
  table('per intent', byIntent);
  table('per style', byStyle);

  const cols = [...new Set([...confusion.values()].flatMap((r) => [...r.keys()]))].sort();
  console.log(
    `\nconfusion (rows: truth, columns: parsed)\n  ${''.padEnd(10)}${cols.map((c) => c.slice(0, 8).padStart(9)).join('')}`,
  );
  for (const [truth, row] of [...confusion].sort()) {
    console.log(`  ${truth.padEnd(10)}${cols.map((c) => String(row.get(c) ?? 0).padStart(9)).join('')}`);
  }
  const saidUnknown = [...confusion.values()].reduce((s, r) => s + (r.get('unknown') ?? 0), 0);
  const trueUnknown = confusion.get('unknown')?.get('unknown') ?? 0;
  const ood = byIntent.get('unknown')?.n ?? 0;
  console.log(
    `\nout of domain: precision ${pct(trueUnknown, saidUnknown)} (${trueUnknown}/${saidUnknown}), recall ${pct(trueUnknown, ood)} (${trueUnknown}/${ood})`,
  );
  // The misses themselves are not printed: reading them would be tuning on the test split.
  console.log(`misses: ${misses.length}`);

  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const l of lines) {
      const s = performance.now();
      parseMessage(l.text, lexicon, today);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? 0).toFixed(3);
  console.log(
    `\nparse latency over ${times.length} parses: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms`,
  );
}
