// Once per test run: warm the intent model's cache, and migrate template databases (empty and
// demo-loaded) that each test file copies.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { intentModel } from '../../src/core/intent/model.ts';
import { fromPglite, fromPostgresUrl, runMigrations } from '../../src/store/db.ts';
import { readProvince } from '../../src/store/demo-files.ts';
import { seedProvince } from '../../src/store/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; demo: string };
    postgresTemplates: { url: string; empty: string; demo: string } | null;
  }
}

const demo = readProvince(join(import.meta.dirname, '../../demo'));

async function pgliteTemplate(dir: string, name: string, seeded: boolean): Promise<string> {
  const pglite = await PGlite.create();
  const database = fromPglite(pglite);
  await runMigrations(database);
  if (seeded) await seedProvince(database.db, demo, { shiftDays: 0 });
  const dump = await pglite.dumpDataDir('none');
  const path = join(dir, `${name}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  return path;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The intent model, trained once here when its cache is cold (an edit to src/core/intent/), not in
  // every worker at once, where the first parse of each file would outrun its timeout.
  intentModel();
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-test-'));
  const [empty, seeded] = await Promise.all([
    pgliteTemplate(dir, 'empty', false),
    pgliteTemplate(dir, 'demo', true),
  ]);
  project.provide('pgliteTemplates', { empty, demo: seeded });

  const url = process.env.TEST_DATABASE_URL;
  let admin: postgres.Sql | null = null;
  const prefix = `dondoc_tpl_${process.pid}`;
  if (url) {
    admin = postgres(url, { max: 1, onnotice: () => {} });
    for (const [name, seed] of [
      [`${prefix}_empty`, false],
      [`${prefix}_demo`, true],
    ] as const) {
      await admin.unsafe(`drop database if exists ${name}`);
      await admin.unsafe(`create database ${name}`);
      const templateUrl = withDatabase(url, name);
      const database = fromPostgresUrl(templateUrl, 'postgres', 1);
      await runMigrations(database, templateUrl);
      if (seed) await seedProvince(database.db, demo, { shiftDays: 0 });
      await database.close();
    }
    project.provide('postgresTemplates', { url, empty: `${prefix}_empty`, demo: `${prefix}_demo` });
  } else {
    project.provide('postgresTemplates', null);
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (admin) {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`dondoc_t_${process.pid}_%`} or datname like ${`${prefix}%`}`;
      for (const { datname } of leftovers)
        await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
