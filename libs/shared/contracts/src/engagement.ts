import type { ActionOwner, MeetingType, MpActionType, MpContactChannel, MpResponseKind } from './enums';
import { fieldsOf } from './fields';

/** MP engagement (issue 6: contacts and responses; issue 7 adds meetings, agreed actions and MP actions). */

/** `outbound`: the supporter or the charity got in touch with the MP; `inbound`: the MP's office got in touch. */
export const MP_CONTACT_DIRECTIONS = ['outbound', 'inbound'] as const;
export type MpContactDirection = (typeof MP_CONTACT_DIRECTIONS)[number];

/** Who made the contact. */
export const MP_CONTACT_BY = ['supporter', 'charity'] as const;
export type MpContactBy = (typeof MP_CONTACT_BY)[number];

/** `POST /api/cases/:id/mp-contacts`. An outbound contact moves the case to `awaiting_mp` and starts the chase plan. */
export interface CreateMpContactInput {
  channel: MpContactChannel;
  direction: MpContactDirection;
  /** ISO date (`2026-11-23`) or date-time; not in the future. */
  date: string;
  contactedBy?: MpContactBy;
  summary?: string | null;
}

export interface MpContactDto {
  id: string;
  caseId: string;
  mpId: number | null;
  channel: MpContactChannel;
  direction: MpContactDirection;
  contactedBy: MpContactBy;
  contactedAt: string;
  /** Null for viewers. */
  summary: string | null;
  recordedById: string | null;
  createdAt: string;
}

export const MP_CONTACT_SORT_FIELDS = ['id', 'contactedAt', 'createdAt'] as const;
export type MpContactSortField = (typeof MP_CONTACT_SORT_FIELDS)[number];
export const MP_CONTACT_FILTER_FIELDS = ['caseId', 'mpId', 'channel', 'direction'] as const;

/** Where a recorded response came from: staff, or the supporter's answer to the check-in email. */
export const MP_RESPONSE_SOURCES = ['staff', 'supporter_checkin'] as const;
export type MpResponseSource = (typeof MP_RESPONSE_SOURCES)[number];

/**
 * Where a response's `receivedAt` came from (issue 13): the supporter gave the date, or only the week
 * (`receivedAt` is that week's Monday, Europe/London, or the contact if later); staff entered it; or it is
 * the time the supporter clicked "yes" on a check-in before the page asked (responses recorded before issue 13).
 */
export const MP_RESPONSE_DATE_SOURCES = ['supporter_date', 'supporter_week', 'staff', 'click_approximate'] as const;
export type MpResponseDateSource = (typeof MP_RESPONSE_DATE_SOURCES)[number];

/** Whether the reply addressed what was asked, in the supporter's view (the check-in "yes" page asks). */
export const MP_RESPONSE_ADDRESSED = ['yes', 'partly', 'no'] as const;
export type MpResponseAddressed = (typeof MP_RESPONSE_ADDRESSED)[number];

/** When the reply came, as the check-in "yes" page asks it: a week, or `earlier` (which needs a date). */
export const CHECKIN_REPLY_WHEN = ['this_week', 'last_week', 'earlier'] as const;
export type CheckinReplyWhen = (typeof CHECKIN_REPLY_WHEN)[number];

/** `POST /api/cases/:id/mp-responses`. Moves the case to `mp_responded` and cancels pending chases. */
export interface CreateMpResponseInput {
  kind: MpResponseKind;
  /** ISO date or date-time; not before the latest contact, not in the future. */
  receivedAt: string;
  summary?: string | null;
  /** The inbound message on this case that carried the response. */
  messageId?: string | null;
}

