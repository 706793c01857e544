// Day counts and short titles for reminders; days and numbers are written as the core writes them.
export { days } from '../core/catalogue/reminders.ts';
export { formatDay, formatDecimal, formatPercent, formatShortDay, truncate } from '../core/format.ts';
