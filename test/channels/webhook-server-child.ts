// A child process serving both webhooks through the real server (startHttpServer), for the body-limit test:
// prints its port, then answers each 'memory' message with its process.memoryUsage().
import { Hono } from 'hono';
import { startHttpServer } from '../../src/channels/server.ts';
import { webhookRoutes } from '../../src/channels/telegram/webhook.ts';
import { zaloWebhookRoutes } from '../../src/channels/zalo/route.ts';
import { NO_NETWORK_TRUST } from '../../src/channels/web/network.ts';
import { createLogger } from '../../src/logger.ts';

const logger = createLogger('silent');
const app = new Hono();
app.route('/', webhookRoutes({ secret: 'telegram-secret', onUpdate: async () => undefined, logger }));
app.route('/', zaloWebhookRoutes({ secret: 'zalo-secret-123', onUpdate: async () => undefined }));

const server = await startHttpServer({
  hostname: '127.0.0.1',
  port: 0,
  network: NO_NETWORK_TRUST,
  fetch: app.fetch,
});
const address = server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (m) => {
  if (m === 'memory') process.send?.({ memory: process.memoryUsage() });
  if (m === 'stop') server.close(() => process.exit(0));
});
