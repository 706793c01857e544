// Dates, numbers and day counts written the way each language's readers expect them.
import type { Lang, LocalDate } from '../core/types.ts';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function split(date: LocalDate): { y: string; m: string; d: string } {
  return { y: date.slice(0, 4), m: date.slice(5, 7), d: date.slice(8, 10) };
}

/** `15/07/2025` in Vietnamese (day first, as official documents write it); `15 Jul 2025` in English. */
export function formatDay(date: LocalDate, lang: Lang): string {
  const { y, m, d } = split(date);
  return lang === 'vi' ? `${d}/${m}/${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/** Like `formatDay`, without the year when it is `today`'s year: `18/07`, `18 Jul`. */
export function formatShortDay(date: LocalDate, lang: Lang, today: LocalDate): string {
  if (date.slice(0, 4) !== today.slice(0, 4)) return formatDay(date, lang);
  const { m, d } = split(date);
  return lang === 'vi' ? `${d}/${m}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m}`;
}

/**
 * At most one decimal, none when whole; a decimal comma in Vietnamese (39,5). Written by hand
 * rather than with Intl so the text never depends on the ICU data a Node build ships.
 */
export function formatDecimal(n: number, lang: Lang): string {
  const rounded = Math.round(n * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export function formatPercent(n: number, lang: Lang): string {
  return `${formatDecimal(n, lang)}%`;
}

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
