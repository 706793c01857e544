// A web app on a fresh demo database, the clock at the demo's reference morning, notifications collected.
import type { Notifier } from '../../src/core/conversation.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { PersonCode } from '../../src/core/types.ts';
import { createWebApp } from '../../src/channels/web/app.ts';
import type { AuthConfig } from '../../src/channels/web/auth.ts';
import { createMetrics, type Metrics } from '../../src/channels/web/metrics.ts';
import { NO_NETWORK_TRUST, type NetworkConfig } from '../../src/channels/web/network.ts';
import { consoleStore } from '../../src/store/console-port.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { expectConsistent, freshDatabase, type DbKind, type TestDatabase } from '../helpers/db.ts';

export const NOW = new Date('2025-07-15T08:00:00+07:00');
export const TZ = 'Asia/Ho_Chi_Minh';

export interface TestWeb {
  app: ReturnType<typeof createWebApp>;
  store: Store;
  database: TestDatabase;
  metrics: Metrics;
  notified: { person: PersonCode; reply: Reply; key: string }[];
  /** A request to the app as a browser on this machine would send it (or from the TCP peer `from`). */
  get(path: string, init?: RequestInit, from?: string): Promise<Response>;
  post(path: string, body: unknown, init?: RequestInit, from?: string): Promise<Response>;
  chat(
    person: string,
    text: string,
  ): Promise<{ html: string; buttons: { label: string; action: string }[][] }[]>;
  close(): Promise<void>;
}

/** The env @hono/node-server hands the app: the socket a request came in on. */
export const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

export async function testWeb(
  kind: DbKind,
  auth: AuthConfig = { required: false },
  network: NetworkConfig = NO_NETWORK_TRUST,
  template: 'empty' | 'demo' = 'demo',
): Promise<TestWeb> {
  const database = await freshDatabase(kind, template);
  const now = () => new Date(NOW);
  const store = createStore(database.db, now);
  const metrics = createMetrics();
  const notified: TestWeb['notified'] = [];
  const notify: Notifier = {
    notify: async (person, reply, key) => {
      notified.push({ person, reply, key });
      return { queued: ['telegram'] };
    },
  };
  const app = createWebApp({ store: consoleStore(store), now, tz: TZ, notify, metrics, auth, network });
  const get = async (path: string, init?: RequestInit, from = '127.0.0.1') =>
    app.request(`http://localhost${path}`, init, peer(from));
  const post = async (path: string, body: unknown, init?: RequestInit, from = '127.0.0.1') =>
    app.request(
      `http://localhost${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        ...init,
      },
      peer(from),
    );
  return {
    app,
    store,
    database,
    metrics,
    notified,
    get,
    post,
    chat: async (person, text) => {
      const res = await post('/api/chat', { person, text });
      if (res.status !== 200) throw new Error(`chat: ${res.status} ${await res.text()}`);
      return (
        (await res.json()) as { replies: { html: string; buttons: { label: string; action: string }[][] }[] }
      ).replies;
    },
    close: async () => {
      await expectConsistent(database.db);
      await database.close();
    },
  };
}
