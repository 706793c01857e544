// `dondoc serve` (npm start): wires config → store → web → channels → scheduler, and stops them in reverse.
import { Hono } from 'hono';
import { createTelegramBot } from '../channels/telegram/bot.ts';
import { createSendLimiter } from '../channels/limiter.ts';
import { startHttpServer } from '../channels/server.ts';
import { createZaloBot } from '../channels/zalo/bot.ts';
import { createRedeliveryGate } from '../channels/redelivery.ts';
import { createWebApp } from '../channels/web/app.ts';
import { programChartPng } from '../channels/web/program-chart.ts';
import { syncBootstrapAdmin } from '../channels/web/auth.ts';
import { consoleExposure } from '../channels/web/network.ts';
import { countTurns, createMetrics, type Metrics } from '../channels/web/metrics.ts';
import type { OutboundChannel } from '../channels/outbound.ts';
import { runCycle } from '../reminders/cycle.ts';
import { createOutboxNotifier } from '../reminders/notifier.ts';
import { REPORT_SCHEDULE_NAME, runReportCycle } from '../reminders/reports.ts';
import { startScheduler } from '../reminders/scheduler.ts';
import { createReportRenderer, renderAskedReport } from '../report/deliver.ts';
import type { Messenger } from '../core/types.ts';
import { startOutboxWorker } from '../reminders/worker.ts';
import type { Db } from '../store/db.ts';
import { forgetSeenBefore, inboundAdmission } from '../store/inbound.ts';
import { rebuildRollup } from '../store/rollup.ts';
import { readProvince } from '../store/demo-files.ts';
import { demoShift, isEmpty, seedProvince } from '../store/seed.ts';
import { createStore } from '../store/store.ts';
import { chartData, consoleStore } from '../store/console-port.ts';
import type { CliContext } from './context.ts';
import { DEMO_DIR, telegramUsername } from './simple-commands.ts';

/** Answers while the database opens (PGlite's first open takes seconds), so the port is up at once. */
function startingApp(): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: false, starting: true }, 503));
  app.all('*', (c) =>
    c.html(
      '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="2"><p>dondoc đang khởi động…</p>',
      503,
    ),
  );
  return app;
}

