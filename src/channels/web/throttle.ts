// How hard a login may be tried: per account, per address and for the whole console, with an
// exponential back-off after a few free failures and a fixed ceiling per hour. The counters live in
// the database (store/login-throttle.ts), so several processes share them.
import type { ConsoleAccounts } from '../../store/console-port.ts';
import type { ThrottleRow } from '../../store/login-throttle.ts';

interface Scope {
  /** Failures before the first lock. */
  free: number;
  /** Failures in one hour after which the key is locked until the hour is over. */
  perHour: number;
}

export const LOGIN_POLICY = {
  account: { free: 5, perHour: 30 },
  address: { free: 5, perHour: 30 },
  /** Many addresses at once (a botnet) against many accounts; high, since it locks everyone out. */
  global: { free: 100, perHour: 1000 },
  /** The first lock; each failure after it doubles the wait, up to maxLockMs. */
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
} as const;

const HOUR_MS = 3_600_000;

function scopeOf(key: string): Scope {
  if (key.startsWith('account:')) return LOGIN_POLICY.account;
  if (key.startsWith('address:')) return LOGIN_POLICY.address;
  return LOGIN_POLICY.global;
}

/** One more failure on a key: its counters and its next lock. */
export function afterFailure(row: ThrottleRow, now: Date): ThrottleRow {
  const scope = scopeOf(row.key);
  const newHour = now.getTime() - row.hourStart.getTime() >= HOUR_MS;
  const hourStart = newHour ? now : row.hourStart;
  const hourFailures = (newHour ? 0 : row.hourFailures) + 1;
  const failures = row.failures + 1;
  let lockedUntil: Date | null = null;
  if (hourFailures >= scope.perHour) lockedUntil = new Date(hourStart.getTime() + HOUR_MS);
  else if (failures >= scope.free) {
    const wait = Math.min(LOGIN_POLICY.firstLockMs * 2 ** (failures - scope.free), LOGIN_POLICY.maxLockMs);
    lockedUntil = new Date(now.getTime() + wait);
  }
  return { ...row, failures, hourStart, hourFailures, lockedUntil };
}

export interface LoginThrottle {
  /** Null: the password may be checked (the try is already counted); else the seconds to wait. */
  claim(account: string, address: string, now: Date): Promise<number | null>;
  /** The password was right: the account's and the address's counters start afresh. */
  succeeded(account: string, address: string): Promise<void>;
}

const GLOBAL = 'global';

export function loginThrottle(accounts: Pick<ConsoleAccounts, 'claimLogin' | 'clearLogin'>): LoginThrottle {
  const keys = (account: string, address: string) => [
    `account:${account.slice(0, 64).toUpperCase()}`,
    `address:${address.slice(0, 64)}`,
  ];
  return {
    async claim(account, address, now) {
      const until = await accounts.claimLogin([...keys(account, address), GLOBAL], now, afterFailure);
      return until === null ? null : Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    },
    succeeded: (account, address) => accounts.clearLogin(keys(account, address), [GLOBAL]),
  };
}
