// /chart PROGRAM: the programme's progress chart as a photo, for registered people only.
import type { Telegram } from 'telegraf';
import { Input } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { IncomingMessage } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import { escapeHtml, type Reply } from '../../core/reply.ts';
import { localDate } from '../../core/time.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import type { SendLimiter } from '../limiter.ts';
import { wordsOf, type BotIdentity } from './incoming.ts';
import type { ReplySender } from './replies.ts';
import { channelTexts } from './texts.ts';

/** Draws a programme's chart as PNG bytes; null when there is no such programme. */
export type ChartSource = (req: { program: string; lang: Lang; today: LocalDate }) => Promise<Buffer | null>;

export interface ChartDeps {
  source: ChartSource;
  store: Pick<CoreStore, 'findSender' | 'lexicon'>;
  telegram: Pick<Telegram, 'sendPhoto'>;
  limiter: SendLimiter;
  replies: ReplySender;
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

const say = (lang: Lang, text: string): Reply => ({ lang, lines: [[text]], buttons: [], about: null });

/**
 * Handles /chart for a registered sender and returns true; anything else (not /chart, or a stranger,
 * who must learn how to register and see nothing) is left to the core.
 */
export function chartCommand(deps: ChartDeps, me: () => BotIdentity) {
  return async (message: Message, incoming: IncomingMessage, updateId: number): Promise<boolean> => {
    const program = chartArgument(message, me());
    if (program === undefined) return false;
    const person = await deps.store.findSender('telegram', incoming.senderId);
    if (person === null) return false;
    const lang = person.lang;
    const t = channelTexts(lang);
    const codes = (await deps.store.lexicon()).programs.map((p) => p.code as string);
    const chatId = incoming.chatId;
    if (program === null || !codes.includes(program)) {
      const text = program === null ? t.chartUsage(codes) : t.chartUnknown(program, codes);
      await deps.replies.send(chatId, [say(lang, text)], { updateId });
      return true;
    }
    const png = await deps.source({ program, lang, today: localDate(deps.now(), deps.tz) });
    if (png === null) {
      await deps.replies.send(chatId, [say(lang, t.chartUnknown(program, codes))], { updateId });
      return true;
    }
    await deps.limiter.schedule({ id: chatId, group: incoming.chatKind === 'group' }, () =>
      deps.telegram.sendPhoto(chatId, Input.fromBuffer(png, `${program}.png`), {
        caption: escapeHtml(t.chartCaption(program)),
        parse_mode: 'HTML',
      }),
    );
    return true;
  };
}
