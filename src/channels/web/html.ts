// Tagged-template HTML for the console's pages: every interpolated value is escaped unless it is already SafeHtml.

/** Markup that is already safe to emit: built by `html` or vouched for with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Trusts the caller: only for markup this code produced itself (renderHtml, chartSvg). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function emit(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(emit).join('');
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += emit(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * A table under one row of column heads, each a `th scope="col"` so a screen reader names the column of every cell.
 * The console's list tables (`class="list"`) carry the data-testid that tests and the narrow layout find them by.
 */
export function table(heads: readonly HtmlValue[], rows: HtmlValue, list?: { testId: string }): SafeHtml {
  const inner = html`<thead>
      <tr>
        ${heads.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>`;
  return list
    ? html`<table class="list" data-testid="${list.testId}">
        ${inner}
      </table>`
    : html`<table>
        ${inner}
      </table>`;
}
