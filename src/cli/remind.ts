// `dondoc remind [--now ISO] [--dry-run] [--json]`: one reminder cycle by hand — plan, enqueue, deliver;
// with --dry-run, each planned message's full text as its person would read it, and nothing recorded.
import { Telegraf } from 'telegraf';
import { createSendLimiter, TELEGRAM_SEND_LIMITS } from '../channels/limiter.ts';
import type { OutboundChannel } from '../channels/outbound.ts';
import { createTelegramOutbound } from '../channels/telegram/outbound.ts';
import { programChartPng } from '../channels/web/program-chart.ts';
import { createZaloClient } from '../channels/zalo/client.ts';
import { createZaloOutbound } from '../channels/zalo/outbound.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { runCycle } from '../reminders/cycle.ts';
import type { Messenger } from '../core/types.ts';
import { previewMessages, type MessagePreview } from '../reminders/preview.ts';
import { startOutboxWorker } from '../reminders/worker.ts';
import { chartData } from '../store/console-port.ts';
import { outboxStats } from '../store/outbox.ts';
import { parseNow, UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

/** The messengers whose token is configured, each with its own limiter at SEND_RATE_PER_SECOND. */
export function outboundChannelsFrom(
  config: Pick<
    Config,
    'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_API_ROOT' | 'ZALO_BOT_TOKEN' | 'ZALO_API_ROOT' | 'SEND_RATE_PER_SECOND'
  >,
  logger: Logger,
): Map<Messenger, OutboundChannel> {
  const perSecond = Math.max(1, config.SEND_RATE_PER_SECOND);
  const channels = new Map<Messenger, OutboundChannel>();
  if (config.TELEGRAM_BOT_TOKEN) {
    const telegram = new Telegraf(config.TELEGRAM_BOT_TOKEN, {
      telegram: { apiRoot: config.TELEGRAM_API_ROOT },
    }).telegram;
    const limiter = createSendLimiter({ ...TELEGRAM_SEND_LIMITS, perSecond });
    channels.set('telegram', createTelegramOutbound({ telegram, limiter }));
  }
  if (config.ZALO_BOT_TOKEN) {
    // No retries inside the client: the outbox decides, and a retried dropped connection could double-send.
    const client = createZaloClient({
      token: config.ZALO_BOT_TOKEN,
      apiRoot: config.ZALO_API_ROOT,
      maxRetries: 0,
      logger,
    });
    const limiter = createSendLimiter({ perSecond, perChatPerSecond: 1, perGroupPerMinute: 20 });
    // The worker remembers what each message was about (on Zalo: the chat's last item).
    channels.set('zalo', createZaloOutbound({ client, limiter }));
  }
  return channels;
}

/** The preview's lines for one planned message: its header, then what the person reads, indented. */
function previewLines(m: MessagePreview, withText: boolean): string[] {
  const head = `${m.person}\t${m.channels.join('+') || '(no chat account)'}\t${m.kind}\t${m.items.join(' ')}`;
  if (!withText) return [head];
  if (m.texts.length === 0) return [head, '  (not sent: no chat account)'];
  const out = [head];
  for (const t of m.texts) {
    if (m.texts.length > 1) out.push(`  — ${t.channel}:`);
    out.push(...t.text.split('\n').map((line) => `  ${line}`));
    if (t.buttons.length > 0) out.push(`  ${t.buttons.map((b) => `[${b}]`).join(' ')}`);
  }
  return out;
}

export async function remindCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  if (positional.length > 0) throw new UsageError('usage: dondoc remind [--now ISO] [--dry-run] [--json]');
  const now = parseNow(flags.now, ctx.now);
  const { config, logger, io } = ctx;
  return withDb(ctx, async (database) => {
    const db = database.db;
    const cycle = await runCycle({ db, now, tz: config.TZ_NAME, logger }, { dryRun: flags.dryRun });
    const { plan } = cycle;
    for (const m of previewMessages(cycle)) {
      // `text` and `buttons`: what the person reads on `channel` (null: nothing can be sent to them).
      const first = m.texts[0];
      if (flags.json) {
        io.out(
          JSON.stringify({
            person: m.person,
            channel: m.channels[0] ?? null,
            kind: m.kind,
            items: m.items,
            text: first?.text ?? null,
            buttons: first?.buttons ?? [],
          }),
        );
      } else {
        for (const line of previewLines(m, flags.dryRun)) io.out(line);
      }
    }
    const head = plan.skipped
      ? `remind ${plan.localDay}: nothing goes out now (${plan.skipped.reason})`
      : `remind ${plan.localDay}: ${plan.messages.length} messages to reachable people` +
        (plan.charts.length > 0 ? ` and ${plan.charts.length} weekly charts to leaders on Telegram` : '');
    if (flags.dryRun) {
      io.err(`${head} (dry run: nothing recorded or sent)`);
      return 0;
    }
    const channels = outboundChannelsFrom(config, logger);
    if (channels.size > 0) {
      // Leaders' weekly charts are drawn as they go out, from the same database.
      const worker = startOutboxWorker({
        db,
        channels,
        logger,
        chart: (req) => programChartPng(chartData(db), req),
      });
      try {
        await worker.drain();
      } finally {
        await worker.stop();
      }
    }
    const s = await outboxStats(db);
    const delivery =
      channels.size === 0
        ? 'no messenger token set: left pending for dondoc serve'
        : `via ${[...channels.keys()].join('+')}`;
    io.err(
      `${head}, ${cycle.enqueued} new in the outbox (${delivery}); outbox: ${s.sent} sent, ` +
        `${s.pending} pending, ${s.failed} failed, ${s.unreachable} unreachable`,
    );
    return 0;
  });
}
