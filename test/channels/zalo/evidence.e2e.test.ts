// Evidence and confirmation on Zalo (no buttons, no threading) over the real client and the fake API:
// a photo with an update caption, a refused photo, and the checker's typed /xacnhan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemCode, PersonCode } from '../../../src/core/types.ts';
import { evidenceCounts } from '../../../src/store/evidence.ts';
import { changeProgramSettings } from '../../../src/store/programs.ts';
import { dbKinds } from '../../helpers/db.ts';
import { makeImageUpdate } from '../../fakes/zalo-api.ts';
import { nextMessageId, startZaloE2E, type ZaloE2E } from './e2e-harness.ts';

const STAFF = 'zalo-user-p10'; // Trịnh Thu Trang, reports NQ57-12.3
const CHECKER = 'zalo-user-p03'; // Phạm Thị Thu Hà, named checker of NQ57
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), Buffer.alloc(300, 3)]);

describe.each(dbKinds())('evidence on Zalo (%s)', (kind) => {
  let h: ZaloE2E;
  beforeAll(async () => {
    h = await startZaloE2E(kind, 'polling');
    await changeProgramSettings(
      h.db.db,
      'NQ57',
      { confirmation: true, checkers: ['P03' as PersonCode] },
      'cli',
    );
    await h.register('P10' as PersonCode, STAFF);
    await h.register('P03' as PersonCode, CHECKER);
  });
  afterAll(() => h.close());

  const photo = async (from: string, bytes: Buffer, caption?: string): Promise<string[]> => {
    const start = h.fake.sent.length;
    await h.deliver(
      makeImageUpdate(h.fake.addImage(bytes), caption, { fromId: from, messageId: nextMessageId() }),
    );
    return h.textsTo(from, start);
  };

  it('refuses a "photo" whose bytes are no image, storing nothing', async () => {
    const before = await evidenceCounts(h.db.db);
    expect(await photo(STAFF, Buffer.from('<html>not an image</html>'), 'NQ57-12.3 xong')).toEqual([
      'Chỉ nhận tệp PDF, DOCX, XLSX hoặc ảnh (JPEG, PNG, WEBP): tệp này không được lưu, không ghi nhận gì.',
    ]);
    expect(await evidenceCounts(h.db.db)).toEqual(before);
    expect((await h.store.item('NQ57-12.3' as ItemCode))!.item.awaitingSince ?? null).toBeNull();
  });

  it('records a photo with an update caption as the claim with its evidence', async () => {
    const [reply] = await photo(STAFF, JPEG, 'NQ57-12.3 xong, ảnh trạm đã lắp');
    expect(reply).toMatch(/^⏳ NQ57-12\.3 .*chờ xác nhận/);
    expect(reply).toContain('📎 Minh chứng đã lưu: anh.jpg');
    expect(await evidenceCounts(h.db.db)).toMatchObject({ evidence: 1 });
  });

  it('tells the checker on Zalo with the typed commands, and /xacnhan confirms', async () => {
    const start = h.fake.sent.length;
    await h.drainOutbox();
    const told = h.textsTo(CHECKER, start).join('\n');
    expect(told).toContain('🔔 Chờ xác nhận: Trịnh Thu Trang báo NQ57-12.3');
    expect(told).toContain('Minh chứng: 1 tệp');
    expect(told).toContain('/xacnhan NQ57-12.3 · /tralai NQ57-12.3 lý do');
    // Typing the buttons' labels does nothing on Zalo, so they are not offered as words to type.
    expect(told).not.toContain('Trả lời bằng chữ');
    expect(await h.say(STAFF, '/xacnhan NQ57-12.3')).toEqual([
      'Chỉ người xác nhận của chương trình (quản trị viên hoặc người được chỉ định) mới xác nhận hoặc trả lại được NQ57-12.3.',
    ]);
    const [done] = await h.say(CHECKER, '/xacnhan NQ57-12.3');
    expect(done).toMatch(/^✅ Đã xác nhận NQ57-12\.3 hoàn thành/);
    expect((await h.store.item('NQ57-12.3' as ItemCode))!.item).toMatchObject({ status: 'done' });
  });
});
