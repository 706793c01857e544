// The metrics dondoc reports, on prom-client: one registry per createMetrics() call, never the global one,
// so several apps in one process (the tests) each count on their own.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TurnObservation } from '../../core/turn.ts';

/** The metrics dondoc reports; channels and the scheduler get this object and count on it. */
export interface Metrics {
  /** Rendered on GET /metrics: `await registry.metrics()`, served as `registry.contentType`. */
  registry: Registry;
  /** Chat messages received, by channel. */
  messagesIn: Counter<'channel'>;
  /** Replies and notifications sent, by channel. */
  messagesOut: Counter<'channel'>;
  /** Reminder messages delivered, by channel and kind. */
  remindersSent: Counter<'channel' | 'kind'>;
  /** Reminder deliveries that failed, by channel and reason. */
  remindersFailed: Counter<'channel' | 'reason'>;
  /** Outbox messages waiting to be delivered; the web app refreshes it before each scrape. */
  queueDepth: Gauge;
  /** Seconds from receiving a message to having the replies, by channel. */
  replySeconds: Histogram<'channel'>;
  /** HTTP requests served by the web app, by method, route and status. */
  httpRequests: Counter<'method' | 'route' | 'status'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    messagesIn: new Counter({
      name: 'dondoc_messages_in_total',
      help: 'Chat messages received.',
      labelNames: ['channel'] as const,
      registers,
    }),
    messagesOut: new Counter({
      name: 'dondoc_messages_out_total',
      help: 'Chat messages sent.',
      labelNames: ['channel'] as const,
      registers,
    }),
    remindersSent: new Counter({
      name: 'dondoc_reminders_sent_total',
      help: 'Reminder messages delivered.',
      labelNames: ['channel', 'kind'] as const,
      registers,
    }),
    remindersFailed: new Counter({
      name: 'dondoc_reminders_failed_total',
      help: 'Reminder deliveries that failed.',
      labelNames: ['channel', 'reason'] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: 'dondoc_queue_depth',
      help: 'Outbox messages waiting to be delivered.',
      registers,
    }),
    replySeconds: new Histogram({
      name: 'dondoc_reply_seconds',
      help: 'Time from receiving a chat message to having its replies.',
      labelNames: ['channel'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    httpRequests: new Counter({
      name: 'dondoc_http_requests_total',
      help: 'HTTP requests served by the web app.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
  };
}

/** The core's observer that counts every handled message on /metrics, per messenger. */
export function countTurns(metrics: Metrics): (turn: TurnObservation) => void {
  return ({ channel, replies, seconds }) => {
    metrics.messagesIn.inc({ channel });
    metrics.messagesOut.inc({ channel }, replies);
    metrics.replySeconds.observe({ channel }, seconds);
  };
}
