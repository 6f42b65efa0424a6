import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  MpResponseAddressed,
  MpResponseDateSource,
  MpResponseKind,
  MpResponseSource,
} from '@campaign-desk/contracts';

@Entity('mp_responses')
export class MpResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_contact_id', type: 'uuid', nullable: true })
  mpContactId: string | null;

  @Column({ name: 'mp_id', type: 'integer', nullable: true })
  mpId: number | null;

  @Column({ type: 'text' })
  kind: MpResponseKind;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ type: 'text' })
  source: MpResponseSource;

  @Column({ name: 'received_at_source', type: 'text' })
  receivedAtSource: MpResponseDateSource;

  @Column({ type: 'text', nullable: true })
  addressed: MpResponseAddressed | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
