import type { ConstituencySummary, LookupMethod, MpSummary } from './directory';
import type { MessageClassification, Priority, Topic } from './enums';

/** Email intake and the triage inbox (issue 4). Enum values are snake_case on the wire. */
export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/**
 * Inbound: `new` (a request awaiting triage), `triaged`, `not_a_request`, `linked` (joined a case),
 * `ignored` (auto-reply, bounce, read receipt or spam that joined no case).
 * Outbound: `sent`, `bounced` (a delivery failure came back for it).
 */
export const MESSAGE_STATUSES = ['new', 'triaged', 'not_a_request', 'linked', 'ignored', 'sent', 'bounced'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const INTAKE_SOURCES = ['webhook', 'imap', 'upload'] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

/** Where a stored raw message is: waiting for the parser, parsed into a message, or quarantined. */
export const INTAKE_STATUSES = ['pending', 'parsed', 'quarantined'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const QUARANTINE_REASONS = [
  'too_large',
  'header_too_large',
  'too_many_parts',
  'parse_timeout',
  'parse_memory',
  'parse_error',
  'no_content',
  'repeated_failure',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** How a reply found its case. */
export const THREAD_MATCHES = ['in_reply_to', 'references', 'subject_reference'] as const;
export type ThreadMatch = (typeof THREAD_MATCHES)[number];

export const TRIAGE_ACTIONS = ['not_a_request', 'link_case', 'triaged'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

export const BULK_MESSAGE_ACTIONS = ['spam'] as const;
export type BulkMessageAction = (typeof BULK_MESSAGE_ACTIONS)[number];

/** What `POST /api/inbound/email` (202) and each file of `POST /api/messages/upload` answer. */
export interface IntakeReceipt {
  /** Null when the message was refused. */
  messageId: string | null;
  /** `refused`: it belongs to an erased supporter (a tombstone matched); nothing was stored. */
  status: IntakeStatus | 'refused';
  /** True when this Message-ID (or these exact bytes) had already arrived. */
  duplicate: boolean;
  caseId?: string | null;
  quarantineId?: string | null;
}

export interface MessageAddress {
  name: string;
  address: string;
}

/** Who an address belongs to, as far as the product knows: what viewers see instead of names and addresses. */
export const CORRESPONDENT_ROLES = ['supporter', 'mp_office', 'charity', 'unknown'] as const;
export type CorrespondentRole = (typeof CORRESPONDENT_ROLES)[number];

/** A sender or recipient as the API answers it: name and address are null for viewers, the role is always there. */
export interface MessageAddressDto {
  name: string | null;
  address: string | null;
  role: CorrespondentRole;
}

export interface MessageAttachmentMeta {
  /** Index for `GET /api/messages/:id/attachments/:n` (0-based). */
  n: number;
  filename: string | null;
  /** The type the bytes were checked to be; application/octet-stream when unknown. */
  contentType: string;
  size: number;
  inline: boolean;
}

/** A row of `GET /api/messages`. Body fields, names and addresses are null for viewers. */
export interface MessageSummary {
  id: string;
  direction: MessageDirection;
  classification: MessageClassification | null;
  status: MessageStatus;
  fromAddress: string | null;
  fromName: string | null;
  /** Who sent it: the supporter, an MP's office, the charity, or an unknown sender. */
  fromRole: CorrespondentRole;
  subject: string | null;
  snippet: string | null;
  receivedAt: string;
  sentAt: string | null;
  caseId: string | null;
  supporterId: string | null;
  threadMatch: ThreadMatch | null;
  attachmentCount: number;
  /** From the triage keyword rules; null for viewers and for outbound mail. */
  suggestedPriority: Priority | null;
}

/** `GET /api/messages/:id`: reading it is audited. */
export interface MessageDetail extends MessageSummary {
  rfcMessageId: string | null;
  inReplyTo: string | null;
  references: string[];
  to: MessageAddressDto[];
  cc: MessageAddressDto[];
  /** The new part of the message; the quoted history is in quotedText. */
  text: string | null;
  quotedText: string | null;
  hasHtml: boolean;
  hasRemoteImages: boolean;
  attachments: MessageAttachmentMeta[];
  relatedMessageId: string | null;
  bouncedAt: string | null;
  parseWarnings: string[];
  triagedAt: string | null;
  triagedById: string | null;
}

/** A postcode found in the message text, resolved through the directory. */
export interface PostcodeSuggestion {
  postcode: string;
  found: boolean;
  method: LookupMethod | null;
  /** True when staff should confirm between several candidate seats. */
  ambiguous: boolean;
  constituency: ConstituencySummary | null;
  mp: MpSummary | null;
  /** Why it did not resolve (e.g. a Crown Dependency postcode). */
  problem: string | null;
}

export interface MessageSuggestions {
  /** The supporter with the sender's email, or a new one pre-filled from the From header. */
  supporter:
    | { match: 'existing'; supporterId: string; name: string; email: string }
    | { match: 'new'; name: string; email: string | null };
  postcodes: PostcodeSuggestion[];
  topics: Topic[];
  priority: Priority;
  matchedRules: { keyword: string; topic: Topic | null; priority: Priority | null }[];
  trusts: string[];
  /**
   * The `[CD-n]` reference in the subject of a message left in triage: its sender is not a party
   * to that case (or there is no such case), so it was not filed there; staff may link it.
   */
  claimedCase: { reference: string } | null;
}

export interface TriageRuleDto {
  id: string;
  keyword: string;
  topic: Topic | null;
  priority: Priority | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface QuarantinedMessageDto {
  id: string;
  messageId: string;
  reason: QuarantineReason;
  detail: string;
  source: IntakeSource;
  sizeBytes: number;
  rfcMessageId: string | null;
  receivedAt: string;
  quarantinedAt: string;
}
