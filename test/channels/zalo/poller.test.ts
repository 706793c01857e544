// The long-poll loop against the fake: order, resilience, back-off and a prompt stop.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZaloUpdate } from '../../../src/channels/zalo/api-types.ts';
import { createZaloClient, type ZaloClient } from '../../../src/channels/zalo/client.ts';
import { startZaloPolling, type ZaloPolling } from '../../../src/channels/zalo/poller.ts';
import { makeTextUpdate, startFakeZaloApi, type FakeZaloApi } from '../../fakes/zalo-api.ts';
import { TOKEN, recordingLogger, waitFor } from './helpers.ts';

let fake: FakeZaloApi;
let client: ZaloClient;
let polling: ZaloPolling | undefined;

beforeEach(async () => {
  fake = await startFakeZaloApi({ token: TOKEN });
  client = createZaloClient({ token: TOKEN, apiRoot: fake.url, retryBaseMs: 5 });
});
afterEach(async () => {
  await polling?.stop();
  polling = undefined;
  await fake.close();
});

const textOf = (u: ZaloUpdate): string | undefined => u.message?.text;
const serverError = { status: 500, body: { ok: false, error_code: 500, description: 'Internal error' } };

describe('Zalo polling', () => {
  it('deletes the webhook once before the first poll', async () => {
    fake.setWebhookInfo({ url: 'https://old.example.test/hook', secret_token: 'old-secret' });
    polling = startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30 });
    await waitFor(() => fake.waitingPolls() === 1);
    expect(fake.calls.map((c) => c.method)).toEqual(['deleteWebhook', 'getUpdates']);
    expect(fake.webhookInfo().url).toBe('');
  });

  it('delivers pushed updates in order, one at a time', async () => {
    const seen: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    fake.pushUpdate(makeTextUpdate('1'));
    fake.pushUpdate(makeTextUpdate('2'));
    polling = startZaloPolling({
      client,
      pollTimeoutSec: 30,
      onUpdate: async (u) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 10));
        seen.push(textOf(u) ?? '?');
        inFlight--;
      },
    });
    fake.pushUpdate(makeTextUpdate('3'));
    await waitFor(() => seen.length === 3);
    fake.pushUpdate(makeTextUpdate('4'));
    fake.pushUpdate(makeTextUpdate('5'));
    await waitFor(() => seen.length === 5);
    expect(seen).toEqual(['1', '2', '3', '4', '5']);
    expect(maxInFlight).toBe(1);
  });

  it('survives an onUpdate that throws, logging the update context', async () => {
    const logger = recordingLogger();
    const seen: string[] = [];
    polling = startZaloPolling({
      client,
      logger,
      pollTimeoutSec: 30,
      onUpdate: (u) => {
        if (textOf(u) === 'boom') throw new Error('handler exploded');
        seen.push(textOf(u) ?? '?');
      },
    });
    fake.pushUpdate(makeTextUpdate('boom', { messageId: 'm-boom', chatId: 'c-9' }));
    fake.pushUpdate(makeTextUpdate('after'));
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual(['after']);
    const line = logger.lines.find((l) => l.msg === 'zalo polling: onUpdate failed');
    expect(line?.level).toBe('error');
    expect(line?.obj).toMatchObject({ messageId: 'm-boom', chatId: 'c-9', event: 'message.text.received' });
  });

  it('just polls again after an empty (408) poll, without logging a failure', async () => {
    const logger = recordingLogger();
    const timeout = { status: 200, body: { ok: false, error_code: 408, description: 'Request timeout' } };
    fake.failNext('getUpdates', timeout, 3);
    const seen: string[] = [];
    polling = startZaloPolling({
      client,
      logger,
      pollTimeoutSec: 30,
      onUpdate: (u) => void seen.push(textOf(u)!),
    });
    await waitFor(() => fake.waitingPolls() === 1);
    fake.pushUpdate(makeTextUpdate('hi'));
    await waitFor(() => seen.length === 1);
    // Three empty polls, the one that got the update, and (maybe already) the next one.
    expect(fake.calls.filter((c) => c.method === 'getUpdates').length).toBeGreaterThanOrEqual(4);
    expect(logger.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });

  it('backs off on 500s with growing, capped delays, then carries on', async () => {
    const logger = recordingLogger();
    fake.failNext('getUpdates', serverError, 4);
    fake.pushUpdate(makeTextUpdate('eventually'));
    const seen: string[] = [];
    polling = startZaloPolling({
      client,
      logger,
      pollTimeoutSec: 30,
      backoffMinMs: 20,
      backoffMaxMs: 60,
      onUpdate: (u) => void seen.push(textOf(u)!),
    });
    await waitFor(() => seen.length === 1);
    const delays = logger.lines
      .filter((l) => l.msg === 'zalo polling: call failed, backing off')
      .map((l) => (l.obj as { delayMs: number }).delayMs);
    expect(delays).toEqual([20, 40, 60, 60]);
    expect(seen).toEqual(['eventually']);
  });

  it('backs off and retries when deleteWebhook fails at start', async () => {
    fake.failNext('deleteWebhook', serverError, 2);
    polling = startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30, backoffMinMs: 10 });
    await waitFor(() => fake.waitingPolls() === 1);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'deleteWebhook',
      'deleteWebhook',
      'deleteWebhook',
      'getUpdates',
    ]);
  });

  it('stops promptly during a long poll, and the next update stays queued for later', async () => {
    polling = startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30 });
    await waitFor(() => fake.waitingPolls() === 1);
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(500);
    await waitFor(() => fake.waitingPolls() === 0);
    fake.pushUpdate(makeTextUpdate('not lost'));
    expect(fake.pendingUpdates()).toBe(1);
  });

  it('stops promptly during a back-off wait', async () => {
    const logger = recordingLogger();
    fake.failNext('getUpdates', serverError, 10);
    polling = startZaloPolling({
      client,
      logger,
      onUpdate: () => {},
      pollTimeoutSec: 30,
      backoffMinMs: 10_000,
    });
    await waitFor(() => logger.lines.some((l) => l.msg === 'zalo polling: call failed, backing off'));
    const started = Date.now();
    await polling.stop();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('lets the update being handled finish before stop resolves', async () => {
    let finished = false;
    polling = startZaloPolling({
      client,
      pollTimeoutSec: 30,
      onUpdate: async () => {
        await new Promise((r) => setTimeout(r, 100));
        finished = true;
      },
    });
    fake.pushUpdate(makeTextUpdate('slow'));
    await waitFor(() => fake.calls.filter((c) => c.method === 'getUpdates').length === 1);
    await new Promise((r) => setTimeout(r, 20));
    await polling.stop();
    expect(finished).toBe(true);
  });

  it('refuses a second loop on the same client while one runs, and allows it after stop', async () => {
    polling = startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30 });
    expect(() => startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30 })).toThrow(
      /already running/,
    );
    await polling.stop();
    polling = startZaloPolling({ client, onUpdate: () => {}, pollTimeoutSec: 30 });
    await waitFor(() => fake.waitingPolls() === 1);
  });
});
