// The webhook handler: secret check, both body forms, malformed bodies, and a real HTTP round trip.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { ZaloUpdate } from '../../../src/channels/zalo/api-types.ts';
import { handleZaloWebhook } from '../../../src/channels/zalo/webhook.ts';
import { makeTextUpdate, postWebhook } from '../../fakes/zalo-api.ts';
import { recordingLogger } from './helpers.ts';

const SECRET = 'webhook-secret-not-real';
const update = makeTextUpdate('báo cáo', { messageId: 'm-1', chatId: 'c-1' });

function call(headers: Record<string, string | string[] | undefined> | Headers, body: unknown) {
  const onUpdate = vi.fn<(u: ZaloUpdate) => void>();
  return { onUpdate, result: handleZaloWebhook({ secret: SECRET, headers, body, onUpdate }) };
}

describe('Zalo webhook handler', () => {
  it('passes a bare update to onUpdate when the secret is right', async () => {
    const { onUpdate, result } = call({ 'x-bot-api-secret-token': SECRET }, update);
    expect(await result).toEqual({ status: 200, body: { ok: true } });
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(onUpdate.mock.calls[0]?.[0]).toMatchObject({
      event_name: 'message.text.received',
      message: { text: 'báo cáo', message_id: 'm-1', chat: { id: 'c-1' } },
    });
  });

  it('unwraps an update sent inside {ok, result}', async () => {
    const { onUpdate, result } = call({ 'x-bot-api-secret-token': SECRET }, { ok: true, result: update });
    expect((await result).status).toBe(200);
    expect(onUpdate.mock.calls[0]?.[0]).toMatchObject({ message: { text: 'báo cáo' } });
  });

  it('reads the header case-insensitively, from a Fetch Headers object too', async () => {
    const a = call({ 'X-Bot-Api-Secret-Token': SECRET }, update);
    expect((await a.result).status).toBe(200);
    const b = call(new Headers({ 'X-Bot-Api-Secret-Token': SECRET }), update);
    expect((await b.result).status).toBe(200);
  });

  it('accepts the raw body as a JSON string or bytes', async () => {
    const a = call({ 'x-bot-api-secret-token': SECRET }, JSON.stringify(update));
    expect((await a.result).status).toBe(200);
    const b = call({ 'x-bot-api-secret-token': SECRET }, Buffer.from(JSON.stringify(update)));
    expect((await b.result).status).toBe(200);
  });

  it('answers 401 to a wrong secret of the same length, and does not call onUpdate', async () => {
    const wrong = SECRET.slice(0, -1) + 'X';
    const { onUpdate, result } = call({ 'x-bot-api-secret-token': wrong }, update);
    expect((await result).status).toBe(401);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('answers 401 to a wrong secret of another length', async () => {
    const { onUpdate, result } = call({ 'x-bot-api-secret-token': 'short' }, update);
    expect((await result).status).toBe(401);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('answers 401 when the secret header is missing', async () => {
    const { onUpdate, result } = call({}, update);
    expect((await result).status).toBe(401);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('answers 401 when no secret is configured, even to an empty header', async () => {
    const onUpdate = vi.fn();
    const r = await handleZaloWebhook({
      secret: '',
      headers: { 'x-bot-api-secret-token': '' },
      body: update,
      onUpdate,
    });
    expect(r.status).toBe(401);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it.each([
    ['invalid JSON text', '{"event_name": '],
    ['invalid JSON bytes', Buffer.from('{"event_name": ')],
    ['an empty body', ''],
  ])('answers 400 to %s, without calling onUpdate', async (_label, body) => {
    const { onUpdate, result } = call({ 'x-bot-api-secret-token': SECRET }, body);
    expect((await result).status).toBe(400);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  // Acknowledged, or Zalo would deliver the same unusable body again and again.
  it.each([
    ['an object without event_name', { message: { text: 'x' } }],
    ['an ok:false envelope', { ok: false, error_code: 400, description: 'x' }],
    ['a wrapper whose result is not an update', { ok: true, result: { hello: 1 } }],
    [
      'a message without chat',
      { event_name: 'message.text.received', message: { message_id: 'm', from: { id: 'u' } } },
    ],
    ['null', null],
    ['JSON text that is no update', '{"hello":1}'],
  ])('answers 200 to %s and logs it, without calling onUpdate', async (_label, body) => {
    const onUpdate = vi.fn<(u: ZaloUpdate) => void>();
    const logger = recordingLogger();
    const r = await handleZaloWebhook({
      secret: SECRET,
      headers: { 'x-bot-api-secret-token': SECRET },
      body,
      onUpdate,
      logger,
    });
    expect(r).toEqual({ status: 200, body: { ok: true } });
    expect(onUpdate).not.toHaveBeenCalled();
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        obj: { channel: 'zalo', reason: expect.any(String) },
        msg: 'zalo webhook: update ignored',
      },
    ]);
  });

  it('hands on an unknown event kind, for the bot to ignore', async () => {
    const { onUpdate, result } = call(
      { 'x-bot-api-secret-token': SECRET },
      { event_name: 'bot.new.thing', data: 1 },
    );
    expect((await result).status).toBe(200);
    expect(onUpdate.mock.calls[0]?.[0]).toMatchObject({ event_name: 'bot.new.thing' });
  });

  it('answers 500 when onUpdate throws', async () => {
    const r = await handleZaloWebhook({
      secret: SECRET,
      headers: { 'x-bot-api-secret-token': SECRET },
      body: update,
      onUpdate: () => {
        throw new Error('db down');
      },
    });
    expect(r.status).toBe(500);
  });

  it('works behind a real HTTP server, called the way Zalo calls it', async () => {
    const received: ZaloUpdate[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void handleZaloWebhook({
          secret: SECRET,
          headers: req.headers,
          body: Buffer.concat(chunks),
          onUpdate: (u) => void received.push(u),
        }).then(({ status, body }) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
    try {
      expect(await postWebhook(url, { secret: SECRET, body: update })).toEqual({
        status: 200,
        body: { ok: true },
      });
      expect((await postWebhook(url, { secret: 'nope', body: update })).status).toBe(401);
      expect((await postWebhook(url, { secret: undefined, body: update })).status).toBe(401);
      expect((await postWebhook(url, { secret: SECRET, body: 'not json' })).status).toBe(400);
      expect(received).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
