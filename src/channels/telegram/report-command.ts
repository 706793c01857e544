// /baocao [thang|quy] [CODE] (English /report [month|quarter] [CODE]): the progress report of this
// month or quarter to date, as the DOCX `dondoc report` writes, for registered people only.
import type { Message } from 'telegraf/types';
import type { IncomingMessage } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { localDate } from '../../core/time.ts';
import { sentence } from '../../core/turn.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import { readReportWords, reportSpanPeriod, type ReportWords } from '../../report/ask.ts';
import type { Outgoing } from '../outbound.ts';
import { wordsOf, type BotIdentity } from './incoming.ts';
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

/**
 * The answer to /baocao or /report for a registered sender: the document, or why there is none. Null for
 * a stranger (the core tells them how to register). The pipeline sends it like any reply.
 */
export async function reportReplies(
  deps: ReportCommandDeps,
  args: ReportWords,
  incoming: IncomingMessage,
): Promise<Outgoing[] | null> {
  const person = await deps.store.findSender('telegram', incoming.senderId);
  if (person === null) return null;
  const lang = person.lang;
  const t = channelTexts(lang);
  const codes = (await deps.store.lexicon()).programs.map((p) => p.code as string);
  if (args.bad || (args.program !== null && !codes.includes(args.program))) {
    return [sentence(lang, args.bad ? t.reportUsage(codes) : t.chartUnknown(args.program ?? '', codes))];
  }
  const today = localDate(deps.now(), deps.tz);
  const report = await deps.source({
    program: args.program,
    period: reportSpanPeriod(args.span, today),
    lang,
    today,
  });
  if (report === null) return [sentence(lang, t.chartUnknown(args.program ?? '', codes))];
  return [{ ...report.caption, document: { bytes: report.docx, filename: report.filename } }];
}
