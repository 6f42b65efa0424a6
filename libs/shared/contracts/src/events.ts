import type { CheckinAnswer } from './correspondence';
import type { MessageClassification } from './enums';
import type { MpResponseAddressed, MpResponseDateSource } from './engagement';

/**
 * In-process domain events: how one domain reacts to another's change without importing it
 * (for example, correspondence cancels pending chases when a case closes or a supporter goes on hold).
 * Payloads carry ids and enum values only. Add an entry here, publish it where the change happens.
 */
export interface DomainEventPayloads {
  /** A case moved from one status to another (including to and from on_hold, and closing). */
  'case.status_changed': { caseId: string; from: string; to: string; actorId: string | null };
  /**
   * A supporter was put on hold, or withdrew a consent that automated email depends on
   * (`consent`: contact by email, or sharing their case with their MP).
   */
  'supporter.contact_paused': {
    supporterId: string;
    /** `deleted`: the supporter was deleted (or is being erased): every pending email of theirs and their cases stops. */
    reason: 'on_hold' | 'consent_withdrawn' | 'deleted';
    consent?: 'contactByEmail' | 'shareWithMp';
    actorId: string | null;
  };
  /** Two supporters were merged: references to `sourceId` must move to `targetId`. */
  'supporter.merged': { sourceId: string; targetId: string; actorId: string | null };
  /** Intake stored a parsed inbound message; `relatedMessageId` is the stored message it answers or returns. */
  'message.received': {
    messageId: string;
    caseId: string | null;
    classification: MessageClassification;
    relatedMessageId: string | null;
  };
  /** A delivery failure came back for one of our outbound messages. */
  /** `permanent`: a hard bounce (a 5.x.x status, or no status at all); a transient 4.x.x failure is not. */
  'message.bounced': { messageId: string; caseId: string | null; permanent: boolean };
  /** The supporter answered "Has your MP replied?" (correspondence publishes; engagement records the response). */
  'checkin.answered': {
    caseId: string;
    mpContactId: string | null;
    scheduledEmailId: string;
    answer: CheckinAnswer;
    answeredAt: string;
    /** For `yes`: when the reply came (ISO), as the supporter said, and how it is known; null otherwise. */
    reply: {
      receivedAt: string;
      /** The latest instant the supporter's answer allows (the end of the day or week, or now). */
      latestAt: string;
      receivedAtSource: MpResponseDateSource;
      addressed: MpResponseAddressed;
    } | null;
  };
}

export type DomainEventName = keyof DomainEventPayloads;