export interface MpResponseDto {
  id: string;
  caseId: string;
  mpContactId: string | null;
  mpId: number | null;
  kind: MpResponseKind;
  receivedAt: string;
  summary: string | null;
  messageId: string | null;
  source: MpResponseSource;
  /** How `receivedAt` is known; `click_approximate` dates are the click time of an old check-in answer. */
  receivedAtSource: MpResponseDateSource;
  /** Whether the reply addressed what was asked (the supporter's check-in answer); null when not asked. */
  addressed: MpResponseAddressed | null;
  recordedById: string | null;
  createdAt: string;
}

/* ───────────── Issue 7: letters, meetings, agreed actions, MP actions ───────────── */

/** What the supporter asks the MP to do (the guidance's list); chosen when the letter is drafted. */
export const LETTER_ASKS = [
  'write_to_trust_ceo',
  'raise_with_health_minister',
  'ask_question_in_parliament',
  'meet_supporter',
] as const;
export type LetterAsk = (typeof LETTER_ASKS)[number];

export const LETTER_STATUSES = ['draft', 'sent'] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** How a letter went to the MP: printed and signed by hand, or pasted into an email. */
export const LETTER_SEND_CHANNELS = ['letter', 'email'] as const;
export type LetterSendChannel = (typeof LETTER_SEND_CHANNELS)[number];

/** `POST /api/cases/:id/letter`. Drafts (or re-drafts) the case's letter from the `mp_letter` template. */
export interface CreateLetterDraftInput {
  asks: LetterAsk[];
  /** The supporter's story in their words; defaults to the case summary, else the first message's text. */
  story?: string | null;
}

/** Shown with a draft when the story reads like the template's sample wording (personal letters get read). */
export interface LetterWarning {
  code: 'story_too_close_to_sample';
  message: string;
  /** Jaccard similarity of word 3-shingles, 0..1. */
  similarity: number;
}

export interface LetterDraftDto {
  id: string;
  caseId: string;
  mpId: number | null;
  templateKey: string | null;
  templateVersion: number | null;
  asks: LetterAsk[];
  /** The letter as plain text (also `GET /api/cases/:id/letter.txt`). Null for viewers. */
  body: string | null;
  status: LetterStatus;
  sentChannel: LetterSendChannel | null;
  sentAt: string | null;
  mpContactId: string | null;
  createdById: string | null;
  createdAt: string;
  warnings: LetterWarning[];
}

/** `POST /api/cases/:id/letter/sent`. Records an outbound MP contact (which starts the chase plan). */
export interface MarkLetterSentInput {
  channel: LetterSendChannel;
  /** ISO date or date-time; not in the future. */
  sentAt: string;
}

