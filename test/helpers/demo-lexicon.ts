// The parser's lexicon built from the project's own demo/programs.csv and demo/agencies.csv, as production
// would: the demo reader's rows through the lexicon builder the store uses.
import { fileURLToPath } from 'node:url';
import { lexiconOf } from '../../src/core/lexicon.ts';
import type { Lexicon } from '../../src/core/types.ts';
import { readProvince } from '../../src/store/demo-files.ts';

const DEMO = fileURLToPath(new URL('../../demo/', import.meta.url));

let cached: Lexicon | null = null;

export function demoLexicon(): Lexicon {
  if (cached === null) {
    const { programs, agencies } = readProvince(DEMO);
    cached = lexiconOf(programs, agencies);
  }
  return cached;
}
