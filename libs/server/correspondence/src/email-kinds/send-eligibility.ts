import { EMAIL_KINDS, type CancelReason, type ScheduledEmailKind } from '@campaign-desk/contracts';
import { EMAIL_KIND_DEFINITIONS } from './email-kind-definitions';
import {
  caseOpen,
  consentOnRecord,
  supporterActive,
  whileAwaitingMp,
  type EligibilityFacts,
  type StaleRule,
} from './stale-rules';

export type { EligibilityFacts } from './stale-rules';

/**
 * The re-check of one kind, in order: what every email shares, the chase plan's rule, the kind's
 * own rules, then the consent it needs on record (a reply answers the supporter's own email, so
 * it needs none; withdrawing consent cancels it through the supporter's change instead).
 */
export function staleRulesOf(kind: ScheduledEmailKind): StaleRule[] {
  const facts = EMAIL_KINDS[kind];
  return [
    caseOpen,
    supporterActive,
    ...(facts.chasePlan ? [whileAwaitingMp] : []),
    ...EMAIL_KIND_DEFINITIONS[kind].staleWhen,
    ...(facts.consentOnRecord ? [consentOnRecord(facts.consent)] : []),
  ];
}

/** Why an email must not go now (the re-check the sender makes after claiming it), or null. */
export function whyNotSend(facts: EligibilityFacts): CancelReason | null {
  for (const rule of staleRulesOf(facts.kind)) {
    const reason = rule(facts);
    if (reason) return reason;
  }
  return null;
}
