import { useQuery } from '@tanstack/react-query';
import { HttpError } from 'react-admin';
import {
  REPORT_CSV_MEDIA_TYPE,
  type HomeSummary,
  type MpEngagementReport,
  type ReportGroupBy,
  type ReportRangeQuery,
  type TopicsByNationReport,
  type WorkloadReport,
} from '@campaign-desk/contracts';
import { apiFetch } from '../providers/http';

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

const FILENAME = /filename="([^"]+)"/;

/** The server's message for a failed request (`{message}` body), or the status text. */
async function failure(response: Response): Promise<HttpError> {
  const body = (await response.json().catch(() => ({}))) as { message?: unknown };
  const message = typeof body.message === 'string' && body.message ? body.message : response.statusText;
  return new HttpError(message, response.status, body);
}

/** Fetches a report as CSV (`Accept: text/csv`, the same numbers as its JSON) and saves it under the server's file name. */
export async function downloadReportCsv(path: ReportPath, params?: ReportParams): Promise<void> {
  const response = await fetch(reportUrl(path, params), {
    headers: { Accept: REPORT_CSV_MEDIA_TYPE },
    credentials: 'same-origin',
  });
  if (!response.ok) throw await failure(response);
  const filename = FILENAME.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${path}.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
