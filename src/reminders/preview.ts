// What a reminder cycle would send, message by message, in the words each person would read. The text
// is taken from the very outbox rows the cycle would enqueue (the same rendering) and shown the way each
// messenger shows it, so a preview never drifts from what goes out.
import { telegramReadableParts } from '../channels/telegram/outbound.ts';
import { zaloText } from '../channels/zalo/outbound.ts';
import { splitForZalo } from '../channels/zalo/split.ts';
import type { Reply } from '../core/reply.ts';
import type { ItemCode, Messenger, PersonCode } from '../core/types.ts';
import { outboxRows, type CycleResult } from './cycle.ts';
import type { ReminderKind } from './model.ts';
import { planReminders } from './plan.ts';

/** One planned message as it reads on one messenger. */
export interface MessageText {
  channel: Messenger;
  /** Every part it is sent in, one after the other (a newline between parts). */
  text: string;
  /** Button labels under it (Telegram); Zalo has none, its text already says what to type. */
  buttons: string[];
}

export interface MessagePreview {
  person: PersonCode;
  name: string;
  kind: ReminderKind;
  items: ItemCode[];
  /** The messengers it goes to; empty when the person has no chat account: then nothing is sent. */
  channels: Messenger[];
  /** What the person reads on each of `channels`, in the same order. */
  texts: MessageText[];
}

/** The reply as the person reads it on `channel`: the parts its sender cuts it into, markup removed. */
export function readableText(channel: Messenger, reply: Reply): MessageText {
  if (channel === 'zalo') return { channel, text: splitForZalo(zaloText(reply)).join('\n'), buttons: [] };
  return {
    channel,
    text: telegramReadableParts(reply).join('\n'),
    buttons: reply.buttons.flat().map((b) => b.label),
  };
}

/**
 * The messages of a cycle, as if everyone were registered (so the unregistered are listed, with no
 * channel), each with the text its person would read on each messenger they are reached on.
 */
export function previewMessages(cycle: Pick<CycleResult, 'input' | 'plan' | 'chats'>): MessagePreview[] {
  const { input, plan, chats } = cycle;
  // The texts come from the real plan: a leader's digest names who cannot be reached, which a plan
  // with everyone registered would not.
  const replies = new Map<string, Reply>();
  for (const row of outboxRows(input, plan, chats)) {
    if (row.payload.kind !== 'leader_chart')
      replies.set(`${row.idempotencyKey}|${row.channel}`, row.payload.reply);
  }
  const names = new Map(input.people.map((p) => [p.code, p.name]));
  const anyone = planReminders({
    ...input,
    people: input.people.map((p) => (p.channels.length > 0 ? p : { ...p, channels: ['telegram'] })),
  });
  return anyone.messages.map((m) => {
    const channels = (chats.get(m.person) ?? []).map((t) => t.channel);
    const texts: MessageText[] = [];
    for (const channel of channels) {
      const reply = replies.get(`${m.idempotencyKey}|${channel}`);
      if (reply) texts.push(readableText(channel, reply));
    }
    return {
      person: m.person,
      name: names.get(m.person) ?? m.person,
      kind: m.kind,
      items: [...m.items],
      channels,
      texts,
    };
  });
}
