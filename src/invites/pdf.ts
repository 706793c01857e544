// HTML to PDF with the machine's headless Chromium: the sheet prints exactly as a browser shows it,
// with the system's fonts (Vietnamese diacritics included) and no PDF library re-laying it out.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const PRINT_TIMEOUT_MS = 120_000;

/** Without a Chromium the PDF cannot be made; the HTML sheet still can. */
export class NoChromiumError extends Error {
  override name = 'NoChromiumError';
}

export function chromiumPath(configured: string | undefined): string {
  if (configured !== undefined) {
    if (!existsSync(configured)) throw new NoChromiumError(`CHROMIUM_PATH ${configured} does not exist`);
    return configured;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new NoChromiumError(
      'a PDF needs Chromium (apt-get install chromium, or set CHROMIUM_PATH); or write FILE.html and print it from a browser',
    );
  }
  return found;
}

export async function htmlToPdf(markup: string, chromium: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-pdf-'));
  try {
    const page = join(dir, 'sheet.html');
    const pdf = join(dir, 'sheet.pdf');
    writeFileSync(page, markup);
    await promisify(execFile)(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${pdf}`,
        pathToFileURL(page).href,
      ],
      { timeout: PRINT_TIMEOUT_MS },
    );
    if (!existsSync(pdf)) throw new Error('Chromium wrote no PDF');
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
