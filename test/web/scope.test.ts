// A commune's chairman signed in to the console, walking every route the app has (enumerated from the
// Hono app, so a route added later is walked too): nothing of another commune is shown or changed.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../src/channels/web/access.ts';
import { encodeHash, hashPassword } from '../../src/channels/web/auth.ts';
import { consolePerson, setConsolePassword } from '../../src/store/console-accounts.ts';
import type { ItemCode, PersonCode } from '../../src/core/types.ts';
import { rows } from '../../src/store/db.ts';
import { evidenceFile } from '../../src/store/evidence.ts';
import { dbKinds } from '../helpers/db.ts';
import { peer, testWeb, type TestWeb } from './helpers.ts';

const SITE = 'http://console.example';
/** Tasks of Xã Bắc Phong (P33's commune), and one of Xã Tân Phú (P32's own). */
const OTHERS = ['NQ57-10.3', 'NQ57-26.2', 'DA06-01.4'];
const OWN = 'NQ57-14.2';
const FROM = '10.2.0.1';
/** A file of Xã Bắc Phong's task: its bytes name the commune, so a download that leaks it is seen. */
const OTHERS_FILE = {
  name: 'bien-ban-nghiem-thu.pdf',
  mimeType: 'application/pdf',
  bytes: new TextEncoder().encode('%PDF-1.4 Biên bản nghiệm thu — UBND xã Bắc Phong'),
};

