import { histogramMedian, mergeHistograms } from './histogram-median';

/** What percentile_cont(0.5) gives for the plain list of values. */
function listMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = (s.length - 1) / 2;
  return s[Math.floor(mid)] + (s[Math.ceil(mid)] - s[Math.floor(mid)]) * (mid - Math.floor(mid));
}

describe('histogramMedian', () => {
  it('takes the middle value of an odd count', () => {
    expect(
      histogramMedian([
        { value: 3, count: 1 },
        { value: 10, count: 1 },
        { value: 5, count: 1 },
      ]),
    ).toBe(5);
  });

  it('interpolates between the two middle values of an even count', () => {
    expect(
      histogramMedian([
        { value: 2, count: 1 },
        { value: 9, count: 1 },
      ]),
    ).toBe(5.5);
    expect(
      histogramMedian([
        { value: 4, count: 3 },
        { value: 8, count: 3 },
      ]),
    ).toBe(6);
  });

  it('agrees with the median of the expanded list', () => {
    const bins = [
      { value: 0, count: 4 },
      { value: 7, count: 2 },
      { value: 14, count: 5 },
      { value: 30, count: 1 },
    ];
    const values = bins.flatMap((b) => Array<number>(b.count).fill(b.value));
    expect(histogramMedian(bins)).toBe(listMedian(values));
  });

  it('is null when empty or all counts are zero', () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ value: 1, count: 0 }])).toBeNull();
  });
});

describe('mergeHistograms', () => {
  it('adds counts of equal values', () => {
    const merged = mergeHistograms([
      [{ value: 1, count: 2 }],
      [
        { value: 1, count: 1 },
        { value: 3, count: 1 },
      ],
    ]);
    expect(merged.sort((a, b) => a.value - b.value)).toEqual([
      { value: 1, count: 3 },
      { value: 3, count: 1 },
    ]);
  });
});
