/** Enum values shared by server and dashboard (DESIGN §5). Values are snake_case on the wire. */
export const STAFF_ROLES = ['admin', 'caseworker', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CASE_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_mp',
  'mp_responded',
  'follow_up',
  'on_hold',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['resolved', 'unresolved', 'withdrawn', 'duplicate'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TOPICS = [
  'diagnosis_delay',
  'treatment_waiting_time',
  'access_to_medicines',
  'quality_of_care',
  'communication',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const MESSAGE_CLASSIFICATIONS = ['request', 'reply', 'auto_reply', 'bounce', 'read_receipt', 'spam'] as const;
export type MessageClassification = (typeof MESSAGE_CLASSIFICATIONS)[number];

export const MP_CONTACT_CHANNELS = ['letter', 'email', 'phone', 'meeting', 'surgery'] as const;
export type MpContactChannel = (typeof MP_CONTACT_CHANNELS)[number];

export const MP_RESPONSE_KINDS = ['acknowledgement', 'substantive', 'declined'] as const;
export type MpResponseKind = (typeof MP_RESPONSE_KINDS)[number];

export const MEETING_TYPES = ['in_person', 'virtual', 'surgery'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const ACTION_OWNERS = ['mp', 'trust', 'charity', 'supporter'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];

export const MP_ACTION_TYPES = [
  'wrote_to_trust_ceo',
  'raised_with_minister',
  'asked_pmq',
  'written_question',
  'met_supporter',
  'other',
] as const;
export type MpActionType = (typeof MP_ACTION_TYPES)[number];

export const SCHEDULED_EMAIL_KINDS = [
  'reply',
  'supporter_checkin',
  'checkin_reminder',
  'mp_chase',
  'meeting_thank_you',
  'action_chase',
  // An email staff compose to the MP's office from the case (issue 6).
  'mp_email',
] as const;
export type ScheduledEmailKind = (typeof SCHEDULED_EMAIL_KINDS)[number];

/** `draft`: waits for staff to approve it (the meeting thank-you); nothing sends or enqueues a draft. */
export const SCHEDULED_EMAIL_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'sent',
  'failed',
  'cancelled',
  'unknown',
] as const;
export type ScheduledEmailStatus = (typeof SCHEDULED_EMAIL_STATUSES)[number];

export const NATIONS = ['England', 'Scotland', 'Wales', 'Northern Ireland'] as const;
export type Nation = (typeof NATIONS)[number];

/** How a case got its assignee: one case by hand, many at once, or the round robin. */
export const ASSIGNMENT_METHODS = ['manual', 'bulk', 'auto'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/**
 * What a chase task asks of the caseworker: the call to the MP's office after the last chase, or
 * checking the MP's address after a hard bounce marked it failing.
 */
export const CHASE_TASK_KINDS = ['phone_mp_office', 'check_mp_address'] as const;
export type ChaseTaskKind = (typeof CHASE_TASK_KINDS)[number];

/** The kinds of row in the reports' engagement facts: an outbound contact, a chase sent, a meeting, an MP action. */
export const ENGAGEMENT_FACT_KINDS = ['contact', 'chase', 'meeting', 'action'] as const;
export type EngagementFactKind = (typeof ENGAGEMENT_FACT_KINDS)[number];

/** The response times the reports measure: days to the first response, and to the first substantive one. */
export const RESPONSE_TIME_MEASURES = ['first', 'substantive'] as const;
export type ResponseTimeMeasure = (typeof RESPONSE_TIME_MEASURES)[number];
