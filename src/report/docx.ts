// The progress report as a Word document in the layout of Nghị định 30/2020/NĐ-CP: A4, Times New
// Roman 14 (13 in tables), the issuing body top left and the national motto top right, number,
// place and date, title and subject, four sections, recipients and signature, then the appendix in
// landscape. A pure rendering of the store's snapshot: no number is computed here.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Counts, GridCell } from '../core/grid.ts';
import type { Lang } from '../core/types.ts';
import type { ReportItem, ReportSnapshot } from '../store/report-snapshot.ts';
import { indicatorValue, percent, periodWords, placeAndDate, shortDay } from './labels.ts';
import { CELL_LABEL, STATUS_LABEL, WORDS } from '../core/catalogue/report.ts';

export interface ReportOptions {
  lang: Lang;
  /** The issuing body's two lines, top left: the superior body, then the issuer (bold). */
  issuer?: { superior: string; body: string };
}

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
const TABLE_SIZE = 26; // 13 pt
const MM = 56.7; // twips per millimetre
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function para(text: string, style: RunStyle = {}, opts: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    ...opts,
    children: [
      new TextRun({ text, font: FONT, size: style.size ?? SIZE, bold: style.bold, italics: style.italics }),
    ],
  });
}

const centered = (text: string, style: RunStyle = {}): Paragraph =>
  para(text, style, { alignment: AlignmentType.CENTER });
const body = (text: string, style: RunStyle = {}): Paragraph =>
  para(text, style, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: Math.round(10 * MM) } });

function cell(text: string, opts: { bold?: boolean; center?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    width: opts.width === undefined ? undefined : { size: opts.width, type: WidthType.PERCENTAGE },
    children: [
      para(
        text,
        { bold: opts.bold, size: TABLE_SIZE },
        { alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: 0 } },
      ),
    ],
  });
}

/** A bordered table; `left` columns hold text (left-aligned), the rest numbers (centred). */
function table(
  head: readonly string[],
  rows: string[][],
  widths: readonly number[],
  left: readonly number[],
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: head.map((h, i) => cell(h, { bold: true, center: true, width: widths[i] })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((v, i) => cell(v, { center: !left.includes(i), width: widths[i] })),
          }),
      ),
    ],
  });
}

/** The header block: issuer and number left, motto and date right, no borders (Mẫu 1.x of ND 30). */
function header(s: ReportSnapshot, o: Required<ReportOptions>): Table {
  const w = WORDS[o.lang];
  // Widths in twips as well as shares: LibreOffice lays a table out by its grid (tblGrid), and at
  // 60 % of the 165 mm line the motto wrapped before "NAM"; at 65 % and 12 pt (ND 30: 12–13) it fits.
  const line = 165 * MM;
  const side = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [Math.round(0.35 * line), Math.round(0.65 * line)],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          side(
            [
              centered(o.issuer.superior, { size: 26 }),
              centered(o.issuer.body, { bold: true, size: 26 }),
              centered('———', { size: 26 }),
              centered(w.number, { size: 26 }),
            ],
            35,
          ),
          side(
            [
              centered(w.motto1, { bold: true, size: 24 }),
              centered(w.motto2, { bold: true }),
              centered('———————————', { size: 26 }),
              centered(placeAndDate(s.province || '…', s.scope.today, o.lang), { italics: true }),
            ],
            65,
          ),
        ],
      }),
    ],
  });
}

function gridRow(label: string, c: Counts, lang: Lang): string[] {
  const share = (n: number) => `${n} (${percent(n, c.total, lang)})`;
  return [
    label,
    String(c.total),
    share(c.doneOnTime),
    share(c.doneLate),
    share(c.openInTime),
    share(c.overdue),
  ];
}

function lateLines(items: readonly ReportItem[], lang: Lang): Paragraph[] {
  const w = WORDS[lang];
  if (items.length === 0) return [body(w.noLate)];
  const out: Paragraph[] = [];
  let agency = '';
  for (const i of items) {
    if (i.agencyName[lang] !== agency) {
      agency = i.agencyName[lang];
      out.push(body(agency, { bold: true }));
    }
    const late = i.cell === 'open_overdue' ? w.overdueDays(i.daysLate) : w.lateDays(i.daysLate);
    out.push(
      body(
        `- ${i.title[lang]} (${i.code}, ${w.owner.toLowerCase()}: ${i.owner ?? w.noOwner}, ${lang === 'vi' ? 'hạn' : 'due'} ${shortDay(i.dueDate)}): ${late}. ${w.reason}: ${i.note ?? w.noReason}.`,
      ),
    );
  }
  return out;
}

/** "- NQ57-12 Phủ sóng 5G …: 41/68 xã (60,3%)". */
function indicatorLines(s: ReportSnapshot, lang: Lang): Paragraph[] {
  if (s.indicators.length === 0) return [];
  return [
    body(WORDS[lang].indicators, { italics: true }),
    ...s.indicators.map((i) => body(`- ${i.code} ${i.title[lang]}: ${indicatorValue(i, lang)}`)),
  ];
}

