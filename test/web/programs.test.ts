// The console's /programs page: an administrator turns confirmation of reported "done" on for a programme
// and names its checkers; the change is audited and the chat answers the next "done" as a claim.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/store/db.ts';
import { programSettings } from '../../src/store/programs.ts';
import { dbKinds } from '../helpers/db.ts';
import { peer, testWeb, type TestWeb } from './helpers.ts';

describe.each(dbKinds())('the programmes page on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  const post = (code: string, form: Record<string, string>, origin = 'http://localhost') =>
    web.app.request(
      `http://localhost/programs/${code}`,
      {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      },
      peer('127.0.0.1'),
    );

  it('lists every programme with confirmation off, as the demo keeps it', async () => {
    const page = await (await web.get('/programs')).text();
    for (const code of ['NQ57', 'DA06', 'CDS25']) expect(page).toContain(`data-testid="program-${code}"`);
    expect(page).not.toContain('checked');
  });

  it('turns confirmation on with a checker, audited, and the chat then answers a done as awaiting', async () => {
    const res = await post('nq57', { confirmation: 'on', checkers: 'P05, p06' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Đã lưu cài đặt của NQ57.');
    expect(await programSettings(web.database.db, 'NQ57')).toMatchObject({
      confirmation: true,
      checkers: ['P05', 'P06'],
    });
    const [audit] = await rows<{ actor: string; after: unknown }>(
      web.database.db,
      sql`select actor, after from audit_log where action = 'program_settings' order by id desc limit 1`,
    );
    expect(audit).toEqual({
      actor: 'console:admin',
      after: { confirmation: true, checkers: ['P05', 'P06'] },
    });

    const [reply] = await web.chat('P10', 'NQ57-12.3 xong');
    expect(reply!.html).toContain('chờ xác nhận');
    const task = await web.store.item('NQ57-12.3' as never);
    expect(task!.item.status).not.toBe('done');
  });

  it('refuses an unknown checker or programme, and a form from another site, changing nothing', async () => {
    const before = await programSettings(web.database.db, 'NQ57');
    const unknown = await post('NQ57', { checkers: 'P05, P999' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Không có cán bộ mã P999; không có gì thay đổi.');
    expect((await post('XX99', { confirmation: 'on' })).status).toBe(404);
    expect((await post('NQ57', {}, 'https://evil.example')).status).toBe(403);
    expect(await programSettings(web.database.db, 'NQ57')).toEqual(before);
  });

  it('turns it off again', async () => {
    expect((await post('NQ57', { checkers: '' })).status).toBe(200);
    expect(await programSettings(web.database.db, 'NQ57')).toMatchObject({
      confirmation: false,
      checkers: [],
    });
  });
});
