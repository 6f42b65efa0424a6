import type { ConstituencySummary, LookupMethod, MpSummary } from './directory';
import { fieldsOf } from './fields';

/** The four things a supporter may consent to (keys of `consents`). */
export const CONSENT_KEYS = ['contactByEmail', 'shareWithMp', 'shareWithTrust', 'media'] as const;
export type ConsentKey = (typeof CONSENT_KEYS)[number];

export type SupporterConsents = Record<ConsentKey, boolean>;

/** How a consent was given or withdrawn, as recorded with each change. */
export const CONSENT_METHODS = ['staff_entry', 'online_form', 'email', 'phone', 'letter', 'in_person'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** One change of one consent (`GET /api/supporters/:id/consent-history`, newest first). */
export interface ConsentChangeDto {
  id: string;
  supporterId: string;
  consent: ConsentKey;
  /** Null when the consent was first recorded (the supporter was created). */
  oldValue: boolean | null;
  newValue: boolean;
  changedById: string | null;
  changedByName: string | null;
  method: ConsentMethod;
  /** The version of the consent wording the person saw, when known. */
  wordingVersion: string | null;
  at: string;
}

/** Who recorded the current state of a consent, and when (null: never recorded). */
export interface ConsentChange {
  at: string | null;
  byId: string | null;
}

export interface ConstituencyCandidateDto {
  constituencyId: string;
  name: string;
  share: number | null;
}

/** What viewers see of a supporter: no name, contact details, postcode, consents or on-hold reason. */
export interface SupporterSummaryDto {
  id: string;
  /** Null for viewers (the dashboard shows "supporter"). */
  name: string | null;
  constituencyId: string | null;
  constituency: ConstituencySummary | null;
  mp: MpSummary | null;
  onHold: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What caseworkers and admins see. */
export interface SupporterDto extends SupporterSummaryDto {
  name: string;
  email: string;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  /** How the constituency was resolved from the postcode (kept when staff override it). */
  constituencyMethod: LookupMethod | null;
  /** The GSS code staff chose over the lookup, or null when the lookup stands. */
  constituencyOverride: string | null;
  /** Every candidate when the postcode straddles seats; empty when it is unambiguous. */
  constituencyCandidates: ConstituencyCandidateDto[];
  consents: SupporterConsents;
  consentChanges: Record<ConsentKey, ConsentChange>;
  onHoldReason: string | null;
  deletedAt: string | null;
  /** Set when this record was merged into another (it is then soft-deleted). */
  mergedIntoId: string | null;
}

/** `POST /api/supporters` */
export interface CreateSupporterInput {
  name: string;
  email: string;
  phone?: string | null;
  address?: string | null;
  postcode: string;
  consents?: Partial<SupporterConsents>;
  /** How the consents in this request were given (recorded in the consent history; default `staff_entry`). */
  consentMethod?: ConsentMethod;
  /** The version of the consent wording the person agreed to, when known. */
  consentWordingVersion?: string | null;
  constituencyOverride?: string | null;
  onHold?: boolean;
  onHoldReason?: string | null;
  /** Create even when a likely duplicate exists (otherwise 409 with `existingId`). */
  createAnyway?: boolean;
}

export type UpdateSupporterInput = Partial<Omit<CreateSupporterInput, 'createAnyway'>>;

/** Body of the 409 a likely duplicate answers. */
export interface DuplicateSupporterError {
  statusCode: 409;
  message: string;
  existingId: string;
  matchedOn: 'email' | 'name_and_postcode';
}

/** `POST /api/supporters/:id/merge {targetId}` answers this. */
export interface SupporterMergeResult {
  sourceId: string;
  targetId: string;
  /** The surviving record, with the richer fields it took from the source. */
  target: SupporterDto;
}

export const SUPPORTER_SORT_FIELDS = ['id', 'name', 'createdAt', 'postcode'] as const;
export type SupporterSortField = (typeof SUPPORTER_SORT_FIELDS)[number];
export const SUPPORTER_FILTER_FIELDS = [
  'q',
  'constituencyId',
  'consentContactByEmail',
  'consentShareWithMp',
  'consentShareWithTrust',
  'consentMedia',
  'onHold',
] as const;
export type SupporterFilterField = (typeof SUPPORTER_FILTER_FIELDS)[number];
/** Viewers may not sort by postcode, and their `q` matches names only. */
export const SUPPORTER_VIEWER_SORT_FIELDS = ['id', 'createdAt'] as const;
/**
 * Viewers cannot filter by consent or on-hold, search or sort by name: each would reveal what their
 * summary hides (a name search says whether someone is a supporter).
 */
export const SUPPORTER_VIEWER_FILTER_FIELDS = ['constituencyId'] as const;

/** Every field of a supporter as staff read it (and react-admin sends back on update). */
export const SUPPORTER_FIELDS = fieldsOf<SupporterDto>()({
  id: true,
  name: true,
  email: true,
  phone: true,
  address: true,
  postcode: true,
  constituencyId: true,
  constituency: true,
  mp: true,
  constituencyMethod: true,
  constituencyOverride: true,
  constituencyCandidates: true,
  consents: true,
  consentChanges: true,
  onHold: true,
  onHoldReason: true,
  deletedAt: true,
  mergedIntoId: true,
  createdAt: true,
  updatedAt: true,
});
