import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, MAX_ACTION_BYTES } from '../../src/core/actions.ts';
import type { ButtonAction } from '../../src/core/reply.ts';
import type { ItemCode, Percent } from '../../src/core/types.ts';

const item = 'NQ57-12.3' as ItemCode;

describe('button action codec', () => {
  it.each<ButtonAction>([
    { kind: 'update', item, status: 'done', percent: 100 as Percent },
    { kind: 'update', item, status: 'in_progress', percent: 80 as Percent },
    { kind: 'update', item, status: 'blocked', percent: null },
    { kind: 'snooze', item },
    { kind: 'page', list: '1z', page: 3 },
    { kind: 'page', list: null, page: 3 },
    { kind: 'confirm', yes: true },
    { kind: 'confirm', yes: false },
  ])('round-trips %o within Telegram’s 64 bytes', (action) => {
    const data = encodeAction(action);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    expect(decodeAction(data)).toEqual(action);
  });

  it('keeps the longest realistic code under 64 bytes', () => {
    const long = {
      kind: 'update',
      item: 'ABCDEFGHIJKLMNOP-9999.9999' as ItemCode,
      status: 'in_progress',
      percent: 99 as Percent,
    } as const;
    expect(Buffer.byteLength(encodeAction(long))).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  });

  it.each([
    'u|NQ57-12.3|d|150',
    'u|NQ57-12.3|x|50',
    'u|nq57-12|d|100',
    "u|NQ57-1'; drop table tasks;--|d|100",
    'u|NQ57-12.3|p|-5',
    'u|NQ57-12.3|p|5.5',
    's|NQ57-12|extra',
    'pg|abc',
    'pg|AB|2',
    'pg|1|2|3',
    'pg|1|x',
    'pg|1|',
    'pg|zzzzzzzzzzz|1',
    'c|2',
    'zz',
    '',
    'x'.repeat(65),
  ])('rejects the forged or malformed %j', (data) => {
    expect(decodeAction(data)).toBeNull();
  });
});
