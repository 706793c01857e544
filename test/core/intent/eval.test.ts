// The shared dev set of shared/spec/intent.md: every line must parse to exactly the expected Intent.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../../src/core/intent/index.ts';
import type { Intent, LocalDate } from '../../../src/core/types.ts';
import { demoLexicon } from '../../helpers/demo-lexicon.ts';

interface EvalLine {
  text: string;
  now: string;
  expect: Intent;
}

const lines: EvalLine[] = readFileSync(
  fileURLToPath(new URL('../../fixtures/intent-dev.jsonl', import.meta.url)),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as EvalLine);

describe('the shared intent dev set', () => {
  const lexicon = demoLexicon();
  let passed = 0;

  afterAll(() => {
    console.log(`intent dev set: ${passed}/${lines.length} exact`);
  });

  it('has all 61 lines', () => {
    expect(lines).toHaveLength(61);
  });

  it.each(lines.map((l) => [l.text, l] as const))('parses %j exactly as expected', (_text, line) => {
    const got = parseMessage(line.text, lexicon, line.now as LocalDate).intent;
    expect(got).toStrictEqual(line.expect);
    passed += 1;
  });
});
