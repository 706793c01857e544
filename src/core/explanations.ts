// Explanation round trip: a leader asks why an item is late, the person in charge answers, both are notified.
import { isOverdue } from './grid.ts';
import { dueText, formatPercent, itemTitle } from './format.ts';
import { messages } from './messages.ts';
import { canRequestExplanation } from './permissions.ts';
import type { ExplanationRequest } from './ports.ts';
import type { Reply } from './reply.ts';
import { deliveryLine, reply, say, type Turn } from './turn.ts';
import type { ItemCode } from './types.ts';
import { unknownCodeReply } from './updates.ts';

/** The open request this message would answer: about the named item, else any open one addressed to the sender. */
export function openRequestFor(turn: Turn, item: ItemCode | null): Promise<ExplanationRequest | null> {
  return turn.deps.store.openExplanationFor(turn.person.code, item);
}

export async function answerExplanation(
  turn: Turn,
  request: ExplanationRequest,
  text: string,
): Promise<Reply[]> {
  const m = messages(turn.lang);
  if (!text.trim()) return say(turn, m.explainEmpty);
  const { store, notify } = turn.deps;
  await store.answerExplanation(request.id, text, turn.msg.at, {
    channel: turn.msg.channel,
    messageId: turn.msg.messageId,
  });
  const leader = request.requestedBy;
  const lm = messages(leader.lang);
  const delivery = await notify.notify(
    leader.code,
    reply(leader.lang, [[lm.explainReceived(turn.person.name, request.item, text)]], { about: request.item }),
    `explanation:${request.id}`,
  );
  return [
    reply(turn.lang, [[m.explainRecorded(request.item)], [deliveryLine(delivery, leader, turn.lang)]], {
      about: request.item,
    }),
  ];
}

export async function requestExplanation(turn: Turn, item: ItemCode | null): Promise<Reply[]> {
  const m = messages(turn.lang);
  const allowed = canRequestExplanation(turn.person, turn.lang);
  if (!allowed.ok) return say(turn, allowed.why);
  if (item === null) return say(turn, m.explainNeedsCode);
  const { store, notify } = turn.deps;
  const detail = await store.item(item);
  if (!detail) return unknownCodeReply(turn, item);
  const view = detail.item;
  const request = await store.requestExplanation(item, turn.person.code, turn.msg.at);
  const lines: string[] = [];
  const asked = request.asked;
  if (asked) {
    const am = messages(asked.lang);
    const title = itemTitle(view, asked.lang);
    const late = dueText(view, turn.today, asked.lang);
    const delivery = await notify.notify(
      asked.code,
      reply(
        asked.lang,
        [
          [am.explainAsk(turn.person.name, item, title, late, formatPercent(view.progress, asked.lang))],
          [am.explainAskHint],
        ],
        { about: item },
      ),
      // Asking again re-sends the same open request; the key lets the notifier deliver it once.
      `explain-request:${request.id}`,
    );
    lines.push(m.explainRequested(asked.name, asked.agencyName[turn.lang] || asked.agencyName.vi, item));
    lines.push(deliveryLine(delivery, asked, turn.lang));
  } else {
    lines.push(m.explainNobody(item, view.agencyName[turn.lang] || view.agencyName.vi));
  }
  const overdue = isOverdue(view, turn.today);
  if (!overdue) lines.push(m.explainNotOverdue(item, dueText(view, turn.today, turn.lang)));
  return [
    reply(
      turn.lang,
      lines.map((l) => [l]),
      { about: item },
    ),
  ];
}
