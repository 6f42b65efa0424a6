import type { AssignmentMethod, CaseOutcome, CaseStatus, Nation, Priority, Topic } from './enums';
import type { MessageSummary } from './intake';
import type { SupporterDto, SupporterSummaryDto } from './supporters';
import { fieldsOf } from './fields';

/** Cases (issue 5). Enum values are snake_case on the wire. */

/** Statuses a case can still be worked in (everything but closed). */
export const OPEN_CASE_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_mp',
  'mp_responded',
  'follow_up',
  'on_hold',
] as const;

/**
 * The workflow, defined once: where each status may go next. `on_hold` returns only to the status
 * it came from (see allowedTransitions) or closes; `closed` reopens to `in_progress`.
 * Closing needs an outcome; a duplicate also needs `duplicateOfId`.
 */
export const CASE_TRANSITIONS: { readonly [S in CaseStatus]: readonly CaseStatus[] } = {
  new: ['triaged', 'on_hold', 'closed'],
  triaged: ['in_progress', 'on_hold', 'closed'],
  in_progress: ['awaiting_mp', 'on_hold', 'closed'],
  awaiting_mp: ['mp_responded', 'on_hold', 'closed'],
  // The MP's answer may need another letter: back to awaiting, or on to follow-up.
  mp_responded: ['follow_up', 'awaiting_mp', 'on_hold', 'closed'],
  follow_up: ['awaiting_mp', 'on_hold', 'closed'],
  on_hold: ['closed'],
  closed: ['in_progress'],
};

/** Where a case in `status` may go; `heldFrom` is the status an on-hold case was put on hold from. */
export function allowedTransitions(status: CaseStatus, heldFrom: CaseStatus | null): CaseStatus[] {
  if (status === 'on_hold') return heldFrom ? [heldFrom, 'closed'] : ['closed'];
  return [...CASE_TRANSITIONS[status]];
}

/** Staff may edit their own note for this long after writing it; then it is immutable. */
export const NOTE_EDIT_WINDOW_MINUTES = 15;

/** Named lists (the dashboard's tabs), passed as `filter={"view":"mine"}`. */
export const CASE_VIEWS = ['mine', 'unassigned', 'overdue', 'awaiting_mp_21d', 'on_hold', 'closed_this_month'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];

/** The sort each view reads best in (and is indexed for); the server uses it when the request names no sort. */
export const CASE_VIEW_SORTS: { readonly [V in CaseView]: { field: CaseSortField; order: 'ASC' | 'DESC' } } = {
  mine: { field: 'createdAt', order: 'DESC' },
  unassigned: { field: 'createdAt', order: 'DESC' },
  overdue: { field: 'slaDueAt', order: 'ASC' },
  awaiting_mp_21d: { field: 'statusChangedAt', order: 'ASC' },
  on_hold: { field: 'createdAt', order: 'DESC' },
  closed_this_month: { field: 'statusChangedAt', order: 'DESC' },
};

export const CASE_SORT_FIELDS = [
  'id',
  'createdAt',
  'updatedAt',
  'reference',
  'priority',
  'slaDueAt',
  'statusChangedAt',
] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

/**
 * `after` is a keyset cursor (the `X-Next-Cursor` header of the previous page): with it the server
 * reads the next page by index instead of skipping rows, which keeps deep pages fast.
 */
export const CASE_FILTER_FIELDS = [
  'q',
  'view',
  'after',
  'status',
  'assigneeId',
  'priority',
  'topic',
  'nation',
  'region',
  'constituencyId',
  'mpId',
  'party',
  'supporterId',
  'createdFrom',
  'createdTo',
] as const;
export type CaseFilterField = (typeof CASE_FILTER_FIELDS)[number];

/** Response headers of `GET /api/cases`: the next page's cursor, and whether the Content-Range total is an estimate. */
export const CASE_NEXT_CURSOR_HEADER = 'X-Next-Cursor';
export const TOTAL_ESTIMATED_HEADER = 'X-Total-Count-Estimated';

