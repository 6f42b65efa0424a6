import { lazy, Suspense, type ComponentType } from 'react';
import { ReportSkeleton } from '../ReportStates';

/** The charts as lazily loaded components: recharts arrives in its own chunk the first time a chart is drawn. */
type Charts = typeof import('./ReportCharts');

function lazyChart<P extends object>(pick: (charts: Charts) => ComponentType<P>) {
  const Chart = lazy(() => import('./ReportCharts').then((charts) => ({ default: pick(charts) })));
  const LazyChart = (props: P) => (
    <Suspense fallback={<ReportSkeleton />}>
      <Chart {...props} />
    </Suspense>
  );
  return LazyChart;
}

export const LazyRateByPartyChart = lazyChart((charts) => charts.RateByPartyChart);
export const LazyMedianDaysByRegionChart = lazyChart((charts) => charts.MedianDaysByRegionChart);
export const LazyActionsByMonthChart = lazyChart((charts) => charts.ActionsByMonthChart);
export const LazyCasesByTopicChart = lazyChart((charts) => charts.CasesByTopicChart);
