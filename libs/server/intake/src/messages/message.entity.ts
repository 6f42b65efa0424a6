import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  MessageAddress,
  MessageAttachmentMeta,
  MessageClassification,
  MessageDirection,
  MessageStatus,
  ThreadMatch,
} from '@campaign-desk/contracts';

/** One email in or out. Inbound messages share their id with their raw_messages row. */
@Entity('messages')
export class MessageEntity {
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id: string;

  @Column({ name: 'raw_message_id', type: 'uuid', nullable: true })
  rawMessageId: string | null;

  @Column({ type: 'text' })
  direction: MessageDirection;

  @Column({ name: 'rfc_message_id', type: 'text', nullable: true })
  rfcMessageId: string | null;

  @Column({ name: 'in_reply_to', type: 'text', nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true })
  references: string[];

  @Column({ name: 'from_address', type: 'citext', nullable: true })
  fromAddress: string | null;

  @Column({ name: 'from_name', type: 'text', nullable: true })
  fromName: string | null;

  @Column({ name: 'to_addresses', type: 'jsonb' })
  to: MessageAddress[];

  @Column({ name: 'cc_addresses', type: 'jsonb' })
  cc: MessageAddress[];

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'text_body', type: 'text' })
  text: string;

  @Column({ name: 'quoted_text', type: 'text' })
  quotedText: string;

  @Column({ name: 'html_sanitised', type: 'text', nullable: true, select: false })
  htmlSanitised: string | null;

  @Column({ name: 'has_remote_images', type: 'boolean' })
  hasRemoteImages: boolean;

  @Column({ type: 'text' })
  snippet: string;

  @Column({ type: 'jsonb' })
  attachments: MessageAttachmentMeta[];

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text', nullable: true })
  classification: MessageClassification | null;

  @Column({ name: 'classification_rule', type: 'text', nullable: true })
  classificationRule: string | null;

  @Column({ type: 'text' })
  status: MessageStatus;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'case_reference', type: 'text', nullable: true })
  caseReference: string | null;

  @Column({ name: 'supporter_id', type: 'uuid', nullable: true })
  supporterId: string | null;

  @Column({ name: 'related_message_id', type: 'uuid', nullable: true })
  relatedMessageId: string | null;

  @Column({ name: 'thread_match', type: 'text', nullable: true })
  threadMatch: ThreadMatch | null;

  @Column({ name: 'bounced_at', type: 'timestamptz', nullable: true })
  bouncedAt: Date | null;

  @Column({ name: 'parse_warnings', type: 'text', array: true })
  parseWarnings: string[];

  @Column({ name: 'triaged_by', type: 'uuid', nullable: true })
  triagedBy: string | null;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
