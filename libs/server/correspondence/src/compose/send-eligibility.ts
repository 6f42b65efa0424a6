import {
  CHASE_KINDS,
  RECIPIENT_OF_KIND,
  type CancelReason,
  type CaseStatus,
  type ScheduledEmailKind,
  type SupporterConsents,
} from '@campaign-desk/contracts';

export interface EligibilityFacts {
  kind: ScheduledEmailKind;
  caseStatus: CaseStatus;
  supporter: { onHold: boolean; consents: SupporterConsents } | null;
  /** The supporter already answered this check-in (through this email or another of the same contact). */
  checkinAnswered: boolean;
}

/**
 * Why an email must not go now (the re-check the sender makes after claiming it), or null.
 * Nothing goes from a closed or on-hold case or to/about a supporter on hold. The chase plan's
 * emails only go while the case awaits the MP. Automated check-ins need consent to email the
 * supporter; anything to the MP's office needs consent to share the case with the MP. (A reply
 * answers the supporter's own email, so it needs no recorded consent; withdrawing consent
 * cancels it through the supporter's change instead.)
 */
export function whyNotSend(facts: EligibilityFacts): CancelReason | null {
  if (facts.caseStatus === 'closed') return 'case_closed';
  if (facts.caseStatus === 'on_hold') return 'case_on_hold';
  if (facts.supporter?.onHold) return 'supporter_on_hold';
  if ((CHASE_KINDS as readonly string[]).includes(facts.kind)) {
    if (facts.caseStatus === 'mp_responded') return 'mp_responded';
    if (facts.caseStatus !== 'awaiting_mp') return 'case_moved_on';
  }
  if ((facts.kind === 'supporter_checkin' || facts.kind === 'checkin_reminder') && facts.checkinAnswered)
    return 'checkin_answered';
  if (facts.kind === 'supporter_checkin' || facts.kind === 'checkin_reminder') {
    if (!facts.supporter?.consents.contactByEmail) return 'no_consent';
  }
  if (RECIPIENT_OF_KIND[facts.kind] === 'mp' && !facts.supporter?.consents.shareWithMp) return 'no_consent';
  return null;
}