export const MEETING_STATUSES = ['upcoming', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The guidance's preparation checklist ("Preparing for a meeting with your MP"). */
export const MEETING_CHECKLIST_KEYS = [
  'keyPointsWrittenDown',
  'deviceChargedAndLinkTested',
  'travelTimePlanned',
  'notesReRead',
] as const;
export type MeetingChecklistKey = (typeof MEETING_CHECKLIST_KEYS)[number];
export type MeetingChecklist = Partial<Record<MeetingChecklistKey, boolean>>;
/** Which checklist items apply to which meeting type (device: virtual only; travel: in person or surgery). */
export const MEETING_CHECKLIST_BY_TYPE: Record<MeetingType, readonly MeetingChecklistKey[]> = {
  in_person: ['keyPointsWrittenDown', 'travelTimePlanned', 'notesReRead'],
  surgery: ['keyPointsWrittenDown', 'travelTimePlanned', 'notesReRead'],
  virtual: ['keyPointsWrittenDown', 'deviceChargedAndLinkTested', 'notesReRead'],
};

export interface AgreedActionInput {
  description: string;
  owner: ActionOwner;
  /** ISO date (`2026-12-01`); required when `chase` is true. */
  dueDate?: string | null;
  /** Schedule an `action_chase` email to the MP on the due date. Defaults to true when there is a due date. */
  chase?: boolean;
}

export interface AgreedActionDto {
  id: string;
  meetingId: string;
  caseId: string;
  description: string;
  owner: ActionOwner;
  dueDate: string | null;
  chase: boolean;
  doneAt: string | null;
  createdAt: string;
}

/** `POST /api/meetings`. A meeting whose `startsAt` is in the past cannot be `upcoming`. */
export interface CreateMeetingInput {
  caseId: string;
  type: MeetingType;
  /** ISO date-time. */
  startsAt: string;
  /** Defaults to `upcoming` when `startsAt` is in the future, else `held`. */
  status?: MeetingStatus;
  /** Place, or the link for a virtual meeting. */
  location?: string | null;
  attendees?: string | null;
  notes?: string | null;
  checklist?: MeetingChecklist;
  agreedActions?: AgreedActionInput[];
}

/**
 * `PUT /api/meetings/:id`: details, and status between `upcoming` and `cancelled` (the outcome is
 * recorded with `POST /api/meetings/:id/held`; a held meeting's status no longer changes).
 */
export type UpdateMeetingInput = Partial<
  Pick<CreateMeetingInput, 'type' | 'startsAt' | 'status' | 'location' | 'attendees' | 'notes' | 'checklist'>
>;

/**
 * `POST /api/meetings/:id/held`. Drafts the thank-you (next working day) and schedules the action chases.
 * `POST /api/meetings/:id/actions/:actionId/done` (no body) marks an agreed action done and cancels its pending chase.
 */
export interface RecordMeetingHeldInput {
  notes?: string | null;
  agreedActions: AgreedActionInput[];
}

export interface MeetingDto {
  id: string;
  caseId: string;
  mpId: number | null;
  type: MeetingType;
  status: MeetingStatus;
  startsAt: string;
  location: string | null;
  attendees: string | null;
  checklist: MeetingChecklist;
  /** Null for viewers. */
  notes: string | null;
  /** The `meeting_thank_you` scheduled email, once the meeting is held. */
  thankYouEmailId: string | null;
  recordedById: string | null;
  agreedActions: AgreedActionDto[];
  createdAt: string;
  updatedAt: string;
}

export const MEETING_FIELDS = fieldsOf<MeetingDto>()({
  id: true,
  caseId: true,
  mpId: true,
  type: true,
  status: true,
  startsAt: true,
  location: true,
  attendees: true,
  checklist: true,
  notes: true,
  thankYouEmailId: true,
  recordedById: true,
  agreedActions: true,
  createdAt: true,
  updatedAt: true,
});

export const MEETING_SORT_FIELDS = ['id', 'startsAt', 'createdAt', 'updatedAt'] as const;
export type MeetingSortField = (typeof MEETING_SORT_FIELDS)[number];
export const MEETING_FILTER_FIELDS = ['caseId', 'mpId', 'status', 'type'] as const;

/** `POST /api/mp-actions`. The MP defaults to the case's MP. */
export interface CreateMpActionInput {
  caseId: string;
  /** Another MP than the case's (a minister the MP wrote to who acted, a previous MP). */
  mpId?: number | null;
  type: MpActionType;
  /** ISO date, not in the future. */
  date: string;
  /** http(s) link to Hansard, a letter, … */
  evidenceUrl?: string | null;
  summary?: string | null;
}

export interface MpActionDto {
  id: string;
  caseId: string;
  mpId: number | null;
  type: MpActionType;
  date: string;
  evidenceUrl: string | null;
  /** Null for viewers. */
  summary: string | null;
  recordedById: string | null;
  createdAt: string;
}

export const MP_ACTION_SORT_FIELDS = ['id', 'date', 'createdAt'] as const;
export type MpActionSortField = (typeof MP_ACTION_SORT_FIELDS)[number];
/** `dateFrom`/`dateTo` are inclusive ISO dates. */
export const MP_ACTION_FILTER_FIELDS = ['caseId', 'mpId', 'type', 'dateFrom', 'dateTo'] as const;
