/** i18n labels for the sign-in page (merged into i18n.ts). */
export const loginMessages = {
  login: { subtitle: 'Staff sign-in' },
};
