// What the core says back: structured lines and buttons that each channel renders its own way.
import type { IntentName, ItemCode, ItemStatus, Lang, Percent } from './types.ts';

/** A run of text; bold and code are the only emphasis every channel can show. */
export type Span = string | { b: string } | { code: string };
export type Line = Span[];

/** What a button asks the core to do; channels encode it into their own callback format. */
export type ButtonAction =
  | { kind: 'update'; item: ItemCode; status: ItemStatus; percent: Percent | null }
  | { kind: 'snooze'; item: ItemCode }
  /** Page `page` of the list `list` (null: a button from before lists carried an id — gone). */
  | { kind: 'page'; list: string | null; page: number }
  | { kind: 'confirm'; yes: boolean }
  /** A checker's word on the claim `claim` (its history row) of a reported "done": confirm or return. */
  | { kind: 'verdict'; item: ItemCode; claim: number; ok: boolean }
  /** The intent the person meant, when the bot asked which of two (ConversationState.choice). */
  | { kind: 'choose'; intent: IntentName };

export interface Button {
  label: string;
  action: ButtonAction;
}

/** An image to upload. */
export interface Photo {
  png: Buffer;
  /** The name the chat shows for the file, e.g. `NQ57.png`. */
  filename: string;
}

/** A file to upload as a document (the progress report, a .docx). */
export interface DocumentFile {
  bytes: Buffer;
  /** The name the chat shows and saves the file under, e.g. `bao-cao-NQ57-2025-07.docx`. */
  filename: string;
}

export interface Reply {
  lang: Lang;
  lines: Line[];
  /** Rows of buttons; empty when there are none. */
  buttons: Button[][];
  /** The one item this message is about, so a reply to it can update that item. */
  about: ItemCode | null;
  /** Sent as a photo with the lines as its caption (a chart), where the chat takes uploads. */
  photo?: Photo;
  /** Sent as a document with the lines as its caption (a report), where the chat takes uploads. */
  document?: DocumentFile;
}

export const MAX_PAGE_CHARS = 3500;

export function spanText(span: Span): string {
  if (typeof span === 'string') return span;
  return 'b' in span ? span.b : span.code;
}

export function lineText(line: Line): string {
  return line.map(spanText).join('');
}

/** Plain text, for Zalo, the CLI and logs. */
export function renderPlain(lines: Line[]): string {
  return lines.map(lineText).join('\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** HTML that Telegram's parse_mode=HTML and the web console both accept; all user text escaped. */
export function renderHtml(lines: Line[]): string {
  return lines
    .map((line) =>
      line
        .map((span) => {
          if (typeof span === 'string') return escapeHtml(span);
          return 'b' in span ? `<b>${escapeHtml(span.b)}</b>` : `<code>${escapeHtml(span.code)}</code>`;
        })
        .join(''),
    )
    .join('\n');
}

/**
 * Splits lines into pages of at most `max` plain characters, on line boundaries.
 * A single line longer than a page is cut, so no page is ever over the limit.
 */
export function paginate(lines: Line[], max = MAX_PAGE_CHARS): Line[][] {
  const pages: Line[][] = [];
  let page: Line[] = [];
  let size = 0;
  const flush = (): void => {
    if (page.length > 0) pages.push(page);
    page = [];
    size = 0;
  };
  for (const line of lines) {
    const text = lineText(line);
    if (text.length > max) {
      flush();
      for (let i = 0; i < text.length; i += max) pages.push([[text.slice(i, i + max)]]);
      continue;
    }
    const added = text.length + (page.length > 0 ? 1 : 0);
    if (size + added > max) flush();
    size += text.length + (page.length > 0 ? 1 : 0);
    page.push(line);
  }
  flush();
  return pages.length > 0 ? pages : [[]];
}
