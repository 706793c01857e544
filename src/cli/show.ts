// `dondoc show CODE [--json] [--now ISO]`: one target or task as the store holds it.
import { localDate } from '../core/time.ts';
import { showItem, type ShownItem } from '../store/show-item.ts';
import { parseNow, UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

/** The human form: one "field: value" line per fact, the deadline as written with its day. */
function lines(item: ShownItem): string[] {
  const ind = item.indicator;
  const due =
    item.due_date === null
      ? (item.due_text ?? 'ongoing')
      : item.due_text
        ? `${item.due_text} (${item.due_date})`
        : item.due_date;
  return [
    `${item.kind} ${item.code} (${item.program}): ${item.title_vi}`,
    ...(item.target ? [`target: ${item.target}`] : []),
    ...(item.field ? [`field: ${item.field}`] : []),
    `lead: ${item.lead_agency}${item.co_agencies.length > 0 ? `; with ${item.co_agencies.join(', ')}` : ''}`,
    ...(item.assignee ? [`assignee: ${item.assignee}`] : []),
    ...(item.deliverable ? [`deliverable: ${item.deliverable}`] : []),
    `due: ${due} — ${item.deadline_state}`,
    `status: ${item.status}, ${item.progress}%${item.completed_at ? `, finished ${item.completed_at}` : ''}`,
    ...(ind ? [`indicator: ${ind.current_value}/${ind.target_value} ${ind.unit}`] : []),
    ...(item.tasks.length > 0 ? [`tasks: ${item.tasks.join(', ')}`] : []),
    ...(item.note ? [`note: ${item.note}`] : []),
  ];
}

export async function showCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  if (positional.length !== 1) throw new UsageError('usage: dondoc show CODE [--json] [--now ISO]');
  const tz = ctx.config.TZ_NAME;
  const today = localDate(parseNow(flags.now, ctx.now), tz);
  const item = await withDb(ctx, (db) => showItem(db.db, positional[0]!, today, tz));
  if (item === null) throw new Error(`no target or task ${positional[0]!.trim().toUpperCase()}`);
  if (flags.json) ctx.io.out(JSON.stringify(item));
  else for (const l of lines(item)) ctx.io.out(l);
  return 0;
}
