import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { auditEventsMessages } from './audit-events/messages';
import { caseCorrespondenceMessages } from './case-correspondence/messages';
import { caseEngagementMessages } from './case-engagement/messages';
import { casesMessages } from './cases/messages';
import { chasePlanMessages } from './chase-plan/messages';
import { constituenciesMessages } from './constituencies/messages';
import { homeMessages } from './home/messages';
import { layoutMessages } from './layout/messages';
import { loginMessages } from './login/messages';
import { meetingsMessages } from './meetings/messages';
import { mpActionsMessages } from './mp-actions/messages';
import { mpRecordMessages } from './mp-record/messages';
import { mpsMessages } from './mps/messages';
import { postcodeMessages } from './postcode/messages';
import { reportsMessages } from './reports/messages';
import { scheduledEmailsMessages } from './scheduled-emails/messages';
import { staffUsersMessages } from './staff-users/messages';
import { subjectAccessRequestsMessages } from './subject-access-requests/messages';
import { supportersMessages } from './supporters/messages';
import { templatesMessages } from './templates/messages';
import { triageRulesMessages } from './triage-rules/messages';
import { triageMessages } from './triage/messages';

/**
 * The one i18n convention: each folder writes its labels in its own `messages.ts` (a resource's under its
 * name, for react-admin's `resources.<name>.fields.*`; a page's or a panel's under its own top-level key),
 * and this file merges them over react-admin's English (British spelling where we choose). Enum labels are
 * found through shared/i18n/enumLabels.ts.
 */
export const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: { ...englishMessages.ra.auth, logout: 'Sign out', email: 'Email' },
  },
  resources: {
    ...auditEventsMessages,
    ...casesMessages,
    ...constituenciesMessages,
    ...meetingsMessages,
    ...mpActionsMessages,
    ...mpsMessages,
    ...scheduledEmailsMessages,
    ...staffUsersMessages,
    ...subjectAccessRequestsMessages,
    ...supportersMessages,
    ...templatesMessages,
    ...triageRulesMessages,
  },
  ...caseCorrespondenceMessages,
  ...caseEngagementMessages,
  ...chasePlanMessages,
  ...homeMessages,
  ...layoutMessages,
  ...loginMessages,
  ...mpRecordMessages,
  ...postcodeMessages,
  ...reportsMessages,
  ...triageMessages,
} satisfies TranslationMessages;
