// `dondoc invites --out FILE.html|FILE.pdf`: a printable invitation for everyone not yet registered.
import { writeFileSync } from 'node:fs';
import { localDateTimeText } from '../core/time.ts';
import type { AgencyCode, PersonCode } from '../core/types.ts';
import { chromiumPath, htmlToPdf } from '../invites/pdf.ts';
import { invitationSheet } from '../invites/sheet.ts';
import { createInvites, unregisteredPeople } from '../store/people.ts';
import { unknownCodes } from '../store/known-codes.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';
import { telegramUsername } from './simple-commands.ts';

const USAGE = 'usage: dondoc invites --out FILE.html|FILE.pdf [--agency CODE] [--people CODE,…]';

export async function invitesCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const out = flags.out;
  if (!out || positional.length > 0 || !/\.(html?|pdf)$/i.test(out)) throw new UsageError(USAGE);
  const pdf = /\.pdf$/i.test(out);
  // Before any code is made: a PDF that cannot be printed must not leave codes behind.
  const chromium = pdf ? chromiumPath(ctx.config.CHROMIUM_PATH) : null;
  const agency = flags.agency ? (flags.agency.trim().toUpperCase() as AgencyCode) : undefined;
  const only = flags.people
    ? flags.people
        .split(',')
        .map((c) => c.trim().toUpperCase() as PersonCode)
        .filter((c) => c !== '')
    : undefined;
  const now = ctx.now();
  const { made, registered } = await withDb(ctx, async ({ db }) => {
    if (agency && (await unknownCodes(db, 'agency', [agency])).length > 0)
      throw new Error(`unknown agency code: ${agency}`);
    const strangers = await unknownCodes(db, 'person', only ?? []);
    if (strangers.length > 0) throw new Error(`unknown person code: ${strangers[0]}`);
    const list = await unregisteredPeople(db, { agency, people: only });
    const registered = (only ?? []).filter((c) => !list.some((p) => p.code === c));
    const codes = await createInvites(
      db,
      list.map((p) => p.code),
      now,
    );
    return {
      made: list.map((person, i) => ({ person, code: codes[i]!.code, expiresAt: codes[i]!.expiresAt })),
      registered,
    };
  });
  if (registered.length > 0) ctx.io.err(`already registered, no invitation: ${registered.join(', ')}`);
  if (made.length === 0) {
    ctx.io.err('everyone chosen is registered: no invitation written');
    return 0;
  }
  const bot = await telegramUsername(ctx);
  const markup = await invitationSheet(made, bot, ctx.config.TZ_NAME);
  writeFileSync(out, chromium ? await htmlToPdf(markup, chromium) : markup);
  const until = localDateTimeText(made[0]!.expiresAt, ctx.config.TZ_NAME);
  ctx.io.err(
    `wrote ${out}: ${made.length} invitation(s), codes valid until ${until}` +
      (bot ? '' : ' (no Telegram QR code: TELEGRAM_BOT_TOKEN unset or getMe did not answer)'),
  );
  return 0;
}
