/** i18n labels for the audit log (admins; merged into i18n.ts under `resources`). */
export const auditEventsMessages = {
  'audit-events': {
    name: 'Audit event |||| Audit log',
    fields: {
      at: 'When',
      actorId: 'Who',
      action: 'What',
      entityType: 'Record type',
      entityId: 'Record',
      ip: 'From address',
      details: 'Details',
      at_gte: 'From',
      at_lte: 'To',
    },
    system: 'The system',
    exportCsv: 'Export CSV',
    exportFailed: 'The export failed: %{message}',
    alertsTitle: 'Unusual reading',
    alertsBody:
      '%{smart_count} alert in the last 7 days: an account read more records than the team normally does. |||| %{smart_count} alerts in the last 7 days: accounts read more records than the team normally does.',
    alertsLink: 'See the alerts',
  },
};
