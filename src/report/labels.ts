// How a report writes days, shares and periods in Vietnamese and English; its sentences are in
// core/catalogue/report.ts.
import type { Lang, LocalDate, Period } from '../core/types.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const parts = (d: LocalDate): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
];
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  '',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day in a table: 15/07/2025. */
export function shortDay(d: LocalDate): string {
  const [y, m, day] = parts(d);
  return `${pad(day)}/${pad(m)}/${y}`;
}

/** A share as the language writes it: 39,5% / 39.5%. */
export function percent(n: number, total: number, lang: Lang): string {
  if (total === 0) return '-';
  const text = ((n / total) * 100).toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text}%`;
}

/** "41/68 xã (60,3%)": where an indicator stands, its share capped at 100 % (DOCX and XLSX alike). */
export function indicatorValue(
  i: { unit: string; targetValue: number; currentValue: number },
  lang: Lang,
): string {
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const share = percent(Math.min(i.currentValue, i.targetValue), i.targetValue, lang);
  return `${n.format(i.currentValue)}/${n.format(i.targetValue)} ${i.unit} (${share})`;
}

/** A period in words: "tháng 7 năm 2025", "quý II năm 2025", or from one day to another. */
export function periodWords(p: Period, lang: Lang): string {
  const [y1, m1, d1] = parts(p.from);
  const [y2, m2, d2] = parts(p.to);
  const whole = y1 === y2 && d1 === 1 && d2 === lastDay(y2, m2);
  const vi = lang === 'vi';
  if (whole && m1 === m2) return vi ? `tháng ${m1} năm ${y1}` : `${MONTHS_EN[m1]} ${y1}`;
  if (whole && m1 % 3 === 1 && m2 === m1 + 2) {
    const q = (m1 + 2) / 3;
    return vi ? `quý ${ROMAN[q]} năm ${y1}` : `Q${q} ${y1}`;
  }
  if (whole && m1 === 1 && m2 === 6) return vi ? `6 tháng đầu năm ${y1}` : `first half of ${y1}`;
  if (whole && m1 === 7 && m2 === 12) return vi ? `6 tháng cuối năm ${y1}` : `second half of ${y1}`;
  if (whole && m1 === 1 && m2 === 12) return vi ? `năm ${y1}` : `${y1}`;
  return vi
    ? `từ ngày ${shortDay(p.from)} đến ngày ${shortDay(p.to)}`
    : `from ${shortDay(p.from)} to ${shortDay(p.to)}`;
}

/** "Hòa An, ngày 15 tháng 7 năm 2025" / "Hoa An, 15 July 2025". */
export function placeAndDate(place: string, d: LocalDate, lang: Lang): string {
  const [y, m, day] = parts(d);
  return lang === 'vi'
    ? `${place}, ngày ${day} tháng ${m} năm ${y}`
    : `${place}, ${day} ${MONTHS_EN[m]} ${y}`;
}
