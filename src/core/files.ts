// /chart and /baocao (/report): answers made of a file — a programme's chart as a photo, the report as a
// DOCX — or, where the chat takes no uploads (Zalo, the web console), the report's summary and where to
// download the file. Only registered people get here (the core tells strangers how to register).
import { messages } from './messages.ts';
import type { Reply } from './reply.ts';
import { sentence, type Turn } from './turn.ts';
import type { ChartControl, Lang, LocalDate, ProgramCode, ReportControl } from './types.ts';

/** Draws a programme's chart as PNG bytes; null when there is no such programme. */
export type ChartSource = (req: {
  program: ProgramCode;
  lang: Lang;
  today: LocalDate;
}) => Promise<Buffer | null>;

/** A report asked from a chat: `period` is `YYYY-MM` (this month) or `YYYY-Qn` (this quarter) to `today`. */
export interface ReportAsk {
  program: ProgramCode | null;
  period: string;
  lang: Lang;
  today: LocalDate;
}

/** The asked report: the document and its caption, and its summary for chats without uploads. */
export interface RenderedReport {
  docx: Buffer;
  filename: string;
  caption: Reply;
  summary: Reply;
}

/** Renders the asked report; null when there is no such programme. */
export type ReportSource = (ask: ReportAsk) => Promise<RenderedReport | null>;

/** What the process can make files with, per channel; a command without its source is read as a question. */
export interface FileSources {
  chart?: ChartSource | null;
  report?: ReportSource | null;
  /** The chat takes uploads (Telegram): a report comes as its document, else as its summary. */
  uploads: boolean;
}

/** `YYYY-MM` (this month) or `YYYY-Qn` (this quarter) of `today`. */
export function reportSpanPeriod(span: ReportControl['span'], today: LocalDate): string {
  if (span === 'month') return today.slice(0, 7);
  return `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

function programCodes(turn: Turn): string[] {
  return turn.lexicon.programs.map((p) => p.code as string);
}

/** The photo of a programme's chart, or why there is none; in the person's own language, as the file is. */
export async function chartCommand(turn: Turn, control: ChartControl, source: ChartSource): Promise<Reply[]> {
  const lang = turn.person.lang;
  const m = messages(lang);
  const codes = programCodes(turn);
  const program = control.program;
  if (program === null) return [sentence(lang, m.chartUsage(codes))];
  if (!codes.includes(program)) return [sentence(lang, m.chartUnknown(program, codes))];
  const png = await source({ program: program as ProgramCode, lang, today: turn.today });
  if (png === null) return [sentence(lang, m.chartUnknown(program, codes))];
  return [{ ...sentence(lang, m.chartCaption(program)), photo: { png, filename: `${program}.png` } }];
}

/** This month's or quarter's report: the document where the chat takes uploads, else its summary. */
export async function reportCommand(
  turn: Turn,
  control: ReportControl,
  files: FileSources & { report: ReportSource },
): Promise<Reply[]> {
  const lang = turn.person.lang;
  const m = messages(lang);
  const codes = programCodes(turn);
  const program = control.program;
  if (control.bad) return [sentence(lang, m.reportUsage(codes))];
  if (program !== null && !codes.includes(program)) return [sentence(lang, m.chartUnknown(program, codes))];
  const period = reportSpanPeriod(control.span, turn.today);
  const report = await files.report({
    program: program as ProgramCode | null,
    period,
    lang,
    today: turn.today,
  });
  if (report === null) return [sentence(lang, m.chartUnknown(program ?? '', codes))];
  if (!files.uploads) return [report.summary];
  return [{ ...report.caption, document: { bytes: report.docx, filename: report.filename } }];
}
