import { MAX_REPORT_RANGE_DAYS } from '@campaign-desk/contracts';
import { addDays, lastTwelveMonths, rangeProblem } from './reportRange';

describe('report ranges', () => {
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
});
