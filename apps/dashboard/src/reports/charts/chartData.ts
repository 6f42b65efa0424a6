import {
  MP_ACTION_TYPES,
  NATIONS,
  type MpActionType,
  type MpEngagementReport,
  type Nation,
  type Topic,
  type TopicsByNationReport,
} from '@campaign-desk/contracts';

/**
 * Server report rows reshaped for the charts: one row in, one point out, nothing summed or counted here
 * (DESIGN §6: figures come from the server).
 */
const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

export interface RatePoint {
  label: string;
  rate: number;
  /** Distances below and above the rate to the interval's ends, for recharts' asymmetric error bars. */
  interval: [number, number];
  tooFewToRank: boolean;
}

/** Response rate (percent) with its 95% interval; groups without contacts have no rate to draw. */
export function ratePoints(report: MpEngagementReport): RatePoint[] {
  return report.rows.flatMap((row) => {
    const rate = percent(row.responseRate);
    const low = percent(row.responseRateLow);
    const high = percent(row.responseRateHigh);
    if (rate === null || low === null || high === null) return [];
    return [
      {
        label: row.label,
        rate,
        interval: [Math.max(0, rate - low), Math.max(0, high - rate)],
        tooFewToRank: row.tooFewToRank,
      },
    ];
  });
}

export interface DaysPoint {
  label: string;
  days: number;
}

export function medianDaysPoints(report: MpEngagementReport): DaysPoint[] {
  return report.rows.flatMap((row) =>
    row.medianDaysToFirstResponse === null ? [] : [{ label: row.label, days: row.medianDaysToFirstResponse }],
  );
}

export type ActionsPoint = { label: string } & Record<MpActionType, number>;

export function actionsPoints(report: MpEngagementReport): ActionsPoint[] {
  return report.rows.map((row) => ({ label: row.label, ...row.actionsByType }));
}

export const UNKNOWN_NATION = 'unknownNation';
export type TopicPoint = { topic: Topic } & Record<Nation | typeof UNKNOWN_NATION, number>;

export function topicPoints(report: TopicsByNationReport): TopicPoint[] {
  return report.rows.map((row) => ({ topic: row.topic, ...row.byNation, [UNKNOWN_NATION]: row.unknownNation }));
}

export const CHART_ACTION_TYPES = MP_ACTION_TYPES;
export const CHART_NATIONS = [...NATIONS, UNKNOWN_NATION] as const;
