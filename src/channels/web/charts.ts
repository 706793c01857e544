// Server-side charts: a pure SVG stacked-bar builder, and the same SVG as PNG (resvg) for Telegram and Zalo.
import { Resvg } from '@resvg/resvg-js';
import { escapeText } from './html.ts';

export interface ChartSeries {
  label: string;
  /** A CSS colour. */
  color: string;
  /** The colour of a count written inside this series' segment. */
  ink?: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

export interface BarChart {
  title: string;
  subtitle?: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Shown when there are no rows. */
  empty?: string;
}

export interface ChartOptions {
  /** Pixel width of the drawing; the height follows from the number of rows. Default 720. */
  width?: number;
}

/** The traffic lights of format.ts, as colours that read on white and in grey-scale print. */
export const LIGHT_COLORS = {
  green: '#2e7d32',
  orange: '#f08c00',
  red: '#c62828',
  white: '#cfd6de',
} as const;

const FONT = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif";
const PAD = 16;
const ROW = 42;
const BAR = 16;

/** Roughly how wide a text is in DejaVu Sans, which is wide: enough to cut labels and place the legend. */
function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.6;
}

function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  const keep = Math.max(1, Math.floor(width / (size * 0.6)) - 1);
  return `${chars.slice(0, keep).join('').trimEnd()}…`;
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/** A horizontal stacked bar per row, labels above the bars so it stays readable when narrow. */
export function chartSvg(chart: BarChart, options: ChartOptions = {}): string {
  const width = Math.max(280, Math.round(options.width ?? 720));
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD + 16;
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="16" font-weight="bold" fill="#1b2733">${escapeText(fit(chart.title, 16, inner))}</text>`,
  );
  if (chart.subtitle) {
    y += 20;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="12" fill="#52606d">${escapeText(fit(chart.subtitle, 12, inner))}</text>`,
    );
  }

  // Legend: a swatch and a label per series, wrapping onto new lines.
  y += 24;
  let x = PAD;
  chart.series.forEach((s) => {
    const w = 18 + textWidth(s.label, 12) + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += 20;
    }
    parts.push(
      `<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${s.color}"/>`,
      `<text x="${x + 18}" y="${y}" font-size="12" fill="#1b2733">${escapeText(s.label)}</text>`,
    );
    x += w;
  });
  y += 14;

  const totals = chart.rows.map((r) => r.values.reduce((a, b) => a + Math.max(0, b), 0));
  const max = Math.max(1, ...totals);
  const countWidth = textWidth(String(Math.round(max)), 12) + 10;
  const barArea = inner - countWidth;
  if (chart.rows.length === 0 && chart.empty) {
    y += 28;
    parts.push(`<text x="${PAD}" y="${y}" font-size="13" fill="#52606d">${escapeText(chart.empty)}</text>`);
    y += 8;
  }
  chart.rows.forEach((row, i) => {
    const top = y + i * ROW;
    parts.push(
      `<text x="${PAD}" y="${top + 14}" font-size="13" fill="#1b2733">${escapeText(fit(row.label, 13, inner))}</text>`,
    );
    const barTop = top + 20;
    parts.push(
      `<rect x="${PAD}" y="${barTop}" width="${fmt(barArea)}" height="${BAR}" rx="3" fill="#f1f4f7"/>`,
    );
    let bx = PAD;
    row.values.forEach((v, j) => {
      const series = chart.series[j];
      if (!series || v <= 0) return;
      const w = (v / max) * barArea;
      parts.push(
        `<rect x="${fmt(bx)}" y="${barTop}" width="${fmt(w)}" height="${BAR}" fill="${series.color}"><title>${escapeText(`${row.label} · ${series.label}: ${v}`)}</title></rect>`,
      );
      if (w >= textWidth(String(v), 11) + 6)
        parts.push(
          `<text x="${fmt(bx + w / 2)}" y="${barTop + 12}" font-size="11" text-anchor="middle" fill="${series.ink ?? '#ffffff'}">${v}</text>`,
        );
      bx += w;
    });
    parts.push(
      `<text x="${fmt(bx + 6)}" y="${barTop + 12}" font-size="12" font-weight="bold" fill="#1b2733">${fmt(totals[i] ?? 0)}</text>`,
    );
  });
  const height = Math.ceil(y + chart.rows.length * ROW + PAD / 2);

  const desc = chart.rows
    .map((r) => `${r.label}: ${r.values.map((v, j) => `${chart.series[j]?.label ?? ''} ${v}`).join(', ')}`)
    .join('; ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeText(chart.title)}" font-family="${FONT}">` +
    `<title>${escapeText(chart.title)}</title><desc>${escapeText(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    parts.join('') +
    `</svg>`
  );
}

/**
 * The chart as PNG bytes, drawn at twice the size for sharp text on phones. Text uses the system's
 * fonts (DejaVu Sans on Debian has every Vietnamese glyph); with no fonts at all, text is missing.
 */
export function renderChartPng(
  chart: BarChart | string,
  options: ChartOptions & { scale?: number } = {},
): Buffer {
  const svg = typeof chart === 'string' ? chart : chartSvg(chart, options);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
