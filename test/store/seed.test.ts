import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { readProvince } from '../../src/store/demo-files.ts';
import { seedProvince } from '../../src/store/seed.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const demo = readProvince(join(import.meta.dirname, '../../demo'));

async function counts(t: TestDatabase): Promise<Record<string, number>> {
  const [r] = await rows<Record<string, number>>(
    t.db,
    // Every table seed-demo writes, so a second run adding anything shows.
    `select (select count(*)::int from programs) programs, (select count(*)::int from agencies) agencies,
            (select count(*)::int from people) people, (select count(*)::int from targets) targets,
            (select count(*)::int from tasks) tasks, (select count(*)::int from history) history,
            (select count(*)::int from audit_log) audit` as never,
  );
  return r!;
}

describe.each(dbKinds())('seeding the demo province on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'empty');
  });
  afterAll(() => t.close());

  it('loads every row of the demo CSVs', async () => {
    await seedProvince(t.db, demo, { shiftDays: 0 });
    expect(await counts(t)).toEqual({
      programs: 3,
      agencies: 22,
      people: 36,
      targets: 70,
      tasks: 178,
      history: 249,
      audit: 1,
    });
  });

  it('leaves the same rows when run a second time', async () => {
    const before = await counts(t);
    const result = await seedProvince(t.db, demo, { shiftDays: 0 });
    expect(result.updatesAdded).toBe(0);
    expect(await counts(t)).toEqual(before);
  });

  it('picks the highest-ranking staff member as each agency head', async () => {
    const heads = await rows<{ agency: string; head: string | null }>(
      t.db,
      `select a.code agency, p.code head from agencies a left join people p on p.id = a.head_person_id
        where a.code in ('SKHCN','CA','UBND') order by a.code` as never,
    );
    expect(heads).toEqual([
      { agency: 'CA', head: 'P12' },
      { agency: 'SKHCN', head: 'P07' },
      { agency: 'UBND', head: null },
    ]);
  });
});
