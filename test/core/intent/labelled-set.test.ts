// The labelled set is honest: big enough, every intent and style in both halves, and no message of the
// test half (bench/intent-set/test.jsonl) is in the training half the classifier learns from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heldOutSplits, splitPath } from '../../../bench/intent-set/splits.ts';

interface Line {
  text: string;
  label: string;
  style: string;
}
const read = (path: string): Line[] =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);

const train = read('src/core/intent/corpus/train.jsonl');
const test = read('bench/intent-set/test.jsonl');
/** Everything the classifier learns from, and every held-out split it is measured on. */
const trainedOn = [
  ...train,
  ...read('src/core/intent/corpus/tune.jsonl'),
  ...read('src/core/intent/corpus/handwritten.jsonl'),
];
const heldOut = heldOutSplits().flatMap((f) => read(splitPath(f)));
const key = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();

describe('the labelled intent set', () => {
  it('has at least 1,500 messages, split into halves that share no message', () => {
    expect(train.length + test.length).toBeGreaterThanOrEqual(1500);
    const seen = new Set(train.map((l) => l.text.toLowerCase()));
    expect(test.filter((l) => seen.has(l.text.toLowerCase()))).toEqual([]);
  });

  it('trains on no message of any held-out split', () => {
    const seen = new Set(trainedOn.map((l) => key(l.text)));
    // Every split in the folder is checked: eight so far, 7,145 lines.
    expect(heldOutSplits().length).toBeGreaterThanOrEqual(6);
    expect(heldOut.length).toBeGreaterThan(4000);
    expect(heldOut.filter((l) => seen.has(key(l.text))).map((l) => l.text)).toEqual([]);
  });

  it('covers every intent and every style in the test half', () => {
    const labels = new Set(test.map((l) => l.label));
    for (const label of ['overdue', 'due_soon', 'list', 'summary', 'my_tasks', 'help', 'unknown']) {
      expect(labels).toContain(label);
    }
    const styles = new Set(test.map((l) => l.style));
    for (const style of ['careful', 'no_marks', 'shorthand', 'typo', 'telex', 'polite', 'english', 'ood']) {
      expect(styles).toContain(style);
    }
  });
});
