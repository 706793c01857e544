// The agencies' on-time rate (the KPI provinces rank by) and the order of the league table.
// Counts come from the status grid (grid.ts); this file only adds the rate and the order.
import type { Counts } from './grid.ts';
import type { AgencyCode, Named } from './types.ts';

export interface AgencyRank {
  agency: AgencyCode;
  name: Named;
  /**
   * The grid at the period's end B of the agency's tasks due on or before B and not finished before
   * the period began (tracking model): `total` is the rate's denominator.
   */
  counts: Counts;
  /** doneOnTime / total; null when the agency had nothing due in the period. */
  onTimeRate: number | null;
}

export function onTimeRate(c: Counts): number | null {
  return c.total === 0 ? null : c.doneOnTime / c.total;
}

const collator = new Intl.Collator('vi');

/**
 * `attention`: lowest rate first (who needs attention); `league`: highest first. Ties: more overdue
 * first, then by name. An agency with nothing due has no rate and comes last either way.
 */
export function rankAgencies(list: readonly AgencyRank[], order: 'attention' | 'league'): AgencyRank[] {
  const sign = order === 'attention' ? 1 : -1;
  return [...list].sort((a, b) => {
    if (a.onTimeRate === null || b.onTimeRate === null) {
      if (a.onTimeRate !== b.onTimeRate) return a.onTimeRate === null ? 1 : -1;
    } else if (a.onTimeRate !== b.onTimeRate) return sign * (a.onTimeRate - b.onTimeRate);
    if (a.counts.overdue !== b.counts.overdue) return b.counts.overdue - a.counts.overdue;
    return collator.compare(a.name.vi, b.name.vi) || a.agency.localeCompare(b.agency);
  });
}
