import {
  MIN_CONTACTS_TO_RANK,
  MP_ACTION_TYPES,
  UNKNOWN_GROUP_KEY,
  type MpEngagementReport,
  type MpEngagementRow,
  type ReportGroupBy,
} from '@campaign-desk/contracts';
import type { DaysHistogramRow, EngagementCountsRow } from '../reports.repository';
import type { DateRange } from '../range/report-query';
import { histogramMedian, mergeHistograms, type HistogramBin } from './histogram-median';
import { wilsonInterval } from './wilson';

const TOTAL_KEY = 'total';

function toRow(
  key: string,
  label: string,
  counts: EngagementCountsRow | undefined,
  first: HistogramBin[],
  substantive: HistogramBin[],
): MpEngagementRow {
  const contacts = counts?.contacts ?? 0;
  const responses = counts?.responses ?? 0;
  const { rate, low, high } = wilsonInterval(responses, contacts);
  return {
    key,
    label,
    cases: counts?.cases ?? 0,
    mpsContacted: counts?.mps_contacted ?? 0,
    contacts,
    responses,
    responseRate: rate,
    responseRateLow: low,
    responseRateHigh: high,
    tooFewToRank: contacts < MIN_CONTACTS_TO_RANK,
    medianDaysToFirstResponse: histogramMedian(first),
    medianDaysToSubstantive: histogramMedian(substantive),
    chasesSent: counts?.chases ?? 0,
    meetings: counts?.meetings ?? 0,
    actionsByType: Object.fromEntries(
      MP_ACTION_TYPES.map((t) => [t, counts?.[`action_${t}`] ?? 0]),
    ) as MpEngagementRow['actionsByType'],
  };
}

/** Most contacts first for MPs, by name for the rest, oldest first for months; unknown last. */
function compareRows(groupBy: ReportGroupBy): (a: MpEngagementRow, b: MpEngagementRow) => number {
  return (a, b) => {
    if ((a.key === UNKNOWN_GROUP_KEY) !== (b.key === UNKNOWN_GROUP_KEY)) return a.key === UNKNOWN_GROUP_KEY ? 1 : -1;
    if (groupBy === 'month') return a.key.localeCompare(b.key);
    if (groupBy === 'mp' && a.contacts !== b.contacts) return b.contacts - a.contacts;
    return a.label.localeCompare(b.label, 'en-GB') || a.key.localeCompare(b.key);
  };
}

/** Puts the repository's counts and day histograms together into the report (rates, intervals, medians, the total row). */
export function buildEngagementReport(
  range: DateRange,
  groupBy: ReportGroupBy,
  counts: EngagementCountsRow[],
  days: DaysHistogramRow[],
  mpNames: Map<number, string>,
): Omit<MpEngagementReport, 'approximateReplyDates'> {
  const histograms = new Map<string, { first: HistogramBin[]; substantive: HistogramBin[] }>();
  for (const d of days) {
    const entry = histograms.get(d.key) ?? { first: [], substantive: [] };
    entry[d.measure].push({ value: d.days, count: d.n });
    histograms.set(d.key, entry);
  }
  const label = (key: string) => {
    if (key === UNKNOWN_GROUP_KEY) return 'Unknown';
    return groupBy === 'mp' ? (mpNames.get(Number(key)) ?? `MP ${key}`) : key;
  };
  const byKey = new Map(counts.filter((c) => !c.is_total && c.key !== null).map((c) => [c.key as string, c]));
  // A group can have responses to earlier-dated contacts only through its contacts, so every histogram key is also a counts key.
  const rows = [...byKey.keys()].map((key) =>
    toRow(key, label(key), byKey.get(key), histograms.get(key)?.first ?? [], histograms.get(key)?.substantive ?? []),
  );
  const all = [...histograms.values()];
  const total = toRow(
    TOTAL_KEY,
    TOTAL_KEY,
    counts.find((c) => c.is_total),
    mergeHistograms(all.map((h) => h.first)),
    mergeHistograms(all.map((h) => h.substantive)),
  );
  return { from: range.from, to: range.to, groupBy, rows: rows.sort(compareRows(groupBy)), total };
}
