// Day counts and short titles for reminders; days and numbers are written as the core writes them.
import type { Lang } from '../core/types.ts';

export { formatDay, formatDecimal, formatPercent, formatShortDay, truncate } from '../core/format.ts';

export function days(n: number, lang: Lang): string {
  return lang === 'vi' ? `${n} ngày` : `${n} ${n === 1 ? 'day' : 'days'}`;
}
