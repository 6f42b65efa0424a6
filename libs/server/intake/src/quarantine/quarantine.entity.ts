import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QuarantineReason } from '@campaign-desk/contracts';

/** A stored message that could not be turned into a message, with why. Its raw bytes are kept. */
@Entity('message_quarantine')
export class QuarantineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'raw_message_id', type: 'uuid', unique: true })
  rawMessageId: string;

  @Column({ type: 'text' })
  reason: QuarantineReason;

  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
