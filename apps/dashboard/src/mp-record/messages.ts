/** i18n labels for the MP record on the MP page (merged into i18n.ts). */
export const mpRecordMessages = {
  mpRecord: {
    title: 'Engagement',
    period: 'Last 12 months (%{from} to %{to})',
    none: 'No letters or emails to this MP recorded in the last 12 months.',
    seeCases: 'See the cases raised with this MP',
    seeReports: 'Compare with other MPs',
    figures: {
      cases: 'Cases',
      contacts: 'Contacts',
      responses: 'Responses within 28 days',
      responseRate: 'Response rate',
      interval: '95% interval',
      medianDaysToFirstResponse: 'Median days to first response',
      medianDaysToSubstantive: 'Median days to substantive response',
      chasesSent: 'Chases sent',
      meetings: 'Meetings',
    },
    actions: 'Actions by type',
  },
};
