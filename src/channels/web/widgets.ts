// Small pieces of markup the dashboard pages share: status chips, progress bars, the stacked status bar.
import { formatDay, formatMoment } from '../../core/format.ts';
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
  if (item.dueDate < today) return 'overdue';
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

/** One bar split into the four buckets, proportional to their counts. */
export function stackedBar(b: Buckets, label: string): SafeHtml {
  const total = Math.max(1, b.done + b.inProgress + b.overdue + b.notStarted);
  let x = 0;
  const parts = (['done', 'inProgress', 'overdue', 'notStarted'] as const).map((k) => {
    const w = (b[k] / total) * 100;
    const rect = html`<rect
      x="${x.toFixed(2)}"
      width="${w.toFixed(2)}"
      height="10"
      fill="${LIGHT_COLORS[BUCKET_LIGHT[k]]}"
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

export function day(dayText: LocalDate, lang: Lang): string {
  return formatDay(dayText, lang);
}

export function moment(at: Date, lang: Lang, tz: string, today: LocalDate): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${formatMoment(at, lang, tz, today)}</time>`;
}
