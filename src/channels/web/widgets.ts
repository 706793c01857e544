// Small pieces of markup the dashboard pages share: status chips, progress bars, the stacked status bar.
import { formatDay, formatMoment } from '../../core/format.ts';
import { isOverdue, type GridCell } from '../../core/grid.ts';
import { messages } from '../../core/messages.ts';
import type { ItemView, Lang, LocalDate } from '../../core/types.ts';
import type { Buckets } from '../../store/dashboard.ts';
import { LIGHT_COLORS } from './charts.ts';
import { html, type SafeHtml } from './html.ts';
import { href, words } from './i18n.ts';

export type Bucket = 'done' | 'inProgress' | 'overdue' | 'notStarted';
export const BUCKET_LIGHT: Record<Bucket, 'green' | 'orange' | 'red' | 'white'> = {
  done: 'green',
  inProgress: 'orange',
  overdue: 'red',
  notStarted: 'white',
};

/** The dashboard's buckets for one item: overdue wins over the status, as in the counts. */
export function bucketOf(item: Pick<ItemView, 'status' | 'dueDate'>, today: LocalDate): Bucket {
  if (item.status === 'done') return 'done';
  if (isOverdue(item, today)) return 'overdue';
  return item.status === 'not_started' ? 'notStarted' : 'inProgress';
}

export function bucketLabel(bucket: Bucket, lang: Lang): string {
  const w = words(lang);
  return {
    done: w.bucketDone,
    inProgress: w.bucketInProgress,
    overdue: w.bucketOverdue,
    notStarted: w.bucketNotStarted,
  }[bucket];
}

/** A coloured chip with the status in words (colour is never the only signal). */
export function statusChip(
  item: Pick<ItemView, 'status' | 'dueDate'>,
  today: LocalDate,
  lang: Lang,
): SafeHtml {
  const w = words(lang);
  const bucket = bucketOf(item, today);
  const light = BUCKET_LIGHT[bucket];
  let text = bucketLabel(bucket, lang);
  if (item.status === 'blocked')
    text = bucket === 'overdue' ? `${text} · ${w.status.blocked}` : w.status.blocked;
  return html`<span class="chip ${light}"
    ><span class="dot ${light}" aria-hidden="true"></span>${text}</span
  >`;
}

export function progressBar(progress: number, bucket: Bucket): SafeHtml {
  const color = LIGHT_COLORS[BUCKET_LIGHT[bucket]];
  const p = Math.max(0, Math.min(100, progress));
  return html`<svg class="pbar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
      <rect width="100" height="8" fill="#e6ebf0" />
      <rect width="${p}" height="8" fill="${color === LIGHT_COLORS.white ? '#98a4b0' : color}" /></svg
    >${p}%`;
}

/**
 * The status grid's cells as counted (core/grid.ts), in the order bars stack and legends read, with
 * their colours: the chat, the dashboard, the chart and the export all show these same numbers.
 */
export const GRID_SEGMENTS = [
  { cell: 'done_on_time', field: 'doneOnTime', light: 'green' },
  { cell: 'done_late', field: 'doneLate', light: 'orange' },
  { cell: 'open_in_time', field: 'openInTime', light: 'white' },
  { cell: 'open_overdue', field: 'overdue', light: 'red' },
] as const satisfies ReadonlyArray<{
  cell: GridCell;
  field: keyof Buckets;
  light: keyof typeof LIGHT_COLORS;
}>;

/** "Hoàn thành đúng hạn 12, …": the grid in words, for a bar's label and screen readers. */
export function gridWords(b: Buckets, lang: Lang): string {
  const m = messages(lang);
  return GRID_SEGMENTS.map((s) => `${m.gridCell(s.cell)} ${b[s.field]}`).join(', ');
}

/** One bar split into the grid's cells, proportional to their counts. */
export function stackedBar(b: Buckets, label: string): SafeHtml {
  const total = Math.max(1, b.total);
  let x = 0;
  const parts = GRID_SEGMENTS.map((s) => {
    const w = (b[s.field] / total) * 100;
    const rect = html`<rect
      x="${x.toFixed(2)}"
      width="${w.toFixed(2)}"
      height="10"
      fill="${LIGHT_COLORS[s.light]}"
    />`;
    x += w;
    return rect;
  });
  return html`<svg
    class="stack"
    viewBox="0 0 100 10"
    preserveAspectRatio="none"
    role="img"
    aria-label="${label}"
  >
    ${parts}
  </svg>`;
}

export function itemLink(code: string, lang: Lang): SafeHtml {
  return html`<a href="${href(`/dashboard/items/${encodeURIComponent(code)}`, lang)}"
    ><code>${code}</code></a
  >`;
}

/** A due day; an ongoing item (no day) shows as a dash. */
export function day(dayText: LocalDate | null, lang: Lang): string {
  return dayText === null ? '—' : formatDay(dayText, lang);
}

export function moment(at: Date, lang: Lang, tz: string, today: LocalDate): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${formatMoment(at, lang, tz, today)}</time>`;
}
