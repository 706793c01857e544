// `dondoc assign TASK PERSON [--json]`: an administrator re-assigns a task from the command line (audited as cli).
import { notifyAssignees, reassignedLines } from '../core/assign.ts';
import { NotATaskError, UnknownCodeError } from '../core/errors.ts';
import { renderPlain } from '../core/reply.ts';
import { localDate } from '../core/time.ts';
import type { ItemCode } from '../core/types.ts';
import { createOutboxNotifier } from '../reminders/notifier.ts';
import { createStore } from '../store/store.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import { personNamed } from './person.ts';
import type { Flags } from './run.ts';

export async function assignCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const [task, ...who] = positional;
  const written = who.join(' ').trim();
  if (!task || written === '') throw new UsageError('usage: dondoc assign TASK PERSON [--json]');
  const item = task.trim().toUpperCase() as ItemCode;
  const at = ctx.now();
  return withDb(ctx, async (db) => {
    const store = createStore(db.db, () => at, ctx.config.TZ_NAME);
    const directory = await store.personDirectory();
    const person = personNamed(written, directory);
    let result;
    try {
      result = await store.reassign({
        task: item,
        assignee: person.code,
        by: null,
        at,
        channel: 'cli',
      });
    } catch (err) {
      if (err instanceof NotATaskError)
        throw new Error(`${item} is a target, not a task: only tasks are assigned`, { cause: err });
      if (err instanceof UnknownCodeError) throw new Error(`unknown task: ${item}`, { cause: err });
      throw err;
    }
    const today = localDate(at, ctx.config.TZ_NAME);
    const told = await notifyAssignees(createOutboxNotifier(db.db), result, directory, null, today, 'en');
    const { before, after } = result;
    if (flags.json) {
      ctx.io.out(
        JSON.stringify({
          task: item,
          changed: result.changed,
          from: { assignee: before.assignee?.code ?? null, agency: before.agency },
          to: { assignee: after.assignee?.code ?? null, agency: after.agency },
          notices: told.map((line) => renderPlain([line])),
        }),
      );
    } else {
      ctx.io.out(renderPlain([...reassignedLines(result, 'en'), ...told]));
    }
    return 0;
  });
}
