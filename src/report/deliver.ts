// Renders a scheduled report when its outbox row is sent: the snapshot at the request's day, as a
// document (the same as `dondoc report --out FILE.docx`) and as the summary a chat without files gets.
import { parsePeriodSpec } from '../core/period-spec.ts';
import type { Reply } from '../core/reply.ts';
import type { ReportRequest } from '../reminders/model.ts';
import type { DbOrTx } from '../store/db.ts';
import { reportSnapshot } from '../store/report-snapshot.ts';
import { reportCaption, reportFileName, reportSummary, type ReportAsk } from './chat-texts.ts';
import { renderReportDocx } from './docx.ts';

export interface RenderedReport {
  docx: Buffer;
  filename: string;
  caption: Reply;
  summary: Reply;
}

/** Renders a report; null when its programme is gone (the row then fails rather than retrying). */
export type ReportRenderer = (req: ReportRequest) => Promise<RenderedReport | null>;

export function createReportRenderer(db: DbOrTx, tz: string): ReportRenderer {
  // A scheduled report is one asked for a single programme: the same document, caption and summary.
  return (req) => renderAskedReport(db, tz, req);
}

/** A report asked for in chat (/baocao): the document and its caption; null for an unknown programme or period. */
export async function renderAskedReport(
  db: DbOrTx,
  tz: string,
  ask: ReportAsk,
): Promise<RenderedReport | null> {
  const period = parsePeriodSpec(ask.period);
  if (period === null) return null;
  const snapshot = await reportSnapshot(db, {
    program: ask.program,
    agency: null,
    period,
    today: ask.today,
    tz,
  });
  if (ask.program !== null && snapshot.programName === null) return null;
  return {
    docx: await renderReportDocx(snapshot, { lang: ask.lang }),
    filename: reportFileName(ask),
    caption: reportCaption(ask, snapshot.programName?.[ask.lang] ?? null),
    summary: reportSummary(ask, snapshot),
  };
}
