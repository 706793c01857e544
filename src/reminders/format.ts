// Day counts and short titles for reminders; days and numbers are written as the core writes them.
import type { Lang } from '../core/types.ts';

export { formatDay, formatDecimal, formatPercent, formatShortDay } from '../core/format.ts';

export function days(n: number, lang: Lang): string {
  return lang === 'vi' ? `${n} ngày` : `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** Cuts a long title at a word boundary so one task stays one line on a phone. */
export function shorten(text: string, max = 60): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}
