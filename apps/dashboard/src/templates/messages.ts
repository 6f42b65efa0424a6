/** i18n labels for the email templates resource (admins; merged into i18n.ts). */
export const templatesMessages = {
  templates: {
    name: 'Email template |||| Email templates',
    fields: {
      key: 'Key',
      name: 'Template',
      description: 'Used for',
      recipientKind: 'To',
      subject: 'Subject',
      body: 'Body',
      version: 'Version',
      updatedAt: 'Last changed',
    },
    placeholders: 'Placeholders',
    placeholdersHelp: 'Write {{name}} to fill in a value; values are escaped for you.',
    preview: 'Preview on sample data',
    previewFailed: 'The preview failed: %{message}',
    versionHelp:
      'Version %{version}: saving makes version %{next}; emails already written keep the text they were rendered with.',
    saved: 'Template saved as version %{version}',
  },
};
