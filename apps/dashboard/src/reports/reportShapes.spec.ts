import {
  MP_ACTION_TYPES,
  type MpEngagementReport,
  type MpEngagementRow,
  type TopicsByNationReport,
} from '@campaign-desk/contracts';
import { actionsPoints, medianDaysPoints, ratePoints, topicPoints, UNKNOWN_NATION } from './charts/chartData';
import { leagueOrder } from './leagueOrder';

const NO_ACTIONS = Object.fromEntries(MP_ACTION_TYPES.map((t) => [t, 0])) as MpEngagementRow['actionsByType'];

const row = (key: string, over: Partial<MpEngagementRow> = {}): MpEngagementRow => ({
  key,
  label: key,
  cases: 0,
  mpsContacted: 1,
  contacts: 12,
  responses: 6,
  responseRate: 0.5,
  responseRateLow: 0.25,
  responseRateHigh: 0.75,
  tooFewToRank: false,
  medianDaysToFirstResponse: 10,
  medianDaysToSubstantive: null,
  chasesSent: 0,
  meetings: 0,
  actionsByType: NO_ACTIONS,
  ...over,
});
const report = (rows: MpEngagementRow[]): MpEngagementReport => ({
  from: '2026-01-01',
  to: '2026-12-31',
  groupBy: 'party',
  rows,
  total: row('total'),
  approximateReplyDates: 0,
});

describe('league order', () => {
  it('ranks by response rate, then contacts; too few to rank come last, by contacts', () => {
    const rows = [
      row('few-big', { tooFewToRank: true, contacts: 9, responseRate: 1 }),
      row('low', { responseRate: 0.2 }),
      row('high-small', { responseRate: 0.8, contacts: 10 }),
      row('high-big', { responseRate: 0.8, contacts: 30 }),
      row('few-small', { tooFewToRank: true, contacts: 2, responseRate: 1 }),
    ];
    expect(leagueOrder(rows).map((r) => r.key)).toEqual(['high-big', 'high-small', 'low', 'few-big', 'few-small']);
    expect(rows[0].key).toBe('few-big');
  });
});

describe('chart shapes (one server row, one point)', () => {
  it('turns rates and intervals into percentages with distances for the error bars', () => {
    const points = ratePoints(
      report([
        row('Labour'),
        row('Green', { contacts: 0, responseRate: null, responseRateLow: null, responseRateHigh: null }),
      ]),
    );
    expect(points).toEqual([{ label: 'Labour', rate: 50, interval: [25, 25], tooFewToRank: false }]);
  });

  it('leaves out groups with no median, spreads actions by type', () => {
    expect(medianDaysPoints(report([row('London'), row('Wales', { medianDaysToFirstResponse: null })]))).toEqual([
      { label: 'London', days: 10 },
    ]);
    const [point] = actionsPoints(report([row('2026-03', { actionsByType: { ...NO_ACTIONS, asked_pmq: 2 } })]));
    expect(point).toEqual({ label: '2026-03', ...NO_ACTIONS, asked_pmq: 2 });
  });

  it('flattens topics by nation, unknown nation included', () => {
    const topics: TopicsByNationReport = {
      from: '2026-01-01',
      to: '2026-12-31',
      rows: [
        {
          topic: 'other',
          byNation: { England: 3, Scotland: 1, Wales: 0, 'Northern Ireland': 0 },
          unknownNation: 2,
          total: 6,
        },
      ],
    };
    expect(topicPoints(topics)).toEqual([
      { topic: 'other', England: 3, Scotland: 1, Wales: 0, 'Northern Ireland': 0, [UNKNOWN_NATION]: 2 },
    ]);
  });
});
