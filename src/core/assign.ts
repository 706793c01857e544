// Re-assigning a task (administrators only): finding the person by code or name, the change, and the notice.
import { NotATaskError, UnknownCodeError } from './errors.ts';
import { compareCodes, dueText, formatPercent, itemTitle, truncate } from './format.ts';
import { fold, normalize } from './intent/index.ts';
import { messages } from './messages.ts';
import { canReassign } from './permissions.ts';
import type { Person, ReassignResult } from './ports.ts';
import type { Line, Reply } from './reply.ts';
import { deliveryLine, reply, say, type Notifier, type Turn } from './turn.ts';
import type { AssignControl, ItemCode, Lang, LocalDate } from './types.ts';

/**
 * `many`: namesakes of the full name written; `partial`: the words written are only part of these
 * names ("Nguyễn", "Minh"). A partial name is never taken as one person, even when one name fits.
 */
export type PersonMatch =
  { kind: 'one'; person: Person } | { kind: 'none' } | { kind: 'many' | 'partial'; people: Person[] };

/** Namesakes listed at most when a name is ambiguous; the rest are found by narrowing the name. */
const MAX_NAMESAKES = 10;

/**
 * The person a chat message names: a person code ("P09", "p09"), else a full name — as written with its
 * diacritics when that tells one person, else folded ("nguyen van a" finds "Nguyễn Văn A").
 */
export function findPerson(written: string, directory: readonly Person[]): PersonMatch {
  const code = written.trim().toUpperCase();
  const byCode = directory.find((p) => p.code.toUpperCase() === code);
  if (byCode) return { kind: 'one', person: byCode };
  const exact = directory.filter((p) => normalize(p.name) === normalize(written));
  const folded = fold(written);
  const matches = exact.length > 0 ? exact : directory.filter((p) => fold(p.name) === folded);
  const byCodeOrder = (list: readonly Person[]) => [...list].sort((a, b) => compareCodes(a.code, b.code));
  const [first] = matches;
  if (first !== undefined) {
    return matches.length === 1
      ? { kind: 'one', person: first }
      : { kind: 'many', people: byCodeOrder(matches) };
  }
  const words = folded.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'none' };
  const partial = directory.filter((p) => {
    const own = fold(p.name).split(/\s+/);
    return words.every((w) => own.includes(w));
  });
  return partial.length === 0 ? { kind: 'none' } : { kind: 'partial', people: byCodeOrder(partial) };
}

const agencyOf = (named: { vi: string; en: string }, lang: Lang): string => named[lang] || named.vi;

/** The confirmation: old → new assignee, and the agency move when the task changed hands across agencies. */
export function reassignedLines(result: ReassignResult, lang: Lang): Line[] {
  const m = messages(lang);
  const { before, after } = result;
  if (!result.changed) return [[m.assignSame(after.code, after.assignee?.name ?? m.nobody)]];
  const title = truncate(itemTitle(after, lang));
  const lines: Line[] = [
    [m.reassigned(after.code, title, before.assignee?.name ?? m.nobody, after.assignee?.name ?? m.nobody)],
  ];
  if (before.agency !== after.agency) {
    const name = after.assignee?.name ?? m.nobody;
    lines.push([m.agencyMoved(agencyOf(before.agencyName, lang), agencyOf(after.agencyName, lang), name)]);
  }
  return lines;
}

/**
 * Tells the new assignee, and the previous one, in their languages on their own chats; the change id
 * keys each notice, so it is sent once. Returns, in `lang`, what became of each notice (the new
 * assignee's first), for the confirmation of whoever made the change.
 */
export async function notifyAssignees(
  notify: Notifier,
  result: ReassignResult,
  directory: readonly Pick<Person, 'code' | 'lang' | 'name'>[],
  by: string | null,
  today: LocalDate,
  lang: Lang,
): Promise<Line[]> {
  if (!result.changed || result.changeId === null) return [];
  const told: Line[] = [];
  const find = (code: string | undefined) => directory.find((p) => p.code === code);
  const assignee = find(result.after.assignee?.code);
  const previous = find(result.before.assignee?.code);
  if (previous && previous.code !== assignee?.code) {
    const m = messages(previous.lang);
    const task = result.after;
    const text = m.unassignedFromYou(
      by,
      task.code,
      truncate(itemTitle(task, previous.lang)),
      task.assignee?.name ?? m.nobody,
    );
    const delivery = await notify.notify(
      previous.code,
      reply(previous.lang, [[text]]),
      `reassign:${result.changeId}:from`,
    );
    told.push([deliveryLine(delivery, previous, lang)]);
  }
  if (!assignee) return told;
  const theirs = assignee.lang;
  const m = messages(theirs);
  const task = result.after;
  const text = m.assignedToYou(
    by,
    task.code,
    truncate(itemTitle(task, theirs)),
    dueText(task, today, theirs),
    formatPercent(task.progress, theirs),
  );
  const notice: Reply = reply(theirs, [[text], [m.assignedHint]], { about: task.code });
  const delivery = await notify.notify(assignee.code, notice, `reassign:${result.changeId}`);
  return [[deliveryLine(delivery, assignee, lang)], ...told];
}

function namesakes(
  turn: Turn,
  item: ItemCode,
  written: string,
  match: PersonMatch & { people: Person[] },
): Reply[] {
  const m = messages(turn.lang);
  const { people } = match;
  const n = people.length;
  const lines: Line[] = [
    [match.kind === 'partial' ? m.assignPartial(written, n) : m.assignAmbiguous(written, n)],
  ];
  for (const p of people.slice(0, MAX_NAMESAKES)) {
    lines.push(['• ', { code: p.code }, ` ${p.name} (${agencyOf(p.agencyName, turn.lang)})`]);
  }
  lines.push([m.assignExample(item, people[0]?.code ?? 'P09')]);
  return [reply(turn.lang, lines)];
}

/** "/giao NQ57-12.3 P09", "giao NQ57-12.3 cho Nguyễn Văn A": checked in order, each refusal one line. */
export async function reassignTask(turn: Turn, control: AssignControl): Promise<Reply[]> {
  const m = messages(turn.lang);
  const allowed = canReassign(turn.person, turn.lang);
  if (!allowed.ok) return say(turn, allowed.why);
  const { item, assignee: written } = control;
  if (item === null || written === null) return say(turn, m.assignUsage);
  const { store, notify } = turn.deps;
  const detail = await store.item(item);
  if (!detail) return say(turn, m.assignUnknownTask(item));
  if (detail.item.kind !== 'task') return say(turn, m.assignNotATask(item));
  const directory = await store.personDirectory();
  const match = findPerson(written, directory);
  if (match.kind === 'none') return say(turn, m.assignUnknownPerson(written));
  if (match.kind !== 'one') return namesakes(turn, item, written, match);

  let result: ReassignResult;
  try {
    result = await store.reassign({
      task: item,
      assignee: match.person.code,
      by: turn.person.code,
      at: turn.msg.at,
      channel: turn.msg.channel,
    });
  } catch (err) {
    // The task or the person went away between the look-up and the change: nothing was written.
    if (err instanceof NotATaskError) return say(turn, m.assignNotATask(err.code));
    if (err instanceof UnknownCodeError) {
      return say(turn, err.what === 'item' ? m.assignUnknownTask(item) : m.assignUnknownPerson(written));
    }
    throw err;
  }
  const told = await notifyAssignees(notify, result, directory, turn.person.name, turn.today, turn.lang);
  return [reply(turn.lang, [...reassignedLines(result, turn.lang), ...told], { about: item })];
}
