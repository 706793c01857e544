// `dondoc program CODE [--issuer "SUPERIOR|BODY"] [--confirmation on|off] [--checkers …] [--json]`: shows a programme's settings, or
// changes the ones given (audited as `cli`) and shows them after the change. A new setting adds a
// flag here, a key to ProgramChange and a column (src/store/programs.ts).
import type { Issuer } from '../core/types.ts';
import {
  changeProgramSettings,
  programSettings,
  type ProgramChange,
  type ProgramSettings,
} from '../store/programs.ts';
import { UsageError, withDb, type CliContext } from './context.ts';
import type { Flags } from './run.ts';

export const PROGRAM_USAGE =
  'usage: dondoc program CODE [--issuer "SUPERIOR|BODY" | --issuer default] [--confirmation on|off] [--checkers CODE,…|none] [--json]';

function confirmationFlag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'on' || v === 'off') return v === 'on';
  throw new UsageError(`--confirmation: on or off, not ${value}`);
}

/** `--checkers P03,P07` names the checkers (replacing the list); `none` leaves the admins alone. */
function checkersFlag(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'none') return [];
  const codes = value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (codes.length === 0) throw new UsageError(`--checkers: person codes separated by commas, or none`);
  return codes;
}

/**
 * `--issuer "UBND TỈNH HÒA AN|BAN CHỈ ĐẠO …"`: the report's two lines top left (the first may be
 * empty, "|BAN CHỈ ĐẠO", for a body with no superior line). `default` (or "") goes back to the default.
 */
export function issuerFlag(value: string | undefined, allowDefault = false): Issuer | null | undefined {
  if (value === undefined) return undefined;
  if (allowDefault && (value.trim() === '' || value.trim().toLowerCase() === 'default')) return null;
  const [superior, body, ...rest] = value.split('|').map((p) => p.trim());
  if (superior === undefined || body === undefined || body === '' || rest.length > 0)
    throw new UsageError(`--issuer: "SUPERIOR|BODY", two lines separated by |, not ${value}`);
  return { superior, body };
}

function json(s: ProgramSettings): string {
  return JSON.stringify({
    program: s.code,
    name_vi: s.name.vi,
    name_en: s.name.en,
    issuer: s.issuer,
    confirmation: s.confirmation,
    checkers: s.checkers,
  });
}

function text(s: ProgramSettings): string[] {
  const issuer = s.issuer === null ? '(default)' : `${s.issuer.superior} | ${s.issuer.body}`;
  const checkers = [...s.checkers, 'every admin'].join(', ');
  return [
    `${s.code}\t${s.name.vi}`,
    `issuer\t${issuer}`,
    `confirmation\t${s.confirmation ? 'on' : 'off'}`,
    `checkers\t${checkers}`,
  ];
}

export async function programCommand(ctx: CliContext, positional: string[], flags: Flags): Promise<number> {
  const [code, ...rest] = positional;
  if (code === undefined || rest.length > 0) throw new UsageError(PROGRAM_USAGE);
  const change: ProgramChange = {};
  const issuer = issuerFlag(flags.issuer, true);
  if (issuer !== undefined) change.issuer = issuer;
  const confirmation = confirmationFlag(flags.confirmation);
  if (confirmation !== undefined) change.confirmation = confirmation;
  const checkers = checkersFlag(flags.checkers);
  if (checkers !== undefined) change.checkers = checkers as ProgramChange['checkers'];
  const settings = await withDb(ctx, (db) =>
    Object.keys(change).length === 0
      ? programSettings(db.db, code)
      : changeProgramSettings(db.db, code, change, 'cli'),
  );
  if (settings === null) throw new Error(`unknown programme: ${code}`);
  if (flags.json) ctx.io.out(json(settings));
  else for (const line of text(settings)) ctx.io.out(line);
  return 0;
}
