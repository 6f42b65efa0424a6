/** i18n labels for the case page's correspondence actions and panel (merged into i18n.ts). */
export const caseCorrespondenceMessages = {
  correspondence: {
    actions: {
      reply: 'Reply',
      mpEmail: "Email the MP's office",
    },
    compose: {
      template: 'Start from',
      freeText: 'Free text',
      subject: 'Subject',
      body: 'Message',
      preview: 'Preview: what will be sent',
      noPreview: 'Write a message to see the preview',
      send: 'Send',
      reply: { title: 'Reply to the supporter (%{reference})', sent: 'Reply queued to send' },
      mp_email: { title: "Email the MP's office (%{reference})", sent: "Email to the MP's office queued to send" },
    },
    panel: {
      title: 'Scheduled emails and chase-ups',
      scheduledEmails: 'Scheduled emails',
      when: 'Due, or sent (London time)',
      details: 'Details',
      none: 'Nothing scheduled for this case',
      unknown: 'One email needs a decision. |||| %{smart_count} emails need a decision.',
      tasks: 'Tasks',
      taskKinds: {
        phone_mp_office: "Telephone the MP's office (due %{dueAt})",
        check_mp_address: "MP address bouncing: check the MP's email address (due %{dueAt})",
      },
      markDone: 'Done',
      taskDone: 'Task marked done',
    },
  },
};