export async function serveCommand(ctx: CliContext): Promise<number> {
  const { config, logger } = ctx;
  let handler = startingApp().fetch;
  const network = {
    trustProxy: config.TRUST_PROXY,
    metricsAllow: config.METRICS_ALLOW,
    metricsToken: config.METRICS_TOKEN,
  };
  const server = await startHttpServer({
    hostname: config.HOST,
    port: config.PORT,
    network,
    fetch: (req, env) => handler(req, env),
  });
  ctx.onShutdown(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  const database = await ctx.openDb('serve');
  // Channels stop before the database closes: an update being handled may still write.
  const beforeDbClose: Array<() => Promise<void>> = [];
  ctx.onShutdown(async () => {
    for (const stop of beforeDbClose)
      await stop().catch((err: unknown) => logger.error({ err }, 'stop failed'));
    await database.close();
  });
  const socketPort = await database.expose();
  if (socketPort !== null)
    logger.info({ port: socketPort }, 'embedded database open to local dondoc commands');

  if (await isEmpty(database.db)) {
    const shift = demoShift(ctx.now(), config.TZ_NAME, config.DONDOC_NOW !== undefined);
    const result = await seedProvince(database.db, readProvince(DEMO_DIR), { shiftDays: shift });
    logger.info({ ...result }, 'empty database: demo province loaded');
  }
  const store = createStore(database.db, ctx.now, ctx.config.TZ_NAME);
  // What the web console reaches the store through: it never holds the database itself.
  const consolePort = consoleStore(store);
  // One registry for the whole process: channels and the scheduler count on it, /metrics shows it.
  const metrics = createMetrics();
  // Notifications to other people (an explanation asked for, its answer) go through the durable outbox.
  const notify = createOutboxNotifier(database.db, { logger });
  const { loginRequired, secureCookies } = consoleExposure({
    host: config.HOST,
    trustProxy: config.TRUST_PROXY,
    insecureCookies: config.INSECURE_COOKIES === '1',
  });
  if (loginRequired && !config.WEB_ADMIN_PASSWORD)
    logger.warn(
      { host: config.HOST },
      'console bound beyond loopback without WEB_ADMIN_PASSWORD: only people with a console password can sign in',
    );
  // A changed WEB_ADMIN_PASSWORD signs the bootstrap admin out everywhere.
  const bootstrap = await syncBootstrapAdmin(consolePort, config.WEB_ADMIN_PASSWORD, ctx.now());
  if (bootstrap.revoked > 0)
    logger.info({ sessions: bootstrap.revoked }, 'WEB_ADMIN_PASSWORD changed: the admin sessions were ended');
  const web = createWebApp({
    store: consolePort,
    now: ctx.now,
    tz: config.TZ_NAME,
    notify,
    metrics,
    logger,
    reminderCron: config.REMINDER_CRON,
    telegramBot: config.TELEGRAM_BOT_TOKEN ? knownOnceFound(() => telegramUsername(ctx)) : undefined,
    auth: {
      required: loginRequired,
      passwordHash: bootstrap.hash,
      secureCookies,
    },
    network,
  });
  // The messengers' webhooks come first, so the console's login never stands in their way.
  const app = new Hono();
  // The outbox worker sends through each bot's own outbound, so replies and reminders share one limiter.
  const outbounds = new Map<Messenger, OutboundChannel>();
  // One once-only gate for every messenger's inbound updates: the channels never hold the database.
  const firstSeen = createRedeliveryGate(inboundAdmission(database.db));
  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = createTelegramBot({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      store,
      firstSeen,
      now: ctx.now,
      tz: config.TZ_NAME,
      notify,
      observe: countTurns(metrics),
      logger,
      fileMaxBytes: config.FILE_MAX_MB * 1024 * 1024,
      webhook:
        config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
          ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
          : null,
      limits: { perSecond: Math.max(1, config.SEND_RATE_PER_SECOND) },
      chart: ({ program, lang, today }) => programChartPng(consolePort, { program, lang, today }),
      report: (ask) => renderAskedReport(database.db, config.TZ_NAME, ask),
    });
    beforeDbClose.push(() => telegram.stop());
    outbounds.set('telegram', telegram.outbound);
    if (telegram.webhook) app.route('/', telegram.webhook);
    // Telegram being unreachable must not keep the console down: start() retries on its own.
    void telegram.start();
  }
  if (config.ZALO_BOT_TOKEN) {
    // Webhook mode when ZALO_WEBHOOK_SECRET is set (POST /zalo/webhook on our server), else long polling.
    const zalo = createZaloBot({
      token: config.ZALO_BOT_TOKEN,
      apiRoot: config.ZALO_API_ROOT,
      webhookSecret: config.ZALO_WEBHOOK_SECRET,
      webhookUrl: config.ZALO_WEBHOOK_URL,
      firstSeen,
      core: {
        store,
        now: ctx.now,
        tz: config.TZ_NAME,
        notify,
        fileMaxBytes: config.FILE_MAX_MB * 1024 * 1024,
      },
      observe: countTurns(metrics),
      limiter: createSendLimiter({ perSecond: Math.max(1, config.SEND_RATE_PER_SECOND) }),
      logger,
      report: (ask) => renderAskedReport(database.db, config.TZ_NAME, ask),
    });
    beforeDbClose.push(() => zalo.stop());
    outbounds.set('zalo', zalo.outbound);
    if (zalo.webhook) app.route('/', zalo.webhook);
    // Failures are logged, never thrown: Zalo being down must not keep the console or Telegram down.
    void zalo.start();
  }
  app.route('/', web);
  handler = app.fetch;
  await startReminders(ctx, database.db, outbounds, metrics, beforeDbClose);
  ctx.io.err(`dondoc console on http://${config.HOST}:${port}/`);
  return 0;
}

