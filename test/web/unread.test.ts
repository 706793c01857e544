// The console's /unread page: what the bot did not understand, behind the console's login, labelled by an admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnread } from '../../src/store/unread.ts';
import { dbKinds } from '../helpers/db.ts';
import { testWeb, type TestWeb } from './helpers.ts';

describe.each(dbKinds())('the unread messages page on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('lists a message the bot did not understand and records the label an admin gives it', async () => {
    await web.chat('P02', 'giá vàng hôm nay');
    const page = await (await web.get('/unread')).text();
    expect(page).toContain('giá vàng hôm nay');
    const [row] = await listUnread(web.database.db);
    const form = new URLSearchParams({ label: 'unknown' });
    const saved = await web.app.request(
      `http://localhost/unread/${row!.id}`,
      {
        method: 'POST',
        body: form,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
    );
    expect(saved.status).toBe(303);
    expect((await listUnread(web.database.db))[0]?.label).toBe('unknown');
  });

  it('refuses a label that is no intent, and a form posted from another site', async () => {
    const [row] = await listUnread(web.database.db);
    const send = (label: string, origin: string) =>
      web.app.request(
        `http://localhost/unread/${row!.id}`,
        {
          method: 'POST',
          body: new URLSearchParams({ label }),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
        },
        { incoming: { socket: { remoteAddress: '127.0.0.1' } } },
      );
    expect((await send('drop table', 'http://localhost')).status).toBe(400);
    expect((await send('overdue', 'https://evil.example')).status).toBe(403);
    expect((await listUnread(web.database.db))[0]?.label).toBe('unknown');
  });
});
