// Shared bits for the Zalo tests: the fixed fake token and a logger that records every line.
import type { ZaloLogger } from '../../../src/channels/zalo/client.ts';

/** Deliberately not shaped like a real `<bot_id>:<secret>` token. */
export const TOKEN = 'test-token-not-secret';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export function recordingLogger(): ZaloLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Polls `check` until it holds; the poller and fake are asynchronous, so tests wait for effects. */
export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
