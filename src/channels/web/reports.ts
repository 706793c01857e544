// Downloads: the status report as XLSX (the CLI's `dondoc export`) and the overdue list as CSV.
import { Hono, type Context } from 'hono';
import { UnknownCodeError } from '../../core/errors.ts';
import { localDate } from '../../core/time.ts';
import type { LocalDate, ProgramCode } from '../../core/types.ts';
import { exportReport, overdueCsv } from '../../store/export-report.ts';
import type { WebDeps } from './deps.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Download {
  type: string;
  name(program: ProgramCode | null, today: LocalDate): string;
  make(deps: WebDeps, opts: { program: ProgramCode | null; today: LocalDate }): Promise<Buffer | string>;
}

const DOWNLOADS: Record<string, Download> = {
  '/reports/status.xlsx': {
    type: XLSX_TYPE,
    name: (program, today) => `dondoc-${program ?? 'all'}-${today}.xlsx`,
    make: (deps, opts) => exportReport(deps.store.db, opts),
  },
  '/reports/overdue.csv': {
    type: 'text/csv; charset=utf-8',
    name: (program, today) => `dondoc-overdue-${program ?? 'all'}-${today}.csv`,
    make: (deps, opts) => overdueCsv(deps.store.db, opts),
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
      let body: Buffer | string;
      try {
        body = await download.make(deps, { program, today });
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
