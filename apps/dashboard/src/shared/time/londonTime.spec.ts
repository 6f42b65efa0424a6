import { formatLondonDate, formatLondonDateTime, londonToday, londonToIso, toLondonInput } from './londonTime';

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

  it("knows London's today, which is not UTC's late on a summer evening", () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

describe('the London date formatter', () => {
  it('shows times in London in summer (BST) and winter (GMT)', () => {
    expect(formatLondonDateTime('2026-07-07T08:00:00.000Z')).toBe('Tue, 7 Jul 2026, 09:00');
    expect(formatLondonDateTime('2026-12-07T09:00:00.000Z')).toBe('Mon, 7 Dec 2026, 09:00');
  });

  it('moves with the clock change', () => {
    // 00:30 and 01:30 UTC on 29 March 2026: either side of the clocks going forward.
    expect(formatLondonDateTime('2026-03-29T00:30:00Z')).toBe('Sun, 29 Mar 2026, 00:30');
    expect(formatLondonDateTime('2026-03-29T01:30:00Z')).toBe('Sun, 29 Mar 2026, 02:30');
    // 00:30 and 01:30 UTC on 25 October 2026: either side of the clocks going back.
    expect(formatLondonDateTime('2026-10-25T00:30:00Z')).toBe('Sun, 25 Oct 2026, 01:30');
    expect(formatLondonDateTime('2026-10-25T01:30:00Z')).toBe('Sun, 25 Oct 2026, 01:30');
  });

  it('gives the London date of an instant, which late in a summer evening is the next UTC day', () => {
    expect(formatLondonDate('2026-06-30T23:30:00Z')).toBe('Wed, 1 Jul 2026');
    expect(formatLondonDate('2026-12-31T23:30:00Z')).toBe('Thu, 31 Dec 2026');
  });

  it('shows a calendar date as that day, never with a midnight time', () => {
    for (const format of [formatLondonDate, formatLondonDateTime]) {
      expect(format('2026-07-01')).toBe('Wed, 1 Jul 2026');
      expect(format('2026-12-01')).toBe('Tue, 1 Dec 2026');
      expect(format('2026-03-29')).toBe('Sun, 29 Mar 2026');
      expect(format('2026-10-25')).toBe('Sun, 25 Oct 2026');
    }
  });

  it('shows nothing for a missing or bad value', () => {
    for (const format of [formatLondonDate, formatLondonDateTime]) {
      expect(format(null)).toBe('');
      expect(format(undefined)).toBe('');
      expect(format('')).toBe('');
      expect(format('not a date')).toBe('');
    }
  });
});