function rankingTable(s: ReportSnapshot, lang: Lang): Table {
  const rows = s.ranking.map((r, n) => [
    String(n + 1),
    r.name[lang],
    r.onTimeRate === null ? '-' : percent(r.counts.doneOnTime, r.counts.total, lang),
    String(r.counts.doneOnTime),
    String(r.counts.doneLate),
    String(r.counts.overdue),
    String(r.counts.total),
  ]);
  return table(WORDS[lang].rankHead, rows, [7, 37, 12, 11, 11, 11, 11], [1]);
}

function appendix(s: ReportSnapshot, lang: Lang): Table {
  const cellText = (c: GridCell) => CELL_LABEL[lang][c];
  const rows = s.items.map((i, n) => [
    String(n + 1),
    `${i.title[lang]} (${i.code})`,
    i.agencyName[lang],
    i.coAgencies.map((a) => a[lang] || a.vi).join(', '),
    shortDay(i.dueDate),
    `${i.progress}%`,
    `${STATUS_LABEL[lang][i.status]}; ${cellText(i.cell)}`,
    i.note ?? '',
  ]);
  return table(WORDS[lang].appendixHead, rows, [5, 26, 13, 13, 9, 7, 12, 15], [1, 2, 3, 6, 7]);
}

/** The subject line under "BÁO CÁO": programme (or all), agency, period. */
export function subjectLine(s: ReportSnapshot, lang: Lang): string {
  const w = WORDS[lang];
  const what = s.programName === null ? w.subjectAll : `${w.subjectOf} ${s.programName[lang]}`;
  const who = s.agencyName === null ? '' : ` ${w.ofAgency} ${s.agencyName[lang]}`;
  return `${what}${who} ${periodWords(s.scope.period, lang)}`;
}

export async function renderReportDocx(s: ReportSnapshot, options: ReportOptions): Promise<Buffer> {
  const lang = options.lang;
  const w = WORDS[lang];
  const o: Required<ReportOptions> = {
    lang,
    issuer: options.issuer ??
      s.issuer ?? {
        superior: `UBND TỈNH ${s.province.toLocaleUpperCase('vi')}`.trim(),
        body: 'BAN CHỈ ĐẠO',
      },
  };
  const gridHead = [
    w.kind,
    w.total,
    ...(['done_on_time', 'done_late', 'open_in_time', 'open_overdue'] as const).map(
      (c) => CELL_LABEL[lang][c],
    ),
  ];
  const problems = s.blocked.map((i) =>
    body(`- ${i.agencyName[lang]}: ${i.title[lang]} (${i.code}): ${i.note ?? w.noReason}.`),
  );
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: NO_BORDERS,
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [
              para(w.recipients, { bold: true, italics: true, size: 24 }),
              ...w.recipientLines.map((l) => para(l, { size: 22 }, { spacing: { after: 0 } })),
            ],
          }),
          new TableCell({
            borders: NO_BORDERS,
            width: { size: 50, type: WidthType.PERCENTAGE },
            children: [centered(w.signFor, { bold: true }), centered(w.signTitle, { bold: true })],
          }),
        ],
      }),
    ],
  });
  const portrait = {
    page: {
      size: { width: 11906, height: 16838 },
      margin: {
        top: Math.round(20 * MM),
        bottom: Math.round(20 * MM),
        left: Math.round(30 * MM),
        right: Math.round(15 * MM),
      },
    },
  };
  const doc = new Document({
    creator: 'dondoc',
    title: `${w.title} ${subjectLine(s, lang)}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: portrait,
        children: [
          header(s, o),
          para('', {}, { spacing: { after: 240 } }),
          centered(w.title, { bold: true }),
          centered(subjectLine(s, lang), { bold: true }),
          centered(w.asOf(shortDay(s.end)), { italics: true }),
          para(w.s1, { bold: true }),
          table(
            gridHead,
            [
              gridRow(w.targets, s.targets, lang),
              gridRow(w.tasks, s.tasks, lang),
              gridRow(`${w.targets} (${w.until(shortDay(s.previous.end))})`, s.previous.targets, lang),
              gridRow(`${w.tasks} (${w.until(shortDay(s.previous.end))})`, s.previous.tasks, lang),
            ],
            [16, 12, 18, 18, 18, 18],
            [0],
          ),
          ...(s.targets.awaiting + s.tasks.awaiting > 0
            ? [body(w.awaiting(s.targets.awaiting, s.tasks.awaiting))]
            : []),
          ...indicatorLines(s, lang),
          para(w.s2, { bold: true }, { spacing: { before: 240, after: 60 } }),
          ...lateLines(s.late, lang),
          para(w.s3, { bold: true }, { spacing: { before: 240, after: 60 } }),
          rankingTable(s, lang),
          para(w.s4, { bold: true }, { spacing: { before: 240, after: 60 } }),
          ...(problems.length > 0 ? problems : [body(w.noProblems)]),
          body(w.editable, { italics: true }),
          para('', {}, { spacing: { after: 240 } }),
          signature,
        ],
      },
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(20 * MM),
              right: Math.round(20 * MM),
            },
          },
        },
        children: [centered(w.appendix, { bold: true }), appendix(s, lang)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
