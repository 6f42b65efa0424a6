import type { TimelineEntryBase } from './cases';
import { SCHEDULED_EMAIL_KINDS, type ChaseTaskKind, type ScheduledEmailKind, type ScheduledEmailStatus } from './enums';
import type { ConsentKey } from './supporters';
import { fieldsOf } from './fields';

/** Outbound email (issue 6): the outbox, templates, the chase plan and the supporter check-in. */

/** Who an outbound email goes to. */
export const RECIPIENT_KINDS = ['supporter', 'mp'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** What the server and the dashboard both need to know about a kind of email. */
export interface EmailKindFacts {
  /** Who it goes to. */
  recipient: RecipientKind;
  /**
   * Written by the chase plan after an outbound MP contact: it goes only while the case awaits the
   * MP, and is stopped when the MP responds (or their office replies), the case moves on, or a
   * new plan replaces it.
   */
  chasePlan: boolean;
  /** The supporter's consent that covers it: withdrawing it cancels what is pending. */
  consent: ConsentKey;
  /** Whether that consent must be on record when it goes (a reply answers the supporter's own email, so it need not be). */
  consentOnRecord: boolean;
  /** Staff write it from the case (`POST /api/cases/:id/reply`, `/mp-email`); the others the system writes. */
  composed: boolean;
}

/** One row per email kind; everything else about a kind is derived from it (and the server's table of kinds). */
export const EMAIL_KINDS = {
  reply: {
    recipient: 'supporter',
    chasePlan: false,
    consent: 'contactByEmail',
    consentOnRecord: false,
    composed: true,
  },
  supporter_checkin: {
    recipient: 'supporter',
    chasePlan: true,
    consent: 'contactByEmail',
    consentOnRecord: true,
    composed: false,
  },
  checkin_reminder: {
    recipient: 'supporter',
    chasePlan: true,
    consent: 'contactByEmail',
    consentOnRecord: true,
    composed: false,
  },
  mp_chase: { recipient: 'mp', chasePlan: true, consent: 'shareWithMp', consentOnRecord: true, composed: false },
  meeting_thank_you: {
    recipient: 'mp',
    chasePlan: false,
    consent: 'shareWithMp',
    consentOnRecord: true,
    composed: false,
  },
  action_chase: { recipient: 'mp', chasePlan: false, consent: 'shareWithMp', consentOnRecord: true, composed: false },
  mp_email: { recipient: 'mp', chasePlan: false, consent: 'shareWithMp', consentOnRecord: true, composed: true },
} as const satisfies { readonly [K in ScheduledEmailKind]: EmailKindFacts };

/** The kinds whose facts include `F`, e.g. `EmailKindsWhere<{ composed: true }>`. */
export type EmailKindsWhere<F extends Partial<EmailKindFacts>> = {
  [K in ScheduledEmailKind]: (typeof EMAIL_KINDS)[K] extends F ? K : never;
}[ScheduledEmailKind];

/** The kinds of email to a recipient (or under a consent): what to cancel when that changes. */
export const emailKindsWhere = (match: (facts: EmailKindFacts) => boolean): ScheduledEmailKind[] =>
  SCHEDULED_EMAIL_KINDS.filter((kind) => match(EMAIL_KINDS[kind]));

/** The kinds the chase plan writes. */
export type ChasePlanKind = EmailKindsWhere<{ chasePlan: true }>;
export const CHASE_KINDS = emailKindsWhere((k) => k.chasePlan) as ChasePlanKind[];

/**
 * Why a pending email was cancelled (shown on the case). `staff` is a person pressing cancel;
 * the others are the system reacting to a change.
 */
export const CANCEL_REASONS = [
  'staff',
  'mp_responded',
  'mp_emailed',
  'checkin_answered',
  'case_closed',
  'case_on_hold',
  'case_moved_on',
  'supporter_on_hold',
  'consent_withdrawn',
  'no_consent',
  'supporter_deleted',
  'supporter_erased',
  // The MP's address hard-bounced (DESIGN §4 invariant 9): nothing more goes to it until an admin clears it.
  'address_failing',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * Delivery as the case page shows it: `draft` (waiting for staff to approve it), `queued`
 * (scheduled or being sent), then `sent`, `failed` (refused by the mail server), `unknown` (the
 * connection was lost after the message was handed over: a person decides), `bounced` (a delivery
 * failure came back), or `cancelled`.
 */
export const DELIVERY_STATUSES = ['draft', 'queued', 'sent', 'failed', 'unknown', 'bounced', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A row of `GET /api/scheduled-emails` (and the case's scheduled emails). Subject and body are null for viewers. */
export interface ScheduledEmailDto {
  id: string;
  caseId: string;
  supporterId: string | null;
  mpContactId: string | null;
  kind: ScheduledEmailKind;
  recipientKind: RecipientKind;
  status: ScheduledEmailStatus;
  deliveryStatus: DeliveryStatus;
  dueAt: string;
  attempts: number;
  templateKey: string | null;
  /** The template version it was (or will be) rendered from; set when rendered. */
  templateVersion: number | null;
  /** `<se-<id>@MAIL_DOMAIN>`: the same on every attempt, so the receiving side can deduplicate. */
  rfcMessageId: string;
  subject: string | null;
  /** The outbound message recorded when it was sent (threads replies and bounces). */
  messageId: string | null;
  sentAt: string | null;
  bouncedAt: string | null;
  cancelledAt: string | null;
  cancelReason: CancelReason | null;
  /** The mail server's answer or the connection problem of the last attempt (addresses masked). */
  lastError: string | null;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Every field of a scheduled email as react-admin reads it (and sends back on update). */
export const SCHEDULED_EMAIL_FIELDS = fieldsOf<ScheduledEmailDto>()({
  id: true,
  caseId: true,
  supporterId: true,
  mpContactId: true,
  kind: true,
  recipientKind: true,
  status: true,
  deliveryStatus: true,
  dueAt: true,
  attempts: true,
  templateKey: true,
  templateVersion: true,
  rfcMessageId: true,
  subject: true,
  messageId: true,
  sentAt: true,
  bouncedAt: true,
  cancelledAt: true,
  cancelReason: true,
  lastError: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
});

export const SCHEDULED_EMAIL_SORT_FIELDS = ['id', 'dueAt', 'createdAt', 'updatedAt'] as const;
export type ScheduledEmailSortField = (typeof SCHEDULED_EMAIL_SORT_FIELDS)[number];
/** `dueAt_gte` / `dueAt_lte` bound the due time (ISO 8601). */
export const SCHEDULED_EMAIL_FILTER_FIELDS = [
  'caseId',
  'supporterId',
  'kind',
  'status',
  'dueAt_gte',
  'dueAt_lte',
] as const;
export type ScheduledEmailFilterField = (typeof SCHEDULED_EMAIL_FILTER_FIELDS)[number];

/** `PUT /api/scheduled-emails/:id`: only `scheduled` and `unknown` emails, never into the past. */
export interface RescheduleInput {
  dueAt: string;
}

/** `POST /api/cases/:id/reply` (to the supporter) and `POST /api/cases/:id/mp-email` (to the MP's office). */
export interface ComposeEmailInput {
  /** Renders this template's current version (placeholders filled from the case) before `subject`/`body` overrides. */
  templateKey?: string;
  subject?: string;
  /** Plain text; required unless `templateKey` is given (then it replaces the template's body). */
  body?: string;
  /** The message being answered (In-Reply-To/References); defaults to the latest inbound message on the case. */
  inReplyToMessageId?: string;
}

/** The emails staff compose from the case: a reply to the supporter, or an email to the MP's office. */
export type ComposeKind = EmailKindsWhere<{ composed: true }>;
export const COMPOSE_KINDS = emailKindsWhere((k) => k.composed) as ComposeKind[];

/** `POST /api/cases/:id/email-preview`: renders what `/reply` or `/mp-email` would queue; writes nothing. */
export interface ComposePreviewInput extends ComposeEmailInput {
  kind: ComposeKind;
}

/** The subject (with `[CD-n]`) and plain-text body exactly as they would be queued. */
export interface ComposedEmailPreview {
  subject: string;
  body: string;
  templateKey: string | null;
  templateVersion: number | null;
}

/** A placeholder a template may use, e.g. `supporter.firstName`. */
export interface TemplatePlaceholder {
  name: string;
  description: string;
}

/** `GET /api/templates` rows: the current version of each template. `id` is the key. */
export interface EmailTemplateDto {
  id: string;
  key: string;
  name: string;
  description: string;
  recipientKind: RecipientKind;
  subject: string;
  body: string;
  version: number;
  placeholders: TemplatePlaceholder[];
  updatedAt: string;
  updatedById: string | null;
}

export const EMAIL_TEMPLATE_FIELDS = fieldsOf<EmailTemplateDto>()({
  id: true,
  key: true,
  name: true,
  description: true,
  recipientKind: true,
  subject: true,
  body: true,
  version: true,
  placeholders: true,
  updatedAt: true,
  updatedById: true,
});

/** `PUT /api/templates/:key` makes a new version. */
export interface UpdateTemplateInput {
  subject: string;
  body: string;
}

/** `POST /api/templates/:key/preview` renders (the given or current text) on sample data. */
export interface TemplatePreviewInput {
  subject?: string;
  body?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The chase plan (DESIGN §1.4): days after the MP was contacted. `GET`/`PUT /api/chase-plan` (admins). */
export interface ChasePlanSettings {
  checkinDays: number;
  /** After the check-in, if the supporter has not answered. */
  reminderDays: number;
  /** Chases to the MP's office, in days after the contact, ascending. */
  mpChaseDays: number[];
  /** The caseworker's telephone task, in days after the contact. */
  phoneTaskDays: number;
}

/** Caseworker tasks the chase plan creates (a call to the MP's office after the last chase). */
export const CHASE_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ChaseTaskStatus = (typeof CHASE_TASK_STATUSES)[number];

export interface ChaseTaskDto {
  id: string;
  caseId: string;
  mpContactId: string | null;
  kind: ChaseTaskKind;
  dueAt: string;
  status: ChaseTaskStatus;
  cancelReason: CancelReason | null;
  completedAt: string | null;
  completedById: string | null;
  createdAt: string;
}

export const CHASE_TASK_SORT_FIELDS = ['id', 'dueAt', 'createdAt'] as const;
export type ChaseTaskSortField = (typeof CHASE_TASK_SORT_FIELDS)[number];
export const CHASE_TASK_FILTER_FIELDS = ['caseId', 'status', 'dueAt_lte'] as const;

/** The supporter's one-click answers to "Has your MP replied?". */
export const CHECKIN_ANSWERS = ['yes', 'acknowledgement', 'no'] as const;
export type CheckinAnswer = (typeof CHECKIN_ANSWERS)[number];

/** Case timeline entries correspondence adds (`GET /api/cases/:id/timeline`). */
export type ScheduledEmailTimelineEntry = TimelineEntryBase<'scheduled_email', ScheduledEmailDto>;
export type ChaseTaskTimelineEntry = TimelineEntryBase<'chase_task', ChaseTaskDto>;
export type CheckinAnswerTimelineEntry = TimelineEntryBase<
  'checkin_answer',
  { scheduledEmailId: string; mpContactId: string | null; answer: CheckinAnswer }
>;
