import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CancelReason, RecipientKind, ScheduledEmailKind, ScheduledEmailStatus } from '@campaign-desk/contracts';

/**
 * One outbound email (the outbox). Written in the transaction of the change that caused it; its
 * BullMQ job has jobId = id. `delivery_started_at` is committed just before the message's end is
 * released to the SMTP connection: without it the server cannot have accepted the message.
 */
@Entity('scheduled_emails')
export class ScheduledEmailEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'supporter_id', type: 'uuid', nullable: true })
  supporterId: string | null;

  @Column({ name: 'mp_contact_id', type: 'uuid', nullable: true })
  mpContactId: string | null;

  @Column({ type: 'text' })
  kind: ScheduledEmailKind;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind: RecipientKind;

  @Column({ type: 'text' })
  status: ScheduledEmailStatus;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'template_key', type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ name: 'template_version', type: 'integer', nullable: true })
  templateVersion: number | null;

  /** Composed by staff (a reply); automated emails render from their template at send time. */
  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Ids the renderer needs beyond the case (a meeting, an agreed action). */
  @Column({ type: 'jsonb' })
  context: Record<string, string>;

  @Column({ name: 'rfc_message_id', type: 'text' })
  rfcMessageId: string;

  @Column({ name: 'in_reply_to', type: 'text', nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true })
  references: string[];

  @Column({ name: 'recipient_address', type: 'citext', nullable: true })
  recipientAddress: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'delivery_started_at', type: 'timestamptz', nullable: true })
  deliveryStartedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'bounced_at', type: 'timestamptz', nullable: true })
  bouncedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: CancelReason | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'last_response_code', type: 'integer', nullable: true })
  lastResponseCode: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
