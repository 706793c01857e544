// What a chat says with a report: the caption under the document (Telegram), and on a messenger that
// cannot take a file (Zalo) a short summary of the same snapshot with how to get the document.
import type { Line, Reply } from '../core/reply.ts';
import { REPORT_CHAT as T } from '../core/catalogue/report-chat.ts';
import type { ProgramCode } from '../core/types.ts';
import { parsePeriodSpec } from '../core/period-spec.ts';
import type { ReportRequest } from '../reminders/model.ts';
import type { ReportSnapshot } from '../store/report-snapshot.ts';
import { percent, periodWords, shortDay } from './labels.ts';

/** A report asked for: a programme's (or, null, every programme's) period read at a day. */
export type ReportAsk = Omit<ReportRequest, 'program'> & { program: ProgramCode | null };

const periodOf = (spec: string) => {
  const p = parsePeriodSpec(spec);
  if (p === null) throw new Error(`not a period: ${spec}`);
  return p;
};

/** "📄 NQ57 — báo cáo tình hình thực hiện tháng 7 năm 2025", with the programme's name on a second line. */
export function reportCaption(req: ReportAsk, programName: string | null): Reply {
  const t = T[req.lang];
  const full = programName ?? t.allPrograms;
  const name = full.length > 300 ? `${full.slice(0, 299)}…` : full;
  return {
    lang: req.lang,
    lines: [
      ['📄 ', { b: req.program ?? t.all }, t.caption(periodWords(periodOf(req.period), req.lang))],
      [name],
    ],
    buttons: [],
    about: null,
  };
}

/** The file's name: `bao-cao-NQ57-2025-07.docx`. */
export function reportFileName(req: ReportAsk): string {
  return `${[T[req.lang].fileName, req.program, req.period].filter((p) => p !== null).join('-')}.docx`;
}

/** The report in a few lines (the grid of targets and tasks, the three lowest rates) and where the file is. */
export function reportSummary(req: ReportAsk, s: ReportSnapshot): Reply {
  const { lang } = req;
  const t = T[lang];
  const caption = reportCaption(req, s.programName?.[lang] ?? req.program);
  const lowest = s.ranking
    .filter((r) => r.onTimeRate !== null)
    .slice(-3)
    .reverse()
    .map((r) => `${r.name[lang]} (${percent(r.counts.doneOnTime, r.counts.total, lang)})`);
  const lines: Line[] = [
    ...caption.lines,
    [t.asOf(shortDay(s.end))],
    [t.grid(t.targets, s.targets, percent(s.targets.doneOnTime, s.targets.total, lang))],
    [t.grid(t.tasks, s.tasks, percent(s.tasks.doneOnTime, s.tasks.total, lang))],
    ...(lowest.length > 0 ? [[t.lowest, lowest.join('; ')]] : []),
    [t.howTo(`${req.program === null ? '' : `program=${req.program}&`}period=${req.period}`)],
  ];
  return { lang, lines, buttons: [], about: null };
}
