// The bot token must never leak through an error (message, stack, JSON, inspect) or a log line.
import net from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../../src/channels/zalo/client.ts';
import { ZaloApiError, ZaloNetworkError, redactToken } from '../../../src/channels/zalo/errors.ts';
import { startFakeZaloApi, type FakeZaloApi } from '../../fakes/zalo-api.ts';
import { TOKEN, recordingLogger } from './helpers.ts';

function expectNoSecret(value: unknown, secret: string): void {
  const views = [
    JSON.stringify(value),
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    String(value),
    value instanceof Error ? String(value.stack) : '',
  ];
  for (const view of views) expect(view).not.toContain(secret);
}

let fake: FakeZaloApi;
beforeEach(async () => {
  fake = await startFakeZaloApi({ token: TOKEN });
});
afterEach(async () => {
  await fake.close();
});

describe('the bot token never appears in errors or logs', () => {
  it('is absent from a network error after a dropped connection, and from the retry logs', async () => {
    const logger = recordingLogger();
    fake.failNext('getMe', 'drop', 5);
    const c = createZaloClient({ token: TOKEN, apiRoot: fake.url, logger, maxRetries: 2, retryBaseMs: 1 });
    const err = await c.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expectNoSecret(err, TOKEN);
    expect(logger.lines.length).toBeGreaterThan(0);
    expectNoSecret(logger.lines, TOKEN);
  });

  it('is absent from the 401 error of a wrong token', async () => {
    const wrong = 'wrong-token-not-secret';
    const err = await createZaloClient({ token: wrong, apiRoot: fake.url })
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expectNoSecret(err, wrong);
  });

  it('is redacted when the server echoes the request path in its description', async () => {
    fake.failNext('getMe', {
      status: 404,
      body: { ok: false, error_code: 404, description: `No route /bot${TOKEN}/getMe` },
    });
    const err = await createZaloClient({ token: TOKEN, apiRoot: fake.url })
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ errorCode: 404, description: 'No route /bot<redacted>/getMe' });
    expectNoSecret(err, TOKEN);
  });

  it('is absent from a connection-refused error', async () => {
    const port = fake.url.split(':').pop();
    await fake.close();
    const err = await createZaloClient({ token: TOKEN, apiRoot: `http://127.0.0.1:${port}`, maxRetries: 0 })
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloNetworkError);
    expect(err).toMatchObject({ code: 'ECONNREFUSED' });
    expectNoSecret(err, TOKEN);
  });

  it('is absent from a timeout error', async () => {
    // A server that accepts and never answers, to make axios time out.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const err = await createZaloClient({
        token: TOKEN,
        apiRoot: `http://127.0.0.1:${port}`,
        httpTimeoutMs: 100,
        maxRetries: 0,
      })
        .getMe()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ZaloNetworkError);
      expectNoSecret(err, TOKEN);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });

  it('is absent from an aborted call', async () => {
    const controller = new AbortController();
    const poll = createZaloClient({ token: TOKEN, apiRoot: fake.url }).getUpdates(30, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const err = await poll.catch((e: unknown) => e);
    expect(err).toMatchObject({ aborted: true });
    expectNoSecret(err, TOKEN);
  });

  it('redactToken also catches the URL-encoded form', () => {
    expect(redactToken('a/b:c d', 'b:c')).toBe('a/<redacted> d');
    expect(redactToken('x b%3Ac y', 'b:c')).toBe('x <redacted> y');
  });
});
