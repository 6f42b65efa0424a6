/** How many values equal `value` (whole days); the query returns them grouped so no row leaves Postgres. */
export interface HistogramBin {
  value: number;
  count: number;
}

/**
 * The median of the values a histogram describes, interpolated like Postgres's
 * `percentile_cont(0.5)`: the middle value, or the mean of the two middle values. Null when empty.
 */
export function histogramMedian(bins: readonly HistogramBin[]): number | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return null;
  const position = (total - 1) / 2;
  const at = (index: number) => {
    let seen = 0;
    for (const bin of sorted) {
      seen += bin.count;
      if (index < seen) return bin.value;
    }
    return sorted[sorted.length - 1].value;
  };
  const below = at(Math.floor(position));
  const above = at(Math.ceil(position));
  return below + (above - below) * (position - Math.floor(position));
}

/** Adds histograms together (the total row sums its groups). */
export function mergeHistograms(histograms: readonly (readonly HistogramBin[])[]): HistogramBin[] {
  const counts = new Map<number, number>();
  for (const bins of histograms) for (const b of bins) counts.set(b.value, (counts.get(b.value) ?? 0) + b.count);
  return [...counts].map(([value, count]) => ({ value, count }));
}
