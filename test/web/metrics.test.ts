// GET /metrics after real activity: what Prometheus scrapes from the prom-client registry createMetrics() makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle } from '../../src/reminders/cycle.ts';
import { dbKinds } from '../helpers/db.ts';
import { quietLogger, registerPeople } from '../reminders/delivery.ts';
import { NOW, testWeb, TZ, type TestWeb } from './helpers.ts';

const BUCKETS = ['0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5', '10', '+Inf'];

async function scrape(web: TestWeb): Promise<string> {
  const res = await web.get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return res.text();
}

/** The value of the one sample line starting with `series` (name and labels, as rendered). */
function sample(text: string, series: string): number {
  const lines = text.split('\n').filter((l) => l.startsWith(`${series} `));
  expect(lines, series).toHaveLength(1);
  return Number(lines[0]!.slice(series.length + 1));
}

describe.each(dbKinds())('GET /metrics on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('shows each metric with its help text and type, before anything happened', async () => {
    const text = await scrape(web);
    for (const [name, type, help] of [
      ['dondoc_messages_in_total', 'counter', 'Chat messages received.'],
      ['dondoc_messages_out_total', 'counter', 'Chat messages sent.'],
      ['dondoc_reminders_sent_total', 'counter', 'Reminder messages delivered.'],
      ['dondoc_reminders_failed_total', 'counter', 'Reminder deliveries that failed.'],
      ['dondoc_queue_depth', 'gauge', 'Outbox messages waiting to be delivered.'],
      ['dondoc_reply_seconds', 'histogram', 'Time from receiving a chat message to having its replies.'],
      ['dondoc_http_requests_total', 'counter', 'HTTP requests served by the web app.'],
    ])
      expect(text).toContain(`# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`);
    expect(text).toContain('dondoc_queue_depth 0\n');
  });

  it('times each chat message in cumulative buckets, by channel', async () => {
    await web.chat('P02', 'tổng hợp tiến độ NQ57');
    await web.chat('P02', 'NQ57-04.3');
    const text = await scrape(web);
    const counts = BUCKETS.map((le) => sample(text, `dondoc_reply_seconds_bucket{le="${le}",channel="web"}`));
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts.at(-1)).toBe(2);
    expect(sample(text, 'dondoc_reply_seconds_count{channel="web"}')).toBe(2);
    const sum = sample(text, 'dondoc_reply_seconds_sum{channel="web"}');
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(60);
    expect(sample(text, 'dondoc_messages_in_total{channel="web"}')).toBe(2);
    expect(sample(text, 'dondoc_messages_out_total{channel="web"}')).toBeGreaterThanOrEqual(2);
  });

  it('counts HTTP requests by method, route and status, the scrapes themselves included', async () => {
    await web.get('/no-such-page');
    const before = await scrape(web);
    const after = await scrape(web);
    const series = 'dondoc_http_requests_total{method="GET",route="/metrics",status="200"}';
    expect(sample(after, series)).toBe(sample(before, series) + 1);
    expect(sample(after, 'dondoc_http_requests_total{method="POST",route="/api/chat",status="200"}')).toBe(2);
    expect(sample(after, 'dondoc_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
  });

  it('counts reminders with the labels serve gives them', async () => {
    // As serve's outbox worker reports each delivery.
    web.metrics.remindersSent.inc({ channel: 'telegram', kind: 'assignee' });
    web.metrics.remindersSent.inc({ channel: 'telegram', kind: 'assignee' });
    web.metrics.remindersSent.inc({ channel: 'zalo', kind: 'leader_digest' });
    web.metrics.remindersFailed.inc({ channel: 'zalo', reason: 'unreachable' });
    const text = await scrape(web);
    expect(text).toContain('dondoc_reminders_sent_total{channel="telegram",kind="assignee"} 2\n');
    expect(text).toContain('dondoc_reminders_sent_total{channel="zalo",kind="leader_digest"} 1\n');
    expect(text).toContain('dondoc_reminders_failed_total{channel="zalo",reason="unreachable"} 1\n');
  });

  it('reads the outbox depth at each scrape, and keeps the last one when the database is down', async () => {
    const own = await testWeb(kind);
    let closed = false;
    try {
      expect(await scrape(own)).toContain('dondoc_queue_depth 0\n');
      await registerPeople(own.database.db, { channel: 'telegram' });
      const { enqueued } = await runCycle(
        { db: own.database.db, now: NOW, tz: TZ, logger: quietLogger() },
        { dryRun: false },
      );
      expect(enqueued).toBeGreaterThan(0);
      expect(await scrape(own)).toContain(`dondoc_queue_depth ${enqueued}\n`);

      await own.close();
      closed = true;
      expect(await scrape(own)).toContain(`dondoc_queue_depth ${enqueued}\n`);
    } finally {
      if (!closed) await own.close();
    }
  });

  it('gives each app its own registry: another app in the process starts from zero', async () => {
    const other = await testWeb(kind);
    try {
      const text = await scrape(other);
      expect(text).not.toContain('dondoc_messages_in_total{');
      expect(text).not.toContain('dondoc_reminders_sent_total{');
      expect(text).toContain('# TYPE dondoc_messages_in_total counter\n');
    } finally {
      await other.close();
    }
  });
});
