// /baocao [thang|quy] [CODE] (English /report [month|quarter] [CODE]): the progress report of this
// month or quarter to date, as the DOCX `dondoc report` writes, for registered people only.
import type { Telegram } from 'telegraf';
import { Input } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { IncomingMessage } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import { paginate, renderHtml, type Reply } from '../../core/reply.ts';
import { localDate } from '../../core/time.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import { readReportWords, reportSpanPeriod, type ReportWords } from '../../report/ask.ts';
import type { SendLimiter } from '../limiter.ts';
import { wordsOf, type BotIdentity } from './incoming.ts';
import { TELEGRAM_MAX_CAPTION } from './outbound.ts';
import type { ReplySender } from './replies.ts';
import { channelTexts } from './texts.ts';

/** The period a request names: `YYYY-MM` (this month) or `YYYY-Qn` (this quarter), read to `today`. */
export interface ReportAsk {
  program: string | null;
  period: string;
  lang: Lang;
  today: LocalDate;
}

/** Renders the asked report; null when there is no such programme. */
export type ReportSource = (
  ask: ReportAsk,
) => Promise<{ docx: Buffer; filename: string; caption: Reply } | null>;

export interface ReportCommandDeps {
  source: ReportSource;
  store: Pick<CoreStore, 'findSender' | 'lexicon'>;
  telegram: Pick<Telegram, 'sendDocument'>;
  limiter: SendLimiter;
  replies: ReplySender;
  now: () => Date;
  tz: string;
}

const NAMES = new Set(['/baocao', '/report']);
/** The arguments of "/baocao …" or "/report@thisbot …", or undefined when the message is neither. */
export function reportArguments(message: Message, me: BotIdentity): ReportWords | undefined {
  const words = wordsOf(message);
  const command = words?.entities.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!words || !command) return undefined;
  const [name, at] = words.text.slice(0, command.length).split('@');
  if (!NAMES.has(name?.toLowerCase() ?? '')) return undefined;
  if (at !== undefined && at.toLowerCase() !== me.username.toLowerCase()) return undefined;
  return readReportWords(words.text.slice(command.length).trim().split(/\s+/).filter(Boolean));
}

const say = (lang: Lang, text: string): Reply => ({ lang, lines: [[text]], buttons: [], about: null });

/** Handles /baocao and /report for a registered sender and returns true; anything else is left to the core. */
export function reportCommand(deps: ReportCommandDeps, me: () => BotIdentity) {
  return async (message: Message, incoming: IncomingMessage, updateId: number): Promise<boolean> => {
    const args = reportArguments(message, me());
    if (args === undefined) return false;
    const person = await deps.store.findSender('telegram', incoming.senderId);
    if (person === null) return false;
    const lang = person.lang;
    const t = channelTexts(lang);
    const codes = (await deps.store.lexicon()).programs.map((p) => p.code as string);
    const chatId = incoming.chatId;
    if (args.bad || (args.program !== null && !codes.includes(args.program))) {
      const text = args.bad ? t.reportUsage(codes) : t.chartUnknown(args.program ?? '', codes);
      await deps.replies.send(chatId, [say(lang, text)], { updateId });
      return true;
    }
    const today = localDate(deps.now(), deps.tz);
    const report = await deps.source({
      program: args.program,
      period: reportSpanPeriod(args.span, today),
      lang,
      today,
    });
    if (report === null) {
      await deps.replies.send(chatId, [say(lang, t.chartUnknown(args.program ?? '', codes))], { updateId });
      return true;
    }
    const caption = paginate(report.caption.lines, TELEGRAM_MAX_CAPTION).map(renderHtml)[0] ?? '';
    await deps.limiter.schedule({ id: chatId, group: incoming.chatKind === 'group' }, () =>
      deps.telegram.sendDocument(chatId, Input.fromBuffer(report.docx, report.filename), {
        caption,
        parse_mode: 'HTML',
      }),
    );
    return true;
  };
}