describe.each(dbKinds())('a commune chairman in the console, on %s', (kind) => {
  let web: TestWeb;
  let cookie = '';
  let othersFileId = 0;
  const state = () =>
    rows<{ code: string; progress: number; status: string; n: number }>(
      web.database.db,
      sql`select t.code, t.progress, t.status::text as status,
                 (select count(*)::int from history h where h.task_id = t.id) as n
            from tasks t where t.code in (${sql.join(
              OTHERS.map((c) => sql`${c}`),
              sql`, `,
            )}) order by t.code`,
    );

  beforeAll(async () => {
    web = await testWeb(kind, { required: true, passwordHash: hashPassword('admin-Hòa-An-1') });
    // The chairman of Xã Tân Phú, given the leader role (only leaders and admins sign in).
    await web.database.db.execute(sql`update people set role = 'leader' where code = 'P32'`);
    const p32 = await consolePerson(web.database.db, 'P32');
    await setConsolePassword(web.database.db, p32!.id, encodeHash(hashPassword('Tân-Phú-2025!')), new Date());
    const res = await web.app.request(
      `${SITE}/login`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SITE },
        body: new URLSearchParams({ username: 'P32', password: 'Tân-Phú-2025!', next: '/' }).toString(),
      },
      peer(FROM),
    );
    expect(res.status).toBe(303);
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    // One file stored for another commune's task, so the walk asks for a download that really exists.
    await web.store.attachEvidence({
      item: OTHERS[0] as ItemCode,
      person: 'P33' as PersonCode,
      at: new Date('2025-10-06T03:00:00Z'),
      channel: 'telegram',
      messageId: 'scope-evidence-1',
      file: OTHERS_FILE,
    });
    const [stored] = await web.store.evidenceOf(OTHERS[0] as ItemCode);
    othersFileId = stored!.id;
  });
  afterAll(() => web.close());

  const routes = () =>
    web.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, path: r.path }))
      .filter((r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i);

  it('has every route of the app in the access table', () => {
    const missing = routes().filter((r) => ROUTE_ACCESS[`${r.method} ${r.path}`] === undefined);
    expect(missing).toEqual([]);
    expect(routes().length).toBeGreaterThan(30);
  });

  it("sees his own task, and no other commune's item through any route", async () => {
    expect((await web.get(`/api/items/${OWN}`, { headers: { cookie } }, FROM)).status).toBe(200);
    // The file the walk asks for is there, under that id, for that item.
    const there = await evidenceFile(web.database.db, OTHERS[0] as ItemCode, othersFileId);
    expect(there?.name).toBe(OTHERS_FILE.name);
    const titles = ['Bắc Phong', 'Bac Phong', 'Lò Văn Hùng'];
    for (const { method, path } of routes()) {
      if (method !== 'GET' || path === '/logout') continue;
      for (const other of OTHERS) {
        const url = path.replace(':code', other).replace(':id', String(othersFileId));
        const res = await web.get(
          `${url}${url.includes('?') ? '&' : '?'}program=NQ57`,
          { headers: { cookie } },
          FROM,
        );
        const body = Buffer.from(await res.arrayBuffer()).toString('utf8');
        // A "not found" page names the code asked for; that tells nothing.
        const asked = res.status === 404 ? other : null;
        expect([200, 302, 303, 403, 404], `${method} ${url}`).toContain(res.status);
        for (const leak of [...OTHERS.filter((o) => o !== asked), ...titles])
          expect(body.includes(leak), `${method} ${url} (${res.status}) shows ${leak}`).toBe(false);
        if (!path.includes(':')) break;
      }
    }
  });

  it("changes no other commune's item through any route", async () => {
    const before = await state();
    for (const { method, path } of routes()) {
      if (method !== 'POST' || /^\/(login|logout)/.test(path)) continue;
      for (const other of OTHERS) {
        const url = path.replace(':code', 'P33').replace(':id', '1');
        const headers = { cookie, origin: SITE };
        const json = await web.app.request(
          `${SITE}${url}`,
          {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ person: 'P32', text: `${other} xong 100%`, label: 'update' }),
          },
          peer(FROM),
        );
        // The chat answers (it refuses in words); every other route refuses outright.
        if (path === '/api/chat') {
          expect(json.status).toBe(200);
          const confirm = await web.app.request(
            `${SITE}${url}`,
            {
              method: 'POST',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ person: 'P32', text: 'có' }),
            },
            peer(FROM),
          );
          expect(confirm.status).toBe(200);
        } else expect(json.status, `${method} ${url}`).toBe(403);
        const formed = await web.app.request(
          `${SITE}${url}`,
          {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ code: other, label: 'update', kind: 'plan' }).toString(),
          },
          peer(FROM),
        );
        expect([403, 415], `${method} ${url}`).toContain(formed.status);
      }
    }
    expect(await state()).toEqual(before);
    const invites = await rows<{ n: number }>(web.database.db, sql`select count(*)::int as n from invites`);
    expect(invites[0]!.n).toBe(0);
  });

  it("is told in words why another commune's task is not his to update", async () => {
    const replies = await web.app.request(
      `${SITE}/api/chat`,
      {
        method: 'POST',
        headers: { cookie, origin: SITE, 'content-type': 'application/json' },
        body: JSON.stringify({ person: 'P32', text: 'NQ57-10.3 xong 100%' }),
      },
      peer(FROM),
    );
    const text = JSON.stringify(await replies.json());
    expect(text).toContain('Bạn chỉ cập nhật được nhiệm vụ của đơn vị mình hoặc được giao cho bạn');
  });

  it("reads in the chat only his commune's items and the tasks assigned to him", async () => {
    const ask = async (text: string): Promise<string> => {
      const res = await web.app.request(
        `${SITE}/api/chat`,
        {
          method: 'POST',
          headers: { cookie, origin: SITE, 'content-type': 'application/json' },
          body: JSON.stringify({ person: 'P32', text }),
        },
        peer(FROM),
      );
      expect(res.status).toBe(200);
      return JSON.stringify(await res.json());
    };
    for (const question of [
      'mục tiêu nào quá hạn?',
      'việc nào sắp đến hạn',
      'tổng hợp tiến độ NQ57',
      'việc nào đang vướng',
      'những việc chưa bắt đầu',
      'tiến độ',
      'xã bắc phong chậm việc gì',
      ...OTHERS.map((code) => `tiến độ ${code}`),
    ]) {
      const text = await ask(question);
      for (const leak of [...OTHERS.filter((o) => !question.includes(o)), 'Lò Văn Hùng', 'Bắc Phong'])
        expect(text.includes(leak), `"${question}" shows ${leak}: ${text}`).toBe(false);
    }
    expect(await ask('tiến độ NQ57-10.3')).toContain('NQ57-10.3 không thuộc Xã Tân Phú');
    expect(await ask('xã bắc phong chậm việc gì')).toContain('Bạn xem được số liệu của Xã Tân Phú');
    expect(await ask(`tiến độ ${OWN}`)).toContain(OWN);
  });
});
