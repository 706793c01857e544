// `dondoc ask "TEXT" --as PERSON`: the reply the bot would send that person, without any messenger.
import { localAdapter, run } from '../channels/pipeline.ts';
import type { Notifier } from '../core/index.ts';
import { parseMessage } from '../core/intent/index.ts';
import { renderPlain } from '../core/reply.ts';
import { localDate } from '../core/time.ts';
import type { PersonCode } from '../core/types.ts';
import { createStore } from '../store/store.ts';
import { parseNow, UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export async function askCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const text = positional.join(' ');
  if (!flags.as) throw new UsageError('usage: dondoc ask "TEXT" --as PERSON_CODE [--now ISO] [--json]');
  const at = parseNow(flags.now, ctx.now);
  const person = flags.as.trim().toUpperCase() as PersonCode;
  return withDb(ctx, async (db) => {
    const store = createStore(db.db, () => at, ctx.config.TZ_NAME);
    if (!(await store.personByCode(person))) throw new Error(`unknown person code: ${person}`);
    const { createOutboxNotifier } = await import('../reminders/notifier.ts');
    const notify: Notifier = createOutboxNotifier(db.db);
    const pipeline = { core: { store, now: () => at, tz: ctx.config.TZ_NAME, notify }, logger: ctx.logger };
    const { delivered: replies } = await run(pipeline, localAdapter('cli'), {
      channel: 'cli',
      chatId: `cli:${person}`,
      chatKind: 'private',
      senderId: person,
      text,
      messageId: null,
      replyToItem: null,
      action: null,
      addressed: true,
      langHint: null,
      at,
    });
    const reply = replies.map((r) => renderPlain(r.lines)).join('\n\n');
    if (flags.json) {
      const intent = parseMessage(text, await store.lexicon(), localDate(at, ctx.config.TZ_NAME)).intent;
      ctx.io.out(JSON.stringify({ intent, reply }));
    } else {
      ctx.io.out(reply);
    }
    return 0;
  });
}
