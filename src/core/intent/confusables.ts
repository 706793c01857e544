// Characters that look like the ASCII a code or a percent is written in, folded to that ASCII before anything
// is read: a Greek "Ν" or an Arabic-Indic "١" in "ΝQ57-١٢.٣" must be read as the code it looks like.

/** Greek and Cyrillic letters drawn like Latin ones (after lower-casing), the usual keyboard swaps. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  // Greek
  α: 'a',
  β: 'b',
  ε: 'e',
  ζ: 'z',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
};

/**
 * Capitals fold by their shape, not their lower case: Greek "Ν" is N (its lower case ν looks like v) and
 * Cyrillic "Н" is H.
 */
const CAPITAL_LOOKALIKES: Readonly<Record<string, string>> = {
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  А: 'a',
  В: 'b',
  Е: 'e',
  З: '3',
  І: 'i',
  Ј: 'j',
  К: 'k',
  М: 'm',
  Н: 'h',
  О: 'o',
  Р: 'p',
  С: 'c',
  Ѕ: 's',
  Т: 't',
  У: 'y',
  Х: 'x',
};

/** Dashes, minus signs and hyphens of every script. */
const DASH = /^[\u2010-\u2015\u2212\u2796\uFE58\uFE63\uFF0D\u058A\u05BE\u1806\u2E3A\u2E3B]$/u;
/** Full stops and decimal separators that stand for "." in a number. */
const DOT = /^[\u066B\u06D4\u2024\u3002\uFE52\uFF0E\uFF61]$/u;
const PERCENT = /^[\u066A\u2052\uFE6A\uFF05]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script ("٣" → 3, "৩" → 3). Unicode encodes every such digit in a
 * run of ten from zero upwards (a stability guarantee), so the distance to the run's start tells it.
 */
function digitValue(cp: number): number {
  let k = 0;
  while (k < 64 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - k - 1))) k += 1;
  return k % 10;
}

/**
 * One code point in its ASCII look-alike when it has one, else as NFKC gives it (full-width "Ｑ" → "Q",
 * "５" → "5", "²" → "2"). Case is kept; letters outside these tables are returned unchanged.
 */
export function asciiLookalike(cp: string): string {
  if (DASH.test(cp)) return '-';
  if (DOT.test(cp)) return '.';
  if (PERCENT.test(cp)) return '%';
  const capital = CAPITAL_LOOKALIKES[cp];
  if (capital !== undefined) return capital.toUpperCase();
  const small = LATIN_LOOKALIKES[cp];
  if (small !== undefined) return small;
  // A capital missing from the shape table is drawn like its small letter (Cyrillic "Ԛ" like "ԛ", a q).
  const lower = cp.toLowerCase();
  const smallOfCapital = lower === cp ? undefined : LATIN_LOOKALIKES[lower];
  if (smallOfCapital !== undefined) return smallOfCapital.toUpperCase();
  const code = cp.codePointAt(0) ?? 0;
  if (code > 0x7f && DECIMAL_DIGIT.test(cp)) {
    const nfkc = cp.normalize('NFKC');
    return /^[0-9]$/.test(nfkc) ? nfkc : String(digitValue(code));
  }
  // NFKC only where it maps to ASCII or Latin letters: it must not recompose Vietnamese marks differently.
  if (code >= 0xff01 && code <= 0xff5e) return cp.normalize('NFKC');
  if (code > 0x7f && !/^\p{L}$/u.test(cp)) {
    const nfkc = cp.normalize('NFKC');
    if (/^[\x20-\x7e]+$/.test(nfkc)) return nfkc;
  }
  if (code > 0x24f && /^\p{L}$/u.test(cp)) {
    // Mathematical and other compatibility letters ("𝐍", "ｎ", "ﬁ"): their NFKC is plain Latin.
    const nfkc = cp.normalize('NFKC');
    if (/^[A-Za-z]+$/.test(nfkc)) return nfkc;
  }
  return cp;
}
