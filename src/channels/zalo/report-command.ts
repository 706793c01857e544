// /baocao [thang|quy] [CODE] on Zalo: its Bot API takes no files from bots, so the answer is the
// report's summary (the same snapshot as the document) and where to download the DOCX.
import type { IncomingMessage } from '../../core/index.ts';
import type { CoreStore } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { localDate } from '../../core/time.ts';
import { sentence } from '../../core/turn.ts';
import type { Lang, LocalDate } from '../../core/types.ts';
import { readReportWords, reportSpanPeriod } from '../../report/ask.ts';
import { channelTexts } from '../telegram/texts.ts';

/** The summary of the asked report; null when there is no such programme. */
export type ZaloReportSource = (ask: {
  program: string | null;
  period: string;
  lang: Lang;
  today: LocalDate;
}) => Promise<{ summary: Reply } | null>;

const COMMAND = /^\/(baocao|báocáo|report)(?:\s+(.*))?$/is;
/** Answers /baocao and /report for a registered sender; null (the core answers) for anything else. */
export function zaloReportCommand(deps: {
  source: ZaloReportSource;
  store: Pick<CoreStore, 'findSender' | 'lexicon'>;
  now: () => Date;
  tz: string;
}) {
  return async (msg: IncomingMessage): Promise<Reply[] | null> => {
    const m = COMMAND.exec(msg.text.trim());
    if (m === null) return null;
    const person = await deps.store.findSender('zalo', msg.senderId);
    if (person === null) return null;
    const lang = person.lang;
    const t = channelTexts(lang);
    const codes = (await deps.store.lexicon()).programs.map((p) => p.code as string);
    const words = readReportWords((m[2] ?? '').trim().split(/\s+/).filter(Boolean));
    if (words.bad) return [sentence(lang, t.reportUsage(codes))];
    if (words.program !== null && !codes.includes(words.program))
      return [sentence(lang, t.chartUnknown(words.program, codes))];
    const today = localDate(deps.now(), deps.tz);
    const report = await deps.source({
      program: words.program,
      period: reportSpanPeriod(words.span, today),
      lang,
      today,
    });
    return report === null ? [sentence(lang, t.chartUnknown(words.program ?? '', codes))] : [report.summary];
  };
}
