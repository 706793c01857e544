// The values of a focal-point list's cells: phone numbers as provinces write them, names, languages.
import type { Lang } from '../../core/types.ts';
import { cellText } from '../import/cells.ts';
import { fold } from '../import/fold.ts';
import type { Raw } from '../import/read-sheets.ts';

/**
 * A Vietnamese phone number as digits from 0 ("0912 345 678", "091.234.5678", "+84 912 345 678",
 * or 912345678 where Excel kept the number and dropped its 0); `undefined` when blank, null when it is
 * no phone number.
 */
export function readPhone(raw: Raw): string | null | undefined {
  const text = typeof raw === 'number' ? String(Math.round(raw)) : cellText(raw);
  if (text === '') return undefined;
  let digits = text.replace(/[\s.\-()]/g, '');
  if (/^\+84\d+$/.test(digits)) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  else if (/^[1-9]\d{8,9}$/.test(digits)) digits = `0${digits}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** A name as people write it: NFC, one space between words. */
export function cleanName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Two names are the same person's when they fold alike ("Ngô Đức Minh", "NGO DUC MINH"). */
export const sameName = (a: string, b: string): boolean => fold(a) === fold(b);

const LANGS = new Map<string, Lang>([
  ['vi', 'vi'],
  ['tieng viet', 'vi'],
  ['viet', 'vi'],
  ['vietnamese', 'vi'],
  ['en', 'en'],
  ['english', 'en'],
  ['tieng anh', 'en'],
  ['anh', 'en'],
]);

export function readLang(text: string): Lang | null {
  return LANGS.get(fold(text)) ?? null;
}

/** A person code the list may state: letters, digits, - and _. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
