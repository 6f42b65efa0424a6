/** A rate (0..1) as a whole percentage; an em dash when there is none. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/** A 95% interval as `23–71%`. */
export function formatInterval(low: number | null | undefined, high: number | null | undefined): string {
  if (low === null || low === undefined || high === null || high === undefined) return '—';
  return `${Math.round(low * 100)}–${Math.round(high * 100)}%`;
}

/** Whole days, or an em dash when nothing was answered. */
export function formatDays(days: number | null | undefined): string {
  return days === null || days === undefined ? '—' : String(days);
}
