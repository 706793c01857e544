// The console's item page lists an item's evidence, each file downloadable with the item's permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemCode, PersonCode } from '../../src/core/types.ts';
import { dbKinds } from '../helpers/db.ts';
import { NOW, testWeb, type TestWeb } from './helpers.ts';

const PDF = Buffer.from('%PDF-1.4\n% biên bản\n%%EOF\n');

describe.each(dbKinds())('evidence on the console (%s)', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  it('lists a file on the item page and downloads its bytes; another item’s id is not found', async () => {
    await web.store.attachEvidence({
      item: 'NQ57-12.3' as ItemCode,
      person: 'P10' as PersonCode,
      at: NOW,
      channel: 'telegram',
      messageId: 'e-1',
      file: { name: 'biên bản.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(PDF) },
    });
    const [file] = await web.store.evidenceOf('NQ57-12.3' as ItemCode);
    const page = await (await web.get('/dashboard/items/NQ57-12.3')).text();
    expect(page).toContain(
      `href="/dashboard/items/NQ57-12.3/evidence/${file!.id}" download>biên bản.pdf</a>`,
    );
    const res = await web.get(`/dashboard/items/NQ57-12.3/evidence/${file!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PDF);
    expect((await web.get(`/dashboard/items/NQ57-12.4/evidence/${file!.id}`)).status).toBe(404);
  });
});
