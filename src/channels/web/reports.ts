// Downloads: the status report as XLSX (the CLI's `dondoc export`), the overdue list as CSV, and the
// progress report a committee signs (`dondoc report`) as DOCX or XLSX for `?period=` (default: this month).
import { Hono, type Context } from 'hono';
import { UnknownCodeError } from '../../core/errors.ts';
import { localDate } from '../../core/time.ts';
import { monthToDate, parsePeriodSpec } from '../../core/period-spec.ts';
import type { Lang, LocalDate, Period, ProgramCode } from '../../core/types.ts';
import { renderReportDocx } from '../../report/docx.ts';
import { renderReportXlsx } from '../../report/xlsx.ts';
import type { WebDeps } from './deps.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface DownloadOptions {
  program: ProgramCode | null;
  today: LocalDate;
  period: Period;
  lang: Lang;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The progress report's snapshot for a programme the store knows (else 404, as the other downloads). */
async function snapshotOf(deps: WebDeps, opts: DownloadOptions) {
  if (opts.program !== null) {
    if ((await deps.store.unknownCodes('program', [opts.program])).length > 0)
      throw new UnknownCodeError('program', opts.program);
  }
  return deps.store.reportSnapshot({ ...opts, agency: null, tz: deps.tz });
}

interface Download {
  type: string;
  name(program: ProgramCode | null, today: LocalDate): string;
  make(deps: WebDeps, opts: DownloadOptions): Promise<Buffer | string>;
}

const DOWNLOADS: Record<string, Download> = {
  '/reports/status.xlsx': {
    type: XLSX_TYPE,
    name: (program, today) => `dondoc-${program ?? 'all'}-${today}.xlsx`,
    make: (deps, opts) => deps.store.exportReport(opts),
  },
  '/reports/overdue.csv': {
    type: 'text/csv; charset=utf-8',
    name: (program, today) => `dondoc-overdue-${program ?? 'all'}-${today}.csv`,
    make: (deps, opts) => deps.store.overdueCsv(opts),
  },
  '/reports/report.docx': {
    type: DOCX_TYPE,
    name: (program, today) => `bao-cao-${program ?? 'all'}-${today}.docx`,
    make: async (deps, opts) => renderReportDocx(await snapshotOf(deps, opts), { lang: opts.lang }),
  },
  '/reports/report.xlsx': {
    type: XLSX_TYPE,
    name: (program, today) => `bao-cao-${program ?? 'all'}-${today}.xlsx`,
    make: async (deps, opts) => renderReportXlsx(await snapshotOf(deps, opts), opts.lang),
  },
};

/** `?program=CODE` for one programme, nothing for the whole province. */
function programOf(c: Context): ProgramCode | null | false {
  const raw = c.req.query('program')?.trim().toUpperCase();
  if (!raw) return null;
  return /^[A-Z][A-Z0-9]{0,15}$/.test(raw) ? (raw as ProgramCode) : false;
}

export function reportRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  for (const [path, download] of Object.entries(DOWNLOADS)) {
    app.get(path, async (c) => {
      const program = programOf(c);
      if (program === false) return c.json({ error: 'unknown programme' }, 404);
      const today = localDate(deps.now(), deps.tz);
      const spec = c.req.query('period');
      const period = spec ? parsePeriodSpec(spec) : monthToDate(today);
      if (period === null) return c.json({ error: 'not a period' }, 400);
      const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'vi';
      let body: Buffer | string;
      try {
        body = await download.make(deps, { program, today, period, lang });
      } catch (err) {
        if (err instanceof UnknownCodeError) return c.json({ error: 'unknown programme' }, 404);
        throw err;
      }
      return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
        'Content-Type': download.type,
        // Built from a checked code and a date: plain ASCII, nothing to quote.
        'Content-Disposition': `attachment; filename="${download.name(program, today)}"`,
        'Cache-Control': 'no-store',
      });
    });
  }
  return app;
}
