// What a plan annex says of an item — its indicator, co-operating agencies, deliverable and the
// deadline as written — shown by the chat's status answer, the item page and the dashboard alike.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPlanFile } from '../../src/store/import/plan-file.ts';
import { dbKinds } from '../helpers/db.ts';
import { NOW, testWeb, type TestWeb } from './helpers.ts';

const ANNEX = [
  'KẾ HOẠCH SỐ HÓA HỘ TỊCH NĂM 2025',
  'STT,Nội dung,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian hoàn thành,Sản phẩm,Chỉ tiêu',
  '1,Số hóa sổ hộ tịch,UBND xã Tân Phú,"Sở Tư pháp, Sở Nội vụ",Quý II/2025,Dữ liệu hộ tịch điện tử,41/68 xã',
].join('\r\n');

/** The text a person reads in an HTML fragment: tags dropped, entities and spaces folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(dbKinds())('plan facts in every view on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
    await web.database.db.execute(
      sql`insert into programs (code, name_vi, name_en) values ('HT25', 'Kế hoạch số hóa hộ tịch năm 2025', 'Civil registry digitisation 2025')`,
    );
    const report = await importPlanFile(
      web.database.db,
      { name: 'ho-tich.csv', bytes: Buffer.from(ANNEX, 'utf8') },
      { dryRun: false, now: NOW, lang: 'vi', program: 'HT25' },
    );
    expect(report).toMatchObject({ created: 1, errors: 0, applied: true });
  });
  afterAll(() => web.close());

  it('the chat status answer', async () => {
    const [reply] = await web.chat('P02', 'HT25-01 thế nào?');
    const said = text(reply!.html);
    expect(said).toContain('Đơn vị chủ trì: Xã Tân Phú');
    expect(said).toContain('Phối hợp: Sở Tư pháp, Sở Nội vụ');
    expect(said).toContain('Sản phẩm: Dữ liệu hộ tịch điện tử');
    expect(said).toContain('Chỉ tiêu: 41/68 xã (60,3 %)');
    expect(said).toContain('Hạn: Quý II/2025 (30/06/2025)');
  });

  it('the item page, for the target and its task', async () => {
    const page = text(await (await web.get('/dashboard/items/HT25-01')).text());
    expect(page).toMatch(/Cơ quan phối hợp Sở Tư pháp, Sở Nội vụ/);
    expect(page).toMatch(/Sản phẩm Dữ liệu hộ tịch điện tử/);
    expect(page).toMatch(/Chỉ tiêu 41\/68 xã \(60,3 %\)/);
    expect(page).toMatch(/Quý II\/2025 \(30\/06\/2025\)/);
    const en = text(await (await web.get('/dashboard/items/HT25-01.1?lang=en')).text());
    expect(en).toMatch(/Co-operating agencies Department of Justice, Department of Home Affairs/);
    expect(en).toMatch(/Quý II\/2025 \(30 Jun 2025\)/);
  });

  it('the dashboard overdue list', async () => {
    const page = await (await web.get('/dashboard?program=HT25')).text();
    const targets = text(
      /<table class="list" data-testid="overdue-targets">[\s\S]*?<\/table>/.exec(page)![0],
    );
    expect(targets).toContain('Chỉ tiêu: 41/68 xã (60,3 %)');
    expect(targets).toContain('Sản phẩm: Dữ liệu hộ tịch điện tử');
    expect(targets).toContain('Cơ quan phối hợp: Sở Tư pháp, Sở Nội vụ');
    expect(targets).toContain('Quý II/2025 (30/06/2025)');
  });
});
