import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REPORT_GROUP_BY, type ReportGroupBy, type ReportRangeQuery } from '@campaign-desk/contracts';
import { lastTwelveMonths } from './reportRange';

const isGroupBy = (value: string | null): value is ReportGroupBy =>
  (REPORT_GROUP_BY as readonly (string | null)[]).includes(value);

interface ReportView {
  range: ReportRangeQuery;
  groupBy: ReportGroupBy;
}

function fromAddress(params: URLSearchParams): ReportView {
  const fallback = lastTwelveMonths();
  const groupBy = params.get('groupBy');
  return {
    range: { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to },
    groupBy: isGroupBy(groupBy) ? groupBy : 'mp',
  };
}

/**
 * The reports page's range and grouping: read from the address once (`#/reports?from=&to=&groupBy=`, so a view can
 * be bookmarked or sent on), then held in state and written back to the address. State, not the address, is the
 * source: quick successive edits each see the one before.
 */
export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<ReportView>(() => fromAddress(params));
  useEffect(() => {
    const wanted = { from: view.range.from, to: view.range.to, groupBy: view.groupBy };
    if (Object.entries(wanted).every(([key, value]) => params.get(key) === value)) return;
    setParams(wanted, { replace: true });
  }, [view, params, setParams]);
  return {
    range: view.range,
    groupBy: view.groupBy,
    setRange: (range: ReportRangeQuery) => setView((current) => ({ ...current, range })),
    setGroupBy: (groupBy: ReportGroupBy) => setView((current) => ({ ...current, groupBy })),
  };
}
