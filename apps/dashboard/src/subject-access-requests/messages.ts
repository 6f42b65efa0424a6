/** i18n labels for the subject access requests tracker (merged into i18n.ts under `resources`). */
export const subjectAccessRequestsMessages = {
  'subject-access-requests': {
    name: 'Subject access request |||| Subject access requests',
    fields: {
      supporterId: 'Supporter',
      receivedAt: 'Received',
      dueAt: 'Due',
      status: 'Status',
      handledById: 'Handled by',
      notes: 'Notes',
    },
    statuses: {
      received: 'Received',
      in_progress: 'In progress',
      completed: 'Completed',
      refused: 'Refused',
    },
    help: {
      receivedAt: 'When the request arrived (London time). The answer is due one calendar month later.',
      export: 'Export everything held about them from the supporter page.',
    },
    overdue: 'Overdue',
    notifications: {
      created: 'Request recorded',
      updated: 'Request updated |||| %{smart_count} requests updated',
    },
  },
};
