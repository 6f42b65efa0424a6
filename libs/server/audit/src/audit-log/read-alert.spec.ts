import { ReadAlertCounter } from './read-alert';

describe('ReadAlertCounter', () => {
  const MINUTE = 60_000;

  it('alerts once when an account reads more records than the threshold within the window', () => {
    const counter = new ReadAlertCounter(5, 10 * MINUTE);
    expect(counter.count('a', 'case.read', 1, 0)).toBeNull();
    expect(counter.count('a', 'message.read', 4, MINUTE)).toBeNull();
    expect(counter.count('a', 'case.read', 1, 2 * MINUTE)).toBe(6);
    expect(counter.count('a', 'case.read', 1, 3 * MINUTE)).toBeNull();
    // Another account has its own count.
    expect(counter.count('b', 'case.read', 5, 3 * MINUTE)).toBeNull();
  });

  it('forgets reads older than the window, and alerts again a window after the last alert', () => {
    const counter = new ReadAlertCounter(2, 10 * MINUTE);
    counter.count('a', 'case.read', 2, 0);
    expect(counter.count('a', 'case.read', 1, 11 * MINUTE)).toBeNull();
    expect(counter.count('a', 'case.read', 2, 12 * MINUTE)).toBe(3);
    expect(counter.count('a', 'case.read', 3, 15 * MINUTE)).toBeNull();
    expect(counter.count('a', 'case.read', 3, 23 * MINUTE)).toBe(6);
  });

  it('counts reads only, not changes', () => {
    const counter = new ReadAlertCounter(1, 10 * MINUTE);
    expect(counter.count('a', 'case.updated', 50, 0)).toBeNull();
    expect(counter.count('a', 'case.created', 50, 0)).toBeNull();
  });
});
