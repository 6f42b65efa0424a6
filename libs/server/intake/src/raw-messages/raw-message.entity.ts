import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IntakeSource, IntakeStatus } from '@campaign-desk/contracts';

/** Inbound MIME exactly as it arrived, committed before anything parses it (DESIGN invariant 1). */
@Entity('raw_messages')
export class RawMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey: string;

  @Column({ name: 'rfc_message_id', type: 'text', nullable: true })
  rfcMessageId: string | null;

  @Column({ type: 'bytea' })
  sha256: Buffer;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'text' })
  source: IntakeSource;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Column({ type: 'bytea', select: false })
  raw: Buffer;

  @Column({ type: 'text' })
  status: IntakeStatus;

  @Column({ name: 'parse_failures', type: 'integer' })
  parseFailures: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'parsed_at', type: 'timestamptz', nullable: true })
  parsedAt: Date | null;
}
