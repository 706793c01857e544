// Command-line dispatch: `dondoc <command> [args]`, exit 0 ok, 1 explained failure, 2 bad usage.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';
import { UsageError, type CliContext, type Io } from './context.ts';

const USAGE = `dondoc — follow-up bot for programme targets

Usage: dondoc <command> [options]

  serve                                   migrate, load the demo if empty, serve web console, scheduler, channels
  migrate                                 apply the migrations in drizzle/
  seed-demo [--dir PATH] [--reset --yes]  add the demo province's missing rows (never overwrites); --reset starts over
  check [--json]                          verify every task against its history, every target's roll-up and the kept counts
  recount [--json]                        rebuild the kept counts (summary, dashboard) from a full recount
  import FILE.csv|FILE.xlsx [--program CODE] [--dry-run] [--json] [--lang vi|en]
                                          import or update targets/tasks (own columns or a plan annex), all or nothing
  export FILE.xlsx [--program CODE]       write the status report as a spreadsheet
  import-people FILE.csv|FILE.xlsx [--dry-run] [--json] [--lang vi|en]
                                          import or update people from a focal-point list, all or nothing
  invite PERSON [--json]                  print a one-time registration code (person code or full name)
  console-invite PERSON [--json]          print a one-time link to set a console password (leaders, admins);
                                          earlier unused links of that person stop working
  invites --out FILE.html|FILE.pdf [--agency CODE] [--people CODE,…]
                                          a printable invitation (code, Telegram QR, Zalo steps) per unregistered person
  assign TASK PERSON [--json]             re-assign a task (person code or full name); notifies the new assignee
  parse "TEXT" --json [--now YYYY-MM-DD]  print the intent of a message (no TEXT: one message per stdin line)
  ask "TEXT" --as PERSON_CODE [--now ISO] [--json]   print the reply the bot would send
  remind [--now ISO] [--dry-run] [--json] run one reminder cycle now
  report --out FILE.docx|FILE.xlsx [--program CODE] [--agency CODE] [--period SPEC] [--now ISO] [--lang vi|en]
                                          the progress report in the government's layout
  ranking [--program CODE] [--period SPEC] [--now ISO] [--json]   agencies by on-time rate, lowest first
  program CODE [--issuer "SUPERIOR|BODY"|default] [--confirmation on|off] [--checkers CODE,…|none] [--json]
                                          show or change a programme's settings (confirmation: a "done" waits for a checker)
  show CODE [--json] [--now ISO]          one target or task as the store holds it
  prepare                                 build the embedded-database template (npm install runs it)

Environment: see README.md (DATABASE_URL, DATA_DIR, DONDOC_NOW, TZ_NAME, PORT, HOST, CONSOLE_URL, WEB_ADMIN_PASSWORD, TRUST_PROXY, TELEGRAM_*, ZALO_*, …)`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  now: { type: 'string' },
  as: { type: 'string' },
  dir: { type: 'string' },
  program: { type: 'string' },
  'dry-run': { type: 'boolean' },
  period: { type: 'string' },
  out: { type: 'string' },
  agency: { type: 'string' },
  people: { type: 'string' },
  lang: { type: 'string' },
  issuer: { type: 'string' },
  confirmation: { type: 'string' },
  checkers: { type: 'string' },
  reset: { type: 'boolean' },
  yes: { type: 'boolean' },
} as const;

export type Command = (ctx: CliContext, positional: string[], flags: Flags) => Promise<number>;
export interface Flags {
  json: boolean;
  now?: string;
  as?: string;
  dir?: string;
  program?: string;
  /** `YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY` or `FROM..TO` (core/period-spec.ts). */
  period?: string;
  out?: string;
  agency?: string;
  /** Person codes, comma-separated (`invites --people P07,P09`). */
  people?: string;
  lang?: string;
  /** The report's issuing body, "SUPERIOR|BODY" (two lines, top left). */
  issuer?: string;
  /** `on` | `off`: a reported "done" waits for a checker (dondoc program). */
  confirmation?: string;
  /** Person codes separated by commas, or `none` (dondoc program). */
  checkers?: string;
  dryRun: boolean;
  reset: boolean;
  yes: boolean;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  migrate: async () => (ctx) => import('./simple-commands.ts').then((m) => m.migrate(ctx)),
  'seed-demo': async () => (ctx, _p, f) =>
    import('./simple-commands.ts').then((m) => m.seedDemo(ctx, { dir: f.dir, reset: f.reset, yes: f.yes })),
  check: async () => (ctx, _p, f) =>
    import('./simple-commands.ts').then((m) => m.check(ctx, { json: f.json })),
  recount: async () => (ctx, _p, f) =>
    import('./simple-commands.ts').then((m) => m.recount(ctx, { json: f.json })),
  invite: async () => (ctx, p, f) =>
    import('./simple-commands.ts').then((m) => m.invite(ctx, p.join(' '), { json: f.json })),
  'console-invite': async () => (await import('./console-invite.ts')).consoleInviteCommand,
  assign: async () => (await import('./assign.ts')).assignCommand,
  import: async () => (await import('./plan-files.ts')).importCommand,
  export: async () => (await import('./plan-files.ts')).exportCommand,
  'import-people': async () => (await import('./people-files.ts')).importPeopleCommand,
  invites: async () => (await import('./invites.ts')).invitesCommand,
  parse: async () => (await import('./parse.ts')).parseCommand,
  ask: async () => (await import('./ask.ts')).askCommand,
  remind: async () => (await import('./remind.ts')).remindCommand,
  ranking: async () => (await import('./ranking.ts')).rankingCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  program: async () => (await import('./program.ts')).programCommand,
  show: async () => (await import('./show.ts')).showCommand,
  prepare: async () => (ctx) => import('./simple-commands.ts').then((m) => m.prepare(ctx)),
};

export async function runCli(argv: string[], io: Io, makeCtx: () => CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [name, ...positional] = parsed.positionals;
  if (parsed.values.help || name === undefined || name === 'help') {
    io.out(USAGE);
    return name === undefined && !parsed.values.help ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`unknown command: ${name}\n${USAGE}`);
    return 2;
  }
  let ctx: CliContext | undefined;
  try {
    ctx = makeCtx();
    const command = await load();
    const v = parsed.values;
    return await command(ctx, positional, {
      json: v.json ?? false,
      now: v.now,
      as: v.as,
      dir: v.dir,
      program: v.program,
      period: v.period,
      out: v.out,
      agency: v.agency,
      people: v.people,
      lang: v.lang,
      issuer: v.issuer,
      confirmation: v.confirmation,
      checkers: v.checkers,
      dryRun: v['dry-run'] ?? false,
      reset: v.reset ?? false,
      yes: v.yes ?? false,
    });
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err(`${err instanceof ConfigError ? '' : 'error: '}${firstLine(message)}`);
    ctx?.logger.debug({ err }, 'command failed');
    return 1;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
