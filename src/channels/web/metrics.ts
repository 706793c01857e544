// A tiny Prometheus registry: counters, gauges and histograms with labels, rendered in the text format 0.0.4.

type Labels = Record<string, string>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k] ?? '')}"`).join(',')}}`;
}

function number(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  get(labels?: Labels): number;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export class Registry {
  private readonly families = new Map<string, Family>();
  private readonly collectors: Array<() => Promise<void>> = [];

  private add(family: Family): void {
    if (!/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(family.name)) throw new Error(`bad metric name ${family.name}`);
    if (this.families.has(family.name)) throw new Error(`metric ${family.name} registered twice`);
    this.families.set(family.name, family);
  }

  counter(name: string, help: string): Counter {
    const values = new Map<string, number>();
    this.add({
      name,
      help,
      type: 'counter',
      render: () => [...values].map(([l, v]) => `${name}${l} ${number(v)}`),
    });
    return {
      inc: (labels = {}, by = 1) => {
        if (by < 0) throw new Error('a counter only goes up');
        const key = labelText(labels);
        values.set(key, (values.get(key) ?? 0) + by);
      },
      get: (labels = {}) => values.get(labelText(labels)) ?? 0,
    };
  }

  gauge(name: string, help: string): Gauge {
    const values = new Map<string, number>();
    this.add({
      name,
      help,
      type: 'gauge',
      render: () => [...values].map(([l, v]) => `${name}${l} ${number(v)}`),
    });
    return {
      set: (value, labels = {}) => void values.set(labelText(labels), value),
      get: (labels = {}) => values.get(labelText(labels)) ?? 0,
    };
  }

  histogram(name: string, help: string, buckets: number[]): Histogram {
    const bounds = [...buckets].sort((a, b) => a - b);
    const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
    this.add({
      name,
      help,
      type: 'histogram',
      render: () =>
        [...series.values()].flatMap((s) => [
          ...bounds.map(
            (b, i) => `${name}_bucket${labelText({ ...s.labels, le: number(b) })} ${s.counts[i] ?? 0}`,
          ),
          `${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`,
          `${name}_sum${labelText(s.labels)} ${number(s.sum)}`,
          `${name}_count${labelText(s.labels)} ${s.count}`,
        ]),
    });
    return {
      observe: (value, labels = {}) => {
        const key = labelText(labels);
        let s = series.get(key);
        if (!s) {
          s = { labels, counts: bounds.map(() => 0), sum: 0, count: 0 };
          series.set(key, s);
        }
        bounds.forEach((b, i) => {
          if (value <= b) s.counts[i] = (s.counts[i] ?? 0) + 1;
        });
        s.sum += value;
        s.count += 1;
      },
    };
  }

  /** Runs before each scrape, to refresh gauges read from elsewhere (the outbox's depth). */
  onCollect(collect: () => Promise<void>): void {
    this.collectors.push(collect);
  }

  async render(): Promise<string> {
    // A failed collector leaves its gauge at its last value rather than failing the scrape.
    await Promise.allSettled(this.collectors.map((c) => c()));
    const lines: string[] = [];
    for (const f of this.families.values()) {
      lines.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`);
      lines.push(`# TYPE ${f.name} ${f.type}`);
      lines.push(...f.render());
    }
    return `${lines.join('\n')}\n`;
  }
}

/** The metrics dondoc reports; channels and the scheduler get this object and count on it. */
export interface Metrics {
  registry: Registry;
  /** Chat messages received, by channel. */
  messagesIn: Counter;
  /** Replies and notifications sent, by channel. */
  messagesOut: Counter;
  /** Reminder messages delivered, by channel and kind. */
  remindersSent: Counter;
  /** Reminder deliveries that failed, by channel and reason. */
  remindersFailed: Counter;
  /** Outbox messages waiting to be delivered. */
  queueDepth: Gauge;
  /** Seconds from receiving a message to having the replies, by channel. */
  replySeconds: Histogram;
  /** HTTP requests served by the web app, by method, route and status. */
  httpRequests: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    messagesIn: registry.counter('dondoc_messages_in_total', 'Chat messages received.'),
    messagesOut: registry.counter('dondoc_messages_out_total', 'Chat messages sent.'),
    remindersSent: registry.counter('dondoc_reminders_sent_total', 'Reminder messages delivered.'),
    remindersFailed: registry.counter('dondoc_reminders_failed_total', 'Reminder deliveries that failed.'),
    queueDepth: registry.gauge('dondoc_queue_depth', 'Outbox messages waiting to be delivered.'),
    replySeconds: registry.histogram(
      'dondoc_reply_seconds',
      'Time from receiving a chat message to having its replies.',
      [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
    httpRequests: registry.counter('dondoc_http_requests_total', 'HTTP requests served by the web app.'),
  };
}
