// Confirmation by the tracking office, in the store: a claim waits, a checker confirms or returns it,
// the counts show it on its own line, and evidence is stored once per content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfirmationError } from '../../src/core/errors.ts';
import type { ItemCode, LocalDate, Percent, PersonCode, ProgramCode } from '../../src/core/types.ts';
import { changeProgramSettings, programSettings } from '../../src/store/programs.ts';
import { rows } from '../../src/store/db.ts';
import { evidenceCounts, evidenceFile } from '../../src/store/evidence.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { dbKinds, expectConsistent, freshDatabase, type TestDatabase } from '../helpers/db.ts';

const TODAY = '2025-07-15' as LocalDate;
const NOW = new Date('2025-07-15T08:00:00+07:00');
const REPORTED = new Date('2025-07-15T07:30:00+07:00');
const code = (c: string) => c as ItemCode;
const who = (c: string) => c as PersonCode;
const nq57 = { program: 'NQ57' as ProgramCode, agency: null };
const photo = { name: 'tram.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 1, 2, 3]) };

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfirmationError);
  return (err as ConfirmationError).reason;
}

describe.each(dbKinds())('confirmation on %s', (kind) => {
  let t: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    t = await freshDatabase(kind, 'demo');
    store = createStore(t.db, () => NOW);
  });
  afterAll(() => t.close());

  it('is off in the demo, and a "done" there is done at once', async () => {
    expect(await programSettings(t.db, 'NQ57')).toMatchObject({
      code: 'NQ57',
      confirmation: false,
      checkers: [],
    });
  });

  it('turns on per programme, audited once, and names checkers besides the admins', async () => {
    const on = await changeProgramSettings(
      t.db,
      'NQ57',
      { confirmation: true, checkers: [who('P03')] },
      'cli',
    );
    expect(on).toMatchObject({ code: 'NQ57', confirmation: true, checkers: ['P03'] });
    await changeProgramSettings(t.db, 'NQ57', { confirmation: true }, 'cli');
    const audits = await rows<{ n: number }>(
      t.db,
      "select count(*)::int as n from audit_log where entity = 'program' and entity_code = 'NQ57'" as never,
    );
    expect(audits[0]!.n).toBe(1);
    expect(await store.checkersOf(code('NQ57-06.3'))).toEqual(['P03', 'P05', 'P06']);
    expect((await programSettings(t.db, 'DA06'))?.confirmation).toBe(false);
  });

  it('records a "done" as a claim with its photo: the task is unchanged, counted as awaiting, not done', async () => {
    const before = await store.summary(nq57, TODAY, null);
    const result = await store.recordUpdate({
      item: code('NQ57-06.3'),
      person: who('P09'),
      at: REPORTED,
      progress: null,
      status: 'done',
      note: 'biên bản nghiệm thu',
      channel: 'telegram',
      messageId: '501',
      files: [photo],
    });
    expect(result.claimId).toBeGreaterThan(0);
    expect(result.item).toMatchObject({ status: 'in_progress', progress: 30, completedAt: null });
    expect(result.item.awaitingSince).toEqual(REPORTED);
    const after = await store.summary(nq57, TODAY, null);
    const [b, a] = [before.programs[0]!.tasks, after.programs[0]!.tasks];
    expect(a.awaiting).toBe(b.awaiting + 1);
    expect(a.done).toBe(b.done);
    expect(a.openInTime).toBe(b.openInTime);
    const files = await store.evidenceOf(code('NQ57-06.3'));
    expect(files).toMatchObject([{ name: 'tram.jpg', mimeType: 'image/jpeg', size: 5, person: 'P09' }]);
    expect((await evidenceFile(t.db, code('NQ57-06.3'), files[0]!.id))?.bytes).toEqual(photo.bytes);
    expect(await evidenceFile(t.db, code('NQ57-08.2'), files[0]!.id)).toBeNull();
    await expectConsistent(t.db);
  });

  it('a redelivered claim is recorded once', async () => {
    const again = await store.recordUpdate({
      item: code('NQ57-06.3'),
      person: who('P09'),
      at: REPORTED,
      progress: null,
      status: 'done',
      note: 'biên bản nghiệm thu',
      channel: 'telegram',
      messageId: '501',
      files: [photo],
    });
    expect(again.duplicate).toBe(true);
    expect(await evidenceCounts(t.db)).toEqual({ files: 1, evidence: 1 });
  });

  it('refuses a stranger, the reporter, and a stale claim id', async () => {
    const base = { item: code('NQ57-06.3'), at: NOW, channel: 'telegram' as const, claimId: null };
    expect(await refusal(store.confirmClaim({ ...base, by: who('P09') }))).toBe('not_checker');
    expect(await refusal(store.confirmClaim({ ...base, by: who('P02') }))).toBe('not_checker');
    expect(await refusal(store.confirmClaim({ ...base, by: who('P05'), claimId: 999999 }))).toBe('stale');
    expect(await refusal(store.confirmClaim({ ...base, item: code('NQ57-08.2'), by: who('P05') }))).toBe(
      'not_awaiting',
    );
    expect((await store.item(code('NQ57-06.3')))!.item.status).toBe('in_progress');
  });

  it('an admin who reports their own task done cannot confirm it; another checker can', async () => {
    const own = await store.recordUpdate({
      item: code('NQ57-07.3'),
      person: who('P05'),
      at: REPORTED,
      progress: null,
      status: 'done',
      note: null,
      channel: 'telegram',
      messageId: '777',
    });
    const verdict = { item: code('NQ57-07.3'), claimId: own.claimId!, at: NOW, channel: 'telegram' as const };
    expect(await refusal(store.confirmClaim({ ...verdict, by: who('P05') }))).toBe('own_report');
    expect((await store.confirmClaim({ ...verdict, by: who('P06') })).item.status).toBe('done');
  });

  it('a checker confirms: done as of the time it was reported, the claim gone, audited', async () => {
    const detail = await store.item(code('NQ57-06.3'));
    const claim = await rows<{ id: number }>(
      t.db,
      "select awaiting_claim_id::int as id from tasks where code = 'NQ57-06.3'" as never,
    );
    const done = await store.confirmClaim({
      item: code('NQ57-06.3'),
      claimId: claim[0]!.id,
      by: who('P03'),
      at: NOW,
      channel: 'telegram',
    });
    expect(detail!.item.status).toBe('in_progress');
    expect(done.item).toMatchObject({
      status: 'done',
      progress: 100 as Percent,
      completedAt: REPORTED,
      awaitingSince: null,
    });
    expect(done.reporter).toBe('P09');
    const audit = await rows<{ action: string; actor: string }>(
      t.db,
      "select action, actor from audit_log where entity_code = 'NQ57-06.3' order by id" as never,
    );
    expect(audit.map((r) => r.action)).toEqual(['claim', 'confirm']);
    expect(audit[1]!.actor).toBe('P03');
    expect(
      await refusal(
        store.confirmClaim({
          ...done,
          item: code('NQ57-06.3'),
          claimId: null,
          by: who('P05'),
          at: NOW,
          channel: 'cli',
        }),
      ),
    ).toBe('not_awaiting');
    await expectConsistent(t.db);
  });

  it('a checker returns: back in progress at its old progress, the reason in its history', async () => {
    await store.recordUpdate({
      item: code('NQ57-08.2'),
      person: who('P09'),
      at: REPORTED,
      progress: 100 as Percent,
      status: null,
      note: null,
      channel: 'zalo',
      messageId: 'z-1',
    });
    const back = await store.returnClaim({
      item: code('NQ57-08.2'),
      claimId: null,
      by: who('P05'),
      at: NOW,
      channel: 'zalo',
      reason: 'Thiếu danh sách chứng thư đã cấp',
    });
    expect(back.item).toMatchObject({
      status: 'in_progress',
      progress: 40,
      completedAt: null,
      awaitingSince: null,
    });
    const detail = await store.item(code('NQ57-08.2'));
    expect(detail!.history[0]).toMatchObject({
      note: 'Thiếu danh sách chứng thư đã cấp',
      status: 'in_progress',
    });
    expect(detail!.history[1]).toMatchObject({ kind: 'claim', status: 'done' });
    await expectConsistent(t.db);
  });

  it('another status update withdraws a waiting claim', async () => {
    const store = createStore(t.db, () => new Date(NOW.getTime() + 3_600_000));
    await store.recordUpdate({
      item: code('NQ57-08.2'),
      person: who('P09'),
      at: new Date(NOW.getTime() + 60_000),
      progress: null,
      status: 'done',
      note: null,
      channel: 'zalo',
      messageId: 'z-2',
    });
    expect((await store.item(code('NQ57-08.2')))!.item.awaitingSince).not.toBeNull();
    const later = await store.recordUpdate({
      item: code('NQ57-08.2'),
      person: who('P09'),
      at: new Date(NOW.getTime() + 120_000),
      progress: 90 as Percent,
      status: null,
      note: null,
      channel: 'zalo',
      messageId: 'z-3',
    });
    expect(later.item).toMatchObject({ progress: 90, awaitingSince: null });
  });
});
