// How the parser folds Vietnamese text: NFC, lower case, no diacritics, offsets kept for verbatim notes.
import { describe, expect, it } from 'vitest';
import {
  fold,
  foldWithMap,
  marksConsistent,
  markSig,
  MAX_MESSAGE_CHARS,
  normalize,
  sanitizeText,
  tokenizePhrase,
} from '../../../src/core/intent/normalize.ts';

describe('normalize', () => {
  it('composes decomposed (NFD) text from phones into NFC', () => {
    const nfd = 'Sở Y tế'.normalize('NFD');
    expect(nfd).not.toBe('Sở Y tế');
    expect(normalize(nfd)).toBe('sở y tế');
  });

  it('lower-cases and collapses runs of whitespace, tabs and newlines', () => {
    expect(normalize('  TỔNG   HỢP\t\n NQ57 ')).toBe('tổng hợp nq57');
  });
});

describe('fold', () => {
  it.each([
    ['Sở KH&CN', 'so kh&cn'],
    ['so kh&cn', 'so kh&cn'],
    ['SỞ KH&CN', 'so kh&cn'],
    ['Đề án 06', 'de an 06'],
    ['ĐA06', 'da06'],
    ['Nghị quyết số 57-NQ/TW', 'nghi quyet so 57-nq/tw'],
    ['Ủy ban nhân dân tỉnh Hòa An', 'uy ban nhan dan tinh hoa an'],
    ['Uỷ ban', 'uy ban'],
    ['chuyển đổi số', 'chuyen doi so'],
    ['ưởng ợ ữ ậ ẵ ế', 'uong o u a a e'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('folds NFD input exactly like NFC input', () => {
    const text = 'Những nhiệm vụ nào đang chậm tiến độ?';
    expect(fold(text.normalize('NFD'))).toBe(fold(text));
  });

  it('turns en dashes, minus signs and full-width percent signs into their ASCII forms', () => {
    expect(fold('NQ57–12 − 80％')).toBe('nq57-12 - 80%');
  });

  it('remembers, for every folded character, where it came from in the original', () => {
    const source = 'Đã lắp 😀 xong';
    const folded = foldWithMap(source);
    expect(folded.text).toBe('da lap 😀 xong');
    const start = folded.text.indexOf('xong');
    expect(source.slice(folded.toOrig[start])).toBe('xong');
    expect(folded.toOrig[folded.text.length]).toBe(source.length);
  });
});

describe('diacritic consistency', () => {
  const sig = (word: string) => markSig(word.toLowerCase());

  it('accepts a word typed without diacritics as any marked word', () => {
    expect(marksConsistent(sig('cham'), sig('chậm'))).toBe(true);
  });

  it('refuses a word whose tone contradicts the reference: "chấm" is not "chậm"', () => {
    expect(marksConsistent(sig('chấm'), sig('chậm'))).toBe(false);
  });

  it('refuses "cả" (all) as the police abbreviation "ca"', () => {
    expect(marksConsistent(sig('cả'), sig('ca'))).toBe(false);
  });

  it('ignores where the tone mark sits: "uỷ" and "ủy" are the same syllable', () => {
    expect(marksConsistent(sig('uỷ'), sig('ủy'))).toBe(true);
  });

  it('treats đ as a mark of its own, so "đa" may stand for "da" typed bare but not the reverse', () => {
    expect(marksConsistent(sig('da'), sig('đa'))).toBe(true);
    expect(marksConsistent(sig('đa'), sig('da'))).toBe(false);
  });
});

describe('tokenizePhrase', () => {
  it('splits on punctuation but keeps "&" as a word of its own', () => {
    expect(tokenizePhrase('Sở KH & CN, 57-NQ/TW').map((t) => t.folded)).toEqual([
      'so',
      'kh',
      '&',
      'cn',
      '57',
      'nq',
      'tw',
    ]);
  });

  it('keeps each word as written, case and diacritics included', () => {
    expect(tokenizePhrase('Công an tỉnh').map((t) => t.orig)).toEqual(['Công', 'an', 'tỉnh']);
  });
});

describe('look-alike characters', () => {
  it.each([
    ['ＮＱ５７－１２．３ ８０％', 'nq57-12.3 80%'],
    ['ΝQ57-12.3', 'nq57-12.3'],
    ['НQ57', 'hq57'],
    ['NQ57-١٢.٣', 'nq57-12.3'],
    ['NQ57-۱۲٫۳ ٨٠٪', 'nq57-12.3 80%'],
    ['NQ५७-१२', 'nq57-12'],
    ['NQ57—12', 'nq57-12'],
    ['𝐍𝐐57', 'nq57'],
  ])('folds %j to the ASCII %j it looks like', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('leaves Vietnamese letters to the diacritic fold', () => {
    expect(fold('Chậm tiến độ ĐA06')).toBe('cham tien do da06');
  });
});

describe('sanitizeText', () => {
  it('replaces unpaired surrogates, keeps pairs, drops control characters but newlines and tabs', () => {
    expect(sanitizeText('a\ud800b\udc00c😀\u0000d\te\r\nf\u200bg')).toBe('a\ufffdb\ufffdc😀d\te\nfg');
  });

  it('caps absurd lengths without leaving half a surrogate pair', () => {
    const out = sanitizeText('😀'.repeat(MAX_MESSAGE_CHARS));
    expect(out.length).toBe(MAX_MESSAGE_CHARS);
    expect(out.endsWith('😀')).toBe(true);
  });
});
