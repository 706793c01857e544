// Status updates from chat: permission, confirmation of risky changes, recording, and the old → new reply.
import { InvalidUpdateError, UnknownCodeError } from './errors.ts';
import { formatPercent, itemTitle } from './format.ts';
import { messages } from './messages.ts';
import { resolveUpdate } from './progress.ts';
import { nearestCodes } from './intent/index.ts';
import { canUpdate } from './permissions.ts';
import { fetchEvidence, fileRefusal } from './evidence.ts';
import type { EvidenceFile, ItemDetail, UpdateInput } from './ports.ts';
import type { Line, Reply } from './reply.ts';
import { reply, say, type Turn } from './turn.ts';
import { notifyCheckers } from './verdicts.ts';
import type { ItemCode, ItemStatus, Percent } from './types.ts';

export interface UpdateRequest {
  item: ItemCode;
  status: ItemStatus | null;
  percent: Percent | null;
  note: string | null;
}

/** A question left unanswered this long no longer applies: a late "có" must not change anything. */
export const PENDING_TTL_MS = 60 * 60 * 1000;

type Pending = Omit<UpdateInput, 'at' | 'messageId'>;

/**
 * Why an update must be confirmed first, or null: re-opening a done item, or lowering progress. Judged on what the store will leave (the same resolveUpdate), so
 * "vướng" on a done task (100 % → 99 %, blocked) asks like "50%" on a task at 60 % does.
 */
function confirmQuestion(detail: ItemDetail, req: UpdateRequest, turn: Turn): string | null {
  const m = messages(turn.lang);
  const { item } = detail;
  const next = resolveUpdate(item, { status: req.status, progress: req.percent });
  const after = next.progress;
  if (item.status === 'done' && next.status !== 'done') {
    return m.confirmReopen(item.code, m.status(next.status), `${item.progress}%`, `${after}%`);
  }
  if (after < item.progress) return m.confirmLower(item.code, `${item.progress}%`, `${after}%`);
  return null;
}

export function unknownCodeReply(turn: Turn, code: string): Reply[] {
  const m = messages(turn.lang);
  return say(turn, m.unknownCode(code), m.codeHint);
}

/**
 * "I do not know the code X" for something written like a code that no grammar reads ("NQ57-12.3x"),
 * with the real codes closest to it when there are any. Nothing is written.
 */
export async function unreadableCodeReply(turn: Turn, written: string): Promise<Reply[]> {
  const m = messages(turn.lang);
  const near = nearestCodes(written, await turn.deps.store.itemCodes());
  return say(turn, m.unreadableCode(written), near.length > 0 ? m.nearestCodes(near) : m.codeHint);
}

export async function handleUpdate(turn: Turn, req: UpdateRequest): Promise<Reply[]> {
  const m = messages(turn.lang);
  turn.state.pending = null;
  const detail = await turn.deps.store.item(req.item);
  if (!detail) return unknownCodeReply(turn, req.item);
  const allowed = canUpdate(turn.person, detail.item, turn.lang);
  if (!allowed.ok) return say(turn, allowed.why);
  if (req.status === null && req.percent === null && !req.note?.trim()) {
    return say(turn, m.invalid('nothing_to_record'), m.updateNeedsCode);
  }
  // A target with tasks follows them: the store refuses to set it by hand, so say so before asking.
  if (
    detail.item.kind === 'target' &&
    detail.children.length > 0 &&
    (req.status !== null || req.percent !== null)
  ) {
    const open = detail.children.filter((c) => c.status !== 'done').map((c) => c.code);
    return say(
      turn,
      m.invalid('target_has_tasks'),
      ...(open.length > 0 ? [m.openTasksAre(open.join(', '))] : []),
    );
  }
  const input: Pending = {
    item: req.item,
    person: turn.person.code,
    progress: req.percent,
    status: req.status,
    note: req.note,
    channel: turn.msg.channel,
  };
  const question = confirmQuestion(detail, req, turn);
  const file = turn.msg.file ?? null;
  if (question === null) {
    // The file is fetched and checked before anything is written: a refused one leaves nothing behind.
    const got = file === null ? null : await fetchEvidence(turn, file);
    if (typeof got === 'string') return say(turn, fileRefusal(turn, got));
    return applyUpdate(turn, input, got === null ? [] : [got]);
  }
  turn.state.pending = { input, asked: turn.msg.at.toISOString() };
  // Bytes are not kept in a chat's state: the file goes again once the question is answered.
  const lines = [[question], [m.confirmHint], ...(file ? [[m.fileNotKept]] : [])];
  return [
    reply(turn.lang, lines, {
      buttons: [
        [
          { label: m.yes, action: { kind: 'confirm', yes: true } },
          { label: m.no, action: { kind: 'confirm', yes: false } },
        ],
      ],
      about: req.item,
    }),
  ];
}

