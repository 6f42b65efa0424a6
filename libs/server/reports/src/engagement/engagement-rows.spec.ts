import type { DaysHistogramRow, EngagementCountsRow } from '../reports.repository';
import { buildEngagementReport } from './engagement-rows';

const counts = (key: string | null, contacts: number, responses: number, isTotal = false): EngagementCountsRow => ({
  key,
  is_total: isTotal,
  cases: contacts,
  mps_contacted: 1,
  contacts,
  responses,
  chases: 0,
  meetings: 0,
  action_wrote_to_trust_ceo: 0,
  action_raised_with_minister: 0,
  action_asked_pmq: 1,
  action_written_question: 0,
  action_met_supporter: 0,
  action_other: 0,
});
const range = { from: '2025-01-01', to: '2025-12-31' };

describe('buildEngagementReport', () => {
  it('puts MPs with most contacts first, unknown last, names from the directory', () => {
    const report = buildEngagementReport(
      range,
      'mp',
      [counts('7', 3, 1), counts('unknown', 50, 0), counts('9', 12, 6), counts(null, 65, 7, true)],
      [],
      new Map([
        [7, 'Ann MP'],
        [9, 'Bo MP'],
      ]),
    );
    expect(report.rows.map((r) => [r.key, r.label])).toEqual([
      ['9', 'Bo MP'],
      ['7', 'Ann MP'],
      ['unknown', 'Unknown'],
    ]);
    expect(report.rows[0]).toMatchObject({
      tooFewToRank: false,
      responseRate: 0.5,
      actionsByType: expect.objectContaining({ asked_pmq: 1 }),
    });
    expect(report.rows[1].tooFewToRank).toBe(true);
    expect(report.total).toMatchObject({ key: 'total', contacts: 65, responses: 7 });
  });

  it('takes medians per group from its histogram, and the total from all of them', () => {
    const days: DaysHistogramRow[] = [
      { key: '2025-01', measure: 'first', days: 2, n: 1 },
      { key: '2025-01', measure: 'first', days: 10, n: 1 },
      { key: '2025-02', measure: 'first', days: 4, n: 3 },
      { key: '2025-02', measure: 'substantive', days: 20, n: 1 },
    ];
    const report = buildEngagementReport(
      range,
      'month',
      [counts('2025-02', 3, 3), counts('2025-01', 2, 2), counts(null, 5, 5, true)],
      days,
      new Map(),
    );
    expect(report.rows.map((r) => [r.key, r.medianDaysToFirstResponse, r.medianDaysToSubstantive])).toEqual([
      ['2025-01', 6, null],
      ['2025-02', 4, 20],
    ]);
    expect(report.total.medianDaysToFirstResponse).toBe(4);
  });

  it('gives an empty range a zero total with no rate', () => {
    const report = buildEngagementReport(range, 'party', [], [], new Map());
    expect(report.rows).toEqual([]);
    expect(report.total).toMatchObject({
      contacts: 0,
      responseRate: null,
      responseRateLow: null,
      medianDaysToFirstResponse: null,
      tooFewToRank: true,
    });
  });
});
