import {
  MP_ACTION_TYPES,
  MP_ENGAGEMENT_CSV_COLUMNS,
  NATIONS,
  type MpEngagementReport,
  type TopicsByNationReport,
  type WorkloadReport,
} from '@campaign-desk/contracts';
import { toCsv } from '@campaign-desk/server-core';

/** The CSV of each report: the JSON's rows (and total) with the same numbers, one column per figure. */
export function mpEngagementCsv(report: MpEngagementReport): string {
  const header = [...MP_ENGAGEMENT_CSV_COLUMNS, ...MP_ACTION_TYPES.map((t) => `actions_${t}`), 'approximateReplyDates'];
  const rows = [...report.rows, report.total].map((row) => [
    ...MP_ENGAGEMENT_CSV_COLUMNS.map((column) => row[column]),
    ...MP_ACTION_TYPES.map((t) => row.actionsByType[t]),
    // A figure of the whole report, not of a group: on the total row only.
    row === report.total ? report.approximateReplyDates : null,
  ]);
  return toCsv(header, rows);
}

export function workloadCsv(report: WorkloadReport): string {
  const rows = report.rows.map((r) => [r.assigneeId, r.name, r.open, r.overdue, r.closedThisMonth]);
  rows.push(['total', 'total', report.total.open, report.total.overdue, report.total.closedThisMonth]);
  return toCsv(['assigneeId', 'name', 'open', 'overdue', 'closedThisMonth'], rows);
}

export function topicsByNationCsv(report: TopicsByNationReport): string {
  const rows = report.rows.map((r) => [r.topic, ...NATIONS.map((n) => r.byNation[n]), r.unknownNation, r.total]);
  return toCsv(['topic', ...NATIONS, 'unknownNation', 'total'], rows);
}
