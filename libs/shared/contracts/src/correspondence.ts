import type { TimelineEntryBase } from './cases';
import type { ScheduledEmailKind, ScheduledEmailStatus } from './enums';

/** Outbound email (issue 6): the outbox, templates, the chase plan and the supporter check-in. */

/** Who an outbound email goes to. */
export const RECIPIENT_KINDS = ['supporter', 'mp'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** What kind of email goes to whom. */
export const RECIPIENT_OF_KIND: { readonly [K in ScheduledEmailKind]: RecipientKind } = {
  reply: 'supporter',
  supporter_checkin: 'supporter',
  checkin_reminder: 'supporter',
  mp_chase: 'mp',
  meeting_thank_you: 'mp',
  action_chase: 'mp',
  mp_email: 'mp',
};

/** The kinds the chase plan writes; they only make sense while the case is awaiting the MP. */
export const CHASE_KINDS = [
  'supporter_checkin',
  'checkin_reminder',
  'mp_chase',
] as const satisfies readonly ScheduledEmailKind[];

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
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * Delivery as the case page shows it: `queued` (scheduled or being sent), then `sent`, `failed`
 * (refused by the mail server), `unknown` (the connection was lost after the message was handed
 * over: a person decides), `bounced` (a delivery failure came back), or `cancelled`.
 */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'unknown', 'bounced', 'cancelled'] as const;
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
export const COMPOSE_KINDS = ['reply', 'mp_email'] as const satisfies readonly ScheduledEmailKind[];
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

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
  kind: 'phone_mp_office';
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
