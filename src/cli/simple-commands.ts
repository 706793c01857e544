// The small data commands: migrate, prepare, seed-demo, check, recount, invite.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { intentModel } from '../core/intent/model.ts';
import { localDateTimeText, localIso } from '../core/time.ts';
import { readProvince } from '../store/demo-files.ts';
import { createInvite } from '../store/people.ts';
import { findInconsistencies } from '../store/check.ts';
import { rebuildRollup } from '../store/rollup.ts';
import { demoShift, resetProvince, seedProvince } from '../store/seed.ts';
import { createStore } from '../store/store.ts';
import { writeTemplate } from '../store/template.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import { personNamed } from './person.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../demo', import.meta.url));

export async function migrate(ctx: CliContext): Promise<number> {
  await withDb(ctx, async () => {});
  ctx.io.err('migrations applied');
  return 0;
}

/**
 * Builds the template a new embedded DATA_DIR is unpacked from (src/store/template.ts). Run by
 * `npm install`; a failure only makes the first start slower, so it is reported and not fatal.
 */
export async function prepare(ctx: CliContext): Promise<number> {
  if (ctx.config.DATABASE_URL) {
    ctx.io.err('DATABASE_URL is set: no embedded database to prepare');
    prepareIntentModel(ctx);
    return 0;
  }
  const t0 = performance.now();
  try {
    const bytes = await writeTemplate();
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    ctx.io.err(`embedded database template ready (${Math.round(bytes / 1024)} KiB, ${seconds} s)`);
  } catch (err) {
    ctx.io.err(
      `no embedded database template (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the first start will be slower`,
    );
  }
  prepareIntentModel(ctx);
  return 0;
}

/** Trains and caches the intent model now, so the first message of every process does not wait for it. */
function prepareIntentModel(ctx: CliContext): void {
  const t0 = performance.now();
  intentModel();
  ctx.io.err(`intent model ready (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

export async function seedDemo(
  ctx: CliContext,
  opts: { dir?: string; reset: boolean; yes: boolean },
): Promise<number> {
  if (opts.reset && !opts.yes) {
    ctx.io.err(
      'seed-demo --reset deletes every programme, task, person and update in this database. ' +
        'Run it again with --reset --yes to confirm.',
    );
    return 1;
  }
  const dir = resolve(opts.dir ?? DEMO_DIR);
  const data = readProvince(dir);
  const shift = demoShift(ctx.now(), ctx.config.TZ_NAME, ctx.config.DONDOC_NOW !== undefined);
  const result = await withDb(ctx, async (db) => {
    if (opts.reset) await resetProvince(db.db);
    return seedProvince(db.db, data, { shiftDays: shift });
  });
  ctx.io.err(
    `added ${result.programs} programmes, ${result.agencies} agencies, ${result.people} people, ` +
      `${result.targets} targets, ${result.tasks} tasks, ${result.updatesAdded} updates (dates shifted ${shift} days)` +
      (result.kept > 0
        ? `; ${result.kept} tasks already in the database were left as they are (--reset --yes starts over)`
        : ''),
  );
  return 0;
}

/** Every task agrees with its latest update and every target with its tasks; exit 1 lists what does not. */
export async function check(ctx: CliContext, opts: { json: boolean }): Promise<number> {
  const problems = await withDb(ctx, (db) => findInconsistencies(db.db));
  if (opts.json) ctx.io.out(JSON.stringify({ ok: problems.length === 0, problems }));
  else if (problems.length === 0)
    ctx.io.out(
      'check: every task agrees with its history, every target with its tasks, and the kept counts with a recount',
    );
  else for (const p of problems) ctx.io.out(`${p.code}: ${p.detail}`);
  if (problems.length > 0 && !opts.json) ctx.io.err(`check: ${problems.length} inconsistencies`);
  return problems.length === 0 ? 0 : 1;
}

/** Rebuilds the maintained counts from the rows (the nightly job does the same); safe while serving. */
export async function recount(ctx: CliContext, opts: { json: boolean }): Promise<number> {
  const { buckets } = await withDb(ctx, (db) => rebuildRollup(db.db));
  if (opts.json) ctx.io.out(JSON.stringify({ ok: true, buckets }));
  else ctx.io.out(`recount: ${buckets} count buckets rebuilt from the tasks and targets`);
  return 0;
}

/**
 * `dondoc invite PERSON`: a one-time registration code for the person a code or full name names (as
 * `assign` takes them). The expiry is shown in the province's zone, where the person reads it.
 */
export async function invite(ctx: CliContext, written: string, opts: { json: boolean }): Promise<number> {
  if (!written.trim()) throw new UsageError('usage: dondoc invite PERSON [--json]');
  const tz = ctx.config.TZ_NAME;
  const { person, secret, expiresAt } = await withDb(ctx, async (db) => {
    const at = ctx.now();
    const person = personNamed(written, await createStore(db.db, () => at).personDirectory());
    const { code: secret, expiresAt } = await createInvite(db.db, person.code, at);
    return { person, secret, expiresAt };
  });
  if (opts.json) {
    ctx.io.out(JSON.stringify({ person: person.code, code: secret, expiresAt: localIso(expiresAt, tz) }));
  } else {
    ctx.io.out(
      `Registration code for ${person.code} ${person.name}: ${secret} ` +
        `(valid until ${localDateTimeText(expiresAt, tz)}, works once)`,
    );
    ctx.io.out(`Telegram: /start ${secret}    Zalo: đăng ký ${secret}`);
    const bot = await telegramUsername(ctx);
    if (bot) ctx.io.out(`Telegram link: https://t.me/${bot}?start=${secret}`);
  }
  return 0;
}

/** The bot's username for the deep link, when a token is set and Telegram answers within a few seconds. */
export async function telegramUsername(ctx: CliContext): Promise<string | null> {
  const { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot } = ctx.config;
  if (!token) return null;
  const { Telegraf } = await import('telegraf');
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000).unref());
  const me = new Telegraf(token, { telegram: { apiRoot } }).telegram.getMe().then(
    (user) => user.username ?? null,
    () => null, // the code works without the link; the error would only repeat the token's trouble
  );
  return Promise.race([me, timeout]);
}
