// /chart PROGRAM: the programme's progress chart as a photo, for registered people only.
import type { Message } from 'telegraf/types';
import type { IncomingMessage } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import { localDate } from '../../core/time.ts';
import { sentence } from '../../core/turn.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import type { Outgoing } from '../outbound.ts';
import { wordsOf, type BotIdentity } from './incoming.ts';
import { channelTexts } from './texts.ts';

/** Draws a programme's chart as PNG bytes; null when there is no such programme. */
export type ChartSource = (req: { program: string; lang: Lang; today: LocalDate }) => Promise<Buffer | null>;

export interface ChartDeps {
  source: ChartSource;
  store: Pick<CoreStore, 'findSender' | 'lexicon'>;
  now: () => Date;
  tz: string;
}

/** The argument of "/chart ARG" or "/chart@thisbot ARG", or undefined when the message is not /chart. */
export function chartArgument(message: Message, me: BotIdentity): string | null | undefined {
  const words = wordsOf(message);
  const command = words?.entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!words || !command) return undefined;
  const [name, at] = words.text.slice(0, command.length).split('@');
  if (name?.toLowerCase() !== '/chart') return undefined;
  if (at !== undefined && at.toLowerCase() !== me.username.toLowerCase()) return undefined;
  const arg = words.text.slice(command.length).trim().split(/\s+/)[0] ?? '';
  return arg === '' ? null : arg.toUpperCase();
}

/**
 * The answer to /chart for a registered sender: the photo, or why there is none. Null for a stranger,
 * who must learn how to register (from the core) and see nothing. The pipeline sends it like any reply.
 */
export async function chartReplies(
  deps: ChartDeps,
  program: string | null,
  incoming: IncomingMessage,
): Promise<Outgoing[] | null> {
  const person = await deps.store.findSender('telegram', incoming.senderId);
  if (person === null) return null;
  const lang = person.lang;
  const t = channelTexts(lang);
  const codes = (await deps.store.lexicon()).programs.map((p) => p.code as string);
  if (program === null || !codes.includes(program)) {
    return [sentence(lang, program === null ? t.chartUsage(codes) : t.chartUnknown(program, codes))];
  }
  const png = await deps.source({ program, lang, today: localDate(deps.now(), deps.tz) });
  if (png === null) return [sentence(lang, t.chartUnknown(program, codes))];
  return [{ ...sentence(lang, t.chartCaption(program)), photo: { png, filename: `${program}.png` } }];
}
