// The printable sheet of invitations: one A4 page per person with the code, the Telegram deep link as
// a QR code and the Zalo steps, in that person's language. Self-contained HTML (inline SVG and CSS).
import QRCode from 'qrcode';
import { html, raw, type SafeHtml } from '../channels/web/html.ts';
import type { Person } from '../core/ports.ts';
import { localIso } from '../core/time.ts';
import { invitationWords } from '../core/catalogue/invitation.ts';

export interface Invitation {
  person: Person;
  code: string;
  expiresAt: Date;
}

/** The Telegram deep link that opens the bot with `/start CODE` already filled in. */
export const telegramLink = (bot: string, code: string): string =>
  `https://t.me/${bot}?start=${encodeURIComponent(code)}`;

/** The sheet's stylesheet: inline in a file, an asset on the console (whose CSP allows no inline style). */
export const INVITATION_CSS = `@page { size: A4; margin: 16mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; margin: 0; }
.invitation { break-after: page; page-break-after: always; max-width: 178mm; margin: 0 auto; padding: 4mm 0; }
.invitation:last-child { break-after: auto; page-break-after: auto; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 6mm; }
.to { font-size: 13pt; margin: 0 0 3mm; }
.code { font: bold 26pt "DejaVu Sans Mono", monospace; letter-spacing: 3pt; border: 2px solid #111;
  display: inline-block; padding: 2mm 5mm; margin: 2mm 0; }
.ways { display: flex; gap: 8mm; margin-top: 5mm; }
.ways section { flex: 1; border: 1px solid #999; border-radius: 3mm; padding: 4mm; }
.qr svg { width: 45mm; height: 45mm; display: block; }
.link { font-size: 9pt; word-break: break-all; }
.keep { margin-top: 6mm; font-style: italic; }
h2 { font-size: 13pt; margin: 0 0 2mm; }`;

async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

async function invitationPage(inv: Invitation, bot: string | null, tz: string): Promise<SafeHtml> {
  const w = invitationWords(inv.person.lang);
  const iso = localIso(inv.expiresAt, tz);
  const until = w.when(
    iso.slice(0, 10),
    iso.slice(11, 16),
    iso.slice(23).replace(/^([+-])0?(\d+):00$/, '$1$2'),
  );
  const link = bot ? telegramLink(bot, inv.code) : null;
  const agency = inv.person.agencyName[inv.person.lang];
  return html`<article class="invitation" lang="${inv.person.lang}" data-person="${inv.person.code}">
    <h1>${w.heading}</h1>
    <p class="to">${w.to}: <b>${inv.person.name}</b> — ${agency}</p>
    <p>${w.intro}</p>
    <p>${w.codeLabel}: <span class="code" data-code>${inv.code}</span></p>
    <p>${w.validity(until)}</p>
    <div class="ways">
      <section class="telegram">
        <h2>${w.telegramTitle}</h2>
        ${
          link
            ? html`<p>${w.telegramScan}</p>
                <figure class="qr" data-link="${link}">${raw(await qrSvg(link))}</figure>
                <p class="link">${link}</p>`
            : null
        }
        <p>${w.telegramManual(bot, inv.code)}</p>
      </section>
      <section class="zalo">
        <h2>${w.zaloTitle}</h2>
        <ol>
          ${w.zaloSteps(inv.code).map((s) => html`<li>${s}</li>`)}
        </ol>
      </section>
    </div>
    <p class="keep">${w.keep}</p>
  </article>`;
}

/** The whole sheet; `bot` is the Telegram bot's username, null when unknown (no QR code then). */
export async function invitationSheet(
  list: readonly Invitation[],
  bot: string | null,
  tz: string,
  cssHref: string | null = null,
): Promise<string> {
  const pages = [];
  for (const inv of list) pages.push(await invitationPage(inv, bot, tz));
  const title = invitationWords('vi').sheetTitle(list.length);
  return `<!doctype html>${html`<html lang="vi">
    <head>
      <meta charset="utf-8" />
      <title>${title}</title>
      ${
        cssHref
          ? html`<link rel="stylesheet" href="${cssHref}" />`
          : html`<style>
              ${raw(INVITATION_CSS)}
            </style>`
      }
    </head>
    <body>
      ${pages}
    </body>
  </html>`}\n`;
}
