// The shared eval set through the real command line: `dondoc seed-demo --dir`, then `dondoc parse --json` on stdin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const shared = join(root, '../shared/demo');
const demoDir = existsSync(shared) ? shared : join(root, 'demo');
const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-cli-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };

function dondoc(args: string[], input?: string) {
  return spawnSync(process.execPath, [join(root, 'bin/dondoc.js'), ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each spawn pays tsx start-up and PGlite's open: slow on a busy machine, so generous limits.
describe('dondoc parse on the command line', { timeout: 240_000 }, () => {
  const lines = readFileSync(join(root, 'test/fixtures/intent-dev.jsonl'), 'utf8').trim().split('\n');
  const cases = lines.map((l) => JSON.parse(l) as { text: string; expect: unknown });

  it('loads a province folder, then scores the whole eval set exactly through stdin mode', () => {
    const seeded = dondoc(['seed-demo', '--dir', demoDir]);
    expect(seeded.status, seeded.stderr).toBe(0);
    const parsed = dondoc(
      ['parse', '--json', '--now', '2025-07-15'],
      cases.map((c) => c.text).join('\n') + '\n',
    );
    expect(parsed.status, parsed.stderr).toBe(0);
    const out = parsed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(out).toHaveLength(cases.length);
    const exact = out.filter((o, i) => JSON.stringify(o) === JSON.stringify(cases[i]!.expect)).length;
    expect(exact / cases.length).toBeGreaterThanOrEqual(0.97);
    expect(out).toEqual(cases.map((c) => c.expect));
  });

  it('prints one intent for a message given as an argument, and nothing else on stdout', () => {
    const r = dondoc(['parse', 'NQ57-12.3 80% đã lắp 12/20 trạm', '--json', '--now', '2025-07-15']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      intent: 'update',
      program: null,
      agency: null,
      target: 'NQ57-12.3',
      percent: 80,
      status: 'in_progress',
      period: null,
    });
  });

  it('exits 2 with the usage on an unknown command or a bad --now', () => {
    expect(dondoc(['bogus']).status).toBe(2);
    const r = dondoc(['parse', 'x', '--json', '--now', '15/07/2025']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--now/);
  });

  it('exits 1 with one line naming a bad environment variable', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/dondoc.js'), 'migrate'], {
      env: { ...env, PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^PORT: /);
  });
});

describe('dondoc parse before anything is loaded', { timeout: 240_000 }, () => {
  const fresh = mkdtempSync(join(tmpdir(), 'dondoc-fresh-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('reads programme and agency names from the demo province serve would load', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/dondoc.js'), 'parse', 'Sở KH&CN có mục tiêu NQ57 nào quá hạn?', '--json'],
      { env: { ...env, DATA_DIR: fresh }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'overdue', program: 'NQ57', agency: 'SKHCN' });
  });
});
