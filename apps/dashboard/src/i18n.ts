import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { constituenciesMessages } from './constituencies/messages';
import { mpsMessages } from './mps/messages';
import { supportersMessages } from './supporters/messages';
import { casesMessages } from './cases/messages';
import { triageMessages } from './triage/messages';
import { triageRulesMessages } from './triage-rules/messages';
import { caseCorrespondenceMessages } from './case-correspondence/messages';
import { scheduledEmailsMessages } from './scheduled-emails/messages';
import { templatesMessages } from './templates/messages';
import { chasePlanMessages } from './chase-plan/messages';
import { homeMessages } from './home/messages';
import { reportsMessages } from './reports/messages';
import { mpRecordMessages } from './mp-record/messages';
import { caseEngagementMessages } from './case-engagement/messages';
import { meetingsMessages } from './meetings/messages';
import { mpActionsMessages } from './mp-actions/messages';

/** Campaign Desk labels on top of react-admin's English messages (British spelling where we choose). */
const campaignDeskMessages = {
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, logout: 'Sign out', email: 'Email' },
  },
  resources: {
    ...supportersMessages,
    ...casesMessages,
    ...constituenciesMessages,
    ...mpsMessages,
    ...triageRulesMessages,
    ...scheduledEmailsMessages,
    ...templatesMessages,
    ...meetingsMessages,
    ...mpActionsMessages,
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
  ...triageMessages,
  ...caseCorrespondenceMessages,
  ...chasePlanMessages,
  ...homeMessages,
  ...reportsMessages,
  ...mpRecordMessages,
  ...caseEngagementMessages,
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
