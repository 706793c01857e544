// The README's chat examples (`npx dondoc ask "…" --as P…`) do what the README says, as the person it names.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Intent } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Example {
  text: string;
  as: string;
  says: string;
}

/** Every `npx dondoc ask "TEXT" --as CODE  # what it does` line of the README. */
const EXAMPLES: Example[] = [
  ...README.matchAll(/^npx dondoc ask "([^"]+)" --as (\S+)[^\S\n]*(?:#[^\S\n]*(.*))?$/gmu),
].map((m) => ({ text: m[1]!, as: m[2]!, says: m[3] ?? '' }));

describe.each(dbKinds())('the README chat examples on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(() => t.close());

  const ask = (e: Example) =>
    runCommand(['ask', e.text, '--as', e.as, '--json'], {
      env: { DONDOC_NOW: NOW.toISOString() },
      now: NOW,
      db: t,
    });
  const updatesBy = async (person: string) =>
    (
      await rows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from history h join people p on p.id = h.person_id
            where p.code = ${person}`,
      )
    )[0]!.n;
  const history = async () =>
    (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from history`))[0]!.n;
  const audit = async () =>
    (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
  const task = async (code: string) =>
    (
      await rows<{ progress: number; assignee: string }>(
        t.db,
        sql`select k.progress, p.code as assignee from tasks k join people p on p.id = k.assignee_id
            where k.code = ${code}`,
      )
    )[0];

  const progress = async () =>
    new Map(
      (await rows<{ code: string; progress: number }>(t.db, sql`select code, progress from tasks`)).map(
        (r) => [r.code, r.progress],
      ),
    );

  it('has a question and a recorded staff update among them', () => {
    expect(EXAMPLES.some((e) => /recorded/.test(e.says))).toBe(true);
    expect(EXAMPLES.some((e) => !/recorded/.test(e.says))).toBe(true);
  });

  it.each(EXAMPLES)('%o', async (e) => {
    const before = await history();
    const auditBefore = await audit();
    const progressBefore = await progress();
    const byBefore = await updatesBy(e.as);
    const r = await ask(e);
    expect(r.code).toBe(0);
    const { intent, reply } = JSON.parse(r.out[0]!) as { intent: Intent; reply: string };
    expect(intent.intent).not.toBe('unknown');
    if (/recorded/.test(e.says)) {
      // A recording example records: one more row in the history, by that person, on their own task.
      expect(intent.intent).toBe('update');
      const code = intent.target!;
      expect((await task(code))?.assignee).toBe(e.as);
      expect(await history()).toBe(before + 1);
      expect(await audit()).toBe(auditBefore + 1);
      expect(await updatesBy(e.as)).toBe(byBefore + 1);
      expect((await task(code))?.progress).toBe(intent.percent);
      // It was in progress and below that, so the update changed it: not a done task left as it was.
      expect(progressBefore.get(code)).toBeLessThan(intent.percent!);
      expect(reply).toContain(code);
    } else {
      expect(await history()).toBe(before);
      expect(await audit()).toBe(auditBefore);
      expect(reply.trim()).not.toBe('');
    }
  });
});
