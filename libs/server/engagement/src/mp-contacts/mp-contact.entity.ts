import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MpContactBy, MpContactChannel, MpContactDirection } from '@campaign-desk/contracts';

@Entity('mp_contacts')
export class MpContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_id', type: 'integer', nullable: true })
  mpId: number | null;

  @Column({ type: 'text' })
  channel: MpContactChannel;

  @Column({ type: 'text' })
  direction: MpContactDirection;

  @Column({ name: 'contacted_by', type: 'text' })
  contactedBy: MpContactBy;

  @Column({ name: 'contacted_at', type: 'timestamptz' })
  contactedAt: Date;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
