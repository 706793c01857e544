// splitForZalo: line-preserving chunks of at most 2,000 UTF-16 units, never halving a character.
import { describe, expect, it } from 'vitest';
import { splitForZalo } from '../../../src/channels/zalo/split.ts';

/** Content must survive: only newlines at split points may go. */
const withoutNewlines = (s: string): string => s.replace(/\n/g, '');

function expectValid(text: string, chunks: string[], max = 2000): void {
  for (const c of chunks) {
    expect(c.length).toBeGreaterThan(0);
    expect(c.length).toBeLessThanOrEqual(max);
    // No chunk starts with a lone low surrogate or ends with a lone high surrogate.
    expect(c.charCodeAt(0) >= 0xdc00 && c.charCodeAt(0) <= 0xdfff).toBe(false);
    const last = c.charCodeAt(c.length - 1);
    expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
  }
  expect(withoutNewlines(chunks.join(''))).toBe(withoutNewlines(text));
}

describe('splitForZalo', () => {
  it('returns no chunk for empty text', () => {
    expect(splitForZalo('')).toEqual([]);
  });

  it('keeps a text of exactly 2,000 characters whole', () => {
    const text = 'a'.repeat(2000);
    expect(splitForZalo(text)).toEqual([text]);
  });

  it('splits 2,001 characters of one line into 2,000 and 1', () => {
    const chunks = splitForZalo('a'.repeat(2001));
    expect(chunks.map((c) => c.length)).toEqual([2000, 1]);
  });

  it('splits 2,001 characters on the line boundary when there is one', () => {
    const text = `${'a'.repeat(1000)}\n${'b'.repeat(1000)}`;
    expect(splitForZalo(text)).toEqual(['a'.repeat(1000), 'b'.repeat(1000)]);
  });

  it('hard-splits one 5,000-character line without spaces into 2,000 + 2,000 + 1,000', () => {
    const text = 'x'.repeat(5000);
    const chunks = splitForZalo(text);
    expect(chunks.map((c) => c.length)).toEqual([2000, 2000, 1000]);
    expectValid(text, chunks);
  });

  it('splits a long line of words after a space, not inside a word', () => {
    const words = Array.from({ length: 700 }, (_, i) => `từ${i}`);
    const text = words.join(' ');
    const chunks = splitForZalo(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(0, -1)) expect(c.endsWith(' ')).toBe(true);
    expect(chunks.join('')).toBe(text);
    expectValid(text, chunks);
  });

  it('does not cut an emoji in half at the boundary', () => {
    const text = `${'a'.repeat(1999)}😀${'b'.repeat(10)}`;
    const chunks = splitForZalo(text);
    expect(chunks[0]).toBe('a'.repeat(1999));
    expect(chunks[1]).toBe(`😀${'b'.repeat(10)}`);
    expectValid(text, chunks);
  });

  it('does not separate a decomposed Vietnamese accent from its letter', () => {
    const decomposed = 'e\u0302\u0301'; // ế written as e + circumflex + acute
    const text = `${'a'.repeat(1998)}${decomposed}${'b'.repeat(5)}`;
    const chunks = splitForZalo(text);
    expect(chunks[0]).toBe('a'.repeat(1998));
    expect(chunks[1]?.startsWith(decomposed)).toBe(true);
  });

  it('packs many short lines greedily, never splitting a line', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `Dòng số ${i}: tiến độ 50%`);
    const text = lines.join('\n');
    const chunks = splitForZalo(text);
    expectValid(text, chunks);
    expect(chunks.join('\n')).toBe(text);
    // Greedy: adding the next chunk's first line would have overflowed.
    for (let i = 0; i < chunks.length - 1; i++) {
      const nextFirst = chunks[i + 1]!.split('\n')[0]!;
      expect(chunks[i]!.length + 1 + nextFirst.length).toBeGreaterThan(2000);
    }
  });

  it('drops blank lines at chunk edges but never yields an empty chunk', () => {
    const text = `${'a'.repeat(1500)}\n\n\n\n${'b'.repeat(1500)}\n\n`;
    const chunks = splitForZalo(text);
    expect(chunks).toEqual(['a'.repeat(1500), 'b'.repeat(1500)]);
  });

  it('respects a smaller max', () => {
    const text = 'ab\ncd\nef gh ij\n😀😀😀';
    const chunks = splitForZalo(text, 5);
    expectValid(text, chunks, 5);
  });

  it('holds its invariants on random mixed text', () => {
    const alphabet = ['a', 'ư', ' ', '\n', '😀', 'e\u0301', '👍🏽'];
    let seed = 7;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      let text = '';
      const n = Math.floor(rand() * 6000);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const max = 50 + Math.floor(rand() * 2000);
      expectValid(text, splitForZalo(text, max), max);
    }
  });

  it('rejects a max too small to hold one character', () => {
    expect(() => splitForZalo('abc', 1)).toThrow(RangeError);
  });
});
