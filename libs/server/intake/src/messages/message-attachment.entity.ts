import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('message_attachments')
export class MessageAttachmentEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ type: 'integer' })
  n: number;

  @Column({ type: 'text', nullable: true })
  filename: string | null;

  @Column({ name: 'declared_type', type: 'text' })
  declaredType: string;

  /** Checked against the bytes; what a download is served as. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'content_id', type: 'text', nullable: true })
  contentId: string | null;

  @Column({ type: 'boolean' })
  inline: boolean;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;
}
