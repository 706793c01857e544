// handleMessage: one incoming chat message (or button press) in, the replies to send out.
import { agencyName, answerHelp, answerUnknown } from './answers.ts';
import { reassignTask } from './assign.ts';
import { InviteError, UnknownCodeError } from './errors.ts';
import { answerExplanation, openRequestFor, requestExplanation } from './explanations.ts';
import { formatInteger, formatPercent, formatShortDay } from './format.ts';
import { groupDigestCommand } from './group-digest.ts';
import { parseMessage, sanitizeText } from './intent/index.ts';
import { messages } from './messages.ts';
import { continueList, LIST_INTENTS, pageOfList, showList } from './paging.ts';
import type { ExplanationRequest, Person } from './ports.ts';
import type { ButtonAction, Reply } from './reply.ts';
import { addDays, localDate } from './time.ts';
import {
  reply,
  say,
  spokenTo,
  type ConversationDeps,
  type IncomingMessage,
  type IncomingFile,
  type Notifier,
  type Turn,
} from './turn.ts';
import type { IntentName, ItemCode, Lang, LocalDate, ParsedMessage, Percent, PersonCode } from './types.ts';
import { handleUpdate, resolvePending, unknownCodeReply, unreadableCodeReply } from './updates.ts';
import { returnReason, verdictButton, verdictCommand } from './verdicts.ts';
import { attachToItem } from './evidence.ts';
import { chartCommand, reportCommand } from './files.ts';

export type { ConversationDeps, IncomingMessage, Notifier };

/** Longer messages are refused unread: no one types that much to a bot, and it bounds the work done. */
export const MAX_TEXT_CHARS = 4000;

function findPerson(deps: ConversationDeps, msg: IncomingMessage): Promise<Person | null> {
  if (msg.known) return Promise.resolve(msg.known.sender);
  // The CLI and the web console sign people in themselves; their sender id is already a person code.
  if (msg.channel === 'cli' || msg.channel === 'web')
    return deps.store.personByCode(msg.senderId as PersonCode);
  return deps.store.findSender(msg.channel, msg.senderId);
}

async function register(
  deps: ConversationDeps,
  msg: IncomingMessage,
  person: Person | null,
  code: string,
  lang: Lang,
): Promise<Reply[]> {
  if (msg.channel === 'cli' || msg.channel === 'web') {
    return person
      ? say({ lang }, messages(lang).alreadySignedIn(person.name))
      : say({ lang }, ...messages(lang).registerHowTo);
  }
  try {
    const who = await deps.store.register(
      code,
      { channel: msg.channel, chatId: msg.chatId, externalUserId: msg.senderId },
      msg.at,
    );
    const m = messages(who.lang);
    return say(
      { lang: who.lang },
      m.welcome(who.name, who.agencyName[who.lang] || who.agencyName.vi),
      m.welcomeHint,
    );
  } catch (err) {
    if (!(err instanceof InviteError)) throw err;
    const m = messages(lang);
    const why = { unknown: m.inviteUnknown, used: m.inviteUsed, expired: m.inviteExpired }[err.reason];
    return say({ lang }, why);
  }
}