/** A row of `GET /api/cases`. Lists never carry the story. */
export interface CaseListItem {
  id: string;
  /** `CD-<n>`. */
  reference: string;
  supporterId: string;
  /** Null for viewers (the dashboard shows "supporter"). */
  supporterName: string | null;
  constituencyId: string | null;
  constituencyName: string | null;
  nation: Nation | null;
  region: string | null;
  mpId: number | null;
  mpName: string | null;
  party: string | null;
  topics: Topic[];
  trust: string | null;
  priority: Priority;
  assigneeId: string | null;
  status: CaseStatus;
  /** The status an on-hold case returns to. */
  heldFromStatus: CaseStatus | null;
  outcome: CaseOutcome | null;
  duplicateOfId: string | null;
  firstResponseDueAt: string | null;
  firstRespondedAt: string | null;
  nextUpdateDueAt: string | null;
  /** The earliest pending due time (first response, else next update); null when closed or on hold. */
  slaDueAt: string | null;
  overdue: boolean;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** `GET /api/cases/:id` (every read is audited). `summary` is null for viewers. */
export interface CaseDetail extends CaseListItem {
  summary: string | null;
  supporter: SupporterDto | SupporterSummaryDto | null;
  firstResponseOverdue: boolean;
  nextUpdateOverdue: boolean;
  allowedTransitions: CaseStatus[];
  assigneeName: string | null;
}

/** `POST /api/cases` */
export interface CreateCaseInput {
  supporterId: string;
  topics: Topic[];
  priority: Priority;
  summary?: string | null;
  trust?: string | null;
  /** A triage message: it and its thread move into the new case. */
  messageId?: string | null;
}

/** `PUT /api/cases/:id`: status and assignee change only through their own endpoints. */
export interface UpdateCaseInput {
  topics?: Topic[];
  priority?: Priority;
  summary?: string | null;
  trust?: string | null;
  /** Changing the constituency sets the MP to its current member unless `mpId` is also given. */
  constituencyId?: string | null;
  mpId?: number | null;
}

/** `POST /api/cases/:id/transition` */
export interface CaseTransitionInput {
  to: CaseStatus;
  outcome?: CaseOutcome;
  duplicateOfId?: string;
}

/** The 409 body of an illegal transition. */
export interface IllegalTransitionError {
  statusCode: 409;
  message: string;
  from: CaseStatus;
  to: string;
  allowed: CaseStatus[];
}

/** `POST /api/cases/bulk-assign` answers this. */
export interface BulkAssignResult {
  updated: string[];
  unchanged: string[];
}

/** `GET /api/cases/assignees`: who a case can be assigned to (active admins and caseworkers). */
export interface CaseAssigneeOption {
  id: string;
  name: string;
  role: 'admin' | 'caseworker';
  openCases: number;
}

export interface CaseNoteDto {
  id: string;
  caseId: string;
  authorId: string;
  /** Plain text with line breaks; null for viewers. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  /** Until when the author may still edit it. */
  editableUntil: string;
}

/** Timeline entries. Later issues add kinds (mp_contact, meeting, …) through their own timeline sources. */
export const CORE_TIMELINE_KINDS = ['message', 'note', 'status_change', 'assignment'] as const;

export interface TimelineEntryBase<K extends string, D> {
  /** `<kind>:<source id>`, unique within a case's timeline. */
  id: string;
  kind: K;
  at: string;
  actorId: string | null;
  data: D;
}

export type MessageTimelineEntry = TimelineEntryBase<'message', MessageSummary>;
export type NoteTimelineEntry = TimelineEntryBase<'note', CaseNoteDto>;
export type StatusChangeTimelineEntry = TimelineEntryBase<
  'status_change',
  { from: CaseStatus | null; to: CaseStatus; outcome: CaseOutcome | null; duplicateOfId: string | null }
>;
export type AssignmentTimelineEntry = TimelineEntryBase<
  'assignment',
  { fromAssigneeId: string | null; toAssigneeId: string | null; method: AssignmentMethod }
>;

export type TimelineEntry =
  | MessageTimelineEntry
  | NoteTimelineEntry
  | StatusChangeTimelineEntry
  | AssignmentTimelineEntry
  | TimelineEntryBase<string, Record<string, unknown>>;

/** Every field of a case as react-admin reads it (and sends back on update). */
export const CASE_DETAIL_FIELDS = fieldsOf<CaseDetail>()({
  id: true,
  reference: true,
  supporterId: true,
  supporterName: true,
  supporter: true,
  constituencyId: true,
  constituencyName: true,
  nation: true,
  region: true,
  mpId: true,
  mpName: true,
  party: true,
  topics: true,
  trust: true,
  priority: true,
  summary: true,
  assigneeId: true,
  assigneeName: true,
  status: true,
  heldFromStatus: true,
  outcome: true,
  duplicateOfId: true,
  firstResponseDueAt: true,
  firstRespondedAt: true,
  nextUpdateDueAt: true,
  slaDueAt: true,
  overdue: true,
  firstResponseOverdue: true,
  nextUpdateOverdue: true,
  allowedTransitions: true,
  statusChangedAt: true,
  createdAt: true,
  updatedAt: true,
  closedAt: true,
});
