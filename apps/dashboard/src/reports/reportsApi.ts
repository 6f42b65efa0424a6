import { useQuery } from '@tanstack/react-query';
import {
  type HomeSummary,
  type MpEngagementReport,
  type ReportGroupBy,
  type ReportRangeQuery,
  type TopicsByNationReport,
  type WorkloadReport,
} from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';
import { downloadCsv } from '../shared/downloads/downloadCsv';

/** The report endpoints (DESIGN §1.7). Every figure is computed by the server; callers only draw or reshape it. */
export type ReportPath = 'mp-engagement' | 'workload' | 'topics-by-nation' | 'summary';
export type ReportParams = Record<string, string>;

const reportUrl = (path: ReportPath, params: ReportParams = {}) => {
  const query = new URLSearchParams(params).toString();
  return `/api/reports/${path}${query ? `?${query}` : ''}`;
};

async function fetchReport<T>(path: ReportPath, params?: ReportParams): Promise<T> {
  return (await apiFetch(reportUrl(path, params))).json as T;
}

const REPORT_STALE_MS = 60_000;

/** One report as a react-query query; several widgets asking for the same report share one request. */
function useReport<T>(path: ReportPath, params: ReportParams | undefined, enabled = true) {
  return useQuery({
    queryKey: ['reports', path, params ?? {}],
    queryFn: () => fetchReport<T>(path, params),
    enabled,
    staleTime: REPORT_STALE_MS,
    retry: false,
  });
}

export const useHomeSummary = () => useReport<HomeSummary>('summary', undefined);

export const useEngagementReport = (range: ReportRangeQuery | null, groupBy: ReportGroupBy) =>
  useReport<MpEngagementReport>('mp-engagement', range ? { ...range, groupBy } : undefined, range !== null);

export const useTopicsByNation = (range: ReportRangeQuery | null) =>
  useReport<TopicsByNationReport>('topics-by-nation', range ? { ...range } : undefined, range !== null);

export const useWorkload = () => useReport<WorkloadReport>('workload', undefined);

/** Fetches a report as CSV (the same numbers as its JSON) and saves it under the server's file name. */
export function downloadReportCsv(path: ReportPath, params?: ReportParams): Promise<void> {
  return downloadCsv(reportUrl(path, params), `${path}.csv`);
}
