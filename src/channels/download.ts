// Fetching a file a person sent (evidence) from a messenger: bounded in time and in size, and every
// failure one of the core's FileError reasons. The URL may carry the bot's token: it is never logged
// or put in an error.
import { FileError } from '../core/errors.ts';

/** As long as a slow upload from a phone on 3G may take; a stalled download is given up after it. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

export async function downloadLimited(
  url: string | URL,
  maxBytes: number,
  timeoutMs = DOWNLOAD_TIMEOUT_MS,
): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    throw new FileError('unavailable', err instanceof Error ? err.name : 'fetch failed');
  }
  if (!res.ok || res.body === null) {
    await res.body?.cancel().catch(() => {});
    throw new FileError('unavailable', `http ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel().catch(() => {});
    throw new FileError('too_large', `${declared} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Read no further than the limit, whatever the header said.
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FileError('too_large', `over ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof FileError) throw err;
    throw new FileError('unavailable', err instanceof Error ? err.name : 'read failed');
  }
  return new Uint8Array(Buffer.concat(chunks));
}
