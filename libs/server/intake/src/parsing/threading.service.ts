import { Injectable } from '@nestjs/common';
import type { MessageClassification, MessageStatus, ThreadMatch } from '@campaign-desk/contracts';
import type { AnalysedMessage } from '../mime/analyse-message';
import { MessagesRepository, type ThreadCandidate } from '../messages/messages.repository';
import { CaseReferenceResolver } from './case-reference-resolver';

/** Where a parsed inbound message belongs: its classification, case and related message. */
export interface Placement {
  classification: MessageClassification;
  status: MessageStatus;
  caseId: string | null;
  threadMatch: ThreadMatch | null;
  relatedMessageId: string | null;
  /** An outbound message this bounce returns, to be marked bounced. */
  bouncedMessageId: string | null;
  /** Whether that bounce is permanent (a hard bounce), which marks an MP's address failing. */
  bouncePermanent: boolean;
}

@Injectable()
export class ThreadingService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly cases: CaseReferenceResolver,
  ) {}

  async place(message: AnalysedMessage, ownId: string): Promise<Placement> {
    const machine = message.machineClassification;
    // Spam joins nothing, whatever its headers claim.
    const parent = machine === 'spam' ? null : await this.findParent(message, ownId);
    let caseId = parent?.candidate.caseId ?? null;
    let threadMatch: ThreadMatch | null = caseId && parent ? parent.match : null;
    let relatedMessageId = parent?.candidate.id ?? null;
    let bouncedMessageId: string | null = null;

    if (machine === 'bounce' && message.bounce) {
      const returned = (await this.messages.findByRfcIds(message.bounce.originalMessageIds)).filter(
        (c) => c.id !== ownId,
      );
      const original = returned.find((c) => c.direction === 'out') ?? returned[0];
      if (original) {
        relatedMessageId = original.id;
        caseId = original.caseId ?? caseId;
        if (original.caseId) threadMatch = 'references';
        if (original.direction === 'out' && message.bounce.kind === 'failed') bouncedMessageId = original.id;
      }
    }
    if (!caseId && machine !== 'spam' && message.caseReference) {
      caseId = await this.bySubjectReference(message.caseReference, message.from?.address ?? null);
      if (caseId) threadMatch = 'subject_reference';
    }

    const classification: MessageClassification = machine ?? (caseId ? 'reply' : 'request');
    const status: MessageStatus = classification === 'request' ? 'new' : caseId ? 'linked' : 'ignored';
    return {
      classification,
      status,
      caseId,
      threadMatch: caseId ? threadMatch : null,
      relatedMessageId,
      bouncedMessageId,
      bouncePermanent: bouncedMessageId !== null && !!message.bounce?.permanent,
    };
  }

  /**
   * Case numbers are sequential, so a `[CD-n]` in the subject is only a claim: it files the message
   * into the case when the sender is a party to it (the supporter, the MP's office, or an address the
   * charity wrote to from the case). Anyone else's message stays in triage, where the reference it
   * claims (kept on the message) is offered as a suggestion.
   */
  private async bySubjectReference(reference: string, sender: string | null): Promise<string | null> {
    if (!sender) return null;
    const claim = await this.cases.resolve(reference);
    if (!claim) return null;
    const address = sender.trim().toLowerCase();
    if (claim.parties.some((p) => p.trim().toLowerCase() === address)) return claim.caseId;
    return (await this.messages.caseWroteTo(claim.caseId, address)) ? claim.caseId : null;
  }

  /** The nearest stored message this one answers: In-Reply-To first, then References newest first; one with a case wins. */
  private async findParent(
    message: AnalysedMessage,
    ownId: string,
  ): Promise<{ candidate: ThreadCandidate; match: ThreadMatch } | null> {
    const ordered = [...new Set([...message.inReplyTo, ...[...message.references].reverse()])];
    if (!ordered.length) return null;
    const candidates = (await this.messages.findByRfcIds(ordered)).filter((c) => c.id !== ownId);
    let fallback: { candidate: ThreadCandidate; match: ThreadMatch } | null = null;
    for (const id of ordered) {
      const match: ThreadMatch = message.inReplyTo.includes(id) ? 'in_reply_to' : 'references';
      const found = candidates.filter((c) => c.rfcMessageId === id);
      const withCase = found.find((c) => c.caseId);
      if (withCase) return { candidate: withCase, match };
      if (!fallback && found.length) fallback = { candidate: found[0], match };
    }
    return fallback;
  }
}
