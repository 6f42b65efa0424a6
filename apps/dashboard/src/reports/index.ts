export { ReportsPage } from './ReportsPage';
export { reportsMessages } from './messages';

// What the home widgets and the MP record reuse of the reports.
export { RateCell } from './EngagementTable';
export { ReportBody } from './ReportBody';
export { lastTwelveMonths } from './reportRange';
export { useEngagementReport, useHomeSummary } from './reportsApi';
