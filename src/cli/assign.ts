// `dondoc assign TASK PERSON [--json]`: an administrator re-assigns a task from the command line (audited as cli).
import { findPerson, notifyAssignees, reassignedLines } from '../core/assign.ts';
import { NotATaskError, UnknownCodeError } from '../core/errors.ts';
import { renderPlain } from '../core/reply.ts';
import { localDate } from '../core/time.ts';
import type { ItemCode } from '../core/types.ts';
import { createOutboxNotifier } from '../reminders/notifier.ts';
import { createStore } from '../store/store.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export async function assignCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const [task, ...who] = positional;
  const written = who.join(' ').trim();
  if (!task || written === '') throw new UsageError('usage: dondoc assign TASK PERSON [--json]');
  const item = task.trim().toUpperCase() as ItemCode;
  const at = ctx.now();
  return withDb(ctx, async (db) => {
    const store = createStore(db.db, () => at);
    const directory = await store.personDirectory();
    const match = findPerson(written, directory);
    if (match.kind === 'none')
      throw new Error(`unknown person: ${written} (write a person code or a full name)`);
    if (match.kind === 'many') {
      const codes = match.people.map((p) => p.code).join(', ');
      throw new Error(`several people are called ${written} (${codes}): write the person code`);
    }
    let result;
    try {
      result = await store.reassign({
        task: item,
        assignee: match.person.code,
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
    await notifyAssignees(createOutboxNotifier(db.db), result, directory, null, today);
    const { before, after } = result;
    if (flags.json) {
      ctx.io.out(
        JSON.stringify({
          task: item,
          changed: result.changed,
          from: { assignee: before.assignee?.code ?? null, agency: before.agency },
          to: { assignee: after.assignee?.code ?? null, agency: after.agency },
        }),
      );
    } else {
      ctx.io.out(renderPlain(reassignedLines(result, 'en')));
    }
    return 0;
  });
}
