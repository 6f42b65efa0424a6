import type {
  CancelReason,
  CaseStatus,
  ConsentKey,
  ScheduledEmailKind,
  SupporterConsents,
} from '@campaign-desk/contracts';

/** What the sender knows when it re-checks an email it has claimed. */
export interface EligibilityFacts {
  kind: ScheduledEmailKind;
  caseStatus: CaseStatus;
  /** `removed`: the supporter was deleted or erased (nothing goes to or about them). */
  supporter: { onHold: boolean; consents: SupporterConsents; removed?: boolean } | null;
  /** The supporter already answered this check-in (through this email or another of the same contact). */
  checkinAnswered: boolean;
}

/** Why an email has become stale (it must not go), or null. */
export type StaleRule = (facts: EligibilityFacts) => CancelReason | null;

/** Nothing goes from a closed or on-hold case. */
export const caseOpen: StaleRule = ({ caseStatus }) =>
  caseStatus === 'closed' ? 'case_closed' : caseStatus === 'on_hold' ? 'case_on_hold' : null;

/** Nothing goes to or about a supporter who was deleted, or who is on hold. */
export const supporterActive: StaleRule = ({ supporter }) =>
  supporter?.removed ? 'supporter_deleted' : supporter?.onHold ? 'supporter_on_hold' : null;

/** The chase plan's emails only go while the case awaits the MP. */
export const whileAwaitingMp: StaleRule = ({ caseStatus }) =>
  caseStatus === 'mp_responded' ? 'mp_responded' : caseStatus !== 'awaiting_mp' ? 'case_moved_on' : null;

/** A check-in (or its reminder) is pointless once the supporter has answered. */
export const untilCheckinAnswered: StaleRule = ({ checkinAnswered }) => (checkinAnswered ? 'checkin_answered' : null);

/** The supporter's consent must be on record (checked last: a stale email is cancelled for its first reason). */
export const consentOnRecord =
  (consent: ConsentKey): StaleRule =>
  ({ supporter }) =>
    supporter?.consents[consent] ? null : 'no_consent';
