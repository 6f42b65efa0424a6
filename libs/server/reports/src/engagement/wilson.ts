/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Proportion {
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * successes / trials with its 95% Wilson score interval (better than the normal approximation for
 * small counts and rates near 0 or 1; WriteToThem uses it for MPs' response rates). Null with no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Proportion {
  if (trials <= 0) return { rate: null, low: null, high: null };
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return {
    rate: p,
    low: Math.max(0, (centre - margin) / denominator),
    high: Math.min(1, (centre + margin) / denominator),
  };
}
