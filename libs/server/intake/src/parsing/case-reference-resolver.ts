import { Injectable } from '@nestjs/common';
import { MessagesRepository } from '../messages/messages.repository';

/** The case a `[CD-n]` reference points at, and the addresses of its parties (supporter, representative's office). */
export interface CaseClaim {
  caseId: string;
  /** Addresses allowed to file mail into the case by its reference alone (any case; compared case-insensitively). */
  parties: string[];
}

/**
 * Finds the case a `[CD-n]` subject reference points at. The cases lib provides the real
 * implementation (by case number, with the supporter's and the MP's addresses); the interim default
 * answers the case of a message already linked under that reference, with no parties of its own.
 */
export abstract class CaseReferenceResolver {
  /** `reference` is normalised as `CD-<n>` without leading zeros. Answers the case, or null. */
  abstract resolve(reference: string): Promise<CaseClaim | null>;
}

@Injectable()
export class MessageCaseReferenceResolver extends CaseReferenceResolver {
  constructor(private readonly messages: MessagesRepository) {
    super();
  }

  async resolve(reference: string): Promise<CaseClaim | null> {
    const caseId = await this.messages.findCaseIdByReference(reference);
    return caseId ? { caseId, parties: [] } : null;
  }
}
