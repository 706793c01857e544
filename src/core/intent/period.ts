// Named time windows ("tuần này", "quý 3", "trước 30/9") resolved against the local day the message arrived.
import type { LocalDate, Period } from '../types.ts';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function valid(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Day numbers since 1970-01-01; UTC arithmetic on calendar days, so no zone can shift a date. */
function dayNumber(v: Ymd): number {
  return Date.UTC(v.y, v.m - 1, v.d) / DAY_MS;
}

function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function iso(v: Ymd): LocalDate {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(v.y).padStart(4, '0')}-${pad(v.m)}-${pad(v.d)}` as LocalDate;
}

function window(from: Ymd, to: Ymd): Period | null {
  return dayNumber(from) <= dayNumber(to) ? { from: iso(from), to: iso(to) } : null;
}

function monthWindow(y: number, m: number): Period | null {
  if (!valid(y, m, 1)) return null;
  return window({ y, m, d: 1 }, { y, m, d: daysInMonth(y, m) });
}

function monthsWindow(y: number, firstMonth: number, lastMonth: number): Period | null {
  if (!valid(y, firstMonth, 1) || !valid(y, lastMonth, 1)) return null;
  return window({ y, m: firstMonth, d: 1 }, { y, m: lastMonth, d: daysInMonth(y, lastMonth) });
}

function quarterWindow(y: number, q: number): Period | null {
  return monthsWindow(y, q * 3 - 2, q * 3);
}

/** Monday-to-Sunday week containing `v`, shifted by `weeks`. */
function weekWindow(v: Ymd, weeks: number): Period | null {
  const monday = dayNumber(v) - ((new Date(dayNumber(v) * DAY_MS).getUTCDay() + 6) % 7) + weeks * 7;
  return window(fromDayNumber(monday), fromDayNumber(monday + 6));
}

function shiftMonth(y: number, m: number, by: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + by;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export function parseLocalDate(text: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return null;
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return valid(v.y, v.m, v.d) ? v : null;
}

// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
/** Month words that are also ordinary words or abbreviations: only a month next to "in", "by", a year … */
const MONTH_NEEDS_MARKER = new Set([
  'may',
  'march',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

interface WrittenDate {
  d: number;
  m: number;
  y: number | null;
  end: number;
}

// Sticky, so each is tried exactly where a keyword ended; every quantifier is bounded.
const DATE_FORMS: readonly RegExp[] = [
  /(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}|\d{2}))?(?![\d%])/y,
  /(\d{1,2})\s{1,3}thang\s{1,3}(\d{1,2})(?:\s{0,3}(?:nam\s{1,3}|\/\s?|,\s?)(\d{4}))?(?!\d)/y,
  new RegExp(
    `(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?(${MONTH_NAMES})\\.?(?:,?\\s{1,3}(\\d{4}))?(?![a-z\\d])`,
    'y',
  ),
  new RegExp(
    `(${MONTH_NAMES})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s{1,3}(\\d{4}))?(?![a-z\\d])`,
    'y',
  ),
];

function readNumberOrMonth(text: string | undefined): number {
  if (text === undefined) return NaN;
  return /^\d+$/.test(text) ? Number(text) : (MONTHS[text] ?? NaN);
}

/** A date written at `pos` (day before month, as Vietnamese and the province write it), or null. */
function dateAt(text: string, pos: number): WrittenDate | null {
  for (let form = 0; form < DATE_FORMS.length; form++) {
    const re = DATE_FORMS[form];
    if (re === undefined) continue;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) continue;
    const monthFirst = form === 3;
    const d = readNumberOrMonth(monthFirst ? m[2] : m[1]);
    const mo = readNumberOrMonth(monthFirst ? m[1] : m[2]);
    const yText = m[3];
    const y = yText === undefined ? null : yText.length === 2 ? 2000 + Number(yText) : Number(yText);
    return { d, m: mo, y, end: re.lastIndex };
  }
  return null;
}

/** Thrown inside the resolver when a date is written but does not exist (31/2): no period at all. */
class InvalidDate extends Error {}

function exact(w: WrittenDate, year: number): Ymd {
  if (!valid(year, w.m, w.d)) throw new InvalidDate();
  return { y: year, m: w.m, d: w.d };
}

/** A deadline without a year is the next such day from today: deadlines point forward. */
function deadline(w: WrittenDate, today: Ymd): Ymd {
  if (w.y !== null) return exact(w, w.y);
  const sameYear = exact(w, today.y);
  if (dayNumber(sameYear) >= dayNumber(today)) return sameYear;
  return exact(w, today.y + 1);
}

const B = '(?<![a-z0-9])';
const E = '(?![a-z0-9])';
const re = (source: string): RegExp => new RegExp(source, 'g');

const RANGE_START = re(`${B}(?:tu|from|between)\\s{1,3}(?:(?:ngay|the)\\s{1,3})?`);
const RANGE_JOIN = /\s{0,3}(?:den|toi|to|until|and|-)\s{0,3}(?:(?:ngay|the)\s{1,3})?/y;
const BEFORE = re(
  `${B}(?:truoc|before|by|until|till|den|toi|cho den|no later than|not later than|han chot|(?<!(?:qua|tre|lo|vuot|no|muon) )han|deadline|due)\\s{1,3}(?:(?:ngay|the|han|het)\\s{1,3}){0,2}`,
);
const ON = re(`${B}(?:ngay|on)\\s{1,3}`);

/** Each date written right after a keyword, with the keyword as matched. */
function* keywordDates(text: string, keyword: RegExp): Generator<WrittenDate & { keyword: string }> {
  for (const m of text.matchAll(keyword)) {
    const date = dateAt(text, m.index + m[0].length);
    if (date !== null) yield { ...date, keyword: m[0] };
  }
}

function firstKeywordDate(text: string, keyword: RegExp): (WrittenDate & { keyword: string }) | null {
  const next = keywordDates(text, keyword).next();
  return next.done === true ? null : next.value;
}

function byRange(text: string, today: Ymd): Period | null {
  for (const first of keywordDates(text, RANGE_START)) {
    RANGE_JOIN.lastIndex = first.end;
    if (RANGE_JOIN.exec(text) === null) continue;
    const second = dateAt(text, RANGE_JOIN.lastIndex);
    if (second === null) continue;
    const from = exact(first, first.y ?? today.y);
    let to = exact(second, second.y ?? from.y);
    if (second.y === null && dayNumber(to) < dayNumber(from)) to = exact(second, from.y + 1);
    return window(from, to);
  }
  return null;
}

/** The deadline itself named ("hạn 30/6", "due 30 June"), not a day work must be done before. */
const DUE_ON = /^(?:han|han chot|deadline|due)\s/u;

/**
 * undefined: no deadline written; null: one written that gives no window. "hạn 30/6" with 30/6 gone by
 * this year is that day (work due then, late now); "trước 30/6" points forward, to next year's.
 */
function byDeadline(text: string, today: Ymd): Period | null | undefined {
  const date = firstKeywordDate(text, BEFORE);
  if (date === null) return undefined;
  if (date.y === null && DUE_ON.test(date.keyword)) {
    const sameYear = exact(date, today.y);
    if (dayNumber(sameYear) < dayNumber(today)) return window(sameYear, sameYear);
  }
  return window(today, deadline(date, today));
}

function byDay(text: string, today: Ymd): Period | null {
  const date = firstKeywordDate(text, ON);
  if (date === null) return null;
  const v = exact(date, date.y ?? today.y);
  return window(v, v);
}

function yearAfter(m: RegExpExecArray, group: number, today: Ymd): number {
  const text = m[group];
  return text === undefined ? today.y : Number(text);
}

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
// prettier-ignore
const ORDINAL: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
};
const YEAR_SUFFIX = `(?:\\s{0,3}(?:\\/|nam|of|,|-)?\\s{0,3}(\\d{4})(?!\\d))?`;

const QUARTER = new RegExp(`${B}(?:quy|q|quarter)\\s?(iv|iii|ii|i|[1-4])${E}${YEAR_SUFFIX}`);
const QUARTER_ORDINAL = new RegExp(
  `${B}(first|second|third|fourth|1st|2nd|3rd|4th)\\s{1,3}quarter${E}${YEAR_SUFFIX}`,
);
/** "nửa đầu tháng sau", "the second half of this month": the 1st–15th, or the 16th to the month's end. */
const HALF_OF_MONTH = new RegExp(
  `${B}(?:nua (dau|cuoi) thang(?: (nay|sau|toi|truoc))?|(?:the )?(first|second) half of (this|next|last|the) month)${E}`,
);
const HALF_FIRST = new RegExp(
  `${B}(?:(?:6|sau) thang dau(?: nam)?|nua dau(?: nam)?|first half(?: of(?: the)? year)?|(?:first|the first) (?:6|six) months? of (?:the |this )?year|h1)${E}${YEAR_SUFFIX}`,
);
const HALF_SECOND = new RegExp(
  `${B}(?:(?:6|sau) thang cuoi(?: nam)?|nua cuoi(?: nam)?|second half(?: of(?: the)? year)?|(?:last|final|the last) (?:6|six) months? of (?:the |this )?year|h2)${E}${YEAR_SUFFIX}`,
);
const YEAR_END = new RegExp(
  `${B}(?:cuoi nam|het nam|end of (?:the |this )?year|year[- ]end|end-of-year)(?: nay)?${E}(?!\\s{0,3}(?:truoc|sau|toi|ngoai|qua))${YEAR_SUFFIX}`,
);
/** "tuần cuối năm", "the last week of the month": its last seven days (not "last week", the one before this). */
const LAST_WEEK_OF = new RegExp(
  `${B}(?:tuan cuoi(?: cung)?(?: cua)?|(?:the )?(?:last|final) week of(?: the| this)?) (nam|thang|year|month)(?: nay)?${E}`,
);
const MONTH_END = new RegExp(
  `${B}(?:cuoi thang|het thang|end of (?:the |this )?month)(?: nay)?${E}(?!\\s{0,3}(?:\\d|truoc|sau|toi|qua|vua))`,
);
const MONTH_NUMBER = new RegExp(`${B}thang\\s?(\\d{1,2})(?!\\d)${YEAR_SUFFIX}`);
const MONTH_NAME = re(
  `${B}(?:(in|during|for|of|end of|until|by|before|through)\\s{1,3})?(${MONTH_NAMES})\\.?${E}(?:\\s{1,3}(\\d{4})(?!\\d))?`,
);
/** "7 ngày tới", "trong vòng 10 ngày", "within 2 weeks": from today to that many days ahead. */
const NEXT_DAYS: readonly { re: RegExp; days: number }[] = [
  { re: new RegExp(`${B}(\\d{1,3})\\s{1,3}ngay\\s{1,3}(?:toi|sap toi|nua)${E}`), days: 1 },
  { re: new RegExp(`${B}trong(?: vong)?\\s{1,3}(\\d{1,3})\\s{1,3}ngay${E}`), days: 1 },
  { re: new RegExp(`${B}(?:next|within|in)\\s{1,3}(\\d{1,3})\\s{1,3}days?${E}`), days: 1 },
  { re: new RegExp(`${B}(\\d{1,2})\\s{1,3}tuan\\s{1,3}(?:toi|sap toi|nua)${E}`), days: 7 },
  { re: new RegExp(`${B}(?:next|within|in)\\s{1,3}(\\d{1,2})\\s{1,3}weeks?${E}`), days: 7 },
];

/**
 * "3 tháng tới", "trong 2 tháng tới", "next 3 months": from today to that many months ahead (the same
 * day of the month, or its last day); "nửa tháng tới" is fifteen days. Read before "tháng tới" (next
 * month), which "3 tháng tới" contains.
 */
const NEXT_MONTHS = new RegExp(
  `${B}(?:(\\d{1,2})\\s{1,3}thang\\s{1,3}(?:toi|sap toi|nua)|(?:next|within|in)\\s{1,3}(\\d{1,2})\\s{1,3}months?)${E}`,
);
const HALF_MONTH_AHEAD = new RegExp(`${B}nua thang\\s{1,3}(?:toi|sap toi|nua)${E}`);
/**
 * "10 ngày qua", "3 tuần gần đây", "last 30 days", "past 6 months": the window just behind today, today
 * included. Never "3 ngày quá hạn" (three days overdue) nor "3 ngày trước" (one day, three days ago).
 */
const PAST_SPAN = new RegExp(
  `${B}(?:(\\d{1,3})\\s{1,3}(ngay|tuan|thang)\\s{1,3}(?:vua qua|qua|gan day|gan nhat|vua roi)(?!\\s{1,3}(?:han|muon|tre|cham))|(?:last|past|previous)\\s{1,3}(\\d{1,3})\\s{1,3}(days?|weeks?|months?))${E}`,
);

function monthsAhead(t: Ymd, by: number): Ymd {
  const shifted = shiftMonth(t.y, t.m, by);
  return { ...shifted, d: Math.min(t.d, daysInMonth(shifted.y, shifted.m)) };
}

function byMonthsAhead(text: string, t: Ymd): Period | null | undefined {
  const m = NEXT_MONTHS.exec(text);
  if (m !== null) return window(t, monthsAhead(t, Number(m[1] ?? m[2])));
  if (HALF_MONTH_AHEAD.test(text)) return window(t, fromDayNumber(dayNumber(t) + 15));
  return undefined;
}

function byPastSpan(text: string, t: Ymd): Period | null | undefined {
  const m = PAST_SPAN.exec(text);
  if (m === null) return undefined;
  const n = Number(m[1] ?? m[3]);
  const unit = (m[2] ?? m[4] ?? '').slice(0, 3);
  if (unit === 'tha' || unit === 'mon') return window(monthsAhead(t, -n), t);
  const days = unit === 'tua' || unit === 'wee' ? n * 7 : n;
  return window(fromDayNumber(dayNumber(t) - days), t);
}

const RELATIVE: readonly { re: RegExp; resolve: (t: Ymd) => Period | null }[] = [
  { re: /(?<![a-z])(?:quy nay|this quarter|current quarter)(?![a-z])/, resolve: (t) => quarterOf(t, 0) },
  { re: /(?<![a-z])(?:quy sau|quy toi|next quarter)(?![a-z])/, resolve: (t) => quarterOf(t, 1) },
  { re: /(?<![a-z])(?:quy truoc|last quarter|previous quarter)(?![a-z])/, resolve: (t) => quarterOf(t, -1) },
];

const LATER: readonly { re: RegExp; resolve: (t: Ymd) => Period | null }[] = [
  {
    re: /(?<![a-z])(?:thang nay|this month|current month|trong thang(?! (?:qua|truoc|sau|toi|vua|nua|\d)))(?![a-z])/,
    resolve: (t) => month(t, 0),
  },
  { re: /(?<![a-z])(?:thang sau|thang toi|next month)(?![a-z])/, resolve: (t) => month(t, 1) },
  {
    re: /(?<![a-z])(?:thang truoc|thang vua qua|thang vua roi|thang qua(?! han)|last month|previous month|past month)(?![a-z])/,
    resolve: (t) => month(t, -1),
  },
  {
    re: /(?<![a-z])(?:tuan nay|this week|current week|trong tuan(?! (?:qua|truoc|sau|toi|vua|nua|\d)))(?![a-z])/,
    resolve: (t) => weekWindow(t, 0),
  },
  { re: /(?<![a-z])(?:tuan sau|tuan toi|next week)(?![a-z])/, resolve: (t) => weekWindow(t, 1) },
  {
    re: /(?<![a-z])(?:tuan truoc|tuan vua qua|tuan vua roi|tuan qua(?! han)|last week|previous week|past week)(?![a-z])/,
    resolve: (t) => weekWindow(t, -1),
  },
  {
    re: /(?<![a-z])(?:nam nay|this year|ca nam|whole year|current year)(?![a-z])/,
    resolve: (t) => year(t.y),
  },
  { re: /(?<![a-z])(?:nam sau|nam toi|next year)(?![a-z])/, resolve: (t) => year(t.y + 1) },
  { re: /(?<![a-z])(?:nam truoc|nam ngoai|last year)(?![a-z])/, resolve: (t) => year(t.y - 1) },
  { re: /(?<![a-z])(?:hom nay|today)(?![a-z])/, resolve: (t) => window(t, t) },
  { re: /(?<![a-z])(?:ngay mai|tomorrow)(?![a-z])/, resolve: (t) => day(t, 1) },
  // "mai có hạn gì không", "hạn đến mai": "mai" alone is tomorrow at the start or after a word of time
  // (elsewhere it may be a name).
  { re: /(?:^|(?<=(?:^|\s)(?:den|truoc|han|sang|chieu|ngay|da) ))mai(?![a-z])/, resolve: (t) => day(t, 1) },
  { re: /(?<![a-z])(?:hom qua|yesterday)(?![a-z])/, resolve: (t) => day(t, -1) },
];

/** Monday = 0 … Sunday = 6, as a weekday is written. */
const WEEKDAYS: Readonly<Record<string, number>> = {
  hai: 0,
  '2': 0,
  ba: 1,
  '3': 1,
  tu: 2,
  '4': 2,
  nam: 3,
  '5': 3,
  sau: 4,
  '6': 4,
  bay: 5,
  '7': 5,
  'chu nhat': 6,
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
};
/** "thứ 6 này", "thứ năm tuần sau", "chủ nhật", "next Monday" (not "xếp thứ 2", a rank). */
const WEEKDAY =
  /(?<![a-z0-9])(?<!(?:xep|dung|hang|so) )(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat)|(?:this |next |on )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?:\s+(nay|tuan nay|tuan sau|tuan toi|tuan truoc))?(?![a-z0-9])/;

const BY_WEEKDAY = /(?<![a-z])(?:truoc|before|by|until|till|den|toi|han|han chot|deadline)\s{1,3}$/;

/**
 * The day a weekday names: in this week ("này", "tuần này"), the next or the last ("tuần sau", "next
 * Monday", "tuần trước"), or alone the first such day from today on. undefined: none is named.
 */
function byWeekday(text: string, t: Ymd): Period | null | undefined {
  const m = WEEKDAY.exec(text);
  if (m === null) return undefined;
  const wanted = WEEKDAYS[m[1] ?? m[2] ?? m[3] ?? ''];
  if (wanted === undefined) return undefined;
  const todayIndex = (new Date(dayNumber(t) * DAY_MS).getUTCDay() + 6) % 7;
  const monday = dayNumber(t) - todayIndex;
  const which = m[4] ?? (/^next /.test(m[0]) ? 'tuan sau' : '');
  const weeks =
    which === 'nay' || which === 'tuan nay' ? 0 : which === 'tuan truoc' ? -1 : which === '' ? null : 1;
  const n = weeks === null ? dayNumber(t) + ((wanted - todayIndex + 7) % 7) : monday + weeks * 7 + wanted;
  // "trước thứ 6", "by Friday": like "trước 30/9", from today to that day.
  const byThen = BY_WEEKDAY.test(text.slice(0, m.index)) && n >= dayNumber(t);
  return byThen ? window(t, fromDayNumber(n)) : day(fromDayNumber(n), 0);
}

function quarterOf(t: Ymd, by: number): Period | null {
  const shifted = shiftMonth(t.y, Math.floor((t.m - 1) / 3) * 3 + 1, by * 3);
  return quarterWindow(shifted.y, Math.floor((shifted.m - 1) / 3) + 1);
}

function month(t: Ymd, by: number): Period | null {
  const shifted = shiftMonth(t.y, t.m, by);
  return monthWindow(shifted.y, shifted.m);
}

function year(y: number): Period | null {
  return monthsWindow(y, 1, 12);
}

function day(t: Ymd, by: number): Period | null {
  const v = fromDayNumber(dayNumber(t) + by);
  return window(v, v);
}

function byMonthName(text: string, today: Ymd): Period | null | undefined {
  for (const m of text.matchAll(MONTH_NAME)) {
    const name = m[2] ?? '';
    const monthNumber = MONTHS[name];
    const marked = m[1] !== undefined || m[3] !== undefined;
    if (monthNumber === undefined || (MONTH_NEEDS_MARKER.has(name) && !marked)) continue;
    return monthWindow(m[3] === undefined ? today.y : Number(m[3]), monthNumber);
  }
  return undefined;
}

function resolveOrThrow(text: string, t: Ymd): Period | null {
  const range = byRange(text, t);
  if (range !== null) return range;
  const due = byDeadline(text, t);
  if (due !== undefined) return due;

  let m = HALF_OF_MONTH.exec(text);
  if (m !== null) {
    const which = m[2] ?? m[4] ?? '';
    const by = ['sau', 'toi', 'next'].includes(which) ? 1 : ['truoc', 'last'].includes(which) ? -1 : 0;
    const { y, m: mo } = shiftMonth(t.y, t.m, by);
    const end = daysInMonth(y, mo);
    return m[1] === 'dau' || m[3] === 'first'
      ? window({ y, m: mo, d: 1 }, { y, m: mo, d: 15 })
      : window({ y, m: mo, d: 16 }, { y, m: mo, d: end });
  }
  m = HALF_FIRST.exec(text);
  if (m !== null) return monthsWindow(yearAfter(m, 1, t), 1, 6);
  m = HALF_SECOND.exec(text);
  if (m !== null) return monthsWindow(yearAfter(m, 1, t), 7, 12);
  m = QUARTER.exec(text);
  if (m !== null) {
    const q = m[1] ?? '';
    return quarterWindow(yearAfter(m, 2, t), ROMAN[q] ?? Number(q));
  }
  m = QUARTER_ORDINAL.exec(text);
  if (m !== null) return quarterWindow(yearAfter(m, 2, t), ORDINAL[m[1] ?? ''] ?? 0);
  for (const r of RELATIVE) if (r.re.test(text)) return r.resolve(t);

  m = LAST_WEEK_OF.exec(text);
  if (m !== null) {
    const [y, mo] = m[1] === 'nam' || m[1] === 'year' ? [t.y, 12] : [t.y, t.m];
    const last = daysInMonth(y, mo);
    return window({ y, m: mo, d: last - 6 }, { y, m: mo, d: last });
  }
  m = YEAR_END.exec(text);
  if (m !== null) return window(t, { y: yearAfter(m, 1, t), m: 12, d: 31 });
  if (MONTH_END.test(text)) return window(t, { y: t.y, m: t.m, d: daysInMonth(t.y, t.m) });
  m = MONTH_NUMBER.exec(text);
  if (m !== null) return monthWindow(yearAfter(m, 2, t), Number(m[1]));
  const named = byMonthName(text, t);
  if (named !== undefined) return named;

  const months = byMonthsAhead(text, t);
  if (months !== undefined) return months;
  const past = byPastSpan(text, t);
  if (past !== undefined) return past;
  for (const ahead of NEXT_DAYS) {
    m = ahead.re.exec(text);
    if (m !== null) return window(t, fromDayNumber(dayNumber(t) + Number(m[1]) * ahead.days));
  }
  const weekday = byWeekday(text, t);
  if (weekday !== undefined) return weekday;
  for (const r of LATER) if (r.re.test(text)) return r.resolve(t);
  return byDay(text, t);
}

/**
 * The window a message names, or null. `foldedText` is lower case without diacritics ("truoc 30/9").
 * Whole named periods ("Q3", "tháng 9", even "before the end of Q3") give the whole period; "cuối năm"
 * and "trước 30/9" run from today. A date that does not exist (31/2, tháng 13) gives null.
 */
export function resolvePeriod(foldedText: string, today: LocalDate): Period | null {
  // A message's period is read twice, for the classifier's slots and for the answer: the last one kept.
  if (last !== null && last.text === foldedText && last.today === today) return last.period;
  const period = resolveOnce(foldedText, today);
  last = { text: foldedText, today, period };
  return period;
}

let last: { text: string; today: LocalDate; period: Period | null } | null = null;

function resolveOnce(foldedText: string, today: LocalDate): Period | null {
  const t = parseLocalDate(today);
  if (t === null) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  try {
    return resolveOrThrow(foldedText, t);
  } catch (error) {
    if (error instanceof InvalidDate) return null;
    throw error;
  }
}
