// A 300 MB chunked body to each webhook, with no secret and with the right one: refused (401 before
// reading, 413 once past the cap) while the serving process grows by less than 20 MB.
import { fork, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_SECRET_HEADER, WEBHOOK_PATH } from '../../src/channels/telegram/webhook.ts';
import { ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/bot.ts';
import { ZALO_SECRET_HEADER } from '../../src/channels/zalo/webhook.ts';

const CHILD = join(import.meta.dirname, 'webhook-server-child.ts');
const MB = 1024 * 1024;

interface Child {
  proc: ChildProcess;
  port: number;
  rss(): Promise<number>;
}

async function startChild(): Promise<Child> {
  const proc = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { port: number }).port));
    proc.once('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
  const rss = () =>
    new Promise<number>((resolve) => {
      proc.once('message', (m) => resolve((m as { memory: NodeJS.MemoryUsage }).memory.rss));
      proc.send('memory');
    });
  return { proc, port, rss };
}

/**
 * Streams up to `totalMb` of JSON-looking bytes in 1 MB chunks (Transfer-Encoding: chunked, so no
 * Content-Length to refuse on), honouring back-pressure, over a raw socket: the server may answer and
 * close before the body is sent, which a raw socket reports as data rather than a write error.
 */
function postHuge(
  port: number,
  path: string,
  headers: Record<string, string>,
  totalMb: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      'Transfer-Encoding: chunked',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    const frame = Buffer.concat([
      Buffer.from(`${MB.toString(16)}\r\n`),
      Buffer.alloc(MB, 'a'),
      Buffer.from('\r\n'),
    ]);
    let answer = '';
    let done = false;
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status && !done) {
        done = true;
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on('error', (err) => {
      if (!done) reject(err);
    });
    socket.on('close', () => {
      if (!done) reject(new Error(`closed without an answer: ${answer.slice(0, 80)}`));
    });
    let sent = 0;
    const pump = () => {
      while (!done && sent < totalMb) {
        sent += 1;
        if (!socket.write(frame)) return void socket.once('drain', pump);
      }
      if (!done && sent >= totalMb) socket.write('0\r\n\r\n');
    };
    socket.write(head);
    pump();
  });
}

describe('webhook bodies are read with a hard limit', () => {
  let child: Child;
  beforeAll(async () => {
    child = await startChild();
  });
  afterAll(() => {
    child.proc.send('stop');
  });

  const cases: [string, string, Record<string, string>, number][] = [
    ['Telegram without the secret', WEBHOOK_PATH, {}, 401],
    ['Zalo without the secret', ZALO_WEBHOOK_PATH, {}, 401],
    ['Telegram with the right secret', WEBHOOK_PATH, { [TELEGRAM_SECRET_HEADER]: 'telegram-secret' }, 413],
    ['Zalo with the right secret', ZALO_WEBHOOK_PATH, { [ZALO_SECRET_HEADER]: 'zalo-secret-123' }, 413],
  ];

  it.each(cases)(
    '%s: a 300 MB chunked body is refused and the server grows < 20 MB',
    async (_what, path, headers, status) => {
      // A small refused call first, so the code paths are loaded before measuring.
      expect(await postHuge(child.port, path, headers, 2)).toBe(status);
      const before = await child.rss();
      expect(await postHuge(child.port, path, headers, 300)).toBe(status);
      const after = await child.rss();
      expect(after - before).toBeLessThan(20 * MB);
    },
  );
});
