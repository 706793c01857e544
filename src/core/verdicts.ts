// Confirmation by the tracking office in the chat: the checkers are told of a claim, and confirm or
// return it (a button, or /xacnhan · /tralai where there are none); the reporter and assignee are told.
import { ConfirmationError, UnknownCodeError } from './errors.ts';
import { formatMoment, formatPercent, itemTitle, truncate } from './format.ts';
import { messages } from './messages.ts';
import type { Person, VerdictInput, VerdictResult } from './ports.ts';
import type { Button, Line, Reply } from './reply.ts';
import { reply, say, type Delivery, type Turn } from './turn.ts';
import type { ItemCode, ItemView, Lang, PersonCode, VerdictControl } from './types.ts';
import { PENDING_TTL_MS, unknownCodeReply } from './updates.ts';

/** The message a checker gets about a claim: the item, the note, how much evidence, two buttons. */
export function checkerMessage(
  checker: Pick<Person, 'lang'>,
  reporter: string,
  item: ItemView,
  claimId: number,
  note: string | null,
  files: number,
): Reply {
  const m = messages(checker.lang);
  const lines: Line[] = [[m.checkerAsk(reporter, item.code, truncate(itemTitle(item, checker.lang)))]];
  if (note) lines.push([m.noteLabel, note]);
  lines.push([m.evidenceCount(files)], [m.checkerHint(item.code)]);
  return reply(checker.lang, lines, {
    buttons: [verdictButtons(checker.lang, item.code, claimId)],
    about: item.code,
  });
}

/**
 * ✅ / ↩️ on one claim. `named`: the labels carry the code, for a message that lists several claims
 * (the reminders' checker nudge), so each row says which claim it answers.
 */
export function verdictButtons(lang: Lang, code: ItemCode, claimId: number, named = false): Button[] {
  const m = messages(lang);
  const tail = named ? ` ${code}` : '';
  return [
    { label: m.confirmButton + tail, action: { kind: 'verdict', item: code, claim: claimId, ok: true } },
    { label: m.returnButton + tail, action: { kind: 'verdict', item: code, claim: claimId, ok: false } },
  ];
}

/**
 * Tells each checker but the reporter, once per claim (the key), with the item's evidence files where
 * the messenger takes them; the line says how many were reached.
 */
export async function notifyCheckers(
  turn: Turn,
  item: ItemView,
  claimId: number,
  note: string | null,
): Promise<Line> {
  const { store, notify } = turn.deps;
  const m = messages(turn.lang);
  const checkers = (await store.checkersOf(item.code)).filter((c) => c !== turn.person.code);
  // Oldest first, as they were sent; the count line counts exactly the files that go with the message.
  const files = (await store.evidenceOf(item.code))
    .reverse()
    .map((e) => ({ fileId: e.fileId, name: e.name }));
  let reached = 0;
  for (const code of checkers) {
    const checker = await store.personByCode(code);
    if (!checker) continue;
    const message = checkerMessage(checker, turn.person.name, item, claimId, note, files.length);
    const delivery = await notify.notify(code, message, `claim:${claimId}:${code}`, files);
    if (delivery.queued.length > 0) reached++;
  }
  return [reached > 0 ? m.checkersTold(reached) : m.checkersNone];
}

/** The reporter and the task's assignee (not the checker), each told once of this claim's verdict. */
async function tellVerdict(
  turn: Turn,
  result: VerdictResult,
  words: (p: Person) => Line[],
): Promise<Delivery[]> {
  const { store, notify } = turn.deps;
  const told = new Set<PersonCode>(
    [result.reporter, result.item.assignee?.code ?? null].filter((c): c is PersonCode => c !== null),
  );
  told.delete(turn.person.code);
  const deliveries: Delivery[] = [];
  for (const code of told) {
    const person = await store.personByCode(code);
    if (!person) continue;
    const message = reply(person.lang, words(person), { about: result.item.code });
    deliveries.push(await notify.notify(code, message, `verdict:${result.claimId}:${code}`));
  }
  return deliveries;
}

function refused(turn: Turn, err: unknown, item: ItemCode): Reply[] {
  if (err instanceof ConfirmationError)
    return say(turn, messages(turn.lang).verdictRefused(err.reason, item));
  if (err instanceof UnknownCodeError && err.what === 'item') return unknownCodeReply(turn, err.code);
  throw err;
}

/**
 * A verdict of this turn's person on the item, given to the store; what the person is told instead when the
 * store refuses it (nothing waits, a stale button, no checker, their own claim) or does not know the item.
 */
async function verdict(
  turn: Turn,
  item: ItemCode,
  give: (by: Omit<VerdictInput, 'claimId'>) => Promise<VerdictResult>,
): Promise<VerdictResult | Reply[]> {
  try {
    return await give({ item, by: turn.person.code, at: turn.msg.at, channel: turn.msg.channel });
  } catch (err) {
    return refused(turn, err, item);
  }
}

