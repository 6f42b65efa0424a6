import { formatDays, formatInterval, formatRate } from './figures';

describe('report figures', () => {
  it('formats rates and intervals as whole percentages', () => {
    expect(formatRate(6 / 13)).toBe('46%');
    expect(formatRate(null)).toBe('—');
    expect(formatInterval(0.232, 0.7086)).toBe('23–71%');
  });

  it('shows whole days, or an em dash when nothing was answered', () => {
    expect(formatDays(4)).toBe('4');
    expect(formatDays(null)).toBe('—');
  });
});
