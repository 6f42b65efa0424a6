/** i18n labels for the app bar and the menu (merged into i18n.ts). */
export const layoutMessages = {
  cd: {
    title: 'Campaign Desk',
    menu: { home: 'Home', about: 'About', triage: 'Triage inbox', reports: 'Reports', queues: 'Queue board' },
  },
};
