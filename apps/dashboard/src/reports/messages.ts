/** i18n labels for the reports page and the figures shared with the home widgets and the MP record (merged into i18n.ts). */
export const reportsMessages = {
  reports: {
    title: 'Reports',
    range: {
      from: 'From',
      to: 'To',
      groupBy: 'Group by',
      required: 'Enter a date',
      inverted: 'Must not be before the start date',
      tooLong: 'At most %{days} days',
    },
    groupBy: { mp: 'MP', party: 'Party', nation: 'Nation', region: 'Region', month: 'Month' },
    loadFailed: 'Could not load this report: %{message}',
    downloadCsv: 'Download CSV',
    downloadFailed: 'The CSV download failed: %{message}',
    tooFewToRank: 'too few to rank',
    noData: 'Nothing recorded in this period',
    charts: {
      rateByParty: 'Response rate by party (95% interval)',
      medianDaysByRegion: 'Median days to first response by region',
      actionsByMonth: 'MP actions by type per month',
      casesByTopicAndNation: 'Cases by topic and nation',
      responseRate: 'Response rate (%)',
      medianDays: 'Median days',
      unknownNation: 'Nation not known',
    },
    engagement: {
      title: 'MP engagement by %{groupBy}',
      league: 'MP league table',
      rankNote:
        'Sorted by response rate (responses within 28 days over contacts); under %{min} contacts is too few to rank.',
      approximateReplyDates:
        '%{smart_count} response date is approximate: the day the supporter answered a check-in, not the day the reply came. |||| %{smart_count} response dates are approximate: the day the supporter answered a check-in, not the day the reply came.',
      columns: {
        label: 'Name',
        cases: 'Cases',
        mpsContacted: 'MPs contacted',
        contacts: 'Contacts',
        responses: 'Responses in 28 days',
        responseRate: 'Response rate',
        interval: '95% interval',
        medianDaysToFirstResponse: 'Median days to first response',
        medianDaysToSubstantive: 'Median days to substantive',
        chasesSent: 'Chases sent',
        meetings: 'Meetings',
        actions: 'Actions',
      },
      total: 'Total',
    },
    workload: {
      title: 'Caseworker workload',
      columns: { name: 'Caseworker', open: 'Open', overdue: 'Overdue', closedThisMonth: 'Closed this month' },
      unassigned: 'Unassigned',
      total: 'Total',
    },
  },
};
