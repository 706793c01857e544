// How numbers, days and items read in a reply: decimal commas in Vietnamese, traffic lights, risk order.
import { messages } from './messages.ts';
import type { Line } from './reply.ts';
import { daysBetween, wallTime } from './time.ts';
import type { ItemView, Lang, LocalDate } from './types.ts';

/**
 * At most one decimal, none when whole; a decimal comma in Vietnamese ("39,5"). Written by hand rather
 * than with Intl so the text never depends on the ICU data a Node build ships.
 */
export function formatDecimal(n: number, lang: Lang): string {
  const rounded = Math.round(n * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** Thousands grouped the local way: 4.000 in Vietnamese, 4,000 in English. */
export function formatInteger(n: number, lang: Lang): string {
  const text = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
  return n < 0 ? `-${text}` : text;
}

export function formatPercent(n: number, lang: Lang): string {
  return `${formatDecimal(n, lang)}%`;
}

/** done/total as a percentage; 0 when there is nothing to count. */
export function share(done: number, total: number): number {
  return total === 0 ? 0 : (done / total) * 100;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(day: LocalDate): { y: string; m: string; d: string } {
  return { y: day.slice(0, 4), m: day.slice(5, 7), d: day.slice(8, 10) };
}

/** 30/09/2025 (as official documents write it) or 30 Sep 2025. */
export function formatDay(day: LocalDate, lang: Lang): string {
  const { y, m, d } = parts(day);
  return lang === 'vi' ? `${d}/${m}/${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/**
 * A deadline as the plan writes it, with the day it resolves to when the words are not that day:
 * "Quý III/2025 (30/09/2025)", "Thường xuyên", or the day alone when no words were kept.
 */
export function dueAsWritten(item: Pick<ItemView, 'dueDate' | 'dueText'>, lang: Lang): string {
  const words = item.dueText?.trim() ?? '';
  if (item.dueDate === null) return words || messages(lang).ongoingWord;
  const day = formatDay(item.dueDate, lang);
  return words === '' || words === day ? day : `${words} (${day})`;
}

/** "41/68 xã (60,3 %)": where a target's indicator stands, its share capped at 100 %. */
export function indicatorText(ind: { unit: string; target: number; current: number }, lang: Lang): string {
  const pct = ind.target > 0 ? Math.min(100, (ind.current / ind.target) * 100) : 0;
  const n = (x: number) => (Number.isInteger(x) ? formatInteger(x, lang) : formatDecimal(x, lang));
  return `${n(ind.current)}/${n(ind.target)} ${ind.unit} (${formatDecimal(pct, lang)} %)`;
}

/** Like formatDay without the year when it is this year's: 18/07, 18 Jul. */
export function formatShortDay(day: LocalDate, lang: Lang, today: LocalDate): string {
  if (day.slice(0, 4) !== today.slice(0, 4)) return formatDay(day, lang);
  const { m, d } = parts(day);
  return lang === 'vi' ? `${d}/${m}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m}`;
}

/** "07/07 09:16" in the configured zone: when an update was made, as a history line shows it. */
export function formatMoment(at: Date, lang: Lang, tz: string, today: LocalDate): string {
  const w = wallTime(at, tz);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${formatShortDay(w.day, lang, today)} ${two(w.hour)}:${two(w.minute)}`;
}

/** Cuts a long title at a word boundary so one item stays about one line on a phone. */
export function truncate(text: string, max = 80): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/u, '')}…`;
}

export type Light = 'red' | 'orange' | 'green' | 'white' | 'done';

/** A done item gets its own mark: ⚪ for both done and not started made them look the same. */
export const LIGHT_EMOJI: Record<Light, string> = {
  red: '🔴',
  orange: '🟠',
  green: '🟢',
  white: '⚪',
  done: '✅',
};

/** An item due within this many days, and behind the progress its time implies, is at risk. */
export const AT_RISK_DAYS = 7;

/** The progress (0–100) an item should have reached by `today` if work went evenly from start to due. */
export function expectedProgress(item: Pick<ItemView, 'startDate' | 'dueDate'>, today: LocalDate): number {
  // An ongoing item has no end to pace it against: nothing is expected of it by a day.
  if (item.dueDate === null) return 0;
  const span = daysBetween(item.startDate, item.dueDate);
  const elapsed = daysBetween(item.startDate, today);
  if (span <= 0) return elapsed >= 0 ? 100 : 0;
  return Math.min(100, Math.max(0, (elapsed / span) * 100));
}

/**
 * 🔴 overdue (due before today, not done); 🟠 at risk: blocked, or due within 7 days and behind the
 * progress its time implies; 🟢 on track; ⚪ not started (and not at risk); ✅ done.
 */
export function trafficLight(
  item: Pick<ItemView, 'status' | 'progress' | 'dueDate' | 'startDate'>,
  today: LocalDate,
): Light {
  if (item.status === 'done') return 'done';
  if (item.dueDate !== null && item.dueDate < today) return 'red';
  if (item.status === 'blocked') return 'orange';
  if (item.dueDate === null) return item.status === 'not_started' ? 'white' : 'green';
  const left = daysBetween(today, item.dueDate);
  if (left <= AT_RISK_DAYS && item.progress < expectedProgress(item, today)) return 'orange';
  if (item.status === 'not_started') return 'white';
  return 'green';
}

const LIGHT_RANK: Record<Light, number> = { red: 0, orange: 1, green: 2, white: 3, done: 4 };

/**
 * Riskiest first: red (most overdue first), orange (blocked first, then soonest due), green, then
 * white (not started), then done; ties by due date, lower progress, then code.
 */
export function riskOrder<T extends ItemView>(items: readonly T[], today: LocalDate): T[] {
  const keyed = items.map((item) => ({ item, light: trafficLight(item, today) }));
  keyed.sort((a, b) => {
    const rank = LIGHT_RANK[a.light] - LIGHT_RANK[b.light];
    if (rank !== 0) return rank;
    if (a.light === 'orange') {
      const blocked = Number(b.item.status === 'blocked') - Number(a.item.status === 'blocked');
      if (blocked !== 0) return blocked;
    }
    const byDue = compareDue(a.item.dueDate, b.item.dueDate);
    if (byDue !== 0) return byDue;
    if (a.item.progress !== b.item.progress) return a.item.progress - b.item.progress;
    return compareCodes(a.item.code, b.item.code);
  });
  return keyed.map((k) => k.item);
}

/** Earlier due days first; ongoing items (no day) after every dated one. */
export function compareDue(a: LocalDate | null, b: LocalDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

const CHUNKS = /\d+|\D+/g;
/** Natural order of codes: NQ57-2.1 before NQ57-12.1. */
export function compareCodes(a: string, b: string): number {
  const xs = a.match(CHUNKS) ?? [];
  const ys = b.match(CHUNKS) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i] ?? '';
    const y = ys[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y) && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return xs.length - ys.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** How far the due date is: "quá hạn 5 ngày", "còn 3 ngày (18/07)", "hạn 30/09/2025"; without the date when it is shown beside. */
export function dueText(
  item: Pick<ItemView, 'status' | 'dueDate'>,
  today: LocalDate,
  lang: Lang,
  withDate = true,
): string {
  const m = messages(lang);
  if (item.status === 'done') return m.doneWord;
  if (item.dueDate === null) return m.ongoingWord;
  const left = daysBetween(today, item.dueDate);
  if (left < 0) return m.overdueDays(-left);
  if (left === 0) return m.dueToday;
  if (left <= 30 || !withDate)
    return m.daysLeft(left, withDate ? formatShortDay(item.dueDate, lang, today) : null);
  return m.dueOn(formatDay(item.dueDate, lang));
}

/** Who answers for an item: "Đặng Quang Huy (Sở Khoa học và Công nghệ)", or the lead agency alone. */
export function ownerText(item: Pick<ItemView, 'assignee' | 'agencyName'>, lang: Lang): string {
  const agency = item.agencyName[lang] || item.agencyName.vi;
  return item.assignee ? `${item.assignee.name} (${agency})` : agency;
}

export function itemTitle(item: Pick<ItemView, 'title'>, lang: Lang): string {
  return item.title[lang] || item.title.vi;
}

/** "🔴 NQ57-12.3 Title… — quá hạn 5 ngày · 40% · Đặng Quang Huy (Sở KH&CN)" */
export function itemLine(item: ItemView, today: LocalDate, lang: Lang, opts: { owner?: boolean } = {}): Line {
  const light = LIGHT_EMOJI[trafficLight(item, today)];
  const tail = [dueText(item, today, lang), `${item.progress}%`];
  if (opts.owner !== false) tail.push(ownerText(item, lang));
  return [`${light} `, { code: item.code }, ` ${truncate(itemTitle(item, lang))} — ${tail.join(' · ')}`];
}
