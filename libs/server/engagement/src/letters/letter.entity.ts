import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LetterAsk, LetterSendChannel, LetterStatus } from '@campaign-desk/contracts';

@Entity('letters')
export class LetterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_id', type: 'integer', nullable: true })
  mpId: number | null;

  @Column({ name: 'template_key', type: 'text', nullable: true })
  templateKey: string | null;

  @Column({ name: 'template_version', type: 'integer', nullable: true })
  templateVersion: number | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  asks: LetterAsk[];

  /** The letter as rendered when drafted: what is printed, signed and sent. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'draft' })
  status: LetterStatus;

  @Column({ name: 'sent_channel', type: 'text', nullable: true })
  sentChannel: LetterSendChannel | null;

  @Column({ name: 'mp_contact_id', type: 'uuid', nullable: true })
  mpContactId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
