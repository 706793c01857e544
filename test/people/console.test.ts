// The console's people page and uploads: check a file row by row, confirm, see who registered where.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/channels/web/auth.ts';
import { handleMessage } from '../../src/core/index.ts';
import { renderPlain } from '../../src/core/reply.ts';
import type { ChannelName } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { NOW, testWeb, TZ, type TestWeb } from '../web/helpers.ts';
import { dbKinds } from '../helpers/db.ts';
import { provinceWorkbook, withPicture } from './workbooks.ts';

const ORIGIN = { origin: 'http://localhost' };
const DEMO = join(import.meta.dirname, '../../demo');

describe.each(dbKinds())('the console: people and uploads on %s', (kind) => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb(kind);
  });
  afterAll(() => web.close());

  const form = (
    path: string,
    fields: Record<string, string | Blob>,
    headers: Record<string, string> = ORIGIN,
  ) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    return web.get(path, { method: 'POST', body, headers });
  };
  const upload = (kind: 'plan' | 'people', name: string, bytes: Buffer) =>
    form('/imports/check', { kind, file: new File([new Uint8Array(bytes)], name) });
  const say = async (channel: ChannelName, senderId: string, text: string) =>
    renderPlain(
      (
        await handleMessage(
          { store: web.store, now: () => NOW, tz: TZ, notify: { notify: async () => ({ queued: [] }) } },
          {
            channel,
            chatId: senderId,
            chatKind: 'private',
            senderId,
            text,
            messageId: `m-${senderId}-${text}`,
            replyToItem: null,
            action: null,
            addressed: false,
            langHint: null,
            at: NOW,
          },
        )
      ).flatMap((r) => r.lines),
    );
  const people = async () =>
    (await rows<{ n: number }>(web.database.db, sql`select count(*)::int as n from people`))[0]!.n;
  const rowOf = (page: string, code: string) =>
    new RegExp(`<tr data-person="${code}">[\\s\\S]*?</tr>`).exec(page)?.[0] ?? '';
  const reportRows = (page: string) =>
    [...page.matchAll(/<tr data-row="(\d+)" data-action="(\w+)">/g)].map(([, row, action]) => [
      Number(row),
      action,
    ]);
  const token = (page: string) => /name="token" value="([0-9a-f]{32})"/.exec(page)?.[1];

  it('a people list: the row report first, nothing written, then imported on confirmation, once', async () => {
    const before = await people();
    const check = await upload('people', 'dau-moi.xlsx', await provinceWorkbook());
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toContain('Kiểm tra tệp dau-moi.xlsx');
    expect(page).toContain('5 tạo mới, 2 cập nhật, 0 giữ nguyên, 3 bỏ qua, 0 lỗi');
    expect(page).toContain('Chưa ghi gì. Nếu đúng như trên, hãy xác nhận.');
    expect(reportRows(page)).toEqual([
      [7, 'skip'],
      [8, 'skip'],
      [9, 'update'],
      [10, 'create'],
      [11, 'create'],
      [12, 'create'],
      [13, 'create'],
      [14, 'skip'],
      [15, 'update'],
      [16, 'create'],
    ]);
    expect(page).toContain('tạo Lê Thị Thu Hằng — STP, cán bộ; thủ trưởng đơn vị STP');
    expect(await people()).toBe(before);
    const t = token(page)!;
    const done = await form('/imports/apply', { token: t });
    expect(done.status).toBe(200);
    const result = await done.text();
    expect(result).toContain('Đã nhập tệp dau-moi.xlsx');
    expect(result).toContain('5 tạo mới, 2 cập nhật');
    expect(await people()).toBe(before + 5);
    const twice = await form('/imports/apply', { token: t });
    expect(twice.status).toBe(400);
    expect(await twice.text()).toContain('Bản xem trước đã hết hạn hoặc đã được nhập');
    expect(await people()).toBe(before + 5);
  });

  it('a list with errors shows each cell and offers no confirmation; a non-spreadsheet is refused', async () => {
    const before = await people();
    const bad = await provinceWorkbook([[1, 'Trần Văn Bé', 'Chuyên viên', 'Sở Hạ tầng', '0912000222', '']]);
    const page = await (await upload('people', 'sai.xlsx', bad)).text();
    expect(page).toContain('0 tạo mới, 0 cập nhật, 0 giữ nguyên, 1 bỏ qua, 1 lỗi');
    expect(page).toContain('ô D8: không có đơn vị “Sở Hạ tầng”');
    expect(page).toContain('Không nhập gì: hãy sửa các dòng lỗi trong tệp rồi tải lên lại.');
    expect(token(page)).toBeUndefined();
    const notSheet = await upload('people', 'anh.csv', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]));
    expect(notSheet.status).toBe(400);
    expect(await notSheet.text()).toContain('anh.csv: không đọc được như một bảng tính XLSX hoặc CSV');
    const none = await form('/imports/check', { kind: 'people' });
    expect(none.status).toBe(400);
    expect(await people()).toBe(before);
  });

  it('an upload far over the 64 KB of other forms gets its row report; one over 10 MB gets 413', async () => {
    const before = await people();
    const big = await withPicture(await provinceWorkbook(), 200 * 1024);
    expect(big.length).toBeGreaterThan(200 * 1024);
    const check = await upload('people', 'dau-moi-co-dau.xlsx', big);
    expect(check.status).toBe(200);
    const page = await check.text();
    expect(page).toContain('Kiểm tra tệp dau-moi-co-dau.xlsx');
    expect(reportRows(page)).toHaveLength(10);
    expect(token(page)).toMatch(/^[0-9a-f]{32}$/);
    const huge = await upload('people', 'qua-lon.xlsx', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('Tệp quá lớn (tối đa 10 MB).');
    expect(await people()).toBe(before);
  });

  it('a plan re-uploaded as it is reports every row unchanged (the plan importer on main)', async () => {
    const page = await (await upload('plan', 'tasks.csv', readFileSync(join(DEMO, 'tasks.csv')))).text();
    const list = reportRows(page);
    expect(list).toHaveLength(178);
    expect(list.every(([, a]) => a === 'unchanged')).toBe(true);
    expect(token(page)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('a plan annex as the province wrote it: the same Vietnamese row report, imported on confirmation', async () => {
    const example = readFileSync(join(import.meta.dirname, '../../examples/ke-hoach-phu-luc.xlsx'));
    const page = await (await upload('plan', 'ke-hoach-phu-luc.xlsx', example)).text();
    expect(page).toContain('5 tạo mới, 0 cập nhật, 0 giữ nguyên, 2 bỏ qua, 0 lỗi');
    expect(page).toContain('lĩnh vực “CHUYỂN ĐỔI SỐ CẤP XÃ”');
    expect(reportRows(page).filter(([, a]) => a === 'create')).toHaveLength(5);
    const applied = await (await form('/imports/apply', { token: token(page)! })).text();
    expect(applied).toContain('5 tạo mới');
    const shown = (await (await web.get('/api/items/CDS25-16.6')).json()) as {
      detail: { item: { code: string; agency: string; dueText: string } };
    };
    expect(shown.detail.item).toMatchObject({ code: 'CDS25-16.6', agency: 'X-TANPHU', dueText: 'Năm 2025' });
  });

  it('the people page: registered on which messenger, last seen, and invite again', async () => {
    const { code: p09 } = (await form('/people/P09/invite', {}).then(async (r) => {
      expect(r.status).toBe(200);
      const sheet = await r.text();
      expect(sheet).toContain('<link rel="stylesheet" href="/assets/invitation.css" />');
      return { code: /data-code>([A-Z2-9]{8})</.exec(sheet)![1]! };
    })) as { code: string };
    expect(await say('telegram', 'tg-huy', `/start ${p09}`)).toMatch(/^Chào mừng Đặng Quang Huy/);
    const page = await (await web.get('/people')).text();
    const huy = rowOf(page, 'P09');
    expect(huy).toContain('data-registered="telegram"');
    expect(huy).toContain(`data-last-seen="${NOW.toISOString()}"`);
    expect(huy).toContain('15/07/2025 08:00');
    expect(huy).toContain('Mời lại');
    const minh = rowOf(page, 'P07');
    expect(minh).toContain('data-registered=""');
    expect(minh).toContain('chưa đăng ký');
    expect(minh).toContain('thủ trưởng đơn vị');
    expect(page).toMatch(/\d+ người · 1 đã đăng ký Telegram hoặc Zalo/);
    // Invite again: a fresh code that works on Zalo; the old one still names the same person.
    const sheet = await (await form('/people/P07/invite', {})).text();
    const code = /data-code>([A-Z2-9]{8})</.exec(sheet)![1]!;
    expect(await say('zalo', 'zl-minh', `đăng ký ${code}`)).toMatch(/^Chào mừng Ngô Đức Minh/);
    expect(rowOf(await (await web.get('/people?lang=en')).text(), 'P07')).toContain('data-registered="zalo"');
    expect((await form('/people/P99/invite', {})).status).toBe(404);
  });

  it('prints everyone not registered at once, one page each', async () => {
    const left = (
      await rows<{ n: number }>(
        web.database.db,
        sql`select count(*)::int as n from people pe where not exists (select 1 from chat_accounts c where c.person_id = pe.id)`,
      )
    )[0]!.n;
    const sheet = await (await form('/people/invites', {})).text();
    expect(sheet.match(/<article class="invitation"/g)).toHaveLength(left);
  });

  it('refuses a form posted from another site', async () => {
    const before = await people();
    const res = await form('/imports/check', { kind: 'people' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await form('/people/P10/invite', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await people()).toBe(before);
  });
});

describe('the people page and uploads behind the admin password', () => {
  let web: TestWeb;
  beforeAll(async () => {
    web = await testWeb('pglite', {
      required: true,
      passwordHash: hashPassword('mật-khẩu-thử'),
      clientIp: () => '10.0.0.9',
    });
  });
  afterAll(() => web.close());

  it('sends a visitor without a session to the login, and makes no code for them', async () => {
    for (const path of ['/people', '/imports']) {
      const res = await web.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const body = new FormData();
    const res = await web.get('/people/P07/invite', { method: 'POST', body, headers: ORIGIN });
    expect(res.status).toBe(401);
    const [n] = await rows<{ n: number }>(web.database.db, sql`select count(*)::int as n from invites`);
    expect(n!.n).toBe(0);
  });
});
