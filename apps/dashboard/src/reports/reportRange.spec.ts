import { MAX_REPORT_RANGE_DAYS } from '@campaign-desk/contracts';
import { addDays, lastTwelveMonths, londonToday, rangeProblem } from './reportRange';
import { formatInterval, formatRate } from './format';

describe('report ranges', () => {
  it('takes today in London, not UTC', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('defaults to the twelve months ending today, inclusive', () => {
    expect(lastTwelveMonths('2026-11-24')).toEqual({ from: '2025-11-25', to: '2026-11-24' });
    expect(lastTwelveMonths('2028-02-29')).toEqual({ from: '2027-03-02', to: '2028-02-29' });
  });

  it('finds what the server would refuse, naming the field', () => {
    expect(rangeProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(rangeProblem({ from: '', to: '2026-01-01' })).toEqual({ field: 'from', key: 'required' });
    expect(rangeProblem({ from: '2026-01-01', to: '2026-02-30' })).toEqual({ field: 'to', key: 'required' });
    expect(rangeProblem({ from: '2026-02-01', to: '2026-01-31' })).toEqual({ field: 'to', key: 'inverted' });
    expect(rangeProblem({ from: '2020-01-01', to: addDays('2020-01-01', MAX_REPORT_RANGE_DAYS - 1) })).toBeNull();
    expect(rangeProblem({ from: '2020-01-01', to: addDays('2020-01-01', MAX_REPORT_RANGE_DAYS) })).toEqual({
      field: 'to',
      key: 'tooLong',
    });
  });

  it('formats rates and intervals as whole percentages', () => {
    expect(formatRate(6 / 13)).toBe('46%');
    expect(formatRate(null)).toBe('—');
    expect(formatInterval(0.232, 0.7086)).toBe('23–71%');
  });
});
