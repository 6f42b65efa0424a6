import { Box, Stack } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import {
  LazyActionsByMonthChart,
  LazyCasesByTopicChart,
  LazyMedianDaysByRegionChart,
  LazyRateByPartyChart,
} from './charts/LazyCharts';
import { DownloadCsvButton } from './DownloadCsvButton';
import { EngagementTable } from './EngagementTable';
import { ReportBody } from './ReportBody';
import { ReportFilters } from './ReportFilters';
import { rangeProblem } from './reportRange';
import { ReportSection } from './ReportSection';
import { useEngagementReport, useTopicsByNation, useWorkload } from './reportsApi';
import { useReportParams } from './useReportParams';
import { WorkloadTable } from './WorkloadTable';
import { enumLabelKey } from '../shared/i18n/enumLabels';

/** The Reports page (DESIGN §1.7): charts, the MP engagement (league) table and caseworker workload, each table downloadable as CSV. */
export const ReportsPage = () => {
  const translate = useTranslate();
  const { range, groupBy, setRange, setGroupBy } = useReportParams();
  const problem = rangeProblem(range);
  // An invalid range asks the server nothing: the form says what is wrong instead.
  const valid = problem ? null : range;

  const table = useEngagementReport(valid, groupBy);
  const byParty = useEngagementReport(valid, 'party');
  const byRegion = useEngagementReport(valid, 'region');
  const byMonth = useEngagementReport(valid, 'month');
  const topics = useTopicsByNation(valid);
  const workload = useWorkload();

  const groupLabel = translate(enumLabelKey('reportGroupBy', groupBy)).toLowerCase();
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="reports.title" />
      <ReportFilters
        range={range}
        groupBy={groupBy}
        problem={problem}
        onRangeChange={setRange}
        onGroupByChange={setGroupBy}
      />
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <ReportSection title={translate('reports.charts.rateByParty')} testId="chart-rate-by-party">
          <ReportBody query={byParty}>{(report) => <LazyRateByPartyChart report={report} />}</ReportBody>
        </ReportSection>
        <ReportSection title={translate('reports.charts.medianDaysByRegion')} testId="chart-median-days-by-region">
          <ReportBody query={byRegion}>{(report) => <LazyMedianDaysByRegionChart report={report} />}</ReportBody>
        </ReportSection>
        <ReportSection title={translate('reports.charts.actionsByMonth')} testId="chart-actions-by-month">
          <ReportBody query={byMonth}>{(report) => <LazyActionsByMonthChart report={report} />}</ReportBody>
        </ReportSection>
        <ReportSection
          title={translate('reports.charts.casesByTopicAndNation')}
          testId="chart-cases-by-topic"
          actions={
            <DownloadCsvButton path="topics-by-nation" params={valid ? { ...valid } : undefined} disabled={!valid} />
          }
        >
          <ReportBody query={topics}>{(report) => <LazyCasesByTopicChart report={report} />}</ReportBody>
        </ReportSection>
      </Box>
      <ReportSection
        title={
          groupBy === 'mp'
            ? translate('reports.engagement.league')
            : translate('reports.engagement.title', { groupBy: groupLabel })
        }
        testId="engagement-section"
        actions={
          <DownloadCsvButton
            path="mp-engagement"
            params={valid ? { ...valid, groupBy } : undefined}
            disabled={!valid}
          />
        }
      >
        <ReportBody query={table}>{(report) => <EngagementTable report={report} />}</ReportBody>
      </ReportSection>
      <ReportSection
        title={translate('reports.workload.title')}
        testId="workload-section"
        actions={<DownloadCsvButton path="workload" />}
      >
        <ReportBody query={workload} height={120}>
          {(report) => <WorkloadTable report={report} />}
        </ReportBody>
      </ReportSection>
    </Stack>
  );
};
