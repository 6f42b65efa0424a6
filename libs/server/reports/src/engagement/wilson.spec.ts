import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  it('matches hand-computed 95% intervals', () => {
    // 7 of 10: p = 0.7, z = 1.96; centre (0.7 + 0.19208) / 1.38415, margin 1.96·sqrt(0.021 + 0.0096040) / 1.38415.
    const { rate, low, high } = wilsonInterval(7, 10);
    expect(rate).toBe(0.7);
    expect(low).toBeCloseTo(0.3968, 4);
    expect(high).toBeCloseTo(0.8922, 4);
    const half = wilsonInterval(50, 100);
    expect(half.low).toBeCloseTo(0.4038, 4);
    expect(half.high).toBeCloseTo(0.5962, 4);
  });

  it('stays inside [0, 1] at the extremes', () => {
    expect(wilsonInterval(0, 5)).toEqual({ rate: 0, low: 0, high: expect.closeTo(0.4345, 4) });
    const all = wilsonInterval(5, 5);
    expect(all.rate).toBe(1);
    expect(all.low).toBeCloseTo(0.5655, 4);
    expect(all.high).toBeCloseTo(1, 10);
  });

  it('is null without trials', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });
});
