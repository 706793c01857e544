// Item codes ("NQ57-12.3", "đa06-03") and progress percents ("80 %", "-5%") as people type them in chat.
import type { ItemCode } from '../types.ts';

export interface CodeSpan {
  /** Offsets in the folded text. */
  start: number;
  end: number;
  code: ItemCode;
}

/**
 * Letters+digits, hyphen, number, optional ".number". Letters and digits may be split by a space or a hyphen
 * ("NQ 57-12", "NQ-57-12") only when they then spell a known programme, so "tuần 2-3" is no code.
 */
const ITEM =
  /(?<![\p{L}\p{N}])([a-z]{2,6})([ -]?)(\d{1,4})-(\d{1,3})(?:\.(\d{1,3}))?(?![\p{L}\p{N}%]|[.,]\d)/gu;

/** Resolves the programme part of a code ("da6" → "DA06"), or null when it is not a known programme. */
export type ProgramResolver = (letters: string, digits: string) => string | null;

export function findItemCodes(folded: string, programOf: ProgramResolver): CodeSpan[] {
  const spans: CodeSpan[] = [];
  for (const m of folded.matchAll(ITEM)) {
    const [whole, letters = '', separator = '', digits = '', item = '', sub] = m;
    const program = programOf(letters, digits);
    if (separator !== '' && program === null) continue;
    const prefix = program ?? `${letters.toUpperCase()}${digits}`;
    // Targets are numbered with two digits (NQ57-05); tasks with a plain number after the dot (NQ57-05.1).
    const code = `${prefix}-${String(Number(item)).padStart(2, '0')}${sub === undefined ? '' : `.${Number(sub)}`}`;
    spans.push({ start: m.index, end: m.index + whole.length, code: code as ItemCode });
  }
  return spans;
}

export interface PercentSpan {
  start: number;
  end: number;
  /** As written, possibly outside 0–100 or fractional; the caller decides what is acceptable. */
  value: number;
}

const PERCENT =
  /(?<![\p{L}\p{N}.,])(-\s?)?(\d{1,4}(?:[.,]\d{1,2})?)\s?(?:%|(?:phan tram|percent|pct)(?![\p{L}\p{N}]))/gu;

export function findPercents(folded: string): PercentSpan[] {
  const spans: PercentSpan[] = [];
  for (const m of folded.matchAll(PERCENT)) {
    const magnitude = Number((m[2] ?? '').replace(',', '.'));
    spans.push({
      start: m.index,
      end: m.index + m[0].length,
      value: m[1] === undefined ? magnitude : -magnitude,
    });
  }
  return spans;
}

/** Overwrites spans with '#' so later matching sees one opaque word there, offsets unchanged. */
export function mask(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + '#'.repeat(s.end - s.start) + out.slice(s.end);
  return out;
}
