// What the web app needs from the composition root: the store, the clock, notifications, metrics and the login rules.
import type { Notifier } from '../../core/conversation.ts';
import type { Logger } from '../../logger.ts';
import type { ConsoleStore } from '../../store/console-port.ts';
import type { AuthConfig } from './auth.ts';
import type { Metrics } from './metrics.ts';
import type { NetworkConfig } from './network.ts';

export interface WebDeps {
  /** The core's store and the console's own queries, bound to the database: the console never holds the db. */
  store: ConsoleStore;
  now: () => Date;
  tz: string;
  /** Where the core's notifications to other people go (the explanation a leader asked for). */
  notify: Notifier;
  metrics: Metrics;
  auth: AuthConfig;
  /** When the reminder cycle runs (REMINDER_CRON), for the reminders preview; the config's default when absent. */
  reminderCron?: string;
  /** Trusted proxies and who may scrape /metrics; trust nobody but loopback when absent. */
  network?: NetworkConfig;
  logger?: Logger;
  /** The Telegram bot's username, for the deep link and QR code on printed invitations; none: no QR. */
  telegramBot?: () => Promise<string | null>;
}
