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
    if (match.kind !== 'one') {
      const candidates = match.people
        .slice(0, 10)
        .map((p) => `${p.code} ${p.name}`)
        .join(', ');
      throw new Error(
        match.kind === 'partial'
          ? `“${written}” is not one person's full name; candidates: ${candidates}: write the person code`
          : `several people are called ${written} (${candidates}): write the person code`,
      );
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
