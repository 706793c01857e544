// `dondoc parse`: the intent object of docs/intents.md, for one message or one per stdin line.
import { parseMessage } from '../core/intent/index.ts';
import { localDate } from '../core/time.ts';
import type { LocalDate } from '../core/types.ts';
import { isLocalDate } from '../core/time.ts';
import { lexiconOf } from '../core/lexicon.ts';
import { readProvince } from '../store/demo-files.ts';
import { isEmpty } from '../store/seed.ts';
import { createStore } from '../store/store.ts';
import { DEMO_DIR } from './simple-commands.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export async function parseCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  let today: LocalDate;
  if (flags.now !== undefined) {
    const day = flags.now.slice(0, 10);
    if (!isLocalDate(day)) throw new UsageError(`--now: expected YYYY-MM-DD, got ${flags.now}`);
    today = day;
  } else {
    today = localDate(ctx.now(), ctx.config.TZ_NAME);
  }
  // An empty database (a fresh clone before `serve` or `seed-demo`) reads names from the demo province
  // `serve` would load into it, so "NQ57" and "Sở Y tế" mean the same before the first start as after.
  const lexicon = await withDb(ctx, async (db) => {
    if (!(await isEmpty(db.db))) return createStore(db.db).lexicon();
    const { programs, agencies } = readProvince(DEMO_DIR);
    return lexiconOf(programs, agencies);
  });
  const print = (text: string) => {
    const parsed = parseMessage(text, lexicon, today);
    ctx.io.out(flags.json ? JSON.stringify(parsed.intent) : JSON.stringify(parsed.intent, null, 2));
  };
  if (positional.length > 0) {
    print(positional.join(' '));
  } else {
    for await (const line of ctx.io.stdinLines()) print(line);
  }
  return 0;
}
