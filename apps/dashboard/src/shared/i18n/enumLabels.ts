import {
  ACTION_OWNERS,
  CANCEL_REASONS,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_VIEWS,
  CHASE_TASK_KINDS,
  CONSENT_KEYS,
  CORRESPONDENT_ROLES,
  CONSENT_METHODS,
  LETTER_ASKS,
  LETTER_SEND_CHANNELS,
  LETTER_STATUSES,
  LOOKUP_METHODS,
  MEETING_CHECKLIST_KEYS,
  MEETING_STATUSES,
  MEETING_TYPES,
  MESSAGE_STATUSES,
  MP_ACTION_TYPES,
  MP_CONTACT_BY,
  MP_CONTACT_CHANNELS,
  MP_CONTACT_DIRECTIONS,
  MP_RESPONSE_KINDS,
  NATIONS,
  PRIORITIES,
  RECIPIENT_KINDS,
  REPORT_GROUP_BY,
  SCHEDULED_EMAIL_KINDS,
  SCHEDULED_EMAIL_STATUSES,
  STAFF_ROLES,
  SUBJECT_ACCESS_STATUSES,
  TENURE_END_REASONS,
  TOPICS,
} from '@campaign-desk/contracts';

/**
 * Every contracts enum the dashboard shows, and where its labels live: the label of `value` is the message
 * `${key}.${value}`, written in the messages.ts of the folder that owns the enum. A new value in contracts
 * needs one label there (enumLabels.spec.ts names what is missing); a newly shown enum needs one row here.
 */
export const ENUM_LABELS = {
  staffRole: { values: STAFF_ROLES, key: 'resources.staff-users.roles' },
  caseStatus: { values: CASE_STATUSES, key: 'resources.cases.status' },
  caseOutcome: { values: CASE_OUTCOMES, key: 'resources.cases.outcome' },
  caseView: { values: CASE_VIEWS, key: 'resources.cases.views' },
  priority: { values: PRIORITIES, key: 'resources.cases.priority' },
  topic: { values: TOPICS, key: 'resources.cases.topic' },
  nation: { values: NATIONS, key: 'resources.constituencies.nations' },
  tenureEndReason: { values: TENURE_END_REASONS, key: 'resources.mps.tenureEndReasons' },
  consent: { values: CONSENT_KEYS, key: 'resources.supporters.consents' },
  consentMethod: { values: CONSENT_METHODS, key: 'resources.supporters.consentMethods' },
  lookupMethod: { values: LOOKUP_METHODS, key: 'postcode.lookupMethods' },
  messageStatus: { values: MESSAGE_STATUSES, key: 'triage.statuses' },
  correspondentRole: { values: CORRESPONDENT_ROLES, key: 'triage.roles' },
  scheduledEmailKind: { values: SCHEDULED_EMAIL_KINDS, key: 'resources.scheduled-emails.kinds' },
  scheduledEmailStatus: { values: SCHEDULED_EMAIL_STATUSES, key: 'resources.scheduled-emails.statuses' },
  recipientKind: { values: RECIPIENT_KINDS, key: 'resources.scheduled-emails.recipients' },
  cancelReason: { values: CANCEL_REASONS, key: 'resources.scheduled-emails.cancelReasons' },
  chaseTaskKind: { values: CHASE_TASK_KINDS, key: 'correspondence.panel.taskKinds' },
  mpContactChannel: { values: MP_CONTACT_CHANNELS, key: 'engagement.mpContact.channels' },
  mpContactDirection: { values: MP_CONTACT_DIRECTIONS, key: 'engagement.mpContact.directions' },
  mpContactBy: { values: MP_CONTACT_BY, key: 'engagement.mpContact.by' },
  mpResponseKind: { values: MP_RESPONSE_KINDS, key: 'engagement.mpResponse.kinds' },
  letterAsk: { values: LETTER_ASKS, key: 'engagement.asks' },
  letterStatus: { values: LETTER_STATUSES, key: 'engagement.letterStatuses' },
  letterSendChannel: { values: LETTER_SEND_CHANNELS, key: 'engagement.sendChannels' },
  meetingType: { values: MEETING_TYPES, key: 'engagement.meetingTypes' },
  meetingStatus: { values: MEETING_STATUSES, key: 'engagement.meetingStatuses' },
  meetingChecklistKey: { values: MEETING_CHECKLIST_KEYS, key: 'engagement.checklist' },
  actionOwner: { values: ACTION_OWNERS, key: 'engagement.owners' },
  mpActionType: { values: MP_ACTION_TYPES, key: 'engagement.mpActionTypes' },
  reportGroupBy: { values: REPORT_GROUP_BY, key: 'reports.groupBy' },
  subjectAccessStatus: { values: SUBJECT_ACCESS_STATUSES, key: 'resources.subject-access-requests.statuses' },
} as const satisfies Record<string, { values: readonly string[]; key: string }>;

export type LabelledEnum = keyof typeof ENUM_LABELS;
export type EnumValue<E extends LabelledEnum> = (typeof ENUM_LABELS)[E]['values'][number];

/** The i18n key of one value's label. */
export const enumLabelKey = <E extends LabelledEnum>(name: E, value: EnumValue<E>): string =>
  `${ENUM_LABELS[name].key}.${value}`;

/** Choices for react-admin inputs and fields, which translate the names themselves. */
export const enumChoices = <E extends LabelledEnum>(name: E): { id: EnumValue<E>; name: string }[] =>
  (ENUM_LABELS[name].values as readonly EnumValue<E>[]).map((id) => ({ id, name: enumLabelKey(name, id) }));
