// What the intent classifier sees of a message: its words, their character n-grams, word pairs, and the
// slots the rules found (a lateness word, a status, a period, a programme …). Slots are exact; words generalise.
import { isBarrier } from './analysis.ts';
import type { Token } from './normalize.ts';
import type { Slots } from './slots.ts';
import { inVocabulary } from './spelling.ts';

/** A message opening with the sender ("em còn việc gì", "mình đang có …") is often about their own work. */
const SELF = new Set(['toi', 'em', 'minh', 'tui', 'i', 'my']);

const HAS_MARKS = /[^\x00-\x7f]/u;

/** Feature strings of a message; the classifier hashes them. */
export function featuresOf(tokens: readonly Token[], slots: Slots): string[] {
  const out: string[] = ['bias'];
  let prev = '^';
  let words = 0;
  let unknown = 0;
  for (const t of tokens) {
    const w = isBarrier(t) ? '#code' : /^\d+$/u.test(t.folded) ? '#num' : t.folded;
    words += 1;
    if (!w.startsWith('#') && !inVocabulary(w)) unknown += 1;
    out.push(`w:${w}`, `b:${prev}_${w}`);
    // The marked form keeps "chấm" apart from "chậm" when the person typed the marks.
    const lower = t.orig.toLowerCase();
    if (HAS_MARKS.test(lower) && lower.length <= 12) out.push(`m:${lower}`);
    if (w.length >= 3 && !w.startsWith('#')) {
      const padded = `<${w}>`;
      for (let i = 0; i + 3 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 3)}`);
    }
    prev = w;
  }
  // Character 5-grams across a word boundary ("n han", "ua ha"): a pair of words read through a typo
  // or a split word that the word pairs above miss.
  const line = ` ${tokens.map((t) => (isBarrier(t) ? '#' : t.folded)).join(' ')} `;
  for (let i = 0; i + 5 <= line.length; i++) {
    const g = line.slice(i, i + 5);
    if (g.indexOf(' ', 1) > 0 && g.indexOf(' ', 1) < 4) out.push(`x:${g}`);
  }
  out.push(`b:${prev}_$`, `len:${Math.min(words, 8)}`, `oov:${Math.min(unknown, 3)}`);
  // Words the bot's vocabulary does not know: a message about something else, or gibberish.
  if (words > 0) out.push(`oovshare:${Math.round((unknown / words) * 4)}`);
  if (slots.status !== null) out.push(`s:status`, `s:status:${slots.status}`);
  for (const key of [
    'late',
    'due',
    'deadline',
    'rank',
    'summary',
    'mine',
    'mineStrong',
    'selfWork',
    'count',
    'help',
    'helpWeak',
    'explain',
    'work',
    'question',
    'period',
    'pastPeriod',
    'program',
    'agency',
  ] as const) {
    if (slots[key]) out.push(`s:${key}`);
  }
  if (slots.period && slots.deadline) out.push('s:period+deadline');
  if (slots.status !== null && slots.late) out.push('s:status+late');
  if (slots.program || slots.agency) out.push('s:scope');
  // A deadline word about no work and no scope ("chứng chỉ tiếng Anh quá hạn") is about something else.
  const anchored = slots.work || slots.program || slots.agency;
  for (const key of ['late', 'due', 'summary', 'status'] as const) {
    const on = key === 'status' ? slots.status !== null : slots[key];
    if (on) out.push(`s:${key}:${anchored ? 'anchored' : 'bare'}`);
  }
  const first = tokens[0]?.folded;
  if (first !== undefined && SELF.has(first)) out.push('s:self-first');
  return out;
}
