import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MpActionType } from '@campaign-desk/contracts';

@Entity('mp_actions')
export class MpActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'mp_id', type: 'integer', nullable: true })
  mpId: number | null;

  @Column({ type: 'text' })
  type: MpActionType;

  /** A London calendar date (`2026-11-23`). */
  @Column({ name: 'action_date', type: 'date' })
  actionDate: string;

  @Column({ name: 'evidence_url', type: 'text', nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
