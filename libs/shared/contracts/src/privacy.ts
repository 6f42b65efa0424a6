import { fieldsOf } from './fields';

/**
 * Data protection (DESIGN §10.5, issue 12): erasure of a supporter, subject access requests and their export.
 */

/**
 * The steps of an erasure, in the order they run. Each commits on its own, so a crash leaves the
 * erasure `in_progress` with the steps done so far, and the next call carries on from there.
 */
export const ERASURE_STEPS = [
  'cancel_mail',
  'tombstone',
  'messages',
  'case_records',
  'audit_details',
  'supporter',
] as const;
export type ErasureStep = (typeof ERASURE_STEPS)[number];

export const ERASURE_STATUSES = ['in_progress', 'completed'] as const;
export type ErasureStatus = (typeof ERASURE_STATUSES)[number];

/** `POST /api/supporters/:id/erasure` */
export interface EraseSupporterInput {
  /** Why (a request from the person, retention, …): kept with the erasure record. */
  reason: string;
}

/** The erasure record of a supporter (one per supporter: erasing again answers the same record). */
export interface ErasureDto {
  id: string;
  supporterId: string;
  reason: string;
  status: ErasureStatus;
  stepsDone: ErasureStep[];
  requestedById: string | null;
  requestedAt: string;
  completedAt: string | null;
  /** De-identified counts of what was erased. */
  counts: Record<string, number>;
}

/** What an intake tombstone hashes: the sender's address, a Message-ID, or the exact bytes of a message. */
export const TOMBSTONE_KINDS = ['sender', 'message_id', 'raw_sha256'] as const;
export type TombstoneKind = (typeof TOMBSTONE_KINDS)[number];

/** Placeholders written where personal data was. */
export const ERASED_NAME = 'Erased supporter';
export const ERASED_TEXT = '[erased]';

export const SUBJECT_ACCESS_STATUSES = ['received', 'in_progress', 'completed', 'refused'] as const;
export type SubjectAccessStatus = (typeof SUBJECT_ACCESS_STATUSES)[number];

/** A subject access request: answered within one calendar month of receipt (`dueAt`, computed by the server). */
export interface SubjectAccessRequestDto {
  id: string;
  supporterId: string;
  receivedAt: string;
  dueAt: string;
  status: SubjectAccessStatus;
  handledById: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export const SUBJECT_ACCESS_REQUEST_FIELDS = fieldsOf<SubjectAccessRequestDto>()({
  id: true,
  supporterId: true,
  receivedAt: true,
  dueAt: true,
  status: true,
  handledById: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
});

export interface CreateSubjectAccessRequestInput {
  supporterId: string;
  /** Defaults to now. */
  receivedAt?: string;
  status?: SubjectAccessStatus;
  handledById?: string | null;
  notes?: string | null;
}

export type UpdateSubjectAccessRequestInput = Partial<Omit<CreateSubjectAccessRequestInput, 'supporterId'>>;

export const SUBJECT_ACCESS_SORT_FIELDS = ['id', 'receivedAt', 'dueAt', 'status'] as const;
export type SubjectAccessSortField = (typeof SUBJECT_ACCESS_SORT_FIELDS)[number];
export const SUBJECT_ACCESS_FILTER_FIELDS = ['id', 'supporterId', 'status'] as const;
export type SubjectAccessFilterField = (typeof SUBJECT_ACCESS_FILTER_FIELDS)[number];
