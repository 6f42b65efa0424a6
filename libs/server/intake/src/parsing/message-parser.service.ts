import { Injectable, Logger } from '@nestjs/common';
import type { MessageClassification, QuarantineReason } from '@campaign-desk/contracts';
import { Clock, DomainEvents } from '@campaign-desk/server-core';
import type { AnalysedMessage } from '../mime/analyse-message';
import { MessagesRepository, type NewAttachment } from '../messages/messages.repository';
import { RawMessagesRepository, type ParseClaim } from '../raw-messages/raw-messages.repository';
import { MessageAnalyserService } from './message-analyser.service';
import { ThreadingService, type Placement } from './threading.service';

/** After this many failed attempts (errors, not quarantines) a message is quarantined instead of retried forever. */
export const MAX_PARSE_FAILURES = 3;

export type ParseResult =
  | { status: 'parsed'; classification: MessageClassification; caseId: string | null }
  | { status: 'quarantined'; reason: QuarantineReason }
  | { status: 'skipped' };

/** Worker side of intake: turns one stored raw message into a message (or a quarantine record), once. */
@Injectable()
export class MessageParserService {
  private readonly logger = new Logger(MessageParserService.name);

  constructor(
    private readonly clock: Clock,
    private readonly raw: RawMessagesRepository,
    private readonly messages: MessagesRepository,
    private readonly analyser: MessageAnalyserService,
    private readonly threading: ThreadingService,
    private readonly events: DomainEvents,
  ) {}

  async parse(rawMessageId: string): Promise<ParseResult> {
    try {
      const outcome = await this.raw.parseInTransaction(rawMessageId, async (claim, tx) => {
        if (claim.parseFailures >= MAX_PARSE_FAILURES) {
          await this.raw.markQuarantined(tx, claim.id, 'repeated_failure', claim.lastError ?? 'failed repeatedly');
          return { status: 'quarantined', reason: 'repeated_failure' } as const;
        }
        const analysis = await this.analyser.analyse(claim.raw);
        if (!analysis.ok) {
          await this.raw.markQuarantined(tx, claim.id, analysis.reason, analysis.detail);
          this.logger.warn({ rawMessageId, reason: analysis.reason }, 'message quarantined');
          return { status: 'quarantined', reason: analysis.reason } as const;
        }
        const placement = await this.threading.place(analysis.message, claim.id);
        const attachments = toAttachmentRows(analysis.message);
        await this.messages.insert(tx, toMessageRow(claim, analysis.message, placement, attachments), attachments);
        if (placement.bouncedMessageId)
          await this.messages.markBounced(tx, placement.bouncedMessageId, this.clock.now());
        await this.raw.markParsed(tx, claim.id);
        // Other domains react in this transaction (correspondence stops chases when the MP's office answers, marks bounces).
        await this.events.publish(
          'message.received',
          {
            messageId: claim.id,
            caseId: placement.caseId,
            classification: placement.classification,
            relatedMessageId: placement.relatedMessageId,
          },
          tx,
        );
        if (placement.bouncedMessageId)
          await this.events.publish(
            'message.bounced',
            {
              messageId: placement.bouncedMessageId,
              caseId: placement.caseId,
              permanent: placement.bouncePermanent,
            },
            tx,
          );
        return { status: 'parsed', classification: placement.classification, caseId: placement.caseId } as const;
      });
      return outcome.claimed ? outcome.result : { status: 'skipped' };
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      await this.raw.recordFailure(rawMessageId, message).catch(() => undefined);
      throw error;
    }
  }
}

function toAttachmentRows(message: AnalysedMessage): NewAttachment[] {
  return message.attachments.map((a, n) => ({
    n,
    filename: a.filename,
    declaredType: a.declaredType,
    contentType: a.contentType,
    contentId: a.contentId,
    inline: a.inline,
    sizeBytes: a.content.byteLength,
    content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
  }));
}

function toMessageRow(claim: ParseClaim, m: AnalysedMessage, placement: Placement, attachments: NewAttachment[]) {
  return {
    id: claim.id,
    rawMessageId: claim.id,
    direction: 'in' as const,
    rfcMessageId: claim.rfcMessageId ?? m.messageId,
    inReplyTo: m.inReplyTo[0] ?? null,
    references: m.references,
    fromAddress: m.from?.address || null,
    fromName: m.from?.name || null,
    to: m.to,
    cc: m.cc,
    subject: m.subject,
    text: m.text,
    quotedText: m.quotedText,
    htmlSanitised: m.html,
    hasRemoteImages: m.hasRemoteImages,
    snippet: m.snippet,
    attachments: attachments.map((a) => ({
      n: a.n,
      filename: a.filename,
      contentType: a.contentType,
      size: a.sizeBytes,
      inline: a.inline,
    })),
    sentAt: m.sentAt ? new Date(m.sentAt) : null,
    receivedAt: claim.receivedAt,
    classification: placement.classification,
    classificationRule: m.classificationRule,
    status: placement.status,
    caseId: placement.caseId,
    caseReference: m.caseReference,
    relatedMessageId: placement.relatedMessageId,
    threadMatch: placement.threadMatch,
    parseWarnings: m.warnings,
  };
}
