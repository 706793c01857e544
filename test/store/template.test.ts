// `dondoc prepare` (run by npm install) saves a migrated cluster; a new DATA_DIR is unpacked from it.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelFile } from '../../src/core/intent/model-cache.ts';
import { rows } from '../../src/store/db.ts';
import { openDatabase } from '../../src/store/open.ts';
import { TEMPLATE_FILE, templateFor } from '../../src/store/template.ts';
import { runCommand } from '../helpers/cli.ts';

describe('the embedded database template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is written by dondoc prepare and gives a new DATA_DIR every migrated table', async () => {
    const { code, err } = await runCommand(['prepare']);
    expect(code).toBe(0);
    expect(err.join('\n')).toMatch(/^embedded database template ready/);
    expect(statSync(TEMPLATE_FILE).size).toBeGreaterThan(100_000);
    // The intent model is trained and cached too, so no process trains it on its first message.
    expect(err.join('\n')).toMatch(/intent model ready/);
    expect(existsSync(modelFile())).toBe(true);

    const dataDir = join(dir, 'data');
    expect(templateFor(dataDir)).not.toBeNull();
    const database = await openDatabase({ DATA_DIR: dataDir, DATABASE_URL: undefined }, 'client');
    try {
      const tables = await rows<{ name: string }>(
        database.db,
        "select table_name as name from information_schema.tables where table_schema = 'public'" as never,
      );
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['programs', 'tasks', 'history', 'outbox', 'reminder_cycles']),
      );
    } finally {
      await database.close();
    }
    // Once the directory holds a cluster, it is opened as it is: the template never overwrites data.
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(templateFor(dataDir)).toBeNull();
  }, 120_000);

  it('is not used when there is no template file', () => {
    expect(templateFor(join(dir, 'other'), join(dir, 'missing.tar.gz'))).toBeNull();
  });
});
