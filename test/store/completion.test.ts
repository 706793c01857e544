// When an item was finished (completed_at), kept by every write: set when it becomes done, kept
// while it stays done, cleared when it is re-opened; a target is finished when its last task is.
// The migration's back-fill derives the same times from history for data from before it was kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemCode, ItemStatus, Percent, PersonCode } from '../../src/core/types.ts';
import { findInconsistencies } from '../../src/store/check.ts';
import { rows } from '../../src/store/db.ts';
import { createStore } from '../../src/store/store.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T09:00:00+07:00');

describe.each(dbKinds())('completed_at on %s', (kind) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterEach(() => t.close());

  const update = (item: string, status: ItemStatus | null, progress: number | null, at: string) =>
    createStore(t.db, () => NOW).recordUpdate({
      item: item as ItemCode,
      person: 'P10' as PersonCode,
      at: new Date(at),
      status,
      progress: progress as Percent | null,
      note: null,
      channel: 'cli',
      messageId: null,
    });
  const completed = async (code: string) => {
    const [r] = await rows<{ at: Date | string | null }>(
      t.db,
      sql`select completed_at as at from tasks where code = ${code}
          union all select completed_at from targets where code = ${code}`,
    );
    return r?.at == null ? null : new Date(r.at).toISOString();
  };

  it('is set when a task becomes done, kept when it is confirmed again, cleared when re-opened', async () => {
    expect(await completed('NQ57-12.3')).toBeNull();
    await update('NQ57-12.3', 'done', null, '2025-07-15T08:00:00+07:00');
    expect(await completed('NQ57-12.3')).toBe('2025-07-15T01:00:00.000Z');
    await update('NQ57-12.3', 'done', null, '2025-07-15T08:30:00+07:00');
    expect(await completed('NQ57-12.3')).toBe('2025-07-15T01:00:00.000Z');
    await update('NQ57-12.3', 'blocked', null, '2025-07-15T08:40:00+07:00');
    expect(await completed('NQ57-12.3')).toBeNull();
    await update('NQ57-12.3', null, 100, '2025-07-15T08:50:00+07:00');
    expect(await completed('NQ57-12.3')).toBe('2025-07-15T01:50:00.000Z');
    expect(await findInconsistencies(t.db)).toEqual([]);
  });

  it('a target is finished when its last task is, and no longer when one re-opens', async () => {
    for (const [code, at] of [
      ['NQ57-12.2', '2025-07-15T08:00:00+07:00'],
      ['NQ57-12.3', '2025-07-15T08:10:00+07:00'],
      ['NQ57-12.4', '2025-07-15T08:20:00+07:00'],
    ] as const) {
      expect(await completed('NQ57-12')).toBeNull();
      await update(code, 'done', null, at);
    }
    expect(await completed('NQ57-12')).toBe('2025-07-15T01:20:00.000Z');
    await update('NQ57-12.4', null, 90, '2025-07-15T08:30:00+07:00');
    expect(await completed('NQ57-12')).toBeNull();
  });

  it('the migration back-fill derives from history the times the load gave', async () => {
    const loaded = await rows<{ code: string; at: string }>(
      t.db,
      sql`select code, completed_at::text as at from tasks where status = 'done' order by code`,
    );
    expect(loaded.length).toBeGreaterThan(30);
    await t.db.execute(sql`update tasks set completed_at = null`);
    await t.db.execute(sql`update targets set completed_at = null`);
    const migration = readFileSync(join(import.meta.dirname, '../../drizzle/0004_completed_at.sql'), 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .filter((s) => /^\s*(--.*\n)*\s*UPDATE/mu.test(s));
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await t.db.execute(sql.raw(statement));
    expect(
      await rows<{ code: string; at: string }>(
        t.db,
        sql`select code, completed_at::text as at from tasks where status = 'done' order by code`,
      ),
    ).toEqual(loaded);
    expect(await findInconsistencies(t.db)).toEqual([]);
  });
});
