import { describe, expect, it } from 'vitest';
import { createMetrics, Registry } from '../../src/channels/web/metrics.ts';

describe('the Prometheus registry', () => {
  it('renders counters and gauges with HELP, TYPE and sorted, escaped labels', async () => {
    const r = new Registry();
    const c = r.counter('x_total', 'Things.');
    c.inc({ channel: 'web', b: 'a"b\\c' });
    c.inc({ b: 'a"b\\c', channel: 'web' }, 2);
    r.gauge('depth', 'Queue.').set(4);
    expect(await r.render()).toBe(
      '# HELP x_total Things.\n# TYPE x_total counter\nx_total{b="a\\"b\\\\c",channel="web"} 3\n' +
        '# HELP depth Queue.\n# TYPE depth gauge\ndepth 4\n',
    );
  });

  it('renders a histogram with cumulative buckets, sum and count', async () => {
    const r = new Registry();
    const h = r.histogram('lat_seconds', 'Latency.', [0.1, 1]);
    h.observe(0.05);
    h.observe(0.5);
    h.observe(3);
    const text = await r.render();
    expect(text).toContain('lat_seconds_bucket{le="0.1"} 1\n');
    expect(text).toContain('lat_seconds_bucket{le="1"} 2\n');
    expect(text).toContain('lat_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain('lat_seconds_sum 3.55\n');
    expect(text).toContain('lat_seconds_count 3\n');
  });

  it('refreshes gauges from collectors before each scrape, and survives a failing one', async () => {
    const m = createMetrics();
    let depth = 7;
    m.registry.onCollect(async () => m.queueDepth.set(depth));
    m.registry.onCollect(async () => {
      throw new Error('database down');
    });
    expect(await m.registry.render()).toContain('dondoc_queue_depth 7\n');
    depth = 2;
    expect(await m.registry.render()).toContain('dondoc_queue_depth 2\n');
  });

  it('refuses a counter going down and a name registered twice', () => {
    const r = new Registry();
    const c = r.counter('a_total', 'A.');
    expect(() => c.inc({}, -1)).toThrow();
    expect(() => r.gauge('a_total', 'again')).toThrow();
  });
});
