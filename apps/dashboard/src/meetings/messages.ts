/** i18n labels for the meetings resource (merged into i18n.ts under `resources`). */
export const meetingsMessages = {
  meetings: {
    name: 'Meeting |||| Meetings',
    fields: {
      startsAt: 'When',
      caseId: 'Case',
      mpId: 'MP',
      type: 'Type',
      status: 'Status',
      location: 'Place or link',
      agreedActions: 'Agreed actions',
    },
    openActions: '%{open} open of %{total}',
  },
};
