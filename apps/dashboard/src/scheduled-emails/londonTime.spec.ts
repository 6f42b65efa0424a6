import { formatLondon, londonToIso, toLondonInput } from './londonTime';

describe('London wall-clock time', () => {
  it('reads winter times as GMT and summer times as BST', () => {
    expect(londonToIso('2026-12-07T09:00')).toBe('2026-12-07T09:00:00.000Z');
    expect(londonToIso('2026-07-07T09:00')).toBe('2026-07-07T08:00:00.000Z');
    expect(londonToIso('2026-07-07')).toBe('2026-07-06T23:00:00.000Z');
  });

  it('is right on the days the clocks change', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(londonToIso('2026-03-29T00:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(londonToIso('2026-03-29T09:00')).toBe('2026-03-29T08:00:00.000Z');
    expect(londonToIso('2026-10-25T09:00')).toBe('2026-10-25T09:00:00.000Z');
    expect(londonToIso('2026-10-24T09:00')).toBe('2026-10-24T08:00:00.000Z');
  });

  it('round-trips through the input value', () => {
    for (const iso of ['2026-12-07T09:00:00.000Z', '2026-07-07T08:00:00.000Z', '2026-10-25T09:15:00.000Z']) {
      expect(londonToIso(toLondonInput(iso))).toBe(iso);
    }
  });

  it('refuses what is not a date', () => {
    expect(londonToIso('')).toBeNull();
    expect(londonToIso('tomorrow')).toBeNull();
    expect(londonToIso('2026-02-30T09:00')).toBeNull();
  });

  it('shows due times in London whatever the browser zone', () => {
    expect(formatLondon('2026-07-07T08:00:00.000Z')).toContain('09:00');
    expect(formatLondon('2026-12-07T09:00:00.000Z')).toContain('09:00');
    expect(formatLondon(null)).toBe('');
  });
});
