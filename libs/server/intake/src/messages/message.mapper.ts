import type {
  MessageAddress,
  MessageAddressDto,
  MessageDetail,
  MessageSummary,
  Priority,
  StaffRole,
} from '@campaign-desk/contracts';
import type { RoleOf } from './correspondent-roles';
import type { MessageEntity } from './message.entity';

/**
 * Viewers see when and by whom (as a role), never what or who by name: no subject, body, snippet,
 * attachment names, names or addresses (DESIGN invariant 7).
 */
export function canReadBodies(role: StaffRole): boolean {
  return role === 'admin' || role === 'caseworker';
}

export function toMessageSummary(
  m: MessageEntity,
  readBodies: boolean,
  suggestedPriority: Priority | null,
  roleOf: RoleOf,
): MessageSummary {
  return {
    id: m.id,
    direction: m.direction,
    classification: m.classification,
    status: m.status,
    fromAddress: readBodies ? m.fromAddress : null,
    fromName: readBodies ? m.fromName : null,
    fromRole: roleOf(m.fromAddress, m.direction, true),
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
  roleOf: RoleOf,
): MessageDetail {
  const addresses = (list: MessageAddress[]): MessageAddressDto[] =>
    list.map((a) => ({
      name: readBodies ? a.name : null,
      address: readBodies ? a.address : null,
      role: roleOf(a.address, m.direction),
    }));
  return {
    ...toMessageSummary(m, readBodies, suggestedPriority, roleOf),
    rfcMessageId: readBodies ? m.rfcMessageId : null,
    inReplyTo: readBodies ? m.inReplyTo : null,
    references: readBodies ? m.references : [],
    to: addresses(m.to),
    cc: addresses(m.cc),
    text: readBodies ? m.text : null,
    quotedText: readBodies ? m.quotedText : null,
    hasHtml: readBodies && hasHtml,
    hasRemoteImages: readBodies && m.hasRemoteImages,
    attachments: readBodies ? m.attachments : [],
    relatedMessageId: m.relatedMessageId,
    bouncedAt: m.bouncedAt?.toISOString() ?? null,
    parseWarnings: readBodies ? m.parseWarnings : [],
    triagedAt: m.triagedAt?.toISOString() ?? null,
    triagedById: m.triagedBy,
  };
}

/** Every address on these messages (for one role lookup a page). */
export function addressesOf(messages: MessageEntity[], withRecipients: boolean): string[] {
  return messages.flatMap((m) => [
    m.fromAddress ?? '',
    ...(withRecipients ? [...m.to, ...m.cc].map((a) => a.address) : []),
  ]);
}