async function confirm(turn: Turn, item: ItemCode, claimId: number | null): Promise<Reply[]> {
  const m = messages(turn.lang);
  const result = await verdict(turn, item, (by) => turn.deps.store.confirmClaim({ ...by, claimId }));
  if (Array.isArray(result)) return result;
  await tellVerdict(turn, result, (p) => [
    [messages(p.lang).toldConfirmed(turn.person.name, item, truncate(itemTitle(result.item, p.lang)))],
  ]);
  const at = formatMoment(result.reportedAt, turn.lang, turn.deps.tz, turn.today);
  return [reply(turn.lang, [[m.verdictConfirmed(item, at)]], { about: item })];
}

/**
 * Before asking for a reason, the refusals the store would give: nothing waits, the button's claim
 * is not the waiting one, the person is no checker or made the claim. The store checks again.
 */
async function mayReturn(turn: Turn, item: ItemCode, claimId: number | null): Promise<number | Reply[]> {
  const m = messages(turn.lang);
  const { store } = turn.deps;
  if (!(await store.item(item))) return unknownCodeReply(turn, item);
  const waiting = await store.claimOf(item);
  if (!waiting) return say(turn, m.verdictRefused('not_awaiting', item));
  if (claimId !== null && claimId !== waiting.claimId) return say(turn, m.verdictRefused('stale', item));
  if (!(await store.checkersOf(item)).includes(turn.person.code))
    return say(turn, m.verdictRefused('not_checker', item));
  if (waiting.reporter === turn.person.code) return say(turn, m.verdictRefused('own_report', item));
  return waiting.claimId;
}

async function sendBack(turn: Turn, item: ItemCode, claimId: number, reason: string): Promise<Reply[]> {
  const m = messages(turn.lang);
  const result = await verdict(turn, item, (by) => turn.deps.store.returnClaim({ ...by, claimId, reason }));
  if (Array.isArray(result)) return result;
  await tellVerdict(turn, result, (p) => {
    const pm = messages(p.lang);
    const title = truncate(itemTitle(result.item, p.lang));
    return [[pm.toldReturned(turn.person.name, item, title, reason)], [pm.toldReturnedHint(item)]];
  });
  const { status, progress } = result.item;
  const pct = formatPercent(progress, turn.lang);
  return [reply(turn.lang, [[m.verdictReturned(item, m.status(status), pct, reason)]], { about: item })];
}

/** "↩️ Trả lại" or /tralai without a reason: the next message of this chat is the reason. */
async function askReason(turn: Turn, item: ItemCode, claimId: number | null): Promise<Reply[]> {
  const checked = await mayReturn(turn, item, claimId);
  if (typeof checked !== 'number') return checked;
  turn.state.returning = { item, claimId: checked, by: turn.person.code, asked: turn.msg.at.toISOString() };
  return [reply(turn.lang, [[messages(turn.lang).returnAsk(item)]], { about: item })];
}

/** A verdict button: ✅ confirms the claim it names; ↩️ asks why first. */
export function verdictButton(turn: Turn, item: ItemCode, claimId: number, ok: boolean): Promise<Reply[]> {
  turn.state.returning = null;
  return ok ? confirm(turn, item, claimId) : askReason(turn, item, claimId);
}

/** /xacnhan CODE · /tralai CODE [lý do]: about the claim waiting now. */
export async function verdictCommand(turn: Turn, control: VerdictControl): Promise<Reply[]> {
  turn.state.returning = null;
  if (control.item === null) return say(turn, messages(turn.lang).verdictUsage);
  if (control.ok) return confirm(turn, control.item, null);
  if (control.reason === null) return askReason(turn, control.item, null);
  const checked = await mayReturn(turn, control.item, null);
  if (typeof checked !== 'number') return checked;
  return sendBack(turn, control.item, checked, control.reason);
}

/**
 * The message after "↩️ Trả lại": its text is the reason, unless it cancels ("hủy", "không") or is
 * another command, or the question is over an hour old. Null: the message is handled as usual.
 */
export async function returnReason(
  turn: Turn,
  cancels: boolean,
  isCommand: boolean,
): Promise<Reply[] | null> {
  const asked = turn.state.returning;
  // In a group only the checker who pressed the button gives the reason.
  if (!asked || asked.by !== turn.person.code) return null;
  turn.state.returning = null;
  if (cancels) return say(turn, messages(turn.lang).returnDropped(asked.item));
  if (isCommand || turn.msg.at.getTime() - Date.parse(asked.asked) > PENDING_TTL_MS) return null;
  return sendBack(turn, asked.item, asked.claimId, turn.msg.text.trim());
}
