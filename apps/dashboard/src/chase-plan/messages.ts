/** i18n labels for the chase plan settings page (admins; merged into i18n.ts). */
export const chasePlanMessages = {
  chasePlan: {
    title: 'Chase plan',
    intro:
      'Days counted from the date the MP was contacted. Emails go on working days in office hours (Europe/London), skipping the bank holidays of the supporter\u2019s nation. Changes apply to contacts recorded from now on.',
    checkinDays: 'Supporter check-in after (days)',
    reminderDays: 'Check-in reminder, days after the check-in',
    mpChaseDays: "Chases to the MP's office after (days, comma-separated)",
    mpChaseDaysHelp: 'For example 21, 35',
    phoneTaskDays: "Task to telephone the MP's office after (days)",
    save: 'Save',
    saved: 'Chase plan saved',
    adminsOnly: 'Only admins can change the chase plan.',
    notANumberList: 'Enter whole numbers of days separated by commas',
  },
};