/** When the maintained counts are rebuilt: 02:30 in the province's zone, when no one is reporting. */
const RECOUNT_CRON = '30 2 * * *';

/** How long an inbound update key is kept to recognise a redelivery. */
const SEEN_KEPT_MS = 7 * 86_400_000;

/**
 * The scheduler plans each REMINDER_CRON slot into the outbox (the database decides whether a slot is
 * still due, so several processes run it once); the worker delivers what is pending on the configured
 * messengers. With no messenger, reminders wait in the outbox for a process that has one.
 */
async function startReminders(
  ctx: CliContext,
  db: Db,
  outbounds: ReadonlyMap<Messenger, OutboundChannel>,
  metrics: Metrics,
  stops: Array<() => Promise<void>>,
): Promise<void> {
  const { config, logger } = ctx;
  const scheduler = await startScheduler({
    db,
    cronExpr: config.REMINDER_CRON,
    tz: config.TZ_NAME,
    now: ctx.now,
    logger,
    onCycle: async (tx, slot) => {
      const now = ctx.now();
      const cycle = await runCycle({ db: tx, now, tz: config.TZ_NAME, logger }, { dryRun: false });
      const forgotten = await forgetSeenBefore(tx, new Date(now.getTime() - SEEN_KEPT_MS));
      logger.info(
        { slot: slot.toISOString(), enqueued: cycle.enqueued, forgotten },
        'reminders planned; old inbound update keys forgotten',
      );
    },
  });
  // The maintained counts are recounted nightly, once across processes (a claimed slot), so a
  // write that ever bypassed the triggers (a restore, a hand edit) is healed by morning.
  const recount = await startScheduler({
    db,
    cronExpr: RECOUNT_CRON,
    tz: config.TZ_NAME,
    now: ctx.now,
    logger,
    name: 'count_rollup_rebuild',
    onCycle: async (tx) => {
      const { buckets } = await rebuildRollup(tx);
      logger.info({ buckets }, 'maintained counts rebuilt from a full recount');
    },
  });
  // The monthly report: its own slots (REPORT_CRON), claimed the same way; a slot up to ten days late
  // still runs at start-up, since the outbox key sends each leader's report of a period once anyway.
  const reports = await startScheduler({
    db,
    name: REPORT_SCHEDULE_NAME,
    cronExpr: config.REPORT_CRON,
    tz: config.TZ_NAME,
    now: ctx.now,
    logger,
    maxLateMs: 10 * 86_400_000,
    onCycle: async (tx, slot) => {
      await runReportCycle({ db: tx, tz: config.TZ_NAME, logger }, slot);
    },
  });
  // The schedulers stop first: a cycle must not enqueue after the worker has gone.
  stops.unshift(
    () => reports.stop(),
    () => recount.stop(),
  );
  stops.unshift(() => scheduler.stop());
  if (outbounds.size === 0) return;
  const worker = startOutboxWorker({
    db,
    channels: outbounds,
    logger,
    chart: (req) => programChartPng(chartData(db), req),
    report: createReportRenderer(db, config.TZ_NAME),
    onOutcome: (outcome, row) => {
      if (outcome === 'sent') metrics.remindersSent.inc({ channel: row.channel, kind: row.kind });
      else if (outcome !== 'retry') metrics.remindersFailed.inc({ channel: row.channel, reason: outcome });
    },
  });
  // Before the channels stop: the sends in flight are recorded, so none goes twice after a restart.
  stops.splice(3, 0, () => worker.stop());
}

/** Asks until it gets an answer, then keeps it: the bot's username does not change while we run. */
function knownOnceFound(ask: () => Promise<string | null>): () => Promise<string | null> {
  let found: string | null = null;
  return async () => (found ??= await ask());
}
