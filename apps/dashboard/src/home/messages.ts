/** i18n labels for the home page widgets (merged into i18n.ts). */
export const homeMessages = {
  home: {
    welcome: 'Welcome, %{name}',
    welcomeAnonymous: 'Welcome',
    intro:
      'Campaign Desk tracks supporters’ requests to escalate their cancer care to their MP, from the first email to the MP’s response.',
    loadFailed: 'Could not load',
    widgets: {
      newRequestsToday: 'New requests today',
      unassigned: 'Unassigned cases',
      overdue: 'Overdue cases',
      awaitingMpOver21Days: 'Awaiting MP over 21 days',
      chasesDueThisWeek: 'Chases due this week',
      responseRate: 'MP response rate, last 90 days',
      responseRateDetail: '95% interval %{interval}, from %{contacts} contacts',
      tooFewToRank: 'Too few to rank (%{contacts} contacts)',
    },
  },
};