/** "có"/"yes" applies the waiting update; "không"/"no" drops it. Only its sender may answer. */
export async function resolvePending(turn: Turn, yes: boolean): Promise<Reply[]> {
  const m = messages(turn.lang);
  const pending = turn.state.pending;
  if (!pending) return say(turn, m.nothingPending);
  if (pending.input.person !== turn.person.code) return say(turn, m.pendingNotYours);
  turn.state.pending = null;
  if (turn.msg.at.getTime() - Date.parse(pending.asked) > PENDING_TTL_MS) return say(turn, m.pendingExpired);
  if (!yes) return say(turn, m.dropped);
  // The permission is checked again: the person's role or the item may have changed meanwhile.
  const detail = await turn.deps.store.item(pending.input.item);
  if (!detail) return unknownCodeReply(turn, pending.input.item);
  const allowed = canUpdate(turn.person, detail.item, turn.lang);
  if (!allowed.ok) return say(turn, allowed.why);
  return applyUpdate(turn, pending.input);
}

async function applyUpdate(turn: Turn, input: Pending, files: EvidenceFile[] = []): Promise<Reply[]> {
  const m = messages(turn.lang);
  let result;
  try {
    result = await turn.deps.store.recordUpdate({
      ...input,
      at: turn.msg.at,
      messageId: turn.msg.messageId,
      ...(files.length > 0 ? { files } : {}),
    });
  } catch (err) {
    if (err instanceof UnknownCodeError) return unknownCodeReply(turn, err.code);
    if (err instanceof InvalidUpdateError) return say(turn, m.invalid(err.reason));
    throw err;
  }
  const { before, item, target } = result;
  turn.state.lastItem = item.code;
  if (result.duplicate) return [reply(turn.lang, [[m.duplicate]], { about: item.code })];
  const noteOnly = input.status === null && input.progress === null;
  // Under confirmation a "done" is only a claim: the reply must not call the item done.
  const claimed = (result.claimId ?? null) !== null;
  const change = claimed
    ? m.claimed(`${item.progress}%`, m.status(item.status))
    : noteOnly
      ? m.noteOnly
      : m.updated(`${before.progress}%`, `${item.progress}%`, m.status(item.status));
  const lines: Line[] = [
    [claimed ? '⏳ ' : '✅ ', { code: item.code }, ` ${itemTitle(item, turn.lang)}`, change],
  ];
  // The note is the person's own words, kept verbatim; renderers escape it.
  if (input.note) lines.push([m.noteLabel, input.note]);
  if (files.length > 0) lines.push([m.evidenceKept(files.map((f) => f.name).join(', '))]);
  if (claimed) lines.push(await notifyCheckers(turn, item, result.claimId!, input.note));
  if (target) {
    lines.push([
      m.targetNow(target.code, formatPercent(target.progress, turn.lang), m.status(target.status)),
    ]);
  }
  return [reply(turn.lang, lines, { about: item.code })];
}
