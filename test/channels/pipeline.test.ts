// run(), the one path of every inbound message, through a real adapter: the Zalo adapter with its real
// client against the loopback fake of Zalo's Bot API, and the real core on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendLimiter } from '../../src/channels/limiter.ts';
import { run, type PipelineDeps } from '../../src/channels/pipeline.ts';
import { createRedeliveryGate } from '../../src/channels/redelivery.ts';
import { inboundAdmission } from '../../src/store/inbound.ts';
import { zaloAdapter } from '../../src/channels/zalo/adapter.ts';
import { parseZaloUpdate } from '../../src/channels/zalo/api-types.ts';
import { createZaloClient } from '../../src/channels/zalo/client.ts';
import { createZaloOutbound } from '../../src/channels/zalo/outbound.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { createInvite } from '../../src/store/people.ts';
import { createStore } from '../../src/store/store.ts';
import { makeTextUpdate, startFakeZaloApi, type FakeZaloApi } from '../fakes/zalo-api.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { recordingLogger, TOKEN } from './zalo/helpers.ts';

const NOW = new Date('2025-07-15T09:00:00+07:00');
const TZ = 'Asia/Ho_Chi_Minh';
const LEADER = 'zalo-user-leader';
/** The province's overdue tasks: one reply, longer than one Zalo message (2,000 characters). */
const LONG_QUESTION = 'nhiệm vụ nào quá hạn';

describe.each(dbKinds())('one message through run() and the Zalo adapter on %s', (kind) => {
  let db: TestDatabase;
  let fake: FakeZaloApi;
  const logger = recordingLogger();
  let deps: PipelineDeps;
  let adapter: ReturnType<typeof zaloAdapter>;
  let messageIds = 0;

  beforeAll(async () => {
    db = await freshDatabase(kind, 'demo');
    fake = await startFakeZaloApi({ token: TOKEN });
    // As the bot sends replies: no retries in the client (a retried timeout could show twice).
    const client = createZaloClient({ token: TOKEN, apiRoot: fake.url, maxRetries: 0 });
    const unlimited = Number.POSITIVE_INFINITY;
    const limiter = createSendLimiter({
      perSecond: unlimited,
      perChatPerSecond: unlimited,
      perGroupPerMinute: unlimited,
    });
    adapter = zaloAdapter({
      outbound: createZaloOutbound({ client, limiter }),
      client,
      logger,
      retry: { baseMs: 1 },
    });
    deps = {
      core: {
        store: createStore(db.db, () => NOW),
        now: () => NOW,
        tz: TZ,
        notify: { notify: async () => ({ queued: [] }) },
      },
      logger,
      firstSeen: createRedeliveryGate(inboundAdmission(db.db)),
    };
    const { code } = await createInvite(db.db, 'P02' as PersonCode, NOW);
    await say(`đăng ký ${code}`);
  });
  afterAll(async () => {
    await fake?.close();
    await db?.close();
  });

  function say(text: string) {
    const update = parseZaloUpdate(makeTextUpdate(text, { fromId: LEADER, messageId: `m-${++messageIds}` }));
    if (update === null) throw new Error('the fake update does not parse');
    return run(deps, adapter, update);
  }
  const textsSince = (from: number): string[] =>
    fake.sent
      .slice(from)
      .filter((s) => s.method === 'sendMessage' && s.body.chat_id === LEADER)
      .map((s) => String(s.body.text));

  it('sends every part of a reply, in order, and reports the reply delivered', async () => {
    const from = fake.sent.length;
    const { delivered } = await say(LONG_QUESTION);
    expect(delivered).toHaveLength(1);
    const parts = textsSince(from);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2000);
    expect(parts[0]).toMatch(/^🔴 36 nhiệm vụ quá hạn — toàn tỉnh:\n/);
    expect(parts.at(-1)).toMatch(/Trang 1\/\d+/);
  });

  it('sends nothing after a failed send, logs the failure with its kind, and answers the next message', async () => {
    const from = fake.sent.length;
    const failedBefore = logger.lines.length;
    fake.failNext('sendMessage', {
      status: 500,
      body: { ok: false, error_code: 500, description: 'Internal' },
    });
    const { delivered } = await say(LONG_QUESTION);
    // The first part failed: the later parts would arrive out of context, so none goes.
    expect(delivered).toEqual([]);
    expect(textsSince(from)).toEqual([]);
    const failures = logger.lines.slice(failedBefore).filter((l) => l.msg === 'zalo: reply not delivered');
    expect(failures).toEqual([
      {
        level: 'error',
        obj: expect.objectContaining({
          channel: 'zalo',
          chatId: LEADER,
          messageId: `m-${messageIds}`,
          failure: 'retry',
        }),
        msg: 'zalo: reply not delivered',
      },
    ]);

    const next = fake.sent.length;
    expect((await say('việc của tôi')).delivered).toHaveLength(1);
    expect(textsSince(next)).toHaveLength(1);
  });
});
