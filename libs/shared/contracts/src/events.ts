/**
 * In-process domain events: how one domain reacts to another's change without importing it
 * (for example, correspondence cancels pending chases when a case closes or a supporter goes on hold).
 * Payloads carry ids and enum values only. Add an entry here, publish it where the change happens.
 */
export interface DomainEventPayloads {
  /** A case moved from one status to another (including to and from on_hold, and closing). */
  'case.status_changed': { caseId: string; from: string; to: string; actorId: string | null };
  /** A supporter was put on hold, or withdrew consent to be contacted by email. */
  'supporter.contact_paused': { supporterId: string; reason: 'on_hold' | 'consent_withdrawn'; actorId: string | null };
  /** Two supporters were merged: references to `sourceId` must move to `targetId`. */
  'supporter.merged': { sourceId: string; targetId: string; actorId: string | null };
}

export type DomainEventName = keyof DomainEventPayloads;
