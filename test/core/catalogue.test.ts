import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../src/core/catalogue/index.ts';

type Leaf = { path: string; vi: unknown; en: unknown };

/** Every sentence of a surface, paired across the languages by its key path; a key in one language only is a leaf with `undefined` on the other side. */
function leaves(vi: unknown, en: unknown, path: string): Leaf[] {
  const isTable = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isTable(vi) || !isTable(en)) return [{ path, vi, en }];
  const keys = [...new Set([...Object.keys(vi), ...Object.keys(en)])];
  return keys.flatMap((k) => leaves(vi[k], en[k], `${path}.${k}`));
}

const all = Object.entries(SURFACES).flatMap(([name, s]) => leaves(s.vi, s.en, name));

/** A sentence: a non-empty string, a function that writes one, or a list of them. */
const isSentence = (v: unknown): boolean =>
  (typeof v === 'string' && v.trim() !== '') ||
  typeof v === 'function' ||
  (Array.isArray(v) && v.length > 0 && v.every(isSentence));

/** Written the same in both languages on purpose: names, symbols, a code-and-arrow line. */
const SAME_IN_BOTH = [
  'chat.updated', // ": 40% → 80% (status)": the status word comes translated
  'console.bot', // the product's name
  'people.messenger.telegram',
  'people.messenger.zalo',
  'people.never', // a dash
];

/** Vietnamese with no letter outside ASCII on purpose. */
const PLAIN_VIETNAMESE = [
  'chat.registerHowTo[1]', // a stranger's language is unknown: the how-to says it in English too
  'chat.nextPage', // "Trang sau" takes no marks
  'reportChat.fileName', // a file name, kept to ASCII
];

/** Every Vietnamese string of a surface with its path, list items included. */
function vietnamese(v: unknown, path: string): Array<{ path: string; text: string }> {
  if (typeof v === 'string') return [{ path, text: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => vietnamese(x, `${path}[${i}]`));
  if (typeof v === 'object' && v !== null)
    return Object.entries(v).flatMap(([k, x]) => vietnamese(x, `${path}.${k}`));
  return [];
}

describe('the catalogue', () => {
  it('holds every surface a person reads, with sentences in it', () => {
    expect(Object.keys(SURFACES).sort()).toEqual(
      [
        'chat',
        'chatSuggestions',
        'console',
        'invitation',
        'login',
        'people',
        'peopleImport',
        'planImport',
        'reminders',
        'report',
        'reportCells',
        'reportChat',
        'reportStatuses',
        'telegram',
        'zalo',
      ].sort(),
    );
    expect(all.length).toBeGreaterThan(400);
  });

  it('has every sentence in both Vietnamese and English', () => {
    const missing = all.filter((l) => !isSentence(l.vi) || !isSentence(l.en)).map((l) => l.path);
    expect(missing).toEqual([]);
  });

  it('translates every sentence: none reads the same in both, but names and symbols', () => {
    // A function's source text stands for the sentence it writes.
    const text = (v: unknown): string => (Array.isArray(v) ? v.map(text).join('\n') : String(v));
    const same = all.filter((l) => text(l.vi) === text(l.en)).map((l) => l.path);
    expect(same).toEqual(SAME_IN_BOTH);
  });

  it('writes Vietnamese of two words or more with its marks', () => {
    const unmarked = Object.entries(SURFACES)
      .flatMap(([name, s]) => vietnamese(s.vi, name))
      .filter(({ text }) => (text.match(/\p{L}+/gu) ?? []).length >= 2)
      .filter(({ text }) => !/[^\p{ASCII}]/u.test(text.replace(/[^\p{L}]/gu, '')))
      .map(({ path }) => path);
    expect(unmarked).toEqual(PLAIN_VIETNAMESE);
  });
});
