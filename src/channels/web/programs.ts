// /programs: an administrator turns a programme's confirmation of reported "done" on or off and names
// its checkers — the console's side of `dondoc program CODE --confirmation on --checkers P05,P06`, through
// the same audited store function.
import { Hono, type Context } from 'hono';
import { UnknownCodeError } from '../../core/errors.ts';
import type { Lang, PersonCode } from '../../core/types.ts';
import type { ProgramSettings } from '../../store/programs.ts';
import type { Auth } from './auth.ts';
import type { WebDeps } from './deps.ts';
import { html, table, type SafeHtml } from './html.ts';
import { href, langOf } from './i18n.ts';
import { pageResponse } from './layout.ts';

const WORDS = {
  vi: {
    title: 'Chương trình: xác nhận hoàn thành',
    intro:
      'Khi bật xác nhận, một báo cáo "hoàn thành" chờ người kiểm tra (quản trị viên và những người được nêu dưới đây) xác nhận hoặc trả lại; chưa xác nhận thì chưa tính là hoàn thành.',
    colProgram: 'Chương trình',
    colConfirmation: 'Xác nhận',
    colCheckers: 'Người kiểm tra (mã, cách nhau bởi dấu phẩy)',
    on: 'bật',
    save: 'Lưu',
    saved: (code: string) => `Đã lưu cài đặt của ${code}.`,
    unknownProgram: (code: string) => `Không có chương trình ${code}.`,
    unknownPerson: (code: string) => `Không có cán bộ mã ${code}; không có gì thay đổi.`,
  },
  en: {
    title: 'Programmes: confirmation of done',
    intro:
      'With confirmation on, a reported "done" waits for a checker (administrators and the people named below) to confirm or return it; until then it does not count as done.',
    colProgram: 'Programme',
    colConfirmation: 'Confirmation',
    colCheckers: 'Checkers (codes, comma-separated)',
    on: 'on',
    save: 'Save',
    saved: (code: string) => `Settings of ${code} saved.`,
    unknownProgram: (code: string) => `There is no programme ${code}.`,
    unknownPerson: (code: string) => `There is no person ${code}; nothing was changed.`,
  },
} satisfies Record<Lang, unknown>;

export function programRoutes(deps: WebDeps, auth: Auth, signedIn: (c: Context) => boolean): Hono {
  const app = new Hono();
  const show = async (c: Context, status: 200 | 400 | 404, notice: string | null) => {
    const lang = langOf(c);
    const w = WORDS[lang];
    const rows = (p: ProgramSettings): SafeHtml =>
      html`<tr data-testid="program-${p.code}">
        <td>${p.code} — ${p.name[lang]}</td>
        <td colspan="2">
          <form method="post" action="${href(`/programs/${p.code}`, lang)}">
            <label
              ><input type="checkbox" name="confirmation" value="on" ${p.confirmation ? 'checked' : null} />
              ${w.on}</label
            >
            <input name="checkers" value="${p.checkers.join(', ')}" aria-label="${w.colCheckers}" />
            <button class="btn" type="submit">${w.save}</button>
          </form>
        </td>
      </tr>`;
    const body = html`<section class="card" aria-labelledby="programs-h">
      <h1 id="programs-h">${w.title}</h1>
      <p class="muted small">${w.intro}</p>
      ${notice === null ? null : html`<p role="status">${notice}</p>`}
      ${table([w.colProgram, w.colConfirmation, w.colCheckers], (await deps.store.allProgramSettings()).map(rows))}
    </section>`;
    return pageResponse(c, signedIn(c), { title: w.title, active: null, body }, status);
  };

  app.get('/programs', (c) => show(c, 200, null));
  app.post('/programs/:code', async (c) => {
    const w = WORDS[langOf(c)];
    const code = c.req.param('code').toUpperCase();
    const form = await c.req.parseBody();
    const checkers = String(form.checkers ?? '')
      .split(/[\s,;]+/)
      .filter((s) => s !== '');
    const viewer = auth.viewer(c);
    const actor = `console:${viewer?.person?.code ?? 'admin'}`;
    try {
      const changed = await deps.store.changeProgramSettings(
        code,
        // Codes are checked by the store: one no one has is refused with nothing changed.
        { confirmation: form.confirmation === 'on', checkers: checkers as PersonCode[] },
        actor,
      );
      if (changed === null) return show(c, 404, w.unknownProgram(code));
      return show(c, 200, w.saved(changed.code));
    } catch (err) {
      if (err instanceof UnknownCodeError) return show(c, 400, w.unknownPerson(err.code));
      throw err;
    }
  });
  return app;
}
