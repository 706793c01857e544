// `dondoc console-invite PERSON`: a one-time link for a leader or administrator to set a console password.
import { canUseConsole } from '../core/permissions.ts';
import { localDateTimeText, localIso } from '../core/time.ts';
import { INVITE_LINK_TTL_MS, SET_PASSWORD_PATH } from '../channels/web/login.ts';
import { createConsoleToken, newToken } from '../store/console-accounts.ts';
import { createStore } from '../store/store.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';
import { personNamed } from './person.ts';

/** Where people reach the console: CONSOLE_URL, else this server's own address. */
export function consoleBase(config: CliContext['config']): string {
  return (config.CONSOLE_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}

export async function consoleInviteCommand(
  ctx: CliContext,
  positional: string[],
  flags: Flags,
): Promise<number> {
  const written = positional.join(' ');
  if (!written.trim()) throw new UsageError('usage: dondoc console-invite PERSON [--json]');
  const tz = ctx.config.TZ_NAME;
  const made = await withDb(ctx, async (db) => {
    const at = ctx.now();
    const person = personNamed(written, await createStore(db.db, () => at).personDirectory());
    if (!canUseConsole(person)) return { person, link: null, expiresAt: null };
    const token = newToken();
    const expiresAt = await createConsoleToken(db.db, person.id, 'invite', token, at, INVITE_LINK_TTL_MS);
    return { person, link: `${consoleBase(ctx.config)}${SET_PASSWORD_PATH}?token=${token}`, expiresAt };
  });
  const { person, link, expiresAt } = made;
  if (link === null || expiresAt === null) {
    ctx.io.err(
      `${person.code} ${person.name} is ${person.role}: only leaders and administrators sign in to the console.`,
    );
    return 1;
  }
  if (flags.json) {
    ctx.io.out(JSON.stringify({ person: person.code, link, expiresAt: localIso(expiresAt, tz) }));
    return 0;
  }
  ctx.io.out(
    `Console password link for ${person.code} ${person.name} (works once, until ${localDateTimeText(expiresAt, tz)}):`,
  );
  ctx.io.out(link);
  return 0;
}
