/** i18n labels for the mp-actions resource (merged into i18n.ts under `resources`). */
export const mpActionsMessages = {
  'mp-actions': {
    name: 'MP action |||| MP actions',
    fields: {
      date: 'Date',
      caseId: 'Case',
      mpId: 'MP',
      type: 'What the MP did',
      summary: 'Summary',
      evidenceUrl: 'Evidence',
      dateFrom: 'From',
      dateTo: 'Until',
    },
  },
};
