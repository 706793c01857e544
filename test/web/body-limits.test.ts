// Console bodies are read with a cap: an endless chunked body to each POST route is refused with 413
// after at most its cap (plus one chunk) was pulled from the stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyLimitFor } from '../../src/channels/http-limits.ts';
import { hashPassword } from '../../src/channels/web/auth.ts';
import { dbKinds } from '../helpers/db.ts';
import { peer, testWeb, type TestWeb } from './helpers.ts';

const CHUNK = 64 * 1024;

/** A body that never ends by itself; `pulled()` says how many bytes the server asked for. */
function endless(): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(CHUNK).fill(97);
  return {
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += CHUNK;
        controller.enqueue(chunk);
      },
    }),
    pulled: () => pulled,
  };
}

describe.each(dbKinds())('console POST bodies on %s', (kind) => {
  it('a signed-in chat with an endless body gets 413', async () => {
    const w = await testWeb(kind);
    const { body, pulled } = endless();
    const res = await w.app.request(
      'http://localhost/api/chat',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit,
      peer('127.0.0.1'),
    );
    expect(res.status).toBe(413);
    expect(pulled()).toBeLessThanOrEqual(bodyLimitFor('/api/chat') + 2 * CHUNK);
    await w.close();
  });

  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind, { required: true, passwordHash: hashPassword('mật-khẩu-thử') });
  });
  afterAll(() => web.close());

  // The login reads its form: 413. Logout reads nothing, and the chat refuses a caller not signed in
  // before reading: neither pulls more than the stream's first chunks.
  it.each([
    ['/login', 413, 'application/x-www-form-urlencoded'],
    ['/logout', 303, 'application/x-www-form-urlencoded'],
    ['/api/chat', 401, 'application/json'],
  ])('%s: an endless chunked body is answered %s without being buffered', async (path, status, type) => {
    const { body, pulled } = endless();
    const res = await web.app.request(
      `http://localhost${path}`,
      {
        method: 'POST',
        headers: { 'content-type': type, origin: 'http://localhost' },
        body,
        duplex: 'half',
      } as RequestInit,
      peer('127.0.0.1'),
    );
    expect(res.status).toBe(status);
    expect(pulled()).toBeLessThanOrEqual(bodyLimitFor(path) + 2 * CHUNK);
  });

  it('a declared length over the cap is refused before reading', async () => {
    const res = await web.get('/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(10 * 1024 * 1024),
        origin: 'http://localhost',
      },
      body: 'password=x',
    });
    expect(res.status).toBe(413);
  });
});
