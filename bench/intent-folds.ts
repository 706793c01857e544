// Tuning aid, not a benchmark: scores the parser on a labelled development file that is NOT one of the
// held-out splits (it refuses those: their misses are never printed), printing its misses, and with
// FOLDS=k retrains k times with k−1 folds of that file added to the corpus, scoring the fold left out.
// Usage: npx tsx bench/intent-folds.ts FILE   (FOLDS=5 for the cross-validation, QUIET=1 for figures only)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMessage } from '../src/core/intent/index.ts';
import { labelledLines, readLabelled } from '../src/core/intent/corpus/labelled.ts';
import { trainingCorpus, trainModel, useModel } from '../src/core/intent/model.ts';
import type { Labelled } from '../src/core/intent/corpus/generate.ts';
import type { LocalDate } from '../src/core/types.ts';
import { demoLexicon } from '../test/helpers/demo-lexicon.ts';

const TODAY = '2025-07-15' as LocalDate;
const file = process.argv[2];
if (file === undefined) {
  console.error('usage: npx tsx bench/intent-folds.ts FILE (a labelled JSONL development file)');
  process.exit(2);
}
if (resolve(file).includes(`${resolve('bench/intent-set')}/`)) {
  console.error(
    `${file}: a held-out split is scored by \`npm run bench -- intent\` only, never read for misses`,
  );
  process.exit(2);
}
const lines = readLabelled(pathToFileURL(resolve(file)));
if (lines.length === 0) {
  console.error(`${file}: no labelled lines (missing or empty)`);
  process.exit(1);
}
const folds = Number(process.env.FOLDS ?? 0);
const quiet = process.env.QUIET === '1';

function score(set: readonly Labelled[], tally: Map<string, [number, number]>, misses: string[]): void {
  const lexicon = demoLexicon();
  for (const l of set) {
    const p = parseMessage(l.text, lexicon, TODAY);
    const got = p.choices ? `ask(${p.choices.join('/')})` : p.intent.intent;
    const hit = got === l.label;
    for (const key of [`style:${l.style}`, `label:${l.label}`, 'all']) {
      const v = tally.get(key) ?? [0, 0];
      v[1] += 1;
      if (hit) v[0] += 1;
      tally.set(key, v);
    }
    if (!hit) misses.push(`${l.label.padEnd(20)} ${got.padEnd(20)} ${l.style.padEnd(9)} ${l.text}`);
  }
}

const tally = new Map<string, [number, number]>();
const misses: string[] = [];
if (folds > 1) {
  // The file's own lines leave the corpus; each fold trains on the others.
  const texts = new Set(lines.map((l) => l.text));
  const others = labelledLines().filter((l) => !texts.has(l.text));
  for (let k = 0; k < folds; k++) {
    const held = lines.filter((_, i) => i % folds === k);
    const rest = lines.filter((_, i) => i % folds !== k);
    useModel(trainModel(trainingCorpus(null, [...others, ...rest])));
    score(held, tally, misses);
  }
} else {
  score(lines, tally, misses);
}
if (!quiet) for (const m of misses.sort()) console.log(m);
for (const [key, [ok, n]] of [...tally].sort())
  console.log(`${key.padEnd(28)} ${((100 * ok) / n).toFixed(1).padStart(6)} %  (${ok}/${n})`);
