// The chat page: pick a demo person, then talk to the same core the bots use; works with the keyboard alone.
import { truncate } from '../../core/format.ts';
import type { Lang } from '../../core/types.ts';
import type { ConsolePerson } from '../../store/dashboard.ts';
import { html, type SafeHtml } from './html.ts';
import { words } from './i18n.ts';
import { SUGGESTIONS } from '../../core/catalogue/suggestions.ts';

function group(p: ConsolePerson): 'leader' | 'admin' | 'department' | 'commune' {
  if (p.role === 'leader') return 'leader';
  if (p.role === 'admin') return 'admin';
  return p.agencyKind === 'commune' || p.agencyKind === 'ward' ? 'commune' : 'department';
}

export function chatBody(people: ConsolePerson[], chosen: ConsolePerson, lang: Lang): SafeHtml {
  const w = words(lang);
  const groups = [
    ['leader', w.groupLeader],
    ['admin', w.groupAdmin],
    ['department', w.groupDepartment],
    ['commune', w.groupCommune],
  ] as const;
  const label = (p: ConsolePerson) => `${p.name} — ${truncate(p.title[lang] || p.agencyName[lang], 48)}`;
  return html`<div class="chat-page">
    <h1>${w.navChat}</h1>
    <p class="muted small">${w.chatIntro}</p>
    <div
      class="chat card"
      id="chat"
      data-lang="${lang}"
      data-you="${w.you}"
      data-bot="${w.bot}"
      data-error="${w.chatError}"
      data-nowas="${w.nowAs('{name}')}"
    >
      <div class="who">
        <label for="chat-person">${w.chatAs}</label>
        <select id="chat-person" name="as">
          ${groups.map(
            ([key, name]) =>
              html`<optgroup label="${name}">
                ${people
                  .filter((p) => group(p) === key)
                  .map(
                    (p) =>
                      html`<option
                        value="${p.code}"
                        data-role="${p.role}"
                        ${p.code === chosen.code ? html`selected` : null}
                      >
                        ${label(p)}
                      </option>`,
                  )}
              </optgroup>`,
          )}
        </select>
      </div>
      <ol class="chatlog" id="chat-log" role="log" aria-live="polite" aria-label="${w.navChat}">
        <li class="msg note">
          ${w.nowAs(`${chosen.name} (${chosen.title[lang] || chosen.agencyName[lang]})`)}
        </li>
      </ol>
      <noscript><p class="alert">${w.noScript}</p></noscript>
      <form class="compose" id="chat-form" autocomplete="off">
        <label for="chat-text" class="visually-hidden">${w.chatLabel}</label>
        <input
          id="chat-text"
          name="text"
          type="text"
          maxlength="4000"
          placeholder="${w.chatPlaceholder}"
          autofocus
        />
        <button class="btn" type="submit">${w.send}</button>
      </form>
      ${(['leader', 'admin', 'staff'] as const).map(
        (role) =>
          html`<div class="suggest" data-for-role="${role}" ${role === chosen.role ? null : html`hidden`}>
            <span class="muted">${w.suggestions}:</span>
            ${SUGGESTIONS[lang][role].map((s) => html`<button type="button" data-suggest="${s}">${s}</button>`)}
          </div>`,
      )}
    </div>
  </div>`;
}
