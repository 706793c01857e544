// The in-process seen-set that drops redelivered updates.
import { describe, expect, it } from 'vitest';
import { createSeenSet } from '../../src/channels/seen-set.ts';

describe('createSeenSet', () => {
  it('says an id is new the first time only', () => {
    const seen = createSeenSet(10);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    expect(seen.firstTime('b')).toBe(true);
    expect(seen.size).toBe(2);
  });

  it('forgets the least recently seen id once over capacity', () => {
    const seen = createSeenSet(2);
    seen.firstTime('a');
    seen.firstTime('b');
    seen.firstTime('c');
    expect(seen.size).toBe(2);
    expect(seen.has('a')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });

  it('counts a repeat as recent use, so a frequently redelivered id is kept', () => {
    const seen = createSeenSet(2);
    seen.firstTime('a');
    seen.firstTime('b');
    expect(seen.firstTime('a')).toBe(false);
    seen.firstTime('c');
    expect(seen.has('a')).toBe(true);
    expect(seen.has('b')).toBe(false);
  });

  it('never grows past its capacity', () => {
    const seen = createSeenSet(100);
    for (let i = 0; i < 10_000; i++) seen.firstTime(`m${i}`);
    expect(seen.size).toBe(100);
    expect(seen.has('m9999')).toBe(true);
    expect(seen.has('m9899')).toBe(false);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => createSeenSet(0)).toThrow(RangeError);
    expect(() => createSeenSet(1.5)).toThrow(RangeError);
  });
});
