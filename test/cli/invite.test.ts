// `dondoc invite PERSON`: the person by code or full name (as `assign` takes them), the expiry in local time.
import { cpSync, appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../src/cli/simple-commands.ts';
import { rows } from '../../src/store/db.ts';
import { runCommand } from '../helpers/cli.ts';
import { dbKinds, freshDatabase, type TestDatabase } from '../helpers/db.ts';

// 13:07 in Hòa An; the code is valid 7 days.
const NOW = new Date('2025-07-15T13:07:00+07:00');

describe.each(dbKinds())('dondoc invite on %s', (kind) => {
  let t: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-invite-'));
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (argv: string[], env: Record<string, string> = {}) =>
    runCommand(argv, { env: { DONDOC_NOW: NOW.toISOString(), ...env }, now: NOW, db: t });
  const invites = async () =>
    (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from invites`))[0]!.n;

  it('prints the expiry as the local time with its zone, not as UTC', async () => {
    const r = await run(['invite', 'P09']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^Registration code for P09 Đặng Quang Huy: [A-Z2-9]{8} \(valid until 2025-07-22 13:07 \(Asia\/Ho_Chi_Minh, UTC\+7\), works once\)$/,
    );
    // No UTC time anywhere (a random code may itself end in Z, so look for a time, not the letter).
    expect(r.out.join('\n')).not.toMatch(/06:07|\d\d:\d\d(:\d\d(\.\d+)?)?Z\b/);
  });

  it('--json gives the expiry as an ISO instant with the local offset', async () => {
    const r = await run(['invite', 'P09', '--json']);
    const json = JSON.parse(r.out[0]!) as { person: string; code: string; expiresAt: string };
    expect(json.person).toBe('P09');
    expect(json.expiresAt).toBe('2025-07-22T13:07:00.000+07:00');
    expect(Date.parse(json.expiresAt)).toBe(NOW.getTime() + 7 * 86_400_000);
  });

  it('follows TZ_NAME', async () => {
    const r = await run(['invite', 'P09'], { TZ_NAME: 'Asia/Tokyo' });
    expect(r.out[0]).toContain('(valid until 2025-07-22 15:07 (Asia/Tokyo, UTC+9), works once)');
    const json = await run(['invite', 'P09', '--json'], { TZ_NAME: 'Asia/Tokyo' });
    expect(JSON.parse(json.out[0]!)).toMatchObject({ expiresAt: '2025-07-22T15:07:00.000+09:00' });
  });

  it('takes a full name, with or without diacritics, quoted or as separate words', async () => {
    for (const argv of [['Ngô Đức Minh'], ['ngo duc minh'], ['Ngô', 'Đức', 'Minh']]) {
      const r = await run(['invite', ...argv, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out[0]!)).toMatchObject({ person: 'P07' });
    }
  });

  it('refuses a part of a name with the candidates and their codes, exit 1, nothing stored', async () => {
    const before = await invites();
    const r = await run(['invite', 'Nguyễn']);
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        "error: “Nguyễn” is not one person's full name; candidates: P12 Nguyễn Hữu Phước, P26 Nguyễn Thành Công, P32 Nguyễn Văn Tâm: write the person code",
      ],
    });
    const unknown = await run(['invite', 'Ngô Đức Mạnh']);
    expect(unknown).toEqual({
      code: 1,
      out: [],
      err: ['error: unknown person: Ngô Đức Mạnh (write a person code or a full name)'],
    });
    expect(await invites()).toBe(before);
    expect((await run(['invite'])).code).toBe(2);
  });

  it('refuses a name two people share with both codes, exit 1, nothing stored', async () => {
    // A namesake of P07 joins through the demo loader, which adds only what is missing.
    const province = join(dir, 'province');
    cpSync(DEMO_DIR, province, { recursive: true });
    appendFileSync(
      join(province, 'people.csv'),
      'P37,Ngô Đức Minh,staff,STC,Chuyên viên Sở Tài chính,"Specialist, Department of Finance",vi,,\n',
    );
    expect((await run(['seed-demo', '--dir', province])).code).toBe(0);
    const before = await invites();
    const r = await run(['invite', 'ngo duc minh']);
    expect(r).toEqual({
      code: 1,
      out: [],
      err: [
        'error: several people are called ngo duc minh (P07 Ngô Đức Minh, P37 Ngô Đức Minh): write the person code',
      ],
    });
    expect(await invites()).toBe(before);
    expect((await run(['invite', 'P37', '--json'])).code).toBe(0);
  });
});
