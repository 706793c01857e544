// The bot's manners under load and failure: "typing…" for slow answers, one bad update never stops it, /chart, clean stops.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartSource } from '../../../src/core/files.ts';
import { programChartPng } from '../../../src/channels/web/program-chart.ts';
import { chartData } from '../../../src/store/console-port.ts';
import type { Db } from '../../../src/store/db.ts';
import type { Store } from '../../../src/store/store.ts';
import { startRig, type Rig } from './helpers.ts';

const P10 = 1010;

describe('the bot under load and failure', () => {
  let rig: Rig | null = null;
  afterEach(async () => {
    await rig?.close();
    rig = null;
  });

  it('shows “typing…” while a slow answer is built, and not for a quick one', async () => {
    let slow = false;
    const wrapStore = (store: Store): Store => ({
      ...store,
      lexicon: async () => {
        if (slow) await new Promise((resolve) => setTimeout(resolve, 700));
        return store.lexicon();
      },
    });
    rig = await startRig({ kind: 'pglite', mode: 'webhook', wrapStore });
    await rig.register('P10', P10);
    const typing = () => rig!.fake.calls.filter((c) => c.method === 'sendChatAction');
    await rig.say(P10, 'việc của tôi');
    expect(typing()).toHaveLength(0);
    slow = true;
    await rig.say(P10, 'việc của tôi');
    expect(typing()).toHaveLength(1);
    expect(typing()[0]!.params).toMatchObject({ chat_id: String(P10), action: 'typing' });
    expect(rig.textsTo(P10).at(-1)).toMatch(/^📋 Bạn có 4 nhiệm vụ/);
  });

  it('survives an update that fails: says sorry, logs it without the text, and answers the next one', async () => {
    let failNext = false;
    const wrapStore = (store: Store): Store => ({
      ...store,
      // The status answer's read (the chat's state now comes with the webhook gate's own statement).
      item: async (code) => {
        if (failNext) {
          failNext = false;
          throw new Error('database went away');
        }
        return store.item(code);
      },
    });
    rig = await startRig({ kind: 'pglite', mode: 'polling', wrapStore });
    await rig.register('P10', P10);
    failNext = true;
    await rig.say(P10, 'tiến độ NQ57-12.3');
    expect(rig.textsTo(P10).at(-1)).toBe(
      'Xin lỗi, đã có lỗi khi xử lý tin nhắn. Vui lòng thử lại sau ít phút.',
    );
    await rig.say(P10, 'tiến độ NQ57-12.3');
    expect(rig.textsTo(P10).at(-1)).toMatch(/^🟢 Nhiệm vụ NQ57-12\.3/);
    const failure = rig.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['msg'] === 'telegram: update failed');
    expect(failure).toMatchObject({
      channel: 'telegram',
      chatId: String(P10),
      err: { message: 'database went away' },
    });
    expect(typeof failure?.['updateId']).toBe('number');
    expect(rig.logs.join('')).not.toContain('NQ57-12.3');
  });

  it('confirms the handled updates when polling stops, so a restart does not handle them again', async () => {
    rig = await startRig({ kind: 'pglite', mode: 'polling' });
    await rig.register('P10', P10);
    await rig.say(P10, 'việc của tôi');
    await rig.telegram.stop();
    expect(rig.fake.pendingUpdates).toEqual([]);
    const polls = rig.fake.calls.filter((c) => c.method === 'getUpdates').length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
  });
});

describe('/chart', () => {
  let rig: Rig;
  afterEach(() => rig.close());

  it('sends a registered person the programme’s chart as a photo, and a stranger nothing', async () => {
    const asked: string[] = [];
    let db: Db | null = null;
    // The web console's renderer, on the rig's own database.
    const chart: ChartSource = async (req) => {
      asked.push(`${req.program}/${req.lang}/${req.today}`);
      return programChartPng(chartData(db!), req);
    };
    rig = await startRig({ kind: 'pglite', mode: 'webhook', bot: { chart } });
    db = rig.db.db;
    expect(rig.fake.commands[0]?.commands.map((c) => c.command)).toContain('chart');
    await rig.register('P10', P10);

    await rig.say(P10, '/chart nq57');
    expect(rig.fake.photos).toMatchObject([
      {
        chat_id: P10,
        filename: 'NQ57.png',
        byteLength: expect.any(Number),
        caption: 'Tiến độ NQ57 theo đơn vị',
        parse_mode: 'HTML',
      },
    ]);
    expect(rig.fake.photos[0]!.byteLength).toBeGreaterThan(5000);
    expect(asked).toEqual(['NQ57/vi/2025-07-15']);

    await rig.say(P10, '/chart');
    expect(rig.textsTo(P10).at(-1)).toBe(
      'Gõ /chart kèm mã chương trình: /chart CDS25, /chart DA06, /chart NQ57.',
    );
    await rig.say(P10, '/chart XYZ');
    expect(rig.textsTo(P10).at(-1)).toBe('Không có chương trình XYZ. Các chương trình: CDS25, DA06, NQ57.');

    await rig.say(9999, '/chart NQ57');
    expect(rig.textsTo(9999).at(-1)).toContain('Bạn chưa đăng ký');
    expect(rig.fake.photos).toHaveLength(1);
  });
});
