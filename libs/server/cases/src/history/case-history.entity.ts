import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseOutcome, CaseStatus } from '@campaign-desk/contracts';

export type AssignmentMethod = 'manual' | 'bulk' | 'auto';

/** One row per status change, including creation (from null). */
@Entity('case_status_changes')
export class CaseStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: CaseStatus;

  @Column({ type: 'text', nullable: true })
  outcome: CaseOutcome | null;

  @Column({ name: 'duplicate_of_id', type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/** One row per change of assignee. */
@Entity('case_assignments')
export class CaseAssignmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'from_assignee_id', type: 'uuid', nullable: true })
  fromAssigneeId: string | null;

  @Column({ name: 'to_assignee_id', type: 'uuid', nullable: true })
  toAssigneeId: string | null;

  @Column({ type: 'text' })
  method: AssignmentMethod;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
