import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { constituenciesMessages } from './constituencies/messages';
import { mpsMessages } from './mps/messages';
import { supportersMessages } from './supporters/messages';

/** Campaign Desk labels on top of react-admin's English messages (British spelling where we choose). */
const campaignDeskMessages = {
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, logout: 'Sign out', email: 'Email' },
  },
  resources: {
    ...supportersMessages,
    ...constituenciesMessages,
    ...mpsMessages,
    'staff-users': {
      name: 'Staff user |||| Staff users',
      fields: {
        name: 'Name',
        email: 'Email',
        role: 'Role',
        active: 'Active',
        lastLoginAt: 'Last sign-in',
        createdAt: 'Created',
        password: 'Password',
        newPassword: 'New password',
        q: 'Search',
      },
      notifications: {
        created: 'Staff user created',
        updated: 'Staff user updated |||| %{smart_count} staff users updated',
      },
    },
  },
  cd: {
    title: 'Campaign Desk',
    roles: { admin: 'Admin', caseworker: 'Caseworker', viewer: 'Viewer' },
    menu: { home: 'Home', about: 'About', triage: 'Triage inbox', reports: 'Reports', queues: 'Queue board' },
    login: { subtitle: 'Staff sign-in' },
    staffUsers: {
      newPasswordHelp: 'At least %{min} characters; leave empty to keep the current password',
      passwordHelp: 'At least %{min} characters',
      emailReadOnly: 'The email address cannot be changed',
    },
  },
};

const messages: TranslationMessages = { ...englishMessages, ...campaignDeskMessages } as TranslationMessages;

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
