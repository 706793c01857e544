// `dondoc program CODE`: a programme's settings shown and changed; the issuing body it stores is the
// one the report prints top left unless `--issuer` is given to the report itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, expectConsistent, freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { docxParagraphs } from '../helpers/docx.ts';

const NOW = new Date('2025-07-15T08:00:00+07:00');

describe.each(dbKinds())('dondoc program on %s', (kind) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-program-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(async () => {
    await expectConsistent(t.db);
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (...argv: string[]) => runCommand(argv, { now: NOW, db: t });
  const header = async (...argv: string[]): Promise<string[]> => {
    const file = join(dir, `${argv.join('-').replace(/[^a-z0-9]+/gi, '_')}.docx`);
    const r = await run('report', '--out', file, '--now', '2025-07-15', '--period', '2025-07', ...argv);
    expect(r.code).toBe(0);
    return (await docxParagraphs(readFileSync(file))).slice(0, 2);
  };

  it('shows the settings, the issuer unset (the default) at first', async () => {
    const r = await run('program', 'nq57', '--json');
    expect(r.code).toBe(0);
    expect(r.out.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ program: 'NQ57', issuer: null }),
    ]);
    expect(await header('--program', 'NQ57')).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO']);
  });

  it('--issuer stores the issuing body, audited; the report prints it; the report’s own --issuer wins', async () => {
    const body = 'BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ';
    const r = await run('program', 'NQ57', '--issuer', `TỈNH ỦY HÒA AN|${body}`, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out[0]!)).toMatchObject({
      program: 'NQ57',
      issuer: { superior: 'TỈNH ỦY HÒA AN', body },
    });
    const audit = await rows<{ actor: string; after: unknown }>(
      t.db,
      sql`select actor, after from audit_log where action = 'program_settings' and entity_code = 'NQ57'`,
    );
    expect(audit).toEqual([{ actor: 'cli', after: { issuer: { superior: 'TỈNH ỦY HÒA AN', body } } }]);
    expect(await header('--program', 'NQ57')).toEqual(['TỈNH ỦY HÒA AN', body]);
    // Another programme and the report of every programme keep the default.
    expect(await header('--program', 'DA06')).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO']);
    expect(await header()).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO']);
    expect(await header('--program', 'NQ57', '--issuer', 'UBND TỈNH HÒA AN|TỔ CÔNG TÁC')).toEqual([
      'UBND TỈNH HÒA AN',
      'TỔ CÔNG TÁC',
    ]);
    const text = await run('program', 'NQ57');
    expect(text.out).toContain(`issuer\tTỈNH ỦY HÒA AN | ${body}`);
  });

  it('--issuer default goes back to the default', async () => {
    const r = await run('program', 'NQ57', '--issuer', 'default', '--json');
    expect(JSON.parse(r.out[0]!)).toMatchObject({ issuer: null });
    expect(await header('--program', 'NQ57')).toEqual(['UBND TỈNH HÒA AN', 'BAN CHỈ ĐẠO']);
  });

  it('an unknown programme fails in one line, a malformed issuer is bad usage; nothing changes', async () => {
    const unknown = await run('program', 'XX9', '--issuer', 'A|B');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toEqual(['error: unknown programme: XX9']);
    const bad = await run('program', 'NQ57', '--issuer', 'ONE LINE');
    expect(bad.code).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--issuer: "SUPERIOR\|BODY"/);
    expect((await run('program')).code).toBe(2);
    expect(JSON.parse((await run('program', 'NQ57', '--json')).out[0]!)).toMatchObject({ issuer: null });
  });

  it('--confirmation on|off and --checkers: stored, audited, shown; off by default; bad values are bad usage', async () => {
    expect(JSON.parse((await run('program', 'NQ57', '--json')).out[0]!)).toMatchObject({
      confirmation: false,
      checkers: [],
    });
    const on = await run('program', 'NQ57', '--confirmation', 'on', '--checkers', 'P03,p07', '--json');
    expect(on.code).toBe(0);
    expect(JSON.parse(on.out[0]!)).toMatchObject({ confirmation: true, checkers: ['P03', 'P07'] });
    const audit = await rows<{ after: unknown }>(
      t.db,
      sql`select after from audit_log where action = 'program_settings' and entity_code = 'NQ57' order by id desc limit 1`,
    );
    expect(audit).toEqual([{ after: { confirmation: true, checkers: ['P03', 'P07'] } }]);
    expect((await run('program', 'NQ57')).out).toContain('confirmation\ton');
    expect((await run('program', 'DA06', '--json')).out.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ confirmation: false }),
    ]);
    expect((await run('program', 'NQ57', '--confirmation', 'maybe')).code).toBe(2);
    const stranger = await run('program', 'NQ57', '--checkers', 'P99');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toEqual(['error: unknown person code: P99']);
    const off = await run('program', 'NQ57', '--confirmation', 'off', '--checkers', 'none', '--json');
    expect(JSON.parse(off.out[0]!)).toMatchObject({ confirmation: false, checkers: [] });
  });
});
