// The web console's port: every store operation the console uses, already bound to the database, so the
// console (a channel) never holds the raw db. Built once in the composition root from the Store.
import type { Logger } from '../logger.ts';
import { renderAskedReport } from '../report/deliver.ts';
import { runCycle } from '../reminders/cycle.ts';
import * as accounts from './console-accounts.ts';
import * as dashboard from './dashboard.ts';
import { ping, type Db } from './db.ts';
import { evidenceFile } from './evidence.ts';
import { exportReport, overdueCsv } from './export-report.ts';
import { importPlanFile } from './import/plan-file.ts';
import { unknownCodes } from './known-codes.ts';
import { claimLogin, clearLogin } from './login-throttle.ts';
import { importPeople } from './people-import/index.ts';
import { peopleOverview } from './people-overview.ts';
import { createInvites, unregisteredPeople } from './people.ts';
import { allProgramSettings, changeProgramSettings } from './programs.ts';
import { agencyRanking } from './ranking.ts';
import { reportSnapshot } from './report-snapshot.ts';
import type { Store } from './store.ts';
import { labelUnread, listUnread } from './unread.ts';

/** A store function with its database argument already given. */
type Bound<F> = F extends (db: Db, ...rest: infer A) => infer R ? (...rest: A) => R : never;
type BoundAll<T> = { [K in keyof T]: Bound<T[K]> };

/** The programme and agency counts a chart is drawn from (the console, Telegram's /chart, the digest). */
const CHART_DATA = {
  programBuckets: dashboard.programBuckets,
  agencyBuckets: dashboard.agencyBuckets,
};

/** Console accounts, sessions and the login back-off: what login and the auth guard need. */
const ACCOUNTS = {
  consolePerson: accounts.consolePerson,
  createConsoleToken: accounts.createConsoleToken,
  setConsolePassword: accounts.setConsolePassword,
  tokenOwner: accounts.tokenOwner,
  useConsoleToken: accounts.useConsoleToken,
  auditViewAs: accounts.auditViewAs,
  bootstrapHash: accounts.bootstrapHash,
  replaceBootstrapHash: accounts.replaceBootstrapHash,
  revokeSessionsOf: accounts.revokeSessionsOf,
  createSession: accounts.createSession,
  liveSession: accounts.liveSession,
  revokeSession: accounts.revokeSession,
  claimLogin,
  clearLogin,
};

const CONSOLE = {
  ...CHART_DATA,
  ...ACCOUNTS,
  ping,
  outboxDepth: dashboard.outboxDepth,
  consolePeople: dashboard.consolePeople,
  changesBetween: dashboard.changesBetween,
  agencyRanking,
  peopleOverview,
  createInvites,
  unregisteredPeople,
  evidenceFile,
  importPlanFile,
  importPeople,
  listUnread,
  labelUnread,
  unknownCodes,
  reportSnapshot,
  exportReport,
  overdueCsv,
  renderAskedReport,
  allProgramSettings,
  changeProgramSettings,
};

export type ChartData = BoundAll<typeof CHART_DATA>;
export type ConsoleAccounts = BoundAll<typeof ACCOUNTS>;

/** The core's store (without its db) and the console's own operations. */
export type ConsoleStore = Omit<Store, 'db'> &
  BoundAll<typeof CONSOLE> & {
    /** The reminder cycle a slot would run, planned only (the reminders preview). */
    previewCycle(now: Date, tz: string, logger: Logger): ReturnType<typeof runCycle>;
  };

function bindAll<T extends Record<string, (db: Db, ...rest: never[]) => unknown>>(
  db: Db,
  fns: T,
): BoundAll<T> {
  return Object.fromEntries(
    Object.entries(fns).map(([name, fn]) => [name, (...rest: never[]) => fn(db, ...rest)]),
  ) as BoundAll<T>;
}

export function chartData(db: Db): ChartData {
  return bindAll(db, CHART_DATA);
}

export function consoleAccounts(db: Db): ConsoleAccounts {
  return bindAll(db, ACCOUNTS);
}

export function consoleStore(store: Store): ConsoleStore {
  const { db, ...core } = store;
  return {
    ...core,
    ...bindAll(db, CONSOLE),
    previewCycle: (now, tz, logger) => runCycle({ db, now, tz, logger }, { dryRun: true }),
  };
}
