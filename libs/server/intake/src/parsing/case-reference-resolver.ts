import { Injectable } from '@nestjs/common';
import { MessagesRepository } from '../messages/messages.repository';

/**
 * Finds the case a `[CD-n]` subject reference points at. The cases lib will provide the real
 * implementation (by case number); until then the default answers the case of a message already
 * linked under that reference, or nothing.
 */
export abstract class CaseReferenceResolver {
  /** `reference` is normalised as `CD-<n>` without leading zeros. Answers a case id or null. */
  abstract resolve(reference: string): Promise<string | null>;
}

@Injectable()
export class MessageCaseReferenceResolver extends CaseReferenceResolver {
  constructor(private readonly messages: MessagesRepository) {
    super();
  }

  resolve(reference: string): Promise<string | null> {
    return this.messages.findCaseIdByReference(reference);
  }
}