/** Nothing but spaces, emoji and punctuation: there is nothing to understand. */
function isBlank(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

async function onAction(turn: Turn, action: ButtonAction): Promise<Reply[]> {
  switch (action.kind) {
    case 'update':
      return handleUpdate(turn, {
        item: action.item,
        status: action.status,
        percent: action.percent,
        note: null,
      });
    case 'snooze': {
      // A snooze holds through its day, inclusive (the reminder planner's rule): holding today's
      // reminders back means the next one comes tomorrow.
      try {
        await turn.deps.store.snooze(turn.person.code, action.item, turn.today);
      } catch (err) {
        if (err instanceof UnknownCodeError) return unknownCodeReply(turn, err.code);
        throw err;
      }
      const tomorrow = formatShortDay(addDays(turn.today, 1), turn.lang, turn.today);
      return say(turn, messages(turn.lang).snoozed(action.item, tomorrow));
    }
    case 'page':
      return pageOfList(turn, action.list, action.page);
    case 'confirm':
      return resolvePending(turn, action.yes);
    case 'choose':
      return answerChoice(turn, action.intent);
    case 'verdict':
      return verdictButton(turn, action.item, action.claim, action.ok);
  }
}

/** The button of a "which did you mean" question: the question answered as the intent chosen. */
function answerChoice(turn: Turn, chosen: IntentName): Promise<Reply[]> | Reply[] {
  const asked = turn.state.choice;
  if (!asked) return say(turn, messages(turn.lang).choiceGone);
  turn.state.choice = null;
  const intent = { ...asked.intent, intent: chosen, status: chosen === 'list' ? asked.intent.status : null };
  if (chosen === 'help') return [reply(turn.lang, answerHelp(turn.lang))];
  if (chosen === 'my_tasks') {
    if (turn.msg.chatKind === 'group') return say(turn, messages(turn.lang).privateOnly);
    return showList(turn, intent, 'task');
  }
  return showList(turn, intent, asked.level);
}

/** "Anh/chị muốn xem việc quá hạn hay sắp đến hạn?", one button per intent; the message is kept for labelling. */
async function askWhichIntent(turn: Turn, parsed: ParsedMessage, choices: [IntentName, IntentName]) {
  const m = messages(turn.lang);
  turn.state.choice = { intent: parsed.intent, level: parsed.level };
  await keep(turn, 'ask');
  const [a, b] = choices;
  const buttons = choices.map((intent) => ({
    label: m.intentChoice[intent],
    action: { kind: 'choose' as const, intent },
  }));
  return [reply(turn.lang, [[m.whichIntent(m.intentChoice[a], m.intentChoice[b])]], { buttons: [buttons] })];
}

/** Keeps a message the bot could not answer for an admin to label (never shown to anyone else). */
function keep(turn: Turn, outcome: 'unknown' | 'ask'): Promise<void> {
  return turn.deps.store.keepUnread({
    at: turn.msg.at,
    text: turn.msg.text,
    role: turn.person.role,
    channel: turn.msg.channel,
    outcome,
  });
}

/**
 * The message as the conversation reads it: about the item of the message it replies to, or — on Zalo,
 * which has no reply threading — of the bot's last message about one, when the parser read it so.
 */
function aboutItem(parsed: ParsedMessage): ParsedMessage {
  return parsed.about ?? parsed;
}

/** "20% 90%": the bot does not guess which; it asks, with one button per figure it could record. */
function askWhichPercent(turn: Turn, item: ItemCode, values: readonly number[]): Reply[] {
  const m = messages(turn.lang);
  const list = values.map((v) => formatPercent(v, turn.lang)).join(', ');
  const buttons = values
    .filter((v) => Number.isInteger(v) && v >= 0 && v <= 100)
    .map((v) => ({
      label: formatPercent(v, turn.lang),
      action: {
        kind: 'update' as const,
        item,
        status: v === 100 ? ('done' as const) : ('in_progress' as const),
        percent: v as Percent,
      },
    }));
  return [
    reply(turn.lang, [[m.severalPercents(list)], [m.severalPercentsHint]], {
      buttons: [buttons],
      about: item,
    }),
  ];
}

/** A report that is clearly a status change ("80%", "xong"), not words of explanation. */
function isProgressReport(parsed: ParsedMessage): boolean {
  return (
    parsed.intent.intent === 'update' && (parsed.intent.percent !== null || parsed.intent.status === 'done')
  );
}

/**
 * The open explanation request a free-text message answers: a reply to a bot message about the item,
 * or (no reply threading) any message the bot cannot otherwise read, after it last spoke of the item.
 */
async function implicitExplanation(turn: Turn, first: ParsedMessage): Promise<ExplanationRequest | null> {
  const replied = turn.msg.replyToItem;
  const ref = replied ?? turn.state.lastItem ?? null;
  if (ref === null || first.intent.target !== null) return null;
  // Without a reply to thread on, a message the bot cannot read answers the request, and so does a
  // statement of where the work stands ("đang chờ Sở Nội vụ thẩm định"): the classifier reads its
  // status words as a `list`, but a list is asked for, by a question or by naming the work to list.
  const kind = first.intent.intent;
  if (replied === null && kind !== 'unknown' && !(kind === 'list' && first.statement)) return null;
  const request = await openRequestFor(turn, ref);
  if (request === null) return null;
  return isProgressReport(aboutItem(first)) ? null : request;
}

/**
 * A photo or file: with an update in its caption, the update and the file together; otherwise the
 * file is attached to the item its caption names, the message replied to, or the one talked about.
 */
function onFile(turn: Turn, first: ParsedMessage, file: IncomingFile): Promise<Reply[]> {
  const parsed = aboutItem(first);
  const { intent } = parsed;
  if (intent.intent === 'update' && intent.target !== null && parsed.percentProblem === null) {
    return handleUpdate(turn, {
      item: intent.target,
      status: intent.status,
      percent: intent.percent,
      note: parsed.note,
    });
  }
  turn.state.pending = null;
  return attachToItem(turn, intent.target ?? turn.msg.replyToItem ?? turn.state.lastItem ?? null, file);
}

async function onText(turn: Turn, first: ParsedMessage): Promise<Reply[]> {
  const { msg, state } = turn;
  const m = messages(turn.lang);
  if (msg.file) return onFile(turn, first, msg.file);
  if (isBlank(msg.text)) return [reply(turn.lang, answerUnknown(turn.lang))];

  const control = first.control;
  // After "↩️ Trả lại" the checker's next message is the reason (or "hủy").
  const cancels = control?.kind === 'confirm' && !control.yes;
  const returned = await returnReason(turn, cancels, control !== null);
  if (returned) return returned;
  if (control?.kind === 'verdict') return verdictCommand(turn, control);
  if (control?.kind === 'next_page') return continueList(turn);
  if (control?.kind === 'confirm' && state.pending) return resolvePending(turn, control.yes);
  // Any other message leaves a waiting question behind: a "có" much later must not apply it.
  state.pending = null;
  if (control?.kind === 'confirm') return say(turn, m.nothingPending);
  if (control?.kind === 'assign') return reassignTask(turn, control);
  if (control?.kind === 'group_digest') return groupDigestCommand(turn, control);
  // Without the means to make the file (the CLI), /chart is not understood and /baocao is a summary.
  const files = turn.deps.files;
  if (control?.kind === 'chart' && files?.chart) return chartCommand(turn, control, files.chart);
  if (control?.kind === 'report' && files?.report)
    return reportCommand(turn, control, { ...files, report: files.report });

  // A code-shaped word that is no readable code is never taken for the item talked about before.
  if (first.unreadableCode !== null) return unreadableCodeReply(turn, first.unreadableCode);

  // "giải trình: …" answers an open request; a leader with none is asking for one instead.
  const written = first.explanation;
  if (written) {
    const request = await openRequestFor(turn, written.item ?? msg.replyToItem);
    if (request) return answerExplanation(turn, request, written.text);
    if (turn.person.role === 'staff') return say(turn, m.explainNone);
  }
  const problem = first.percentProblem;
  if (problem?.kind === 'out_of_range') return say(turn, m.badPercent(`${problem.value}%`));
  if (problem?.kind === 'fraction') return say(turn, m.fractionPercent(problem.written));
  const implicit = await implicitExplanation(turn, first);
  if (implicit) return answerExplanation(turn, implicit, msg.text.trim());

  const parsed = aboutItem(first);
  const intent = parsed.intent;
  if (parsed.agencyChoices.length > 1 && LIST_INTENTS.has(intent.intent)) {
    state.agencyChoices = parsed.agencyChoices;
    const names = parsed.agencyChoices.map((code) => `• ${agencyName(turn.lexicon, code, turn.lang)}`);
    return say(turn, m.whichAgency, ...names, m.askAgain);
  }
  state.agencyChoices = null;

  switch (intent.intent) {
    case 'update':
      if (intent.target === null) return say(turn, m.updateNeedsCode);
      if (parsed.percentProblem?.kind === 'several')
        return askWhichPercent(turn, intent.target, parsed.percentProblem.values);
      return handleUpdate(turn, {
        item: intent.target,
        status: intent.status,
        percent: intent.percent,
        note: parsed.note,
      });
    case 'request_explanation':
      return requestExplanation(turn, intent.target);
    case 'my_tasks':
      if (msg.chatKind === 'group') return say(turn, m.privateOnly);
      return showList(turn, intent, 'task');
    case 'status':
      // "tiến độ" without a code asks how things stand: the summary of the scope named.
      if (intent.target === null) return showList(turn, { ...intent, intent: 'summary' }, 'target');
      return showList(turn, intent, 'target');
    case 'overdue':
    case 'due_soon':
    case 'list':
      return showList(turn, intent, parsed.level);
    case 'summary':
      return showList(turn, intent, parsed.level, parsed.ranking === true);
    case 'help':
      return [reply(turn.lang, answerHelp(turn.lang))];
    case 'unknown':
      if (parsed.choices) return askWhichIntent(turn, parsed, parsed.choices);
      await keep(turn, 'unknown');
      return [reply(turn.lang, answerUnknown(turn.lang))];
  }
}

/**
 * The core's one way in for every messenger (through the channel pipeline): a message (or a button
 * press) becomes the replies for its chat; an empty array means stay silent. Notifications to other
 * people go through `deps.notify`.
 */
export async function handleMessage(deps: ConversationDeps, incoming: IncomingMessage): Promise<Reply[]> {
  // The edge of the core: from here on the text is valid Unicode without control characters.
  const msg: IncomingMessage = { ...incoming, text: sanitizeText(incoming.text) };
  if (!spokenTo(msg)) return [];
  // A reply to one of the bot's messages is about the item that message was about.
  if (msg.replyToItem === null && msg.replyTo) {
    msg.replyToItem = await deps.store.itemOfBotMessage(
      { channel: msg.channel, chatId: msg.chatId },
      msg.replyTo,
    );
  }

  const today: LocalDate = localDate(deps.now(), deps.tz);
  const person = await findPerson(deps, msg);
  const fallback: Lang = person?.lang ?? msg.langHint ?? 'vi';
  if (msg.text.length > MAX_TEXT_CHARS) {
    return say({ lang: fallback }, messages(fallback).tooLong(formatInteger(MAX_TEXT_CHARS, fallback)));
  }
  const lexicon = await deps.store.lexicon();
  const chat = { channel: msg.channel, chatId: msg.chatId };
  // A stranger's chat has no state worth reading: they only learn how to register.
  const state = person ? (msg.known?.state ?? (await deps.store.conversation(chat))) : null;
  // The item a message without a code continues, read by the parser with the rest of the words.
  const item = msg.replyToItem ?? state?.lastItem ?? null;
  const context = item === null ? null : { item, replied: msg.replyToItem !== null };
  // A button press carries no words to read; its language is the person's.
  const parsed = parseMessage(msg.action === null ? msg.text : '', lexicon, today, context);
  const lang: Lang = parsed.lang ?? fallback;

  if (parsed.control?.kind === 'register') {
    if (msg.chatKind === 'group') return say({ lang }, messages(lang).registerPrivately);
    return register(deps, msg, person, parsed.control.code, lang);
  }
  // Unknown senders learn how to register, in both languages, and nothing else.
  if (!person || !state) return say({ lang }, ...messages(lang).registerHowTo);

  const before = JSON.stringify(state);
  const turn: Turn = { deps, msg, chat, person, lang, today, lexicon, state };
  const replies = msg.action !== null ? await onAction(turn, msg.action) : await onText(turn, parsed);
  if (JSON.stringify(turn.state) !== before) await deps.store.saveConversation(chat, turn.state);
  return replies;
}
