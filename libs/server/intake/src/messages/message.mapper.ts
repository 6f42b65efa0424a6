import type { MessageDetail, MessageSummary, Priority, StaffRole } from '@campaign-desk/contracts';
import type { MessageEntity } from './message.entity';

/** Viewers see who and when, never what: no subject, body, snippet or attachment names (DESIGN invariant 7). */
export function canReadBodies(role: StaffRole): boolean {
  return role === 'admin' || role === 'caseworker';
}

export function toMessageSummary(
  m: MessageEntity,
  readBodies: boolean,
  suggestedPriority: Priority | null,
): MessageSummary {
  return {
    id: m.id,
    direction: m.direction,
    classification: m.classification,
    status: m.status,
    fromAddress: m.fromAddress,
    fromName: m.fromName,
    subject: readBodies ? m.subject : null,
    snippet: readBodies ? m.snippet : null,
    receivedAt: m.receivedAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    caseId: m.caseId,
    supporterId: m.supporterId,
    threadMatch: m.threadMatch,
    attachmentCount: m.attachments?.length ?? 0,
    suggestedPriority: readBodies ? suggestedPriority : null,
  };
}

export function toMessageDetail(
  m: MessageEntity,
  readBodies: boolean,
  suggestedPriority: Priority | null,
  hasHtml: boolean,
): MessageDetail {
  return {
    ...toMessageSummary(m, readBodies, suggestedPriority),
    rfcMessageId: m.rfcMessageId,
    inReplyTo: m.inReplyTo,
    references: m.references,
    to: m.to,
    cc: m.cc,
    text: readBodies ? m.text : null,
    quotedText: readBodies ? m.quotedText : null,
    hasHtml: readBodies && hasHtml,
    hasRemoteImages: readBodies && m.hasRemoteImages,
    attachments: readBodies ? m.attachments : [],
    relatedMessageId: m.relatedMessageId,
    bouncedAt: m.bouncedAt?.toISOString() ?? null,
    parseWarnings: m.parseWarnings,
    triagedAt: m.triagedAt?.toISOString() ?? null,
    triagedById: m.triagedBy,
  };
}
